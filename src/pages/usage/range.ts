/**
 * The periods and ranges the usage pickers offer, the buckets a range covers, and their labels. Buckets are UTC
 * months, days and 5-minute slots, as the local sandbox makes them (server/sandbox/guesses.ts, airStatsTimeZone),
 * so labels are written in UTC and the page says so.
 */
import type { UsagePeriod, UsagePoint, UsageRange } from '../../api/resources/usage';
import { dateFormat, isKnownTime, unknownValue } from '../../lib/format';

/** How far back each period can look: months, days, or hours for 5-minute buckets. The first is the default. */
export const spans: Record<UsagePeriod, readonly number[]> = {
  month: [12, 6, 24],
  day: [30, 7, 90],
  minutes: [6, 1, 24],
};

const day = 86_400;
const slot = 300;

/** The range ending now that holds the last `span` buckets of `period`. */
export function rangeFor(period: UsagePeriod, span: number, nowMs: number): UsageRange {
  const to = Math.floor(nowMs / 1000);
  if (period === 'month') {
    const now = new Date(nowMs);
    return { period, from: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (span - 1), 1) / 1000, to };
  }
  if (period === 'day') return { period, from: Math.floor(to / day) * day - (span - 1) * day, to };
  return { period, from: Math.floor(to / slot) * slot - (span * 12 - 1) * slot, to };
}

/** The start of every bucket from the range's start to its end, in order. */
export function bucketStarts(range: UsageRange): number[] {
  const starts: number[] = [];
  if (range.period === 'month') {
    const from = new Date(range.from * 1000);
    for (let i = 0; ; i++) {
      const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i, 1) / 1000;
      if (start > range.to) break;
      starts.push(start);
    }
    return starts;
  }
  const step = range.period === 'day' ? day : slot;
  for (let start = Math.floor(range.from / step) * step; start <= range.to; start += step) starts.push(start);
  return starts;
}

/** Every bucket of the range, with zeros where the API had nothing, so the chart's time axis has no holes. */
export function fillBuckets(range: UsageRange, points: UsagePoint[]): UsagePoint[] {
  const known = new Map(points.map((p) => [p.unixtime, p]));
  return bucketStarts(range).map((unixtime) => known.get(unixtime) ?? { unixtime, upload: 0, download: 0 });
}

const short: Record<UsagePeriod, Intl.DateTimeFormatOptions> = {
  month: { year: 'numeric', month: 'short' },
  day: { month: 'short', day: 'numeric' },
  minutes: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};
const long: Record<UsagePeriod, Intl.DateTimeFormatOptions> = {
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' },
  minutes: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/** A bucket's label: short for the chart's axis, long (unambiguous) for the table. */
export function bucketLabel(unixtime: number, period: UsagePeriod, locale: string, form: 'short' | 'long'): string {
  const ms = unixtime * 1000;
  if (!isKnownTime(ms)) return unknownValue;
  return dateFormat(locale, { ...(form === 'short' ? short : long)[period], timeZone: 'UTC' }).format(ms);
}

export interface UsageTotals {
  upload: number;
  download: number;
}

export function totals(points: UsagePoint[]): UsageTotals {
  return points.reduce((sum, p) => ({ upload: sum.upload + p.upload, download: sum.download + p.download }), {
    upload: 0,
    download: 0,
  });
}
