import { Alert, Anchor, Box, Button, Center, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { sessionStore, useSession } from '../../api/session';
import { useTranslation } from '../../app/i18n';
import { LanguageSwitch } from '../../components/layout/LanguageSwitch';
import { PasswordField } from '../../components/PasswordField';
import { safeReturnPath } from '../../lib/paths';
import { AccountTypeToggle } from './AccountTypeToggle';
import { useEndpoints } from './useEndpoints';
import { loadClient, useLogin } from './useLogin';
import { useLoginForm } from './useLoginForm';
import { validateCredentials } from './validation';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('from'));
  const session = useSession();
  const endpoints = useEndpoints();
  const { state, submit, back } = useLogin(returnTo);
  const [endReason] = useState(sessionStore.endReason);
  const form = useLoginForm();
  const [haveCode, setHaveCode] = useState(false);

  if (session) return <Navigate to={returnTo} replace />;

  const endpointOptions = endpoints.map((e) => ({
    value: e.id,
    label: t(`endpoints.${e.id}`, { defaultValue: e.id }),
  }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validateCredentials(form.values, state.step === 'mfa', t);
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) void submit(form.values);
  };
  const showCode = haveCode || state.step === 'mfa';

  return (
    <Center mih="100vh" p="md" component="main">
      <Box w="100%" maw={420}>
        <Stack gap="md">
          <Title order={1} ta="center" size="h2">
            {t('login.title')}
          </Title>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <form onSubmit={onSubmit} onFocus={() => void loadClient()} noValidate aria-label={t('login.formLabel')}>
              <Stack gap="sm">
                {endReason === 'expired' && !state.error ? (
                  <Alert color="yellow" role="status">
                    {t('login.expired')}
                  </Alert>
                ) : null}
                {state.error ? (
                  <Alert color="red" role="alert" data-testid="login-error">
                    {t(`login.errors.${state.error}`)}
                  </Alert>
                ) : null}
                {state.step === 'credentials' ? (
                  <>
                    <NativeSelect label={t('login.endpoint')} data={endpointOptions} {...form.field('endpoint')} />
                    <AccountTypeToggle value={form.values.mode} onChange={(mode) => form.set('mode', mode)} />
                    {form.values.mode === 'root' ? (
                      <TextInput
                        label={t('login.email')}
                        type="email"
                        autoComplete="username"
                        required
                        withAsterisk={false}
                        {...form.field('email')}
                      />
                    ) : (
                      <>
                        <TextInput
                          label={t('login.operatorId')}
                          autoComplete="organization"
                          required
                          withAsterisk={false}
                          {...form.field('operatorId')}
                        />
                        <TextInput
                          label={t('login.userName')}
                          autoComplete="username"
                          required
                          withAsterisk={false}
                          {...form.field('userName')}
                        />
                      </>
                    )}
                    <PasswordField
                      label={t('login.password')}
                      autoComplete="current-password"
                      required
                      withAsterisk={false}
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
                        setHaveCode(!haveCode);
                      }}
                    >
                      {t(haveCode ? 'login.noCode' : 'login.haveCode')}
                    </Anchor>
                  </>
                ) : (
                  <Text size="sm">{t('login.mfaPrompt')}</Text>
                )}
                {showCode ? (
                  <TextInput
                    label={t('login.mfaCode')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    data-autofocus
                    required={state.step === 'mfa'}
                    withAsterisk={false}
                    {...form.field('mfaCode')}
                  />
                ) : null}
                <Button type="submit" loading={state.pending} fullWidth mt="xs">
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
          </Paper>
          <Center>
            <LanguageSwitch />
          </Center>
        </Stack>
      </Box>
    </Center>
  );
}
