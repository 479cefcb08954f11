/** The fields of one rule or action type, generated from handlerFields.ts, each with SORACOM's help text. */
import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { enumLabel, type MessageKey, useTranslation } from '../../app/i18n';
import { CredentialPicker } from '../credentials/CredentialPicker';
import type { Field } from './handlerFields';

export function PropertyFields({
  fields,
  values,
  onChange,
  idPrefix,
}: {
  fields: readonly Field[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const set = (key: string, value: string) => onChange({ ...values, [key]: value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {fields.map((field) => {
        const label = t(`events.fields.${field.key}` as MessageKey, { defaultValue: field.key });
        const description = t(`events.help.${field.key}` as MessageKey, { defaultValue: '' }) || undefined;
        const common = {
          id: `${idPrefix}-${field.key}`,
          label,
          description,
          required: field.required,
          value: values[field.key] ?? '',
        };
        if (field.kind === 'select') {
          // Every `…Const` property (`inactiveTimeoutDateConst`, `executionDateTimeConst`) holds a named time.
          const constants = field.key.endsWith('Const');
          return (
            <Select
              key={field.key}
              {...common}
              data={[
                ...(field.required ? [] : [{ value: '', label: t('events.form.none') }]),
                ...field.options.map((value) => ({
                  value,
                  label: constants ? enumLabel(t, 'events.consts', value) : value,
                })),
              ]}
              allowDeselect={false}
              onChange={(value) => set(field.key, value ?? '')}
            />
          );
        }
        if (field.kind === 'credential') {
          return (
            <CredentialPicker
              key={field.key}
              label={label}
              required={field.required}
              value={common.value}
              onChange={(id) => set(field.key, id)}
            />
          );
        }
        if (field.kind === 'longText' || field.kind === 'headers') {
          return (
            <Textarea
              key={field.key}
              {...common}
              autosize
              minRows={2}
              ff={field.kind === 'headers' ? 'monospace' : undefined}
              onChange={(event) => set(field.key, event.currentTarget.value)}
            />
          );
        }
        return (
          <TextInput
            key={field.key}
            {...common}
            inputMode={field.kind === 'number' ? 'numeric' : undefined}
            onChange={(event) => set(field.key, event.currentTarget.value)}
          />
        );
      })}
    </SimpleGrid>
  );
}
