import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { simQueries } from '../../api/resources/sims';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimStatusBadge } from '../../components/sims/SimStatusBadge';
import { formatDateTime, secondsToMs } from '../../lib/format';

/** What happened to the SIM: status changes and session events, newest first. */
export function SimTimeline({ simId }: { simId: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery(simQueries.history(simId));
  const events = useQuery(simQueries.sessionEvents(simId));

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('sims.history.title')}
        </Title>
        {history.error ? <ErrorAlert error={history.error} /> : null}
        {history.data?.length === 0 ? <Text c="dimmed">{t('sims.history.none')}</Text> : null}
        {history.data?.length ? (
          <Table aria-label={t('sims.history.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sims.history.when')}</Table.Th>
                <Table.Th scope="col">{t('sims.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('sims.columns.speedClass')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((entry, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no identity of their own
                <Table.Tr key={index}>
                  <Table.Td>{formatDateTime(secondsToMs(entry.applyDateTimeEpochSec), i18n.language)}</Table.Td>
                  <Table.Td>
                    <SimStatusBadge status={entry.status} />
                  </Table.Td>
                  <Table.Td>{entry.speedClass}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('sims.events.title')}
        </Title>
        {events.error ? <ErrorAlert error={events.error} /> : null}
        {events.data?.length === 0 ? <Text c="dimmed">{t('sims.events.none')}</Text> : null}
        {events.data?.length ? (
          <Table aria-label={t('sims.events.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sims.history.when')}</Table.Th>
                <Table.Th scope="col">{t('sims.events.event')}</Table.Th>
                <Table.Th scope="col">{t('sims.events.imei')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.map((event, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: events have no identity of their own
                <Table.Tr key={index}>
                  <Table.Td>{formatDateTime(event.time, i18n.language)}</Table.Td>
                  <Table.Td>{event.event}</Table.Td>
                  <Table.Td ff="monospace">{event.imei}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
    </SimpleGrid>
  );
}
