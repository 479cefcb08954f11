import { Button, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from '../app/i18n';

/** A value shown in full, in monospace, with a button that copies it. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={`copy-${label}`}>
          {value}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="compact-xs"
              variant="default"
              onClick={copy}
              aria-label={t('common.copyNamed', { name: label })}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </div>
  );
}
