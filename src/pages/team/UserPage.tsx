import { Anchor, Group, Paper, Skeleton, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { teamQueries } from '../../api/resources/team';
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
import { AuthKeysCard } from '../account/security/AuthKeysCard';
import { PermissionEditor } from './permissions/PermissionEditor';
import { UserRoles } from './UserRoles';
import { UserMfa, UserPassword } from './UserSignIn';

export function UserPage() {
  const { t } = useTranslation();
  const userName = useParams().userName ?? '';
  const operatorId = useSession()?.operatorId ?? '';
  const user = useQuery(teamQueries.user(operatorId, userName));
  const permission = useQuery(teamQueries.userPermission(operatorId, userName));
  const access = useAccess();
  const save = useChange(teamChanges.savePermission(operatorId, userName));
  const vars = { user_name: userName };

  return (
    <>
      <PageHeader title={t('team.user.title', { name: userName })}>
        <Anchor component={Link} to="/account/users" size="sm">
          {t('team.user.back')}
        </Anchor>
        <DeleteUser operatorId={operatorId} userName={userName} />
      </PageHeader>
      {user.error ? <ErrorAlert error={user.error} /> : null}
      {user.isPending ? <Skeleton height={80} /> : null}
      {user.data ? (
        <Stack>
          <Description operatorId={operatorId} userName={userName} saved={user.data.description ?? ''} />
          {permission.error ? <ErrorAlert error={permission.error} /> : null}
          {permission.data !== undefined ? (
            <PermissionEditor
              title={t('team.user.permission')}
              saved={permission.data}
              allowEmpty
              readOnlyReason={access.refusal('User:updateUserPermission', vars)}
              save={{
                submit: async (text) => {
                  const ok = await save.submit(text);
                  if (ok) notifySuccess(t('team.editor.saved'));
                  return ok;
                },
                pending: save.pending,
                error: save.error,
                retryIn: save.retryIn,
              }}
            />
          ) : null}
          <UserRoles operatorId={operatorId} userName={userName} attached={user.data.roleList} />
          <UserPassword operatorId={operatorId} userName={userName} />
          <AuthKeysCard who={{ operatorId, userName }} />
          <UserMfa operatorId={operatorId} userName={userName} />
        </Stack>
      ) : null}
    </>
  );
}

function Description({ operatorId, userName, saved }: { operatorId: string; userName: string; saved: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(saved);
  const update = useChange(teamChanges.updateUser(operatorId, userName));
  const refusal = useAccess().refusal('User:updateUser', { user_name: userName });
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('team.user.details')}
      </Title>
      <FormError error={update.error} retryIn={update.retryIn} />
      <Group align="flex-end">
        <TextInput
          label={t('team.users.description')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1 }}
          readOnly={Boolean(refusal)}
        />
        <GuardedButton
          refusal={refusal}
          variant="default"
          disabled={text === saved}
          loading={update.pending}
          onClick={() => void update.submit(text).then((ok) => ok && notifySuccess(t('team.user.descriptionSaved')))}
        >
          {t('team.save')}
        </GuardedButton>
      </Group>
    </Paper>
  );
}

function DeleteUser({ operatorId, userName }: { operatorId: string; userName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const remove = useChange(teamChanges.deleteUser(operatorId, userName));
  const refusal = useAccess().refusal('User:deleteUser', { user_name: userName });
  return (
    <>
      <GuardedButton refusal={refusal} size="xs" color="red" variant="light" onClick={() => setOpened(true)}>
        {t('team.user.delete')}
      </GuardedButton>
      <ConfirmDialog
        opened={opened}
        title={t('team.user.delete')}
        message={t('team.user.deleteConfirm', { name: userName })}
        confirmLabel={t('team.user.delete')}
        error={remove.error}
        retryIn={remove.retryIn}
        onClose={() => setOpened(false)}
        onConfirm={async () => {
          const ok = await remove.submit();
          if (ok) {
            notifySuccess(t('team.user.deleted', { name: userName }));
            navigate('/account/users');
          }
          return ok;
        }}
      />
    </>
  );
}
