import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from '../../../app/i18n';
import { type ExpiryInput, expiryActions } from './inputs';
import type { FieldsProps } from './types';

/** When the SIM expires (a local date and time, in the browser's time zone) and what happens then. */
export function ExpiryFields({ value, onChange, errors }: FieldsProps<ExpiryInput>) {
  const { t } = useTranslation();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Stack gap="sm">
      <TextInput
        type="datetime-local"
        label={t('simActions.fields.expiryTime')}
        description={t('simActions.fields.expiryTimeHint', { zone })}
        value={value.expiryTime}
        onChange={(e) => onChange({ ...value, expiryTime: e.currentTarget.value })}
        error={errors?.expiryTime}
        data-autofocus
      />
      <NativeSelect
        label={t('simActions.fields.expiryAction')}
        data={expiryActions.map((action) => ({ value: action, label: t(`simActions.expiryActions.${action}`) }))}
        value={value.expiryAction}
        onChange={(e) => onChange({ ...value, expiryAction: e.currentTarget.value as ExpiryInput['expiryAction'] })}
        error={errors?.expiryAction}
      />
    </Stack>
  );
}
