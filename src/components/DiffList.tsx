import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import type { Change } from '../../common/configuration';
import { useTranslation } from '../app/i18n';

const colors = { added: 'green', removed: 'red', changed: 'blue' } as const;
const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** Changes key by key: what each setting was and what it becomes. */
export function DiffList({ changes, label }: { changes: Change[]; label: string }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <Text c="dimmed">{t('diff.none')}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {changes.map((change) => (
        <li key={change.path.join('.')}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge color={colors[change.kind]} variant="dot" miw="max-content">
              {t(`diff.${change.kind}`)}
            </Badge>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" ff="monospace" fw={600}>
                {change.path.join('.')}
              </Text>
              {change.kind !== 'added' ? (
                <Text size="xs">
                  {t('diff.before')} <Code style={{ overflowWrap: 'anywhere' }}>{show(change.before)}</Code>
                </Text>
              ) : null}
              {change.kind !== 'removed' ? (
                <Text size="xs">
                  {t('diff.after')} <Code style={{ overflowWrap: 'anywhere' }}>{show(change.after)}</Code>
                </Text>
              ) : null}
            </Stack>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
