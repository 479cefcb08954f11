/**
 * Home: the fleet at a glance. SIMs per status (each a link to the SIM table filtered by it), the SIMs with the most
 * data this month (each a link to its page), and this month's bill so far against last month up to the same day.
 * No chart library: bars are plain elements, so the page stays light. Each card asks for its own data and says on
 * its own when the signed-in user's permissions refuse it.
 */
import { Alert, Anchor, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { billingQueries } from '../../api/resources/billing';
import { dashboardQueries } from '../../api/resources/dashboard';
import { errorLogQueries } from '../../api/resources/errorLogs';
import { eventHandlerQueries } from '../../api/resources/eventHandlers';
import { enumLabel, useTranslation } from '../../app/i18n';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes } from '../../lib/bytes';
import {
  compareAmounts,
  formatMoney,
  formatMoneyChange,
  formatPercentChange,
  parseEvaluatedTime,
  previousYearMonth,
  sumMoney,
  yearMonthOf,
} from '../../lib/money';
import { simName } from '../../lib/sim';
import { ExecutionsTable } from '../eventHandlers/ExecutionsTable';
import { LogsTable } from '../logs/LogsTable';
import classes from './HomePage.module.css';

const topCount = 5;

/** A card; when `refusal` is set, the user's permissions refuse its call and that is all it says. */
function Card({
  title,
  about,
  refusal,
  minHeight,
  children,
}: {
  title: string;
  about: string;
  refusal: string | null;
  /** As tall as what it will show, so that nothing below moves when the figures arrive. */
  minHeight: number;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {about}
        </Text>
        {refusal ? (
          <Alert color="gray" role="status">
            {refusal}
          </Alert>
        ) : (
          <Stack gap="xs" mih={minHeight}>
            {children}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function SimsPerStatus() {
  const { t, i18n } = useTranslation();
  const refusal = useAccess().refusal('ResourceSummary:getResourceSummary');
  const summary = useQuery({ ...dashboardQueries.simsPerStatus(), enabled: !refusal });
  const rows = summary.data ?? [];
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const most = Math.max(1, ...rows.map((row) => row.count));
  return (
    <Card title={t('home.statuses.title')} about={t('home.statuses.about')} refusal={refusal} minHeight={190}>
      {summary.error ? <ErrorAlert error={summary.error} /> : null}
      {summary.isPending ? <Skeleton height={150} /> : null}
      {summary.data ? (
        <>
          <ul aria-label={t('home.statuses.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {rows.map(({ status, count }) => {
              const label = enumLabel(t, 'sims.status', status);
              return (
                <li key={status}>
                  <Link
                    to={`/sims?status=${status}`}
                    className={classes.statusRow}
                    aria-label={t('home.statuses.link', { status: label, count })}
                    data-status={status}
                  >
                    <Text size="sm" component="span">
                      {label}
                    </Text>
                    <span className={classes.track} aria-hidden="true">
                      <span className={classes.bar} style={{ width: `${(count / most) * 100}%`, display: 'block' }} />
                    </span>
                    <Text size="sm" component="span" className={classes.count} data-testid={`status-count-${status}`}>
                      {count.toLocaleString(i18n.language)}
                    </Text>
                  </Link>
                </li>
              );
            })}
          </ul>
          <Text size="sm" c="dimmed" data-testid="status-total">
            {t('home.statuses.total', { count: total })}
          </Text>
        </>
      ) : null}
    </Card>
  );
}

function TopSims({ from, to }: { from: number; to: number }) {
  const { t, i18n } = useTranslation();
  const refusal = useAccess().refusal('Query:searchSubscriberTrafficVolumeRanking');
  const ranking = useQuery({ ...dashboardQueries.topSims(from, to, topCount), enabled: !refusal });
  return (
    <Card title={t('home.traffic.title')} about={t('home.traffic.about')} refusal={refusal} minHeight={290}>
      {ranking.error ? <ErrorAlert error={ranking.error} /> : null}
      {ranking.isPending && !refusal ? <Skeleton height={150} /> : null}
      {ranking.data?.length === 0 ? <Text size="sm">{t('home.traffic.empty')}</Text> : null}
      {ranking.data && ranking.data.length > 0 ? (
        <Table verticalSpacing={4} aria-label={t('home.traffic.tableLabel')} data-testid="top-sims">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('home.traffic.rank')}</Table.Th>
              <Table.Th scope="col">{t('home.traffic.sim')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('home.traffic.volume')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ranking.data.map((row, i) => {
              const sim = row.sim;
              const name = sim ? simName(sim) : '';
              return (
                <Table.Tr key={row.imsi} data-imsi={row.imsi}>
                  <Table.Td>{(i + 1).toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>
                    {sim?.simId ? (
                      <Anchor component={Link} to={`/sims/${sim.simId}`} size="sm">
                        {name || row.imsi}
                      </Anchor>
                    ) : (
                      <Text size="sm">{row.imsi}</Text>
                    )}
                    {name ? (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {row.imsi}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="end" data-bytes={row.trafficVolume} style={{ whiteSpace: 'nowrap' }}>
                    {formatBytes(row.trafficVolume, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}

/** `yyyyMMdd`'s day of the month. */
const dayOf = (yyyyMMdd: string | undefined) => Number((yyyyMMdd ?? '').slice(6, 8));

function BillSoFar({ now }: { now: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const refusal = useAccess().refusal('Billing:getLatestBilling');
  const latest = useQuery({ ...billingQueries.latest(), enabled: !refusal });
  const at = parseEvaluatedTime(latest.data?.lastEvaluatedTime) ?? now;
  const month = yearMonthOf(at);
  const previousMonth = previousYearMonth(month);
  const day = new Date(at).getUTCDate();
  const previousDaily = useQuery({ ...billingQueries.daily(previousMonth), enabled: Boolean(latest.data) });
  const currency = latest.data?.currency;
  const sameDays = (previousDaily.data ?? []).filter((d) => dayOf(d.date) <= day && d.currency === currency);
  const previousAmount = previousDaily.data
    ? sumMoney(
        sameDays.map((d) => d.amount),
        currency,
      )
    : undefined;
  const change =
    latest.data && previousAmount !== undefined && sameDays.length > 0
      ? compareAmounts(latest.data.amount ?? 0, previousAmount)
      : undefined;
  return (
    <Card title={t('home.bill.title')} about={t('home.bill.about')} refusal={refusal} minHeight={130}>
      {latest.error ? <ErrorAlert error={latest.error} /> : null}
      {latest.isPending && !refusal ? <Skeleton height={60} /> : null}
      {latest.data ? (
        <>
          <Text fz={32} fw={700} lh={1.2} data-testid="bill-so-far" data-amount={latest.data.amount}>
            {formatMoney(latest.data.amount ?? 0, currency, locale)}
          </Text>
          {previousDaily.error ? <ErrorAlert error={previousDaily.error} /> : null}
          {previousDaily.isPending ? <Skeleton height={40} /> : null}
          {previousDaily.data ? (
            change && previousAmount !== undefined ? (
              <Stack gap={2}>
                <Text size="sm" data-testid="bill-last-month" data-amount={previousAmount}>
                  {t('home.bill.lastMonth', { day, amount: formatMoney(previousAmount, currency, locale) })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('home.bill.change', {
                    difference: formatMoneyChange(change.difference, currency, locale),
                    percent: change.ratio === null ? '—' : formatPercentChange(change.ratio, locale),
                  })}
                </Text>
              </Stack>
            ) : (
              <Text size="sm">{t('home.bill.noComparison')}</Text>
            )
          ) : null}
          <Anchor component={Link} to="/billing" size="sm">
            {t('home.bill.details')}
          </Anchor>
        </>
      ) : null}
    </Card>
  );
}

/**
 * Makes the number formats the cards use one per task while their data is on its way: made on first use they would
 * all fall into the task that renders the figures, a long one on a phone (see money.prepareFormats).
 */
function useWarmFormats(locale: string) {
  useEffect(() => {
    const steps = [
      ...[1, 1e4, 1e7, 1e10].map((n) => () => formatBytes(n, locale)),
      () => formatMoney(0, 'JPY', locale),
      () => formatPercentChange(0, locale),
    ];
    let timer = 0;
    const next = () => {
      steps.shift()?.();
      if (steps.length > 0) timer = window.setTimeout(next, 0);
    };
    timer = window.setTimeout(next, 0);
    return () => window.clearTimeout(timer);
  }, [locale]);
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  useWarmFormats(i18n.language);
  // One moment for the page: this month runs from the 1st (UTC) to when the page opened.
  const [now] = useState(() => Date.now());
  const date = new Date(now);
  const monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return (
    <>
      <PageHeader title={t('home.title')} />
      <Text size="sm" c="dimmed" mb="md">
        {t('home.about')}
      </Text>
      <div className={classes.grid}>
        <SimsPerStatus />
        <TopSims from={monthStart} to={now} />
        <BillSoFar now={now} />
        <RecentExecutions />
        <RecentErrors />
      </div>
    </>
  );
}

/** The latest executions of the event handlers (kept by the local sandbox; elsewhere the card says so). */
function RecentExecutions() {
  const { t } = useTranslation();
  const access = useAccess();
  const refusal = access.refusal('EventHandler:listEventHandlers');
  const executions = useQuery({ ...eventHandlerQueries.executions({ limit: 5 }), enabled: !refusal });
  const handlers = useQuery({ ...eventHandlerQueries.list(), enabled: !refusal });
  const names = new Map((handlers.data ?? []).map((h) => [h.handlerId, h.name]));
  return (
    <Card title={t('events.home.title')} about={t('events.home.about')} refusal={refusal} minHeight={120}>
      {executions.error ? <ErrorAlert error={executions.error} /> : null}
      {executions.data === null ? <Text size="sm">{t('events.page.historyLocalOnly')}</Text> : null}
      {executions.data?.length === 0 ? <Text size="sm">{t('events.home.empty')}</Text> : null}
      {executions.isPending || (executions.data?.length ?? 0) > 0 ? (
        <ExecutionsTable
          executions={executions.data ?? []}
          pending={executions.isPending}
          label={t('events.home.tableLabel')}
          handlerNames={names}
        />
      ) : null}
    </Card>
  );
}

/** The latest error log entries, with a link to the error logs page. */
function RecentErrors() {
  const { t } = useTranslation();
  const access = useAccess();
  const refusal = access.refusal('Log:getLogs');
  const logs = useQuery({ ...errorLogQueries.page({}, undefined, 5), enabled: !refusal });
  return (
    <Card title={t('logs.homeTitle')} about={t('logs.homeAbout')} refusal={refusal} minHeight={120}>
      {logs.error ? <ErrorAlert error={logs.error} /> : null}
      {logs.data?.items.length === 0 ? <Text size="sm">{t('logs.empty')}</Text> : null}
      {logs.isPending || (logs.data?.items.length ?? 0) > 0 ? (
        <LogsTable entries={logs.data?.items ?? []} pending={logs.isPending} label={t('logs.homeLabel')} />
      ) : null}
      <Anchor component={Link} to="/logs" size="sm">
        {t('logs.all')}
      </Anchor>
    </Card>
  );
}
