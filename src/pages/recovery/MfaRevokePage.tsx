import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { authChanges } from '../../api/resources/auth';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { DonePanel } from '../../components/DonePanel';
import { EndpointSelect } from '../../components/EndpointSelect';
import { FormError } from '../../components/FormError';
import { PublicLayout } from '../../components/layout/PublicLayout';
import { PasswordField } from '../../components/PasswordField';

/** A lost MFA device: ask for a link with email and password, then turn MFA off with the link and a backup code. */
export function MfaRevokePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <PublicLayout title={t('mfaRevoke.title')}>
      {token ? <RevokeForm token={token} endpoint={params.get('endpoint') ?? 'local'} /> : <RequestForm />}
    </PublicLayout>
  );
}

function Credentials({
  email,
  password,
  onEmail,
  onPassword,
}: {
  email: string;
  password: string;
  onEmail: (v: string) => void;
  onPassword: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('login.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => onEmail(e.currentTarget.value)}
      />
      <PasswordField
        label={t('login.password')}
        autoComplete="current-password"
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
      />
    </>
  );
}

function RequestForm() {
  const { t } = useTranslation();
  const [endpoint, setEndpoint] = useState('local');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useChange(authChanges.requestMfaRevoke(endpoint));
  if (action.done) return <DonePanel message={t('mfaRevoke.sent')} />;
  return (
    <form
      noValidate
      aria-label={t('mfaRevoke.title')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (email.trim() && password) void action.submit({ email: email.trim(), password });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('mfaRevoke.intro')}</Text>
        <FormError error={action.error} retryIn={action.retryIn} />
        <EndpointSelect value={endpoint} onChange={setEndpoint} />
        <Credentials email={email} password={password} onEmail={setEmail} onPassword={setPassword} />
        <Button
          type="submit"
          loading={action.pending}
          disabled={action.retryIn > 0 || !email.trim() || !password}
          fullWidth
        >
          {t('mfaRevoke.send')}
        </Button>
        <Anchor component={Link} to="/login" size="sm" ta="center">
          {t('public.toLogin')}
        </Anchor>
      </Stack>
    </form>
  );
}

function RevokeForm({ token, endpoint }: { token: string; endpoint: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [backupCode, setBackupCode] = useState('');
  const action = useChange(authChanges.revokeMfa(endpoint, token));
  if (action.done) return <DonePanel message={t('mfaRevoke.done')} />;
  return (
    <form
      noValidate
      aria-label={t('mfaRevoke.turnOff')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (email.trim() && password && backupCode.trim()) {
          void action.submit({ email: email.trim(), password, backupCode: backupCode.trim() });
        }
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('mfaRevoke.confirm')}</Text>
        <FormError error={action.error} retryIn={action.retryIn} />
        <Credentials email={email} password={password} onEmail={setEmail} onPassword={setPassword} />
        <TextInput
          label={t('mfaRevoke.backupCode')}
          autoComplete="off"
          value={backupCode}
          onChange={(e) => setBackupCode(e.currentTarget.value)}
        />
        <Button type="submit" loading={action.pending} disabled={action.retryIn > 0} fullWidth>
          {t('mfaRevoke.turnOff')}
        </Button>
      </Stack>
    </form>
  );
}
