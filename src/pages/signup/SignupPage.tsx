import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { authChanges } from '../../api/resources/auth';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { EndpointSelect } from '../../components/EndpointSelect';
import { FormError } from '../../components/FormError';
import { PublicLayout } from '../../components/layout/PublicLayout';
import { NewPasswordFields, newPasswordErrors } from '../../components/NewPasswordFields';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Sign-up: email and password, then "check your mail" (`POST /operators`). */
export function SignupPage() {
  const { t } = useTranslation();
  const [endpoint, setEndpoint] = useState('local');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState({ password: '', confirm: '' });
  const [checked, setChecked] = useState(false);
  const action = useChange(authChanges.signUp(endpoint));
  const emailError = checked && !emailPattern.test(email.trim()) ? t('login.validation.email') : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (emailPattern.test(email.trim()) && !newPasswordErrors(password)) {
      void action.submit({ email: email.trim(), password: password.password });
    }
  }

  return (
    <PublicLayout title={t('signup.title')}>
      {action.done ? (
        <Stack gap="sm" role="status">
          <Text fw={600}>{t('signup.checkMailTitle')}</Text>
          <Text>{t('signup.checkMail', { email: email.trim() })}</Text>
          <Anchor component={Link} to="/login">
            {t('public.toLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={t('signup.title')}>
          <Stack gap="sm">
            <FormError error={action.error} retryIn={action.retryIn} />
            <EndpointSelect value={endpoint} onChange={setEndpoint} />
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={emailError}
            />
            <NewPasswordFields value={password} onChange={setPassword} showErrors={checked} />
            <Button type="submit" loading={action.pending} disabled={action.retryIn > 0} fullWidth>
              {t('signup.submit')}
            </Button>
            <Text size="sm" ta="center">
              {t('signup.haveAccount')}{' '}
              <Anchor component={Link} to="/login">
                {t('public.toLogin')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
