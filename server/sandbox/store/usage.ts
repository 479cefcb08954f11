/**
 * Usage records: Air traffic (`air_stats`) and Beam requests (`beam_stats`) per IMSI and UNIX time, summed into
 * buckets of a period for the reports and their CSV exports, and added by the Sandbox API.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';

/** SQL for the bucket (UNIX seconds) holding `unixtime`, and its start, end and `date` in JS, by period. */
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

/** A report's buckets: the period, and the range covered (`start` inclusive, `end` exclusive, UNIX seconds). */
export interface StatsWindow {
  period: Period;
  start: number;
  end: number;
}

/**
 * SQL for the bucket of `column`. Months over a range of up to three years are a CASE over their boundaries,
 * several times cheaper per row than strftime on a fleet's worth of rows.
 */
function bucketSql({ period, start, end }: StatsWindow, column: string): string {
  if (period !== periods.month) return period.sql.replaceAll('unixtime', column);
  const starts: number[] = [];
  for (let t = start; t < end && starts.length <= 36; t = periods.month.end(t)) starts.push(t);
  if (starts.length > 36) return period.sql.replaceAll('unixtime', column);
  const branches = starts.slice(1).map((next, i) => `WHEN ${column} < ${next} THEN ${starts[i]}`);
  if (branches.length === 0) return String(start);
  return `CASE ${branches.join(' ')} ELSE ${starts.at(-1) ?? start} END`;
}

/** Where a Sandbox API insert goes: the SIM of the IMSI, at one UNIX time. */
export interface UsageTarget {
  operatorId: string;
  simId: string;
  imsi: string;
  unixtime: number;
}

interface AirTotals {
  uploadByteSizeTotal?: number;
  downloadByteSizeTotal?: number;
  uploadPacketSizeTotal?: number;
  downloadPacketSizeTotal?: number;
}

type Totals = { bucket: number; up: number; down: number };

