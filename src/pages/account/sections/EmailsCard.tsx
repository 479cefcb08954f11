import { Badge, Button, Checkbox, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  accountChanges,
  accountQueries,
  type EmailAddress,
  type NotificationType,
} from '../../../api/resources/account';
import { useSession } from '../../../api/session';
import { useChange } from '../../../api/useChange';
import { type MessageKey, useTranslation } from '../../../app/i18n';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { TableScroll } from '../../../components/TableScroll';
import { PrimaryDialog } from './PrimaryDialog';

/** The types of mail an address other than the sign-in address can be set to get. */
const optional: readonly NotificationType[] = ['recovery', 'billing', 'support'];

/** The addresses, and for each which mails it gets: a box per type, the sign-in address marked primary. */
export function EmailsCard() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const emails = useQuery(accountQueries.emails(operatorId));
  const notifications = useQuery(accountQueries.notifications(operatorId));
  const set = useChange(accountChanges.setNotification(operatorId));
  const remove = useChange(accountChanges.deleteEmail(operatorId));
  const [deleting, setDeleting] = useState<EmailAddress | null>(null);
  const [makingPrimary, setMakingPrimary] = useState<EmailAddress | null>(null);

  const idsOf = (type: NotificationType) => notifications.data?.find((n) => n.type === type)?.emailIdList ?? [];
  const primaryId = idsOf('primary')[0];

  function toggle(type: NotificationType, emailId: string, on: boolean) {
    const ids = idsOf(type).filter((id) => id !== emailId);
    void set.submit({ type, emailIdList: on ? [...ids, emailId] : ids });
  }

  const error = emails.error ?? notifications.error;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={3} size="h4">
          {t('accountArea.emails.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('accountArea.emails.intro')}
        </Text>
        <Stack gap={2}>
          {(['primary', ...optional] as const).map((type) => (
            <Text size="sm" key={type}>
              <b>{t(`accountArea.emails.types.${type}` as MessageKey)}</b>:{' '}
              {t(`accountArea.emails.typeHelp.${type}` as MessageKey)}
            </Text>
          ))}
        </Stack>
        {error ? <ErrorAlert error={error} /> : null}
        {emails.isPending || notifications.isPending ? (
          <Skeleton height={120} />
        ) : (
          <TableScroll label={t('accountArea.emails.tableLabel')}>
            <Table verticalSpacing="xs" aria-label={t('accountArea.emails.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accountArea.emails.address')}</Table.Th>
                  {optional.map((type) => (
                    <Table.Th key={type}>{t(`accountArea.emails.types.${type}` as MessageKey)}</Table.Th>
                  ))}
                  <Table.Th>{t('accountArea.emails.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(emails.data ?? []).map((email) => {
                  const primary = email.emailId === primaryId;
                  return (
                    <Table.Tr key={email.emailId}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm">{email.email}</Text>
                          {primary ? <Badge variant="light">{t('accountArea.emails.types.primary')}</Badge> : null}
                        </Group>
                      </Table.Td>
                      {optional.map((type) => (
                        <Table.Td key={type}>
                          <Checkbox
                            aria-label={t('accountArea.emails.toggle', {
                              type: t(`accountArea.emails.types.${type}` as MessageKey),
                              email: email.email,
                            })}
                            checked={idsOf(type).includes(email.emailId)}
                            disabled={set.pending}
                            onChange={(e) => toggle(type, email.emailId, e.currentTarget.checked)}
                          />
                        </Table.Td>
                      ))}
                      <Table.Td>
                        {primary ? null : (
                          <Group gap="xs" wrap="nowrap">
                            <Button size="compact-xs" variant="default" onClick={() => setMakingPrimary(email)}>
                              {t('accountArea.emails.makePrimary')}
                            </Button>
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDeleting(email)}>
                              {t('common.delete')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <FormError error={set.error} retryIn={set.retryIn} />
      </Stack>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('accountArea.emails.deleteTitle')}
        message={t('accountArea.emails.deleteMessage', { email: deleting?.email ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => remove.submit(deleting?.emailId ?? '')}
        onClose={() => setDeleting(null)}
        error={remove.error}
        retryIn={remove.retryIn}
      />
      <PrimaryDialog email={makingPrimary} onClose={() => setMakingPrimary(null)} />
    </Paper>
  );
}
