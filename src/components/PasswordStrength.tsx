import { Progress, Text } from '@mantine/core';
import { useTranslation } from '../app/i18n';
import { passwordStrength } from '../lib/password';

const colors = ['red', 'red', 'orange', 'teal', 'green'] as const;

/** A meter under a new-password field: how hard the password would be to guess. */
export function PasswordStrength({ password }: { password: string }) {
  const { t } = useTranslation();
  if (!password) return null;
  const score = passwordStrength(password);
  return (
    <div>
      <Progress value={(score + 1) * 20} color={colors[score]} size="sm" aria-hidden="true" />
      <Text size="xs" c="dimmed" mt={4} aria-live="polite">
        {t('password.strength', { level: t(`password.levels.${score}`) })}
      </Text>
    </div>
  );
}
