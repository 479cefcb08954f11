import { Anchor, NativeSelect, TextInput } from '@mantine/core';
import type { EndpointInfo } from '../../api/endpoints';
import { enumLabel, useTranslation } from '../../app/i18n';
import { PasswordField } from '../../components/PasswordField';
import { AccountTypeToggle } from './AccountTypeToggle';
import type { useLoginForm } from './useLoginForm';

/** Endpoint, account type, and the fields of that account type; plus "I have an MFA code". */
export function CredentialFields({
  form,
  endpoints,
  haveCode,
  onHaveCode,
}: {
  form: ReturnType<typeof useLoginForm>;
  endpoints: EndpointInfo[];
  haveCode: boolean;
  onHaveCode: (have: boolean) => void;
}) {
  const { t } = useTranslation();
  // Every field is required; the asterisk would only repeat that (and be read as part of the label).
  const required = { required: true, withAsterisk: false };
  return (
    <>
      <NativeSelect
        label={t('login.endpoint')}
        data={endpoints.map((e) => ({ value: e.id, label: enumLabel(t, 'endpoints', e.id) }))}
        {...form.field('endpoint')}
      />
      <AccountTypeToggle value={form.values.mode} onChange={(mode) => form.set('mode', mode)} />
      {form.values.mode === 'root' ? (
        <TextInput
          label={t('login.email')}
          type="email"
          autoComplete="username"
          {...required}
          {...form.field('email')}
        />
      ) : (
        <>
          <TextInput
            label={t('login.operatorId')}
            autoComplete="organization"
            {...required}
            {...form.field('operatorId')}
          />
          <TextInput label={t('login.userName')} autoComplete="username" {...required} {...form.field('userName')} />
        </>
      )}
      <PasswordField
        label={t('login.password')}
        autoComplete="current-password"
        {...required}
        {...form.field('password')}
      />
      <Anchor
        component="button"
        type="button"
        size="sm"
        ta="left"
        aria-expanded={haveCode}
        onClick={() => {
          if (haveCode) form.set('mfaCode', '');
          onHaveCode(!haveCode);
        }}
      >
        {t(haveCode ? 'login.noCode' : 'login.haveCode')}
      </Anchor>
    </>
  );
}
