import { Anchor, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type RoleSummary, teamQueries } from '../../api/resources/team';
import { teamChanges } from '../../api/resources/teamChanges';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { FormError } from '../../components/FormError';

/** The roles attached to a user; attach another, detach one. */
export function UserRoles({
  operatorId,
  userName,
  attached,
}: {
  operatorId: string;
  userName: string;
  attached: RoleSummary[];
}) {
  const { t } = useTranslation();
  const roles = useQuery(teamQueries.roles(operatorId));
  const [chosen, setChosen] = useState<string | null>(null);
  const attach = useChange(teamChanges.attachRole(operatorId, userName));
  const detach = useChange(teamChanges.detachRole(operatorId, userName));
  const access = useAccess();
  const vars = { user_name: userName };
  const have = new Set(attached.map((role) => role.roleId));
  const choices = (roles.data ?? []).map((role) => role.roleId).filter((id) => !have.has(id));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('team.user.roles')}
      </Title>
      <Stack gap="sm">
        <FormError error={attach.error ?? detach.error} retryIn={Math.max(attach.retryIn, detach.retryIn)} />
        {attached.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('team.user.noRoles')}
          </Text>
        ) : (
          <Table aria-label={t('team.user.roles')}>
            <Table.Tbody>
              {attached.map((role) => (
                <Table.Tr key={role.roleId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/account/roles/${encodeURIComponent(role.roleId)}`} size="sm">
                      {role.roleId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{role.description}</Table.Td>
                  <Table.Td ta="right">
                    <GuardedButton
                      refusal={access.refusal('Role:detachRole', vars)}
                      size="compact-xs"
                      variant="default"
                      aria-label={t('team.user.detachNamed', { role: role.roleId })}
                      onClick={() => void detach.submit(role.roleId)}
                    >
                      {t('team.user.detach')}
                    </GuardedButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end">
          <Select
            label={t('team.user.roleToAttach')}
            data={choices}
            value={chosen}
            onChange={setChosen}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <GuardedButton
            refusal={access.refusal('Role:attachRole', vars)}
            variant="default"
            disabled={!chosen}
            loading={attach.pending}
            onClick={() => {
              if (chosen) void attach.submit(chosen).then((ok) => ok && setChosen(null));
            }}
          >
            {t('team.user.attach')}
          </GuardedButton>
        </Group>
      </Stack>
    </Paper>
  );
}
