import { Button } from '@mantine/core';
import { useTranslation } from '../../app/i18n';

/** Root account or SAM user: two toggle buttons (lighter than a segmented control, same meaning for assistive tech). */
export function AccountTypeToggle({
  value,
  onChange,
}: {
  value: 'root' | 'sam';
  onChange: (mode: 'root' | 'sam') => void;
}) {
  const { t } = useTranslation();
  return (
    <Button.Group aria-label={t('login.accountType')}>
      {(['root', 'sam'] as const).map((mode) => (
        <Button
          key={mode}
          type="button"
          fullWidth
          variant={value === mode ? 'filled' : 'default'}
          aria-pressed={value === mode}
          onClick={() => onChange(mode)}
        >
          {t(`login.${mode}`)}
        </Button>
      ))}
    </Button.Group>
  );
}
