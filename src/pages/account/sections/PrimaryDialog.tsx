import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { accountChanges, type EmailAddress } from '../../../api/resources/account';
import { useSession } from '../../../api/session';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { FormError } from '../../../components/FormError';
import { PasswordField } from '../../../components/PasswordField';

/** Makes an address primary: the address the account signs in with from then on. Asks for the password. */
export function PrimaryDialog({ email, onClose }: { email: EmailAddress | null; onClose: () => void }) {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const [password, setPassword] = useState('');
  const set = useChange(accountChanges.setNotification(operatorId));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email || password === '') return;
    if (await set.submit({ type: 'primary', emailIdList: [email.emailId], password })) {
      setPassword('');
      onClose();
    }
  }

  return (
    <Modal
      opened={email !== null}
      onClose={onClose}
      title={t('accountArea.emails.primaryTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Text size="sm">{t('accountArea.emails.primaryMessage', { email: email?.email ?? '' })}</Text>
          <PasswordField
            label={t('accountArea.emails.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
          />
          <FormError error={set.error} retryIn={set.retryIn} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={set.pending} disabled={password === ''}>
              {t('accountArea.emails.makePrimary')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
