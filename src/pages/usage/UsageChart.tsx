/**
 * Air data usage of the operator, a group or a SIM: period and range pickers, upload and download as bars, the
 * totals, and the same figures in a table. Used by the usage dashboard and the SIM page.
 */
import { Alert, Group, NativeSelect, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { type UsagePeriod, type UsageRange, type UsageSubject, usageQueries } from '../../api/resources/usage';
import { type TFunction, useTranslation } from '../../app/i18n';
import { BarChart, type ChartSeries } from '../../components/charts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatByteCount, formatBytes } from '../../lib/bytes';
import { bucketLabel, fillBuckets, rangeFor, spans, totals } from './range';
import { UsageTable } from './UsageTable';

interface UsageChartProps {
  subject: UsageSubject;
  /** The periods offered, the first shown first ('minutes' only for a SIM). */
  periods: readonly UsagePeriod[];
  /** What the figures are of ("All SIMs", a group's name, "Data usage"): names the chart and the table. */
  title: string;
}

export function UsageChart({ subject, periods, title }: UsageChartProps) {
  const { t, i18n } = useTranslation();
  // The range is fixed when chosen (not at each render), so the query key stays the same until the next choice.
  const [{ range, span }, setChoice] = useState<{ range: UsageRange; span: number }>(() => {
    const period = periods[0] ?? 'month';
    const first = spans[period][0] ?? 1;
    return { range: rangeFor(period, first, Date.now()), span: first };
  });
  const choose = (period: UsagePeriod, next: number) =>
    setChoice({ range: rangeFor(period, next, Date.now()), span: next });
  const stats = useQuery(usageQueries.stats(subject, range));
  const points = stats.data ?? [];
  const sums = totals(points);
  const locale = i18n.language;
  const bytes = (n: number) => formatBytes(n, locale);

  const series: ChartSeries[] = [
    { key: 'upload', label: t('usage.upload'), color: 'brand.6' },
    { key: 'download', label: t('usage.download'), color: 'orange.6' },
  ];
  const data = useMemo(
    () =>
      fillBuckets(range, stats.data ?? []).map((p) => ({
        label: bucketLabel(p.unixtime, range.period, locale, 'short'),
        values: { upload: p.upload, download: p.download },
      })),
    [range, stats.data, locale],
  );

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('usage.period')}
          value={range.period}
          onChange={(event) => {
            const period = event.currentTarget.value as UsagePeriod;
            choose(period, spans[period][0] ?? 1);
          }}
          data={periods.map((p) => ({ value: p, label: t(`usage.periods.${p}`) }))}
        />
        <NativeSelect
          label={t('usage.range')}
          value={String(span)}
          onChange={(event) => choose(range.period, Number(event.currentTarget.value))}
          data={[...spans[range.period]]
            .sort((a, b) => a - b)
            .map((n) => ({ value: String(n), label: spanLabel(t, range.period, n) }))}
        />
        <Text size="sm" c="dimmed" pb={6}>
          {t('usage.between', {
            from: bucketLabel(range.from, range.period, locale, 'long'),
            to: bucketLabel(range.to, range.period, locale, 'long'),
          })}
        </Text>
      </Group>
      {stats.error ? <ErrorAlert error={stats.error} /> : null}
      {stats.isPending ? <Placeholder /> : null}
      {stats.isSuccess && points.length === 0 ? (
        <Alert color="gray" title={t('usage.emptyTitle')}>
          {t(subject.kind === 'sim' ? 'usage.emptySim' : 'usage.emptyFleet')}
        </Alert>
      ) : null}
      {points.length > 0 ? (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" aria-label={t('usage.totals')} role="group">
            <Figure label={t('usage.upload')} value={sums.upload} locale={locale} />
            <Figure label={t('usage.download')} value={sums.download} locale={locale} />
            <Figure label={t('usage.total')} value={sums.upload + sums.download} locale={locale} />
          </SimpleGrid>
          <BarChart
            title={t('usage.chartTitle', { title })}
            data={data}
            series={series}
            stacked
            formatValue={bytes}
            height={260}
          />
          <UsageTable label={t('usage.tableTitle', { title })} points={points} period={range.period} sums={sums} />
        </>
      ) : null}
    </Stack>
  );
}

function spanLabel(t: TFunction, period: UsagePeriod, n: number) {
  const key =
    period === 'minutes' ? 'usage.spans.hours' : period === 'month' ? 'usage.spans.months' : 'usage.spans.days';
  return t(key, { count: n });
}

/** A total in readable units, with the exact byte count under it. */
function Figure({ label, value, locale }: { label: string; value: number; locale: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {formatBytes(value, locale)}
      </Text>
      <Text size="xs" c="dimmed">
        {formatByteCount(value, locale)}
      </Text>
    </div>
  );
}

/** While loading: the shape of what comes (totals, chart, table), so the sections below do not jump. */
function Placeholder() {
  return (
    <Stack gap="sm" aria-hidden="true">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={62} />
        ))}
      </SimpleGrid>
      <Skeleton height={322} />
      <Skeleton height={340} />
    </Stack>
  );
}
