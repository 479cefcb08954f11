import { Button, Checkbox, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { teamQueries } from '../../api/resources/team';
import { teamChanges } from '../../api/resources/teamChanges';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { CopyField } from '../../components/CopyField';
import { FormError } from '../../components/FormError';
import { type NewPassword, NewPasswordFields, newPasswordErrors } from '../../components/NewPasswordFields';

/** SORACOM's rule for SAM user names: letters, digits and `-_.@+=`, 1 to 100 characters (checked again by the API). */
export const userNamePattern = /^[A-Za-z0-9\-_.@+=]{1,100}$/;

/** Creates a SAM user with, at will, a password, roles and an auth key whose secret is shown here once. */
export function CreateUserDialog({
  opened,
  onClose,
  operatorId,
}: {
  opened: boolean;
  onClose: () => void;
  operatorId: string;
}) {
  const { t } = useTranslation();
  const roles = useQuery({ ...teamQueries.roles(operatorId), enabled: opened });
  const [userName, setUserName] = useState('');
  const [description, setDescription] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [withPassword, setWithPassword] = useState(true);
  const [password, setPassword] = useState<NewPassword>({ password: '', confirm: '' });
  const [withKey, setWithKey] = useState(false);
  const [checked, setChecked] = useState(false);
  const create = useChange(teamChanges.createUser(operatorId));
  const nameError = checked && !userNamePattern.test(userName) ? t('team.users.nameRule') : undefined;
  const passwordBad = withPassword && newPasswordErrors(password) !== null;

  function close() {
    create.reset();
    setUserName('');
    setDescription('');
    setRoleIds([]);
    setPassword({ password: '', confirm: '' });
    setChecked(false);
    onClose();
  }

  const created = create.done ? create.data : undefined;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('team.users.create')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {created ? (
        <Stack gap="sm">
          <Text>{t('team.users.createdNotice', { name: userName })}</Text>
          {created.authKey ? (
            <>
              <Text size="sm" fw={600}>
                {t('team.keys.onlyOnce')}
              </Text>
              <CopyField label={t('team.keys.id')} value={created.authKeyId ?? ''} />
              <CopyField label={t('team.keys.secret')} value={created.authKey} />
            </>
          ) : null}
          <Group justify="flex-end">
            <Button
              component={Link}
              to={`/account/users/${encodeURIComponent(userName)}`}
              variant="default"
              onClick={close}
            >
              {t('team.users.open')}
            </Button>
            <Button onClick={close}>{t('team.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          aria-label={t('team.users.create')}
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setChecked(true);
            if (!userNamePattern.test(userName) || passwordBad) return;
            void create.submit({
              userName,
              description: description.trim(),
              password: withPassword ? password.password : undefined,
              authKey: withKey,
              roleIds,
            });
          }}
        >
          <Stack gap="sm">
            <FormError error={create.error} retryIn={create.retryIn} />
            <TextInput
              label={t('team.users.name')}
              description={t('team.users.nameRule')}
              value={userName}
              onChange={(e) => setUserName(e.currentTarget.value)}
              error={nameError}
              autoComplete="off"
              data-autofocus
            />
            <TextInput
              label={t('team.users.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <MultiSelect
              label={t('team.users.roles')}
              data={(roles.data ?? []).map((role) => role.roleId)}
              value={roleIds}
              onChange={setRoleIds}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
            <Checkbox
              label={t('team.users.withPassword')}
              checked={withPassword}
              onChange={(e) => setWithPassword(e.currentTarget.checked)}
            />
            {withPassword ? <NewPasswordFields value={password} onChange={setPassword} showErrors={checked} /> : null}
            <Checkbox
              label={t('team.users.withKey')}
              checked={withKey}
              onChange={(e) => setWithKey(e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.pending}>
                {t('team.users.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
