import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { billingQueries, type LatestBill as Latest, type MonthlyBill } from '../../api/resources/billing';
import type { ExportTarget } from '../../api/resources/exports';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  compareAmounts,
  formatMoneyChange,
  formatPercentChange,
  parseEvaluatedTime,
  previousYearMonth,
  yearMonthOf,
} from '../../lib/money';
import { ExportControl } from './ExportControl';
import { useMoney } from './useMoney';

const latestTarget: ExportTarget = { kind: 'latest' };

/** The month the preliminary bill is for: that of its calculation time (or now, when it has none). */
export function latestMonth(latest: Latest, now = Date.now()): string {
  return yearMonthOf(parseEvaluatedTime(latest.lastEvaluatedTime) ?? now);
}

/** Last month's bill, when there is one in the same currency to compare with. */
export function previousBill(latest: Latest, history: MonthlyBill[], now = Date.now()): MonthlyBill | undefined {
  const previous = previousYearMonth(latestMonth(latest, now));
  const bill = history.find((b) => b.yearMonth === previous);
  return bill && bill.amount !== undefined && bill.currency === latest.currency ? bill : undefined;
}

/** This month so far, when it was calculated, and how it compares with last month. */
export function LatestBill({ history }: { history: MonthlyBill[] | undefined }) {
  const { t } = useTranslation();
  const format = useMoney();
  const latest = useQuery(billingQueries.latest());
  const data = latest.data;
  const month = data ? latestMonth(data) : undefined;
  const previous = data && history ? previousBill(data, history) : undefined;
  const change = data && previous ? compareAmounts(data.amount ?? 0, previous.amount ?? 0) : undefined;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="latest-bill-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="latest-bill-title">
          {t('billing.latest.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('billing.latest.about')}
        </Text>
        {latest.error ? <ErrorAlert error={latest.error} /> : null}
        {/* As tall as what it will show (the comparison on two or three lines on a phone), so nothing below jumps. */}
        <Stack gap="xs" mih={latest.error ? undefined : 212}>
          {latest.isPending ? <Skeleton height={38} width={200} /> : null}
          {data ? (
            <>
              <Text fw={500} data-testid="latest-month">
                {month ? format.month(month) : null}
              </Text>
              <Text fz={32} fw={700} lh={1.2} data-testid="latest-amount">
                {format.money(data.amount ?? 0, data.currency)}
              </Text>
              <Text size="sm" c="dimmed">
                {data.lastEvaluatedTime
                  ? t('billing.latest.calculated', {
                      time: format.moment(parseEvaluatedTime(data.lastEvaluatedTime)) || data.lastEvaluatedTime,
                    })
                  : t('billing.latest.notCalculated')}
              </Text>
              {history && month ? (
                <Text size="sm" data-testid="latest-comparison">
                  {previous && change
                    ? t('billing.latest.compared', {
                        difference: formatMoneyChange(change.difference, data.currency, format.locale),
                        percent: change.ratio === null ? '—' : formatPercentChange(change.ratio, format.locale),
                        month: format.month(previous.yearMonth),
                        amount: format.money(previous.amount, previous.currency),
                      })
                    : t('billing.latest.nothingToCompare', { month: format.month(previousYearMonth(month)) })}
                </Text>
              ) : null}
              {month ? (
                <Anchor component={Link} to={`/billing/${month}`} size="sm">
                  {t('billing.latest.details', { month: format.month(month) })}
                </Anchor>
              ) : null}
            </>
          ) : null}
        </Stack>
        <Group mt="xs">
          <ExportControl target={latestTarget} label={t('billing.export.latest')} />
        </Group>
      </Stack>
    </Paper>
  );
}
