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
import { NewPasswordFields, newPasswordErrors } from '../../components/NewPasswordFields';

/** "Forgot password?": ask for a link by email, then (from the link) choose a new password. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <PublicLayout title={t('reset.title')}>
      {token ? <NewPasswordForm token={token} endpoint={params.get('endpoint') ?? 'local'} /> : <RequestForm />}
    </PublicLayout>
  );
}

function RequestForm() {
  const { t } = useTranslation();
  const [endpoint, setEndpoint] = useState('local');
  const [email, setEmail] = useState('');
  const action = useChange(authChanges.requestPasswordReset(endpoint));
  if (action.done) return <DonePanel message={t('reset.sent', { email: email.trim() })} />;
  return (
    <form
      noValidate
      aria-label={t('reset.title')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (email.trim()) void action.submit(email.trim());
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('reset.intro')}</Text>
        <FormError error={action.error} retryIn={action.retryIn} />
        <EndpointSelect value={endpoint} onChange={setEndpoint} />
        <TextInput
          label={t('login.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <Button type="submit" loading={action.pending} disabled={action.retryIn > 0 || !email.trim()} fullWidth>
          {t('reset.send')}
        </Button>
        <Anchor component={Link} to="/login" size="sm" ta="center">
          {t('public.toLogin')}
        </Anchor>
      </Stack>
    </form>
  );
}

function NewPasswordForm({ token, endpoint }: { token: string; endpoint: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState({ password: '', confirm: '' });
  const [checked, setChecked] = useState(false);
  const action = useChange(authChanges.resetPassword(endpoint, token));
  if (action.done) return <DonePanel message={t('reset.done')} />;
  return (
    <form
      noValidate
      aria-label={t('reset.save')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        setChecked(true);
        if (!newPasswordErrors(password)) void action.submit(password.password);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('reset.choose')}</Text>
        <FormError error={action.error} retryIn={action.retryIn} />
        <NewPasswordFields value={password} onChange={setPassword} showErrors={checked} />
        <Button type="submit" loading={action.pending} disabled={action.retryIn > 0} fullWidth>
          {t('reset.save')}
        </Button>
      </Stack>
    </form>
  );
}
