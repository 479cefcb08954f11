import { Anchor, Badge, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MonthlyBill } from '../../api/resources/billing';
import { useTranslation } from '../../app/i18n';
import { BarChart } from '../../components/charts';
import { TableScroll } from '../../components/TableScroll';
import { enumLabel, failedPayment } from './labels';
import { useMoney } from './useMoney';

/** Months shown in the chart (the table has them all). */
const chartMonths = 12;

/** Memoised: while the bills have not changed, this month's figures arriving does not re-render every month. */
export const BillHistory = memo(function BillHistory({
  bills,
  pending,
}: {
  bills: MonthlyBill[] | undefined;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const format = useMoney();
  const navigate = useNavigate();
  const recent = (bills ?? []).slice(0, chartMonths).reverse();
  const currency = recent.at(-1)?.currency;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="bill-history-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="bill-history-title">
          {t('billing.history.title')}
        </Title>
        {pending ? <Skeleton height={240} /> : null}
        {bills && bills.length === 0 ? <Text c="dimmed">{t('billing.history.empty')}</Text> : null}
        {recent.length > 0 ? (
          <BarChart
            title={t('billing.history.chart')}
            data={recent.map((b) => ({ label: format.shortMonth(b.yearMonth), values: { amount: b.amount ?? 0 } }))}
            series={[{ key: 'amount', label: t('billing.columns.amount'), color: 'brand.7' }]}
            formatValue={(n) => format.money(n, currency)}
            onSelect={(index) => {
              const month = recent[index]?.yearMonth;
              if (month) navigate(`/billing/${month}`);
            }}
          />
        ) : null}
        {bills && bills.length > 0 ? (
          <TableScroll label={t('billing.history.table')}>
            <Table striped verticalSpacing="xs" aria-label={t('billing.history.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('billing.columns.month')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('billing.columns.amount')}
                  </Table.Th>
                  <Table.Th scope="col">{t('billing.columns.state')}</Table.Th>
                  <Table.Th scope="col">{t('billing.columns.paymentStatus')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('billing.columns.coupon')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bills.map((bill) => (
                  <Table.Tr key={bill.yearMonth}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/billing/${bill.yearMonth}`} size="sm">
                        {format.month(bill.yearMonth)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {format.money(bill.amount, bill.currency)}
                    </Table.Td>
                    <Table.Td>{enumLabel(t, 'state', bill.state)}</Table.Td>
                    <Table.Td>
                      {bill.paymentStatus ? (
                        <Badge
                          variant={failedPayment.has(bill.paymentStatus) ? 'filled' : 'light'}
                          color={failedPayment.has(bill.paymentStatus) ? 'red.9' : 'gray'}
                          tt="none"
                          size="sm"
                        >
                          {enumLabel(t, 'paymentStatus', bill.paymentStatus)}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {bill.appliedCouponAmount ? format.money(bill.appliedCouponAmount, bill.currency) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Stack>
    </Paper>
  );
});
