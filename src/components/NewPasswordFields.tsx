import { Stack } from '@mantine/core';
import { useTranslation } from '../app/i18n';
import { type PasswordProblem, passwordProblem, passwordRule } from '../lib/password';
import { PasswordField } from './PasswordField';
import { PasswordStrength } from './PasswordStrength';

export interface NewPassword {
  password: string;
  confirm: string;
}

/** What is wrong with a new password and its confirmation, for the field messages; null when all is well. */
export function newPasswordErrors(value: NewPassword): { password?: PasswordProblem; confirm?: 'mismatch' } | null {
  const problem = passwordProblem(value.password);
  const mismatch = value.confirm !== value.password;
  if (!problem && !mismatch) return null;
  return { ...(problem ? { password: problem } : {}), ...(mismatch ? { confirm: 'mismatch' as const } : {}) };
}

/** "New password" with a strength meter, and "Confirm new password". */
export function NewPasswordFields({
  value,
  onChange,
  showErrors,
}: {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const errors = showErrors ? newPasswordErrors(value) : null;
  return (
    <Stack gap="xs">
      <PasswordField
        label={t('password.new')}
        description={t('password.rule', { min: passwordRule.minLength })}
        autoComplete="new-password"
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
        error={
          errors?.password
            ? t(`password.problems.${errors.password}`, { min: passwordRule.minLength, max: passwordRule.maxLength })
            : undefined
        }
      />
      <PasswordStrength password={value.password} />
      <PasswordField
        label={t('password.confirm')}
        autoComplete="new-password"
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.currentTarget.value })}
        error={errors?.confirm ? t('password.problems.mismatch') : undefined}
      />
    </Stack>
  );
}
