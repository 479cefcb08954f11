import { Anchor, Badge, Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { teamQueries } from '../../api/resources/team';
import { useSession } from '../../api/session';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/format';
import { CreateUserDialog } from './CreateUserDialog';
import { TeamNav } from './TeamNav';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const users = useQuery(teamQueries.users(operatorId));
  const access = useAccess();
  const [creating, setCreating] = useState(false);
  const refusal = access.refusal('User:createUser');
  return (
    <>
      <PageHeader title={t('team.title')}>
        <GuardedButton size="xs" onClick={() => setCreating(true)} refusal={refusal}>
          {t('team.users.create')}
        </GuardedButton>
      </PageHeader>
      <TeamNav current="users" />
      {users.error ? <ErrorAlert error={users.error} /> : null}
      <Paper withBorder radius="md">
        <TableScroll label={t('team.users.tableLabel')}>
          <Table striped verticalSpacing="xs" aria-label={t('team.users.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('team.users.name')}</Table.Th>
                <Table.Th scope="col">{t('team.users.description')}</Table.Th>
                <Table.Th scope="col">{t('team.users.roles')}</Table.Th>
                <Table.Th scope="col">{t('team.users.signIn')}</Table.Th>
                <Table.Th scope="col">{t('team.users.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Skeleton height={14} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                (users.data ?? []).map((user) => (
                  <Table.Tr key={user.userName}>
                    <Table.Td>
                      <Anchor component={Link} to={`/account/users/${encodeURIComponent(user.userName)}`} size="sm">
                        {user.userName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{user.description}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.roleList.map((role) => (
                          <Badge key={role.roleId} variant="light" tt="none">
                            {role.roleId}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {[
                        user.hasPassword ? t('team.users.password') : null,
                        user.authKeyList.length > 0
                          ? t('team.users.authKeys', { count: user.authKeyList.length })
                          : null,
                      ]
                        .filter(Boolean)
                        .join(', ') || t('team.users.noSignIn')}
                    </Table.Td>
                    <Table.Td>{formatDateTime(user.createDateTime * 1000, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {users.data?.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('team.users.empty')}
          </Text>
        ) : null}
      </Paper>
      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} operatorId={operatorId} />
    </>
  );
}
