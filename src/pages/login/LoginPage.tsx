import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { sessionStore, useSession } from '../../api/session';
import { useTranslation } from '../../app/i18n';
import { PublicLayout } from '../../components/layout/PublicLayout';
import { safeReturnPath } from '../../lib/paths';
import { useRetryCountdown } from '../../lib/useRetryCountdown';
import { CredentialFields } from './CredentialFields';
import { useEndpoints, useOfferedEndpoint } from './useEndpoints';
import { loadAuth, useLogin } from './useLogin';
import { useLoginForm } from './useLoginForm';
import { validateCredentials } from './validation';

const endNotices = { expired: 'login.expired', idle: 'login.idle' } as const;

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('from'));
  const session = useSession();
  const endpoints = useEndpoints();
  const { state, lastError, submit, back } = useLogin(returnTo);
  const retryIn = useRetryCountdown(lastError);
  const [endReason] = useState(sessionStore.endReason);
  const form = useLoginForm();
  useOfferedEndpoint(endpoints, form.values.endpoint, (id) => form.set('endpoint', id));
  const [haveCode, setHaveCode] = useState(false);

  if (session) return <Navigate to={returnTo} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validateCredentials(form.values, state.step === 'mfa', t);
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) void submit(form.values);
  };
  const notice = endReason && endReason !== 'signedOut' ? endNotices[endReason] : null;

  return (
    <PublicLayout title={t('login.title')}>
      <form onSubmit={onSubmit} onFocus={() => void loadAuth()} noValidate aria-label={t('login.formLabel')}>
        <Stack gap="sm">
          {notice && !state.error ? (
            <Alert color="yellow" role="status">
              {t(notice)}
            </Alert>
          ) : null}
          {state.error ? (
            <Alert color="red" role="alert" data-testid="login-error">
              {state.error === 'rateLimited' && retryIn > 0
                ? t('login.errors.retryIn', { seconds: retryIn })
                : t(`login.errors.${state.error}`)}
            </Alert>
          ) : null}
          {state.step === 'credentials' ? (
            <CredentialFields form={form} endpoints={endpoints} haveCode={haveCode} onHaveCode={setHaveCode} />
          ) : (
            <Text size="sm">{t('login.mfaPrompt')}</Text>
          )}
          {haveCode || state.step === 'mfa' ? (
            <TextInput
              label={t('login.mfaCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              data-autofocus
              required={state.step === 'mfa'}
              withAsterisk={false}
              {...form.field('mfaCode')}
            />
          ) : null}
          <Button type="submit" loading={state.pending} disabled={retryIn > 0} fullWidth mt="xs">
            {state.step === 'mfa' ? t('login.verify') : t('login.submit')}
          </Button>
          {state.step === 'mfa' ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                form.set('mfaCode', '');
                back();
              }}
            >
              {t('login.back')}
            </Anchor>
          ) : null}
        </Stack>
      </form>
      <Group justify="space-between" mt="md" gap="xs">
        <Anchor component={Link} to="/password-reset" size="sm">
          {t('login.forgot')}
        </Anchor>
        {state.step === 'mfa' ? (
          <Anchor component={Link} to="/mfa-revoke" size="sm">
            {t('login.lostDevice')}
          </Anchor>
        ) : (
          <Anchor component={Link} to="/signup" size="sm">
            {t('login.signUp')}
          </Anchor>
        )}
      </Group>
    </PublicLayout>
  );
}
