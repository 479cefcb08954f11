import { Table, Text } from '@mantine/core';
import type { UsagePeriod, UsagePoint } from '../../api/resources/usage';
import { useTranslation } from '../../app/i18n';
import { TableScroll } from '../../components/TableScroll';
import { formatBytes } from '../../lib/bytes';
import { bucketLabel, type UsageTotals } from './range';

/** The chart's figures as a table: one row per bucket the API answered with, and the totals. */
export function UsageTable(props: { label: string; points: UsagePoint[]; period: UsagePeriod; sums: UsageTotals }) {
  const { t, i18n } = useTranslation();
  const bytes = (n: number) => formatBytes(n, i18n.language);
  return (
    // A long period scrolls inside its own box.
    <TableScroll label={props.label} maxHeight={360}>
      <Table aria-label={props.label} striped stickyHeader miw={360} style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('usage.when')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('usage.upload')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('usage.download')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('usage.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.points.map((p) => (
            <Table.Tr key={p.unixtime}>
              <Table.Th scope="row" fw="normal">
                {bucketLabel(p.unixtime, props.period, i18n.language, 'long')}
              </Table.Th>
              <Table.Td ta="end">{bytes(p.upload)}</Table.Td>
              <Table.Td ta="end">{bytes(p.download)}</Table.Td>
              <Table.Td ta="end">{bytes(p.upload + p.download)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">
              <Text fw={700} size="sm">
                {t('usage.total')}
              </Text>
            </Table.Th>
            <Table.Td ta="end">{bytes(props.sums.upload)}</Table.Td>
            <Table.Td ta="end">{bytes(props.sums.download)}</Table.Td>
            <Table.Td ta="end">{bytes(props.sums.upload + props.sums.download)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}
