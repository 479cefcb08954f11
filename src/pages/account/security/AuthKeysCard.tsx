import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { securityChanges, securityQueries, type Who } from '../../../api/resources/security';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CopyField } from '../../../components/CopyField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, secondsToMs } from '../../../lib/format';

/** Auth keys (for programs using the API): list, generate (the secret is shown once), delete. */
export function AuthKeysCard({ who }: { who: Who }) {
  const { t, i18n } = useTranslation();
  const keys = useQuery(securityQueries.authKeys(who));
  const generate = useChange(securityChanges.generateAuthKey(who));
  const remove = useChange(securityChanges.deleteAuthKey(who));
  const [deleting, setDeleting] = useState<string | null>(null);
  // The new key's secret lives only in the change's answer: closing the dialog resets it, so it is shown once.
  const created = generate.data;

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('security.keys.title')}
        </Title>
        <Button size="xs" onClick={() => void generate.submit()} loading={generate.pending}>
          {t('security.keys.generate')}
        </Button>
      </Group>
      <Text size="sm" mb="sm">
        {t('security.keys.about')}
      </Text>
      {keys.error ? <ErrorAlert error={keys.error} /> : null}
      {generate.error ? <ErrorAlert error={generate.error} /> : null}
      {keys.data?.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('security.keys.none')}
        </Text>
      ) : (
        <Table aria-label={t('security.keys.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('security.keys.id')}</Table.Th>
              <Table.Th scope="col">{t('security.keys.created')}</Table.Th>
              <Table.Th scope="col">{t('security.keys.lastUsed')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('security.keys.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(keys.data ?? []).map((key) => (
              <Table.Tr key={key.authKeyId}>
                <Table.Td ff="monospace">{key.authKeyId}</Table.Td>
                <Table.Td>{formatDateTime(secondsToMs(key.createDateTime), i18n.language)}</Table.Td>
                <Table.Td>
                  {key.lastUsedDateTime
                    ? formatDateTime(secondsToMs(key.lastUsedDateTime), i18n.language)
                    : t('security.keys.never')}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="default"
                    color="red"
                    aria-label={t('security.keys.deleteNamed', { id: key.authKeyId })}
                    onClick={() => setDeleting(key.authKeyId)}
                  >
                    {t('common.delete')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={created !== undefined}
        onClose={generate.reset}
        title={t('security.keys.createdTitle')}
        centered
      >
        {created ? (
          <Stack gap="sm">
            <Alert color="yellow">{t('security.keys.createdBody')}</Alert>
            <CopyField label={t('security.keys.id')} value={created.authKeyId} />
            <CopyField label={t('security.keys.secret')} value={created.authKey} />
            <Button onClick={generate.reset} w="fit-content">
              {t('security.keys.savedSecret')}
            </Button>
          </Stack>
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('security.keys.deleteTitle')}
        message={t('security.keys.deleteBody', { id: deleting ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={() => remove.submit(deleting ?? '')}
        error={remove.error}
        retryIn={remove.retryIn}
      />
    </Paper>
  );
}
