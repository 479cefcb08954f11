import { Anchor, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Role, teamQueries } from '../../api/resources/team';
import { teamChanges } from '../../api/resources/teamChanges';
import { useSession } from '../../api/session';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/notify';
import { PermissionEditor } from './permissions/PermissionEditor';

export function RolePage() {
  const { t } = useTranslation();
  const roleId = useParams().roleId ?? '';
  const operatorId = useSession()?.operatorId ?? '';
  const role = useQuery(teamQueries.role(operatorId, roleId));
  return (
    <>
      <PageHeader title={t('team.role.title', { id: roleId })}>
        <Anchor component={Link} to="/account/roles" size="sm">
          {t('team.role.back')}
        </Anchor>
        <DeleteRole operatorId={operatorId} roleId={roleId} />
      </PageHeader>
      {role.error ? <ErrorAlert error={role.error} /> : null}
      {role.isPending ? <Skeleton height={80} /> : null}
      {role.data ? <RoleBody operatorId={operatorId} roleId={roleId} role={role.data} /> : null}
    </>
  );
}

function RoleBody({ operatorId, roleId, role }: { operatorId: string; roleId: string; role: Role }) {
  const { t } = useTranslation();
  const save = useChange(teamChanges.saveRole(operatorId, roleId, false));
  const users = useQuery(teamQueries.roleUsers(operatorId, roleId));
  const refusal = useAccess().refusal('Role:updateRole');
  const [description, setDescription] = useState(role.description ?? '');
  const permission = role.permission ?? '';
  return (
    <Stack>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('team.role.details')}
        </Title>
        <FormError error={save.error} retryIn={save.retryIn} />
        <Group align="flex-end">
          <TextInput
            label={t('team.roles.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            style={{ flex: 1 }}
            readOnly={Boolean(refusal)}
          />
          <GuardedButton
            refusal={refusal}
            variant="default"
            disabled={description === (role.description ?? '')}
            onClick={() => void save.submit({ description, permission })}
          >
            {t('team.save')}
          </GuardedButton>
        </Group>
      </Paper>
      <PermissionEditor
        title={t('team.role.permission')}
        saved={permission}
        allowEmpty={false}
        readOnlyReason={refusal}
        save={{
          submit: async (text) => {
            const ok = await save.submit({ description: role.description ?? '', permission: text });
            if (ok) notifySuccess(t('team.editor.saved'));
            return ok;
          },
          pending: save.pending,
          error: save.error,
          retryIn: save.retryIn,
        }}
      />
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('team.role.users')}
        </Title>
        {users.error ? <ErrorAlert error={users.error} /> : null}
        {users.data?.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('team.role.noUsers')}
          </Text>
        ) : (
          <Group gap="sm">
            {(users.data ?? []).map((user) => (
              <Anchor key={user.userName} component={Link} to={`/account/users/${encodeURIComponent(user.userName)}`}>
                {user.userName}
              </Anchor>
            ))}
          </Group>
        )}
      </Paper>
    </Stack>
  );
}

function DeleteRole({ operatorId, roleId }: { operatorId: string; roleId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const remove = useChange(teamChanges.deleteRole(operatorId, roleId));
  return (
    <>
      <GuardedButton
        refusal={useAccess().refusal('Role:deleteRole')}
        size="xs"
        color="red"
        variant="light"
        onClick={() => setOpened(true)}
      >
        {t('team.role.delete')}
      </GuardedButton>
      <ConfirmDialog
        opened={opened}
        title={t('team.role.delete')}
        message={t('team.role.deleteConfirm', { id: roleId })}
        confirmLabel={t('team.role.delete')}
        error={remove.error}
        retryIn={remove.retryIn}
        onClose={() => setOpened(false)}
        onConfirm={async () => {
          const ok = await remove.submit();
          if (ok) navigate('/account/roles');
          return ok;
        }}
      />
    </>
  );
}
