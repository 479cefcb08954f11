import { Group, Text } from '@mantine/core';
import type { Sim } from '../../api/resources/sims';
import { useTranslation } from '../../app/i18n';
import { formatDateTime, formatRelative, isKnownTime } from '../../lib/format';

/** Online or offline, and when the network last heard of the SIM. */
export function SessionIndicator({ session }: { session: Sim['sessionStatus'] }) {
  const { t, i18n } = useTranslation();
  const online = Boolean(session?.online);
  return (
    <Group gap={6} wrap="nowrap">
      <span
        aria-hidden="true"
        style={{
          width: 8,
          height: 8,
          borderRadius: '50%',
          flex: 'none',
          background: online ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-gray-5)',
        }}
      />
      <Text size="sm" span>
        {online ? t('sims.online') : t('sims.offline')}
      </Text>
      {isKnownTime(session?.lastUpdatedAt) ? (
        <Text size="xs" c="dimmed" span title={formatDateTime(session.lastUpdatedAt, i18n.language)}>
          {formatRelative(session.lastUpdatedAt, i18n.language)}
        </Text>
      ) : null}
    </Group>
  );
}
