/**
 * Credentials: the operator's credential sets, what identifies each (never a secret: the API does not answer them),
 * when it was last used; create, rotate the secret, and delete with the groups whose configuration uses it.
 */
import { Anchor, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type CredentialSet, credentialChanges, credentialQueries } from '../../api/resources/credentials';
import { groupQueries, type Group as SoracomGroup } from '../../api/resources/groups';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { ScreenGate } from '../../components/access/ScreenGate';
import { useAccess } from '../../components/access/useAccess';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { CredentialDialog } from './CredentialDialog';

/** Whether a configuration names the set under a `credentialsId` key, at any depth. */
export function namesCredential(value: unknown, credentialsId: string): boolean {
  if (Array.isArray(value)) return value.some((v) => namesCredential(v, credentialsId));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(
    ([key, v]) => (key === 'credentialsId' && v === credentialsId) || namesCredential(v, credentialsId),
  );
}

export function CredentialsPage() {
  return (
    <ScreenGate screen="credentials">
      <Credentials />
    </ScreenGate>
  );
}

function Credentials() {
  const { t, i18n } = useTranslation();
  const access = useAccess();
  const list = useQuery(credentialQueries.list());
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<CredentialSet | null>(null);
  const [deleting, setDeleting] = useState<CredentialSet | null>(null);
  const when = (seconds: number) =>
    seconds > 0 ? formatDateTime(seconds * 1000, i18n.language) : t('credentials.never');
  return (
    <>
      <PageHeader title={t('credentials.title')}>
        <GuardedButton
          size="xs"
          refusal={access.refusal('Credential:createCredential')}
          onClick={() => setCreating(true)}
        >
          {t('credentials.create')}
        </GuardedButton>
      </PageHeader>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('credentials.about')}
      </Text>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Paper withBorder radius="md">
        <TableScroll label={t('credentials.tableLabel')}>
          <Table striped verticalSpacing="xs" aria-label={t('credentials.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('credentials.id')}</Table.Th>
                <Table.Th scope="col">{t('credentials.type')}</Table.Th>
                <Table.Th scope="col">{t('credentials.identifiers')}</Table.Th>
                <Table.Th scope="col">{t('credentials.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('credentials.updated')}</Table.Th>
                <Table.Th scope="col">{t('credentials.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Skeleton height={14} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                (list.data ?? []).map((set) => (
                  <Table.Tr key={set.credentialsId} data-credentials-id={set.credentialsId}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {set.credentialsId}
                      </Text>
                      {set.description ? (
                        <Text size="xs" c="dimmed">
                          {set.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {set.type}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {Object.entries(set.credentials as Record<string, unknown>).map(([name, value]) => (
                        <Text key={name} size="xs" ff="monospace">
                          {name}: {String(value)}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>{when(set.lastUsedDateTime)}</Table.Td>
                    <Table.Td>{when(set.updateDateTime)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <GuardedButton
                          size="compact-xs"
                          variant="default"
                          refusal={access.refusal('Credential:updateCredential')}
                          onClick={() => setRotating(set)}
                          aria-label={`${t('credentials.rotate')}: ${set.credentialsId}`}
                        >
                          {t('credentials.rotate')}
                        </GuardedButton>
                        <GuardedButton
                          size="compact-xs"
                          variant="default"
                          color="red"
                          refusal={access.refusal('Credential:deleteCredential')}
                          onClick={() => setDeleting(set)}
                          aria-label={`${t('credentials.delete')}: ${set.credentialsId}`}
                        >
                          {t('credentials.delete')}
                        </GuardedButton>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {list.data?.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('credentials.empty')}
          </Text>
        ) : null}
      </Paper>
      {creating ? (
        <CredentialDialog
          onClose={() => setCreating(false)}
          onDone={(id) => {
            setCreating(false);
            notifySuccess(t('credentials.created', { id }));
          }}
        />
      ) : null}
      {rotating ? (
        <CredentialDialog
          replacing={rotating}
          onClose={() => setRotating(null)}
          onDone={(id) => {
            setRotating(null);
            notifySuccess(t('credentials.rotated', { id }));
          }}
        />
      ) : null}
      <DeleteDialog set={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

/** Asks before deleting, listing the groups whose configuration uses the set (the API refuses those too). */
function DeleteDialog({ set, onClose }: { set: CredentialSet | null; onClose: () => void }) {
  const { t } = useTranslation();
  const groups = useQuery({ ...groupQueries.list(), enabled: Boolean(set) });
  const remove = useChange(credentialChanges.remove());
  const id = set?.credentialsId ?? '';
  const using: SoracomGroup[] = set ? (groups.data ?? []).filter((g) => namesCredential(g.configuration, id)) : [];
  return (
    <ConfirmDialog
      opened={Boolean(set)}
      title={t('credentials.deleteTitle', { id })}
      message={t('credentials.deleteBody')}
      confirmLabel={t('credentials.delete')}
      canConfirm={groups.isSuccess && using.length === 0}
      error={remove.error}
      retryIn={remove.retryIn}
      onClose={onClose}
      onConfirm={async () => {
        const done = await remove.submit(id);
        if (done) notifySuccess(t('credentials.deleted', { id }));
        return done;
      }}
    >
      <Stack gap="xs" data-testid="credential-used-by">
        {groups.error ? <ErrorAlert error={groups.error} /> : null}
        {groups.isPending ? <Skeleton height={20} /> : null}
        {groups.isSuccess && using.length === 0 ? <Text size="sm">{t('credentials.notUsed')}</Text> : null}
        {using.length > 0 ? (
          <>
            <Text size="sm">{t('credentials.usedBy')}</Text>
            <ul style={{ margin: 0 }}>
              {using.map((g) => (
                <li key={g.groupId}>
                  <Anchor component={Link} to={`/groups/${g.groupId}`} size="sm">
                    {g.tags?.name || g.groupId}
                  </Anchor>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
