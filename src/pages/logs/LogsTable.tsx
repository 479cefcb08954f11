/** Error log entries: when, which service, which SIM, what. */
import { Skeleton, Table, Text } from '@mantine/core';
import { type LogEntry, logMessage } from '../../api/resources/errorLogs';
import { useTranslation } from '../../app/i18n';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/format';

export function LogsTable({
  entries,
  label,
  pending,
}: {
  entries: readonly LogEntry[];
  label: string;
  pending?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <TableScroll label={label}>
      <Table striped verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('logs.time')}</Table.Th>
            <Table.Th scope="col">{t('logs.service')}</Table.Th>
            <Table.Th scope="col">{t('logs.resource')}</Table.Th>
            <Table.Th scope="col">{t('logs.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pending ? (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Skeleton height={14} />
              </Table.Td>
            </Table.Tr>
          ) : (
            entries.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries have no ID; their place in the log is theirs.
              <Table.Tr key={index}>
                <Table.Td>{formatDateTime(entry.time, i18n.language)}</Table.Td>
                <Table.Td>{entry.service}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {entry.resourceId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{logMessage(entry)}</Text>
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
