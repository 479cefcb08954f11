import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from '../../../app/i18n';
import type { TagsInput } from './inputs';
import type { FieldsProps } from './types';

/** Name/value rows to set; a name the SIM has already gets the new value. */
export function TagsFields({ value, onChange, errors }: FieldsProps<TagsInput>) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<TagsInput['tags'][number]>) =>
    onChange({ tags: value.tags.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  return (
    <Stack gap="xs">
      {value.tags.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity of their own
        <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('simActions.fields.tagName', { n: index + 1 })}
            value={row.name}
            onChange={(e) => set(index, { name: e.currentTarget.value })}
            error={errors?.[`tags.${index}.name`]}
            autoComplete="off"
            data-autofocus={index === 0 ? true : undefined}
          />
          <TextInput
            flex={1}
            label={t('simActions.fields.tagValue', { n: index + 1 })}
            value={row.value}
            onChange={(e) => set(index, { value: e.currentTarget.value })}
            autoComplete="off"
          />
          <ActionIcon
            mt={28}
            variant="subtle"
            color="red"
            aria-label={t('simActions.fields.removeRow', { n: index + 1 })}
            onClick={() => onChange({ tags: value.tags.filter((_, i) => i !== index) })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {errors?.tags ? (
        <Text size="sm" c="red.8">
          {errors.tags}
        </Text>
      ) : null}
      <Button
        variant="subtle"
        size="compact-sm"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => onChange({ tags: [...value.tags, { name: '', value: '' }] })}
      >
        {t('simActions.fields.addRow')}
      </Button>
    </Stack>
  );
}
