import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { billingQueries } from '../../api/resources/billing';
import { useTranslation } from '../../app/i18n';
import { BarChart } from '../../components/charts';
import { TableScroll } from '../../components/TableScroll';
import { sumMoney } from '../../lib/money';
import { QueryStatus } from './QueryStatus';
import { Section } from './Section';
import { useMoney } from './useMoney';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/** The month's amounts day by day, as bars and as a table with their total. */
export function DailyBills({ yyyyMM }: { yyyyMM: string }) {
  const { t } = useTranslation();
  const format = useMoney();
  const daily = useQuery(billingQueries.daily(yyyyMM));
  const days = daily.data ?? [];
  const currency = days.find((d) => d.currency)?.currency;

  return (
    <Section title={t('billing.daily.title')}>
      <QueryStatus query={daily} height={240} isEmpty={days.length === 0} empty={t('billing.daily.empty')} />
      {days.length > 0 ? (
        <>
          <BarChart
            title={t('billing.daily.chart', { month: format.month(yyyyMM) })}
            data={days.map((d) => ({ label: format.day(d.date), values: { amount: d.amount ?? 0 } }))}
            series={[{ key: 'amount', label: t('billing.columns.amount'), color: 'brand.7' }]}
            formatValue={(n) => format.money(n, currency)}
          />
          <TableScroll label={t('billing.daily.table')}>
            <Table striped verticalSpacing={4} aria-label={t('billing.daily.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('billing.columns.day')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('billing.columns.amount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {days.map((d) => (
                  <Table.Tr key={d.date}>
                    <Table.Th scope="row" fw={400}>
                      {format.dayWithWeekday(d.date)}
                    </Table.Th>
                    <Table.Td ta="right" style={numeric}>
                      {format.money(d.amount, d.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('billing.total')}</Table.Th>
                  <Table.Td ta="right" fw={700} style={numeric} data-testid="daily-total">
                    {format.money(
                      sumMoney(
                        days.map((d) => d.amount),
                        currency,
                      ),
                      currency,
                    )}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </TableScroll>
        </>
      ) : null}
    </Section>
  );
}
