import { Alert, Button, Paper, Stack, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { securityChanges, type Who } from '../../../api/resources/security';
import { useUnsavedWork } from '../../../api/unsavedWork';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { FormError } from '../../../components/FormError';
import { NewPasswordFields, newPasswordErrors } from '../../../components/NewPasswordFields';
import { PasswordField } from '../../../components/PasswordField';

const empty = { current: '', next: { password: '', confirm: '' } };

/** Changing the password: current one, new one twice. What was typed survives a failed save. */
export function PasswordCard({ who, onChanged }: { who: Who; onChanged: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(empty);
  const [checked, setChecked] = useState(false);
  const action = useChange(securityChanges.changePassword(who));
  async function send() {
    if (!(await action.submit({ currentPassword: form.current, newPassword: form.next.password }))) return;
    setForm(empty);
    setChecked(false);
    onChanged();
  }
  useUnsavedWork(form.current !== '' || form.next.password !== '');

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('security.password.title')}
      </Title>
      <form
        noValidate
        aria-label={t('security.password.title')}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setChecked(true);
          if (form.current && !newPasswordErrors(form.next)) void send();
        }}
      >
        <Stack gap="sm" maw={420}>
          {action.done && !action.error && !form.current ? (
            <Alert color="green" role="status">
              {t('security.password.changed')}
            </Alert>
          ) : null}
          <FormError error={action.error} retryIn={action.retryIn} />
          <PasswordField
            label={t('security.password.current')}
            autoComplete="current-password"
            value={form.current}
            onChange={(e) => setForm({ ...form, current: e.currentTarget.value })}
            error={checked && !form.current ? t('login.validation.required') : undefined}
          />
          <NewPasswordFields value={form.next} onChange={(next) => setForm({ ...form, next })} showErrors={checked} />
          <Button type="submit" loading={action.pending} w="fit-content">
            {t('security.password.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
