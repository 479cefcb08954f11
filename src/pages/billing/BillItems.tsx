import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { billingQueries } from '../../api/resources/billing';
import { useTranslation } from '../../app/i18n';
import { BarChart } from '../../components/charts';
import { TableScroll } from '../../components/TableScroll';
import { billItemChart, billItemTable } from './billItems';
import { enumLabel } from './labels';
import { QueryStatus } from './QueryStatus';
import { Section } from './Section';
import { useMoney } from './useMoney';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/** Cost by bill item for the recent months: stacked bars, and the same figures as a table. */
export function BillItems({ yyyyMM }: { yyyyMM: string }) {
  const { t } = useTranslation();
  const format = useMoney();
  const summaries = useQuery(billingQueries.billItems());
  const table = billItemTable(summaries.data ?? []);
  const itemLabel = (name: string) => enumLabel(t, 'billItems', name);
  const chart = billItemChart(table, format.shortMonth, itemLabel);

  return (
    <Section title={t('billing.items.title')}>
      <QueryStatus query={summaries} height={240} isEmpty={table.items.length === 0} empty={t('billing.items.empty')} />
      {table.items.length > 0 ? (
        <>
          <BarChart
            title={t('billing.items.chart')}
            data={chart.data}
            series={chart.series}
            stacked
            formatValue={(n) => format.money(n, table.currency)}
          />
          <TableScroll label={t('billing.items.table')}>
            <Table striped verticalSpacing={4} aria-label={t('billing.items.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('billing.columns.billItem')}</Table.Th>
                  {table.months.map((month) => (
                    <Table.Th
                      scope="col"
                      ta="right"
                      key={month}
                      aria-current={month === yyyyMM ? 'true' : undefined}
                      fw={month === yyyyMM ? 800 : undefined}
                    >
                      {format.shortMonth(month)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.items.map((item) => (
                  <Table.Tr key={item.name}>
                    <Table.Th scope="row" fw={400}>
                      {itemLabel(item.name)}
                    </Table.Th>
                    {item.amounts.map((amount, m) => (
                      <Table.Td ta="right" style={numeric} key={table.months[m]}>
                        {amount === undefined ? '—' : format.money(amount, table.currency)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('billing.total')}</Table.Th>
                  {table.totals.map((total, m) => (
                    <Table.Td ta="right" fw={700} style={numeric} key={table.months[m]}>
                      {format.money(total, table.currency)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </TableScroll>
        </>
      ) : null}
    </Section>
  );
}
