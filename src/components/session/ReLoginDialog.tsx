import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { reauth, useReauth } from '../../api/reauth';
import { authChanges, isMfaRequired } from '../../api/resources/auth';
import { useChange } from '../../api/useChange';
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
  const [failed, setFailed] = useState(false);
  const relogin = useChange({
    ...authChanges.reLogin(),
    // Asked for a code while its field is not shown yet: show it, without an error. Any other failure reads the same.
    onError: (error) => (isMfaRequired(error) && !askCode ? setAskCode(true) : setFailed(true)),
  });

  if (!ended) return null;
  const account = ended.userName ? `${ended.operatorId} / ${ended.userName}` : (ended.email ?? ended.operatorId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ended) return;
    setFailed(false);
    if (await relogin.submit({ ended, password, mfaCode: code })) {
      setPassword('');
      setCode('');
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
          {failed ? (
            <Alert color="red" role="alert">
              {t('session.reloginFailed')}
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
            <Button type="submit" loading={relogin.pending} disabled={!password || relogin.retryIn > 0}>
              {t('session.relogin')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
