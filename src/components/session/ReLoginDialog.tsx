import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { MFA_REQUIRED_CODE } from '../../../common/soracomCodes';
import { api, apiBase } from '../../api/client';
import { ApiError } from '../../api/errors';
import { reauth, useReauth } from '../../api/reauth';
import { useTranslation } from '../../app/i18n';
import { otpDigits } from '../../lib/otpCode';
import { PasswordField } from '../PasswordField';

/**
 * When the session ends while there is unsaved work, the user signs in again here, as the same account, and the
 * request that was refused is sent again: nothing typed is lost.
 */
export function ReLoginDialog() {
  const { t } = useTranslation();
  const ended = useReauth();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (!ended) return null;
  const account = ended.userName ? `${ended.operatorId} / ${ended.userName}` : (ended.email ?? ended.operatorId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ended || pending) return;
    setPending(true);
    setError(null);
    try {
      const identity = ended.userName
        ? { operatorId: ended.operatorId, userName: ended.userName }
        : { email: ended.email ?? '' };
      const { data } = await api.POST('/auth', {
        baseUrl: apiBase(ended.endpoint),
        body: {
          ...identity,
          password,
          ...(code.trim() ? { mfaOTPCode: code.trim() } : {}),
          tokenTimeoutSeconds: ended.tokenTimeoutSeconds,
        },
      });
      if (!data?.apiKey || !data.token || data.operatorId !== ended.operatorId) throw new Error('unexpected answer');
      setPassword('');
      setCode('');
      reauth.complete({
        ...ended,
        apiKey: data.apiKey,
        token: data.token,
        expiresAt: ended.tokenTimeoutSeconds ? Date.now() + ended.tokenTimeoutSeconds * 1000 : undefined,
      });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === MFA_REQUIRED_CODE && !askCode) setAskCode(true);
      else setError(t('session.reloginFailed'));
    } finally {
      setPending(false);
    }
  }

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={() => reauth.complete(null)}
      title={t('session.reloginTitle')}
      centered
      closeOnClickOutside={false}
    >
      <form onSubmit={submit} aria-label={t('session.reloginTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('session.reloginBody')}</Text>
          <Text size="sm" fw={500}>
            {account}
          </Text>
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-autofocus
          />
          {askCode ? (
            <TextInput
              label={t('login.mfaCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(otpDigits(e.currentTarget.value))}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => reauth.complete(null)}>
              {t('session.discard')}
            </Button>
            <Button type="submit" loading={pending} disabled={!password}>
              {t('session.relogin')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
