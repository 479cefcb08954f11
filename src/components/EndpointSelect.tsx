import { NativeSelect } from '@mantine/core';
import { enumLabel, useTranslation } from '../app/i18n';
import { useEndpoints, useOfferedEndpoint } from '../pages/login/useEndpoints';

/** Which API the page talks to, from the endpoints the server offers. */
export function EndpointSelect({ value, onChange }: { value: string; onChange: (endpoint: string) => void }) {
  const { t } = useTranslation();
  const endpoints = useEndpoints();
  useOfferedEndpoint(endpoints, value, onChange);
  return (
    <NativeSelect
      label={t('login.endpoint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={endpoints.map((e) => ({ value: e.id, label: enumLabel(t, 'endpoints', e.id) }))}
    />
  );
}
