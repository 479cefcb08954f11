import { Anchor, Button, Modal, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { teamQueries } from '../../api/resources/team';
import { teamChanges } from '../../api/resources/teamChanges';
import { useSession } from '../../api/session';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/format';
import { TeamNav } from './TeamNav';

/** SORACOM's rule for role IDs (checked again by the API). */
export const roleIdPattern = /^[A-Za-z0-9\-_.@+=]{1,100}$/;

export function RolesPage() {
  const { t, i18n } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const roles = useQuery(teamQueries.roles(operatorId));
  const [creating, setCreating] = useState(false);
  const refusal = useAccess().refusal('Role:createRole');
  return (
    <>
      <PageHeader title={t('team.title')}>
        <GuardedButton size="xs" refusal={refusal} onClick={() => setCreating(true)}>
          {t('team.roles.create')}
        </GuardedButton>
      </PageHeader>
      <TeamNav current="roles" />
      {roles.error ? <ErrorAlert error={roles.error} /> : null}
      <Paper withBorder radius="md">
        <TableScroll label={t('team.roles.tableLabel')}>
          <Table striped verticalSpacing="xs" aria-label={t('team.roles.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('team.roles.id')}</Table.Th>
                <Table.Th scope="col">{t('team.roles.description')}</Table.Th>
                <Table.Th scope="col">{t('team.roles.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Skeleton height={14} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                (roles.data ?? []).map((role) => (
                  <Table.Tr key={role.roleId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/account/roles/${encodeURIComponent(role.roleId)}`} size="sm">
                        {role.roleId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{role.description}</Table.Td>
                    <Table.Td>{formatDateTime(role.updateDateTime * 1000, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {roles.data?.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('team.roles.empty')}
          </Text>
        ) : null}
      </Paper>
      {creating ? <CreateRoleDialog operatorId={operatorId} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

/** A new role starts with an empty permission; its page then edits it. */
function CreateRoleDialog({ operatorId, onClose }: { operatorId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [roleId, setRoleId] = useState('');
  const [description, setDescription] = useState('');
  const [checked, setChecked] = useState(false);
  const create = useChange(teamChanges.saveRole(operatorId, roleId, true));
  if (create.done) return <Navigate to={`/account/roles/${encodeURIComponent(roleId)}`} />;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('team.roles.create')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        aria-label={t('team.roles.create')}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setChecked(true);
          if (roleIdPattern.test(roleId))
            void create.submit({ description: description.trim(), permission: '{"statements":[]}' });
        }}
      >
        <Stack gap="sm">
          <FormError error={create.error} retryIn={create.retryIn} />
          <TextInput
            label={t('team.roles.id')}
            description={t('team.users.nameRule')}
            value={roleId}
            onChange={(e) => setRoleId(e.currentTarget.value)}
            error={checked && !roleIdPattern.test(roleId) ? t('team.users.nameRule') : undefined}
            data-autofocus
          />
          <TextInput
            label={t('team.roles.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Button type="submit" w="fit-content" loading={create.pending}>
            {t('team.roles.createSubmit')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
