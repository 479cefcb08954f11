/** The period and range of a usage report, and its buckets (guesses.airStatsTimeZone: UTC). */
import { badRequest } from '../../errors';

/** SQL for the bucket (UNIX seconds) holding `unixtime`, and its start in JS, by period. */
export const periods = {
  month: {
    sql: "CAST(strftime('%s', unixtime, 'unixepoch', 'start of month') AS INTEGER)",
    start: (t: number) => {
      const d = new Date(t * 1000);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
    },
    end: (t: number) => {
      const d = new Date(t * 1000);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
    },
    date: (iso: string) => iso.slice(0, 7).replace('-', ''),
  },
  day: {
    sql: '(unixtime / 86400) * 86400',
    start: (t: number) => Math.floor(t / 86_400) * 86_400,
    end: (t: number) => Math.floor(t / 86_400) * 86_400 + 86_400,
    date: (iso: string) => iso.slice(0, 10).replaceAll('-', ''),
  },
  minutes: {
    sql: '(unixtime / 300) * 300',
    start: (t: number) => Math.floor(t / 300) * 300,
    end: (t: number) => Math.floor(t / 300) * 300 + 300,
    date: (iso: string) => iso.slice(0, 16).replace(/[-T:]/g, ''),
  },
} as const;
export type Period = (typeof periods)[keyof typeof periods];

/** The `date` of a bucket starting at `unixtime`, by period. */
export const bucketDate = (period: Period, unixtime: number) => period.date(new Date(unixtime * 1000).toISOString());

/** 9999-12-31T23:59:59Z: later times have no calendar month to put them in. */
const lastSecond = 253_402_300_799;

/**
 * The period and the covered range (bucket start of `from` to bucket end of `to`, in seconds) asked for; 400 when
 * they do not fit.
 */
export function statsRange(
  period: unknown,
  fromValue: unknown,
  toValue: unknown,
  where = 'Query',
): { period: Period; start: number; end: number; bucket: (column?: string) => string } {
  const p = periods[period as keyof typeof periods];
  if (!p || !Object.hasOwn(periods, period as string)) {
    throw badRequest(`${where}: 'period' must be one of month, day, minutes.`);
  }
  const from = Number(fromValue);
  const to = Number(toValue);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to || to > lastSecond) {
    throw badRequest(`${where}: 'from' and 'to' must be UNIX times in seconds with from <= to.`);
  }
  const start = p.start(from);
  const end = p.end(to);
  return { period: p, start, end, bucket: (column = 'unixtime') => bucketSql(p, column, start, end) };
}

/**
 * SQL for the bucket of `column`. Months over a range of up to three years are a CASE over their boundaries,
 * several times cheaper per row than strftime on a fleet's worth of rows.
 */
function bucketSql(period: Period, column: string, start: number, end: number): string {
  if (period !== periods.month) return period.sql.replaceAll('unixtime', column);
  const starts: number[] = [];
  for (let t = start; t < end && starts.length <= 36; t = periods.month.end(t)) starts.push(t);
  if (starts.length > 36) return period.sql.replaceAll('unixtime', column);
  const branches = starts.slice(1).map((next, i) => `WHEN ${column} < ${next} THEN ${starts[i]}`);
  if (branches.length === 0) return String(start);
  return `CASE ${branches.join(' ')} ELSE ${starts.at(-1) ?? start} END`;
}
