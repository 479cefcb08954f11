import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { securityChanges, securityQueries } from '../../api/resources/security';
import { teamQueries } from '../../api/resources/team';
import { teamChanges } from '../../api/resources/teamChanges';
import { useSession } from '../../api/session';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FormError';
import { type NewPassword, NewPasswordFields, newPasswordErrors } from '../../components/NewPasswordFields';
import { notifySuccess } from '../../lib/notify';

interface Props {
  operatorId: string;
  userName: string;
}

/** Whether the user has a password; set one (when none) or remove it. */
export function UserPassword({ operatorId, userName }: Props) {
  const { t } = useTranslation();
  const has = useQuery(teamQueries.hasPassword(operatorId, userName));
  const [value, setValue] = useState<NewPassword>({ password: '', confirm: '' });
  const [checked, setChecked] = useState(false);
  const [removing, setRemoving] = useState(false);
  const set = useChange(teamChanges.setPassword(operatorId, userName));
  const remove = useChange(teamChanges.removePassword(operatorId, userName));
  const access = useAccess();
  const vars = { user_name: userName };
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('team.user.password')}
        </Title>
        {has.data !== undefined ? (
          <Badge variant="dot" color={has.data ? 'green' : 'gray'}>
            {has.data ? t('team.user.hasPassword') : t('team.user.noPassword')}
          </Badge>
        ) : null}
      </Group>
      {has.data === false ? (
        <form
          noValidate
          aria-label={t('team.user.setPassword')}
          onSubmit={(event) => {
            event.preventDefault();
            setChecked(true);
            if (newPasswordErrors(value)) return;
            void set.submit(value.password).then((ok) => {
              if (!ok) return;
              setValue({ password: '', confirm: '' });
              setChecked(false);
              notifySuccess(t('team.user.passwordSet'));
            });
          }}
        >
          <Stack gap="sm">
            <FormError error={set.error} retryIn={set.retryIn} />
            <NewPasswordFields value={value} onChange={setValue} showErrors={checked} />
            <GuardedButton
              refusal={access.refusal('User:createUserPassword', vars)}
              type="submit"
              w="fit-content"
              loading={set.pending}
            >
              {t('team.user.setPassword')}
            </GuardedButton>
          </Stack>
        </form>
      ) : null}
      {has.data ? (
        <GuardedButton
          refusal={access.refusal('User:deleteUserPassword', vars)}
          variant="light"
          color="red"
          onClick={() => setRemoving(true)}
        >
          {t('team.user.removePassword')}
        </GuardedButton>
      ) : null}
      <ConfirmDialog
        opened={removing}
        title={t('team.user.removePassword')}
        message={t('team.user.removePasswordConfirm', { name: userName })}
        confirmLabel={t('team.user.removePassword')}
        error={remove.error}
        retryIn={remove.retryIn}
        onClose={() => setRemoving(false)}
        onConfirm={() => remove.submit()}
      />
    </Paper>
  );
}

/** The user's MFA status; the root account may revoke it (when the user lost their device). */
export function UserMfa({ operatorId, userName }: Props) {
  const { t } = useTranslation();
  const who = { operatorId, userName };
  const isRoot = !useSession()?.userName;
  const status = useQuery(securityQueries.mfa(who));
  const [revoking, setRevoking] = useState(false);
  const revoke = useChange(securityChanges.revokeMfa(who));
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('team.user.mfa')}
        </Title>
        {status.data ? (
          <Badge variant="dot" color={status.data === 'ACTIVE' ? 'green' : 'gray'}>
            {t(`team.user.mfaStatus.${status.data}`)}
          </Badge>
        ) : null}
      </Group>
      {status.error ? <FormError error={status.error} retryIn={0} /> : null}
      {status.data === 'ACTIVE' ? (
        <GuardedButton
          refusal={isRoot ? null : t('team.user.mfaRootOnly')}
          variant="light"
          color="red"
          onClick={() => setRevoking(true)}
        >
          {t('team.user.revokeMfa')}
        </GuardedButton>
      ) : (
        <Text size="sm" c="dimmed">
          {t('team.user.mfaAbout')}
        </Text>
      )}
      <ConfirmDialog
        opened={revoking}
        title={t('team.user.revokeMfa')}
        message={t('team.user.revokeMfaConfirm', { name: userName })}
        confirmLabel={t('team.user.revokeMfa')}
        error={revoke.error}
        retryIn={revoke.retryIn}
        onClose={() => setRevoking(false)}
        onConfirm={() => revoke.submit('')}
      />
    </Paper>
  );
}
