import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { accountChanges } from '../../../api/resources/account';
import { useSession } from '../../../api/session';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { FormError } from '../../../components/FormError';
import { PasswordField } from '../../../components/PasswordField';
import { notifySuccess } from '../../../lib/notify';

/** Something@something.something, as the sandbox checks it. */
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Adding an address, in two steps: a token is mailed to it (the password proves it is the account's owner asking),
 * then the token from that mail adds it. The mail's link opens this page with the token filled in.
 */
export function AddEmailCard() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const [params, setParams] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState(() => params.get('token') ?? '');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const issue = useChange(accountChanges.issueEmailToken());
  const verify = useChange(accountChanges.verifyEmailToken(operatorId));
  const problem = !emailPattern.test(email.trim());

  async function send(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (problem || password === '') return;
    if (await issue.submit({ email: email.trim(), password })) {
      setSentTo(email.trim());
      setPassword('');
      setChecked(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (token.trim() === '') return;
    if (await verify.submit(token.trim())) {
      notifySuccess(t('accountArea.emails.added'));
      setToken('');
      setSentTo(null);
      setEmail('');
      if (params.has('token')) setParams({}, { replace: true });
    }
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={3} size="h4">
          {t('accountArea.emails.addTitle')}
        </Title>
        <form noValidate onSubmit={(e) => void send(e)}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('accountArea.emails.addIntro')}
            </Text>
            <TextInput
              label={t('accountArea.emails.newAddress')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={checked && problem ? t('accountArea.emails.invalidAddress') : undefined}
            />
            <PasswordField
              label={t('accountArea.emails.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={checked && password === '' ? t('accountArea.emails.passwordRequired') : undefined}
            />
            <FormError error={issue.error} retryIn={issue.retryIn} />
            <Group>
              <Button type="submit" loading={issue.pending}>
                {t('accountArea.emails.sendToken')}
              </Button>
            </Group>
            {sentTo ? (
              <Text size="sm" role="status">
                {t('accountArea.emails.tokenSent', { email: sentTo })}
              </Text>
            ) : null}
          </Stack>
        </form>
        <form noValidate onSubmit={(e) => void confirm(e)}>
          <Stack gap="sm">
            <TextInput
              label={t('accountArea.emails.token')}
              description={t('accountArea.emails.tokenHint')}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              autoComplete="one-time-code"
            />
            <FormError error={verify.error} retryIn={verify.retryIn} />
            <Group>
              <Button type="submit" variant="default" loading={verify.pending} disabled={token.trim() === ''}>
                {t('accountArea.emails.verify')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
