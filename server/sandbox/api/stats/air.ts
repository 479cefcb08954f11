/**
 * Air usage: `GET /stats/air/sims/{sim_id}` sums the `air_stats` rows into month, day or 5-minute buckets per speed
 * class, and the Sandbox API's `POST /sandbox/stats/air/subscribers/{imsi}` adds rows (guesses.airStatsTimeZone).
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { sandboxAirSpeedClasses } from '../../guesses';
import type { Sim } from '../../store/sims';

type InsertAirStats = components['schemas']['sandboxInsertAirStatsRequest'];
type AirStats = components['schemas']['AirStatsResponse'];

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

/** Air stats of one SIM (by SIM ID or IMSI), per bucket and speed class, as the SIM variants answer them. */
function airStatsOf(ctx: Ctx<unknown>, sim: Sim, key: { column: 'sim_id' | 'imsi'; value: string }): AirStats[] {
  const { operatorId } = caller(ctx);
  const { period, start, end, bucket } = statsRange(ctx.query.period, ctx.query.from, ctx.query.to);
  if (sim.status === 'terminated') return [];
  const rows = ctx.db
    .prepare<
      [string, string, number, number],
      { bucket: number; speed_class: string; up: number; down: number; upp: number; downp: number }
    >(
      `SELECT ${bucket()} AS bucket, speed_class, sum(upload_bytes) AS up, sum(download_bytes) AS down,
         sum(upload_packets) AS upp, sum(download_packets) AS downp
       FROM air_stats WHERE ${key.column} = ? AND operator_id = ? AND unixtime >= ? AND unixtime < ?
       GROUP BY bucket, speed_class ORDER BY bucket`,
    )
    .all(key.value, operatorId, start, end);
  const buckets = new Map<number, AirStats>();
  for (const row of rows) {
    let item = buckets.get(row.bucket);
    if (!item) {
      item = { unixtime: row.bucket, date: bucketDate(period, row.bucket), dataTrafficStatsMap: {} };
      buckets.set(row.bucket, item);
    }
    const speedClass = row.speed_class || sim.speedClass || 's1.standard';
    const map = item.dataTrafficStatsMap as Record<string, components['schemas']['DataTrafficStats']>;
    const prev = map[speedClass];
    map[speedClass] = {
      uploadByteSizeTotal: (prev?.uploadByteSizeTotal ?? 0) + row.up,
      downloadByteSizeTotal: (prev?.downloadByteSizeTotal ?? 0) + row.down,
      uploadPacketSizeTotal: (prev?.uploadPacketSizeTotal ?? 0) + row.upp,
      downloadPacketSizeTotal: (prev?.downloadPacketSizeTotal ?? 0) + row.downp,
    };
  }
  return [...buckets.values()];
}

export const getAirStatsOfSim: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const sim = ctx.stores.sims.get(operatorId, ctx.path.sim_id ?? '');
  if (!sim) throw notFound('No such SIM found.');
  return { status: 200, body: airStatsOf(ctx, sim, { column: 'sim_id', value: sim.simId ?? '' }) };
};

/** `GET /stats/air/subscribers/{imsi}`: the same report for the SIM holding the IMSI, that IMSI's traffic only. */
export const getAirStats: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const imsi = ctx.path.imsi ?? '';
  const sim = ctx.stores.sims.findByImsi(operatorId, imsi);
  if (!sim) throw notFound('No such subscriber found.');
  return { status: 200, body: airStatsOf(ctx, sim, { column: 'imsi', value: imsi }) };
};

/**
 * What the Sandbox API's stats inserts (Air and Beam) start with: the subscriber of the path's IMSI, and the
 * body's `unixtime` in seconds.
 */
export function statsInsertTarget(ctx: Ctx<{ unixtime?: number } | undefined>) {
  const { operatorId } = caller(ctx);
  const imsi = ctx.path.imsi ?? '';
  const sim = ctx.stores.sims.findByImsi(operatorId, imsi);
  if (!sim?.simId) throw notFound('No such subscriber found.');
  const unixtime = ctx.body?.unixtime;
  if (unixtime === undefined || !Number.isSafeInteger(unixtime) || unixtime < 0) {
    throw badRequest("Request body: 'unixtime' (UNIX time in seconds) is required.");
  }
  return { operatorId, imsi, simId: sim.simId, unixtime };
}

export const sandboxInsertAirStats: Handler = (ctx: Ctx<InsertAirStats | undefined>) => {
  const { operatorId, imsi, simId, unixtime } = statsInsertTarget(ctx);
  const entries = Object.entries(ctx.body?.dataTrafficStatsMap ?? {});
  if (entries.length === 0) throw badRequest("Request body: 'dataTrafficStatsMap' needs at least one speed class.");
  for (const [speedClass, stats] of entries) {
    if (!(sandboxAirSpeedClasses as readonly string[]).includes(speedClass)) {
      throw badRequest(`Request body: '${speedClass}' is not a speed class.`);
    }
    for (const value of Object.values(stats ?? {})) {
      if (!Number.isSafeInteger(value) || (value as number) < 0) {
        throw badRequest(`Request body: the totals of '${speedClass}' must be non-negative integers.`);
      }
    }
  }
  ctx.db.transaction(() => {
    const exists = ctx.db.prepare('SELECT 1 FROM air_stats WHERE imsi = ? AND unixtime = ?').get(imsi, unixtime);
    if (exists) throw badRequest('Data with the same timestamp already exists.', codes.statsExist);
    const insert = ctx.db.prepare(
      `INSERT INTO air_stats (operator_id, sim_id, imsi, unixtime, speed_class, upload_bytes, download_bytes,
         upload_packets, download_packets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [speedClass, s] of entries) {
      insert.run(
        operatorId,
        simId,
        imsi,
        unixtime,
        speedClass,
        s.uploadByteSizeTotal ?? 0,
        s.downloadByteSizeTotal ?? 0,
        s.uploadPacketSizeTotal ?? 0,
        s.downloadPacketSizeTotal ?? 0,
      );
    }
  })();
  return { status: 200 };
};
