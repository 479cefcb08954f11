import { NativeSelect, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { getPath, type Json, type JsonObject } from '../../../../common/configuration';
import { useTranslation } from '../../../app/i18n';
import { PasswordField } from '../../../components/PasswordField';
import { CredentialPicker } from '../../credentials/CredentialPicker';
import type { Field } from './fields';
import { type FieldError, fieldText, parseField } from './fieldValue';

/** One setting, edited in place; a value that cannot be saved stays in the box with its message. */
export function FieldControl({
  field,
  draft,
  onChange,
  onError,
}: {
  field: Field;
  draft: JsonObject;
  onChange: (value: Json | undefined) => void;
  onError: (error: FieldError) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => fieldText(field, draft));
  const [error, setError] = useState<FieldError>(null);
  const label = t(`groupConfig.fields.${field.label}`);

  if (field.kind === 'boolean') {
    return (
      <Switch
        label={label}
        checked={getPath(draft, field.path) === true}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    );
  }
  if (field.kind === 'credential') {
    const current = getPath(draft, field.path);
    return (
      <CredentialPicker
        label={label}
        value={typeof current === 'string' ? current : ''}
        onChange={(id) => onChange(id || undefined)}
      />
    );
  }
  if (field.kind === 'select') {
    const current = getPath(draft, field.path);
    const value = typeof current === 'string' ? current : '';
    // A value the list does not know (set elsewhere) stays selectable, so opening the form changes nothing.
    const options = field.options.includes(value) ? field.options : [...field.options, value];
    return (
      <NativeSelect
        label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value || undefined)}
        data={options.map((o) => ({ value: o, label: o || t('groupConfig.notSet') }))}
      />
    );
  }

  const update = (next: string) => {
    setText(next);
    const parsed = parseField(field, next);
    setError(parsed.error);
    onError(parsed.error);
    if (!parsed.error) onChange(parsed.value);
  };
  const message = error ? t(`groupConfig.errors.${error.key}`, error.values) : undefined;
  const multiline = ['textarea', 'ipList', 'lines', 'urlList'].includes(field.kind);
  const description = multiline && field.kind !== 'textarea' ? t('groupConfig.onePerLine') : undefined;
  if (field.kind === 'secret') {
    return (
      <PasswordField
        label={label}
        value={text}
        error={message}
        onChange={(e) => update(e.currentTarget.value)}
        autoComplete="off"
      />
    );
  }
  if (multiline) {
    return (
      <Textarea
        label={label}
        description={description}
        value={text}
        error={message}
        autosize
        minRows={2}
        onChange={(e) => update(e.currentTarget.value)}
      />
    );
  }
  return (
    <TextInput
      label={label}
      value={text}
      error={message}
      inputMode={field.kind === 'number' ? 'numeric' : undefined}
      onChange={(e) => update(e.currentTarget.value)}
    />
  );
}