export function usageStore(db: Db) {
  // A report's SQL differs only by its bucket expression, which a month report's range decides: prepared once per
  // text, as reports repeat.
  const reports = new Map<string, Statement>();
  function report<P extends unknown[], R>(sql: string): Statement<P, R> {
    let statement = reports.get(sql);
    if (!statement) {
      if (reports.size >= 200) reports.clear();
      statement = db.prepare(sql);
      reports.set(sql, statement);
    }
    return statement as Statement<P, R>;
  }
  const airExists = db.prepare('SELECT 1 FROM air_stats WHERE imsi = ? AND unixtime = ?');
  const airInsert = db.prepare(
    `INSERT INTO air_stats (operator_id, sim_id, imsi, unixtime, speed_class, upload_bytes, download_bytes,
       upload_packets, download_packets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const beamExists = db.prepare('SELECT 1 FROM beam_stats WHERE imsi = ? AND unixtime = ?');
  const beamInsert = db.prepare(
    'INSERT INTO beam_stats (operator_id, sim_id, imsi, unixtime, item, count) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const figuresSql = (scope: string) =>
    db.prepare<unknown[], { day: number | null; month: number | null; cumulative: number | null }>(
      `SELECT sum(CASE WHEN unixtime >= @dayStart THEN upload_bytes + download_bytes END) AS day,
         sum(CASE WHEN unixtime >= @monthStart THEN upload_bytes + download_bytes END) AS month,
         sum(upload_bytes + download_bytes) AS cumulative
       FROM air_stats WHERE ${scope} AND operator_id = @operatorId AND unixtime <= @upTo`,
    );
  const figuresBy = {
    imsi: figuresSql('imsi = @value'),
    sim: figuresSql('sim_id = @value'),
    group: figuresSql('sim_id IN (SELECT sim_id FROM sims WHERE operator_id = @operatorId AND group_id = @value)'),
    operator: figuresSql('@value IS NOT NULL'),
  };
  const earlierTraffic = db.prepare(
    'SELECT 1 FROM air_stats WHERE imsi = ? AND unixtime < ? AND upload_bytes + download_bytes > 0 LIMIT 1',
  );

  return {
    /** Air traffic of one SIM (by SIM ID) or one IMSI, per bucket and speed class as recorded ('' for none). */
    airBySpeedClass(key: { column: 'sim_id' | 'imsi'; value: string }, operatorId: string, window: StatsWindow) {
      return report<
        [string, string, number, number],
        { bucket: number; speed_class: string; up: number; down: number; upp: number; downp: number }
      >(
        `SELECT ${bucketSql(window, 'unixtime')} AS bucket, speed_class, sum(upload_bytes) AS up,
           sum(download_bytes) AS down, sum(upload_packets) AS upp, sum(download_packets) AS downp
         FROM air_stats WHERE ${key.column} = ? AND operator_id = ? AND unixtime >= ? AND unixtime < ?
         GROUP BY bucket, speed_class ORDER BY bucket`,
      ).all(key.value, operatorId, window.start, window.end);
    },
    /** Air traffic of every SIM of the operator, terminated ones too, per bucket. */
    airOfOperator(operatorId: string, window: StatsWindow) {
      return report<[string, number, number], Totals>(
        `SELECT ${bucketSql(window, 'unixtime')} AS bucket, sum(upload_bytes) AS up, sum(download_bytes) AS down
         FROM air_stats WHERE operator_id = ? AND unixtime >= ? AND unixtime < ? GROUP BY bucket ORDER BY bucket`,
      ).all(operatorId, window.start, window.end);
    },
    /** Air traffic of the SIMs in the group now, per bucket. */
    airOfGroup(operatorId: string, groupId: string, window: StatsWindow) {
      return report<[string, string, string, number, number], Totals>(
        `SELECT ${bucketSql(window, 'unixtime')} AS bucket, sum(upload_bytes) AS up, sum(download_bytes) AS down
         FROM air_stats
         WHERE sim_id IN (SELECT sim_id FROM sims WHERE operator_id = ? AND group_id = ?)
           AND operator_id = ? AND unixtime >= ? AND unixtime < ?
         GROUP BY bucket ORDER BY bucket`,
      ).all(operatorId, groupId, operatorId, window.start, window.end);
    },
    /**
     * The operator's Air traffic per bucket, SIM, IMSI and speed class (rows recorded without one count under the
     * SIM's current speed class), for the CSV export.
     */
    airLines(operatorId: string, window: StatsWindow) {
      return report<
        [string, number, number],
        {
          bucket: number;
          sim_id: string;
          imsi: string;
          speed_class: string;
          up: number;
          down: number;
          upp: number;
          downp: number;
        }
      >(
        `SELECT ${bucketSql(window, 'a.unixtime')} AS bucket, a.sim_id, a.imsi,
         CASE WHEN a.speed_class = '' THEN coalesce(b.speed_class, '') ELSE a.speed_class END AS speed_class,
         sum(a.upload_bytes) AS up, sum(a.download_bytes) AS down, sum(a.upload_packets) AS upp,
         sum(a.download_packets) AS downp
       FROM air_stats a LEFT JOIN sim_billing b ON b.operator_id = a.operator_id AND b.sim_id = a.sim_id
       WHERE a.operator_id = ? AND a.unixtime >= ? AND a.unixtime < ?
       GROUP BY bucket, a.sim_id, a.imsi, 4 ORDER BY bucket, a.sim_id, a.imsi, 4`,
      ).all(operatorId, window.start, window.end);
    },
    /** Beam requests of one IMSI per bucket and Beam item. */
    beamByItem(imsi: string, operatorId: string, window: StatsWindow) {
      return report<[string, string, number, number], { bucket: number; item: string; count: number }>(
        `SELECT ${bucketSql(window, 'unixtime')} AS bucket, item, sum(count) AS count FROM beam_stats
         WHERE imsi = ? AND operator_id = ? AND unixtime >= ? AND unixtime < ?
         GROUP BY bucket, item ORDER BY bucket, item`,
      ).all(imsi, operatorId, window.start, window.end);
    },
    /** The operator's Beam requests per bucket, SIM, IMSI and Beam item, for the CSV export. */
    beamLines(operatorId: string, window: StatsWindow) {
      return report<
        [string, number, number],
        { bucket: number; sim_id: string; imsi: string; item: string; count: number }
      >(
        `SELECT ${bucketSql(window, 'unixtime')} AS bucket, sim_id, imsi, item, sum(count) AS count FROM beam_stats
         WHERE operator_id = ? AND unixtime >= ? AND unixtime < ?
         GROUP BY bucket, sim_id, imsi, item ORDER BY bucket, sim_id, imsi, item`,
      ).all(operatorId, window.start, window.end);
    },
    /**
     * Bytes (upload plus download) of an IMSI, a SIM, a group's SIMs or the operator's in the UTC day, the UTC month
     * and since the start, up to and including `upTo` (UNIX seconds), for the event handlers.
     */
    airFigures(scope: keyof typeof figuresBy, value: string, operatorId: string, upTo: number) {
      const dayStart = periods.day.start(upTo);
      const monthStart = periods.month.start(upTo);
      const row = figuresBy[scope].get({ value, operatorId, upTo, dayStart, monthStart });
      return { day: row?.day ?? 0, month: row?.month ?? 0, cumulative: row?.cumulative ?? 0 };
    },
    /** Whether the IMSI sent or received anything before `unixtime`. */
    hasEarlierTraffic: (imsi: string, unixtime: number) => earlierTraffic.get(imsi, unixtime) !== undefined,
    /** Adds Air traffic per speed class at one time; false (and nothing added) when the IMSI has some at that time. */
    addAir(target: UsageTarget, bySpeedClass: [string, AirTotals][]): boolean {
      const { operatorId, simId, imsi, unixtime } = target;
      return db.transaction(() => {
        if (airExists.get(imsi, unixtime)) return false;
        for (const [speedClass, s] of bySpeedClass) {
          airInsert.run(
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
        return true;
      })();
    },
    /** Adds Beam requests per item at one time; false (and nothing added) when the IMSI has some at that time. */
    addBeam(target: UsageTarget, byItem: [string, number][]): boolean {
      const { operatorId, simId, imsi, unixtime } = target;
      return db.transaction(() => {
        if (beamExists.get(imsi, unixtime)) return false;
        for (const [item, count] of byItem) beamInsert.run(operatorId, simId, imsi, unixtime, item, count);
        return true;
      })();
    },
  };
}
export type UsageStore = ReturnType<typeof usageStore>;
