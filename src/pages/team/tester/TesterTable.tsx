import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from '../../../app/i18n';
import { TableScroll } from '../../../components/TableScroll';
import { explain, type TesterRow } from './testerRows';

const shownAtMost = 300;

/** One row per operation: allowed or not, and the statement that decides. */
export function TesterTable({ rows }: { rows: TesterRow[] }) {
  const { t } = useTranslation();
  const allowed = rows.filter((row) => row.decision.allowed).length;
  return (
    <>
      <Text size="sm" role="status">
        {t('team.tester.summary', { allowed, total: rows.length })}
        {rows.length > shownAtMost ? ` ${t('team.tester.firstOnly', { count: shownAtMost })}` : ''}
      </Text>
      <TableScroll label={t('team.tester.results')} maxHeight={560}>
        <Table striped verticalSpacing={4} aria-label={t('team.tester.results')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('team.tester.operation')}</Table.Th>
              <Table.Th scope="col">{t('team.tester.result')}</Table.Th>
              <Table.Th scope="col">{t('team.tester.decidedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, shownAtMost).map(({ operation, decision }) => (
              <Table.Tr key={`${operation.service}:${operation.operationId}`}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {operation.service}:{operation.operationId}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {operation.method} {operation.path}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={decision.allowed ? 'green' : 'red'} variant="dot">
                    {decision.allowed ? t('team.tester.allowed') : t('team.tester.refused')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{explain(decision, t)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}
