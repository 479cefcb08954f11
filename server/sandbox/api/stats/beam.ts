/**
 * Usage statistics beyond one SIM (guesses.usageStatsWindows): Air usage of an operator and of a group, their CSV
 * export, and Beam stats (the Sandbox insert, the per-IMSI report and the export). Buckets as in airStats.ts.
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { csv, exportFile } from '../files/exportedFiles';
import { bucketDate, statsInsertTarget, statsRange } from './air';

type Aggregated = components['schemas']['AirAggregatedStatsResponse'];
type BeamStats = components['schemas']['BeamStatsResponse'];
type InsertBeamStats = components['schemas']['sandboxInsertBeamStatsRequest'];
type ExportRequest = components['schemas']['ExportRequest'];

const aggregated = (rows: { bucket: number; up: number; down: number }[]): Aggregated[] =>
  rows.map((r) => ({ unixtime: r.bucket, uploadByteSizeTotal: r.up, downloadByteSizeTotal: r.down }));

export const getAirStatsOfOperator: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const { start, end, bucket } = statsRange(ctx.query.period, ctx.query.from, ctx.query.to);
  const rows = ctx.db
    .prepare<[string, number, number], { bucket: number; up: number; down: number }>(
      `SELECT ${bucket()} AS bucket, sum(upload_bytes) AS up, sum(download_bytes) AS down FROM air_stats
       WHERE operator_id = ? AND unixtime >= ? AND unixtime < ? GROUP BY bucket ORDER BY bucket`,
    )
    .all(operatorId, start, end);
  return { status: 200, body: aggregated(rows) };
};

export const getAirStatsOfGroup: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const groupId = ctx.path.group_id ?? '';
  if (!ctx.stores.groups.get(operatorId, groupId)) throw notFound('No such group found.');
  const { start, end, bucket } = statsRange(ctx.query.period, ctx.query.from, ctx.query.to);
  const rows = ctx.db
    .prepare<[string, string, string, number, number], { bucket: number; up: number; down: number }>(
      `SELECT ${bucket()} AS bucket, sum(upload_bytes) AS up, sum(download_bytes) AS down FROM air_stats
       WHERE sim_id IN (SELECT sim_id FROM sims WHERE operator_id = ? AND group_id = ?)
         AND operator_id = ? AND unixtime >= ? AND unixtime < ?
       GROUP BY bucket ORDER BY bucket`,
    )
    .all(operatorId, groupId, operatorId, start, end);
  return { status: 200, body: aggregated(rows) };
};

/** The body of a stats export: `from`, `to` and `period` (required here, guesses.exportedFiles). */
function exportRange(ctx: Ctx<ExportRequest | undefined>) {
  const body = ctx.body ?? {};
  if (body.from === undefined || body.to === undefined || body.period === undefined) {
    throw badRequest("Request body: 'from', 'to' and 'period' are required.");
  }
  return statsRange(body.period, body.from, body.to, 'Request body');
}

export const exportAirStats: Handler = (ctx: Ctx<ExportRequest | undefined>) => {
  const { operatorId } = caller(ctx);
  const { period, start, end, bucket } = exportRange(ctx);
  const content = () => {
    const rows = ctx.db
      .prepare<
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
        `SELECT ${bucket('a.unixtime')} AS bucket, a.sim_id, a.imsi,
         CASE WHEN a.speed_class = '' THEN coalesce(b.speed_class, '') ELSE a.speed_class END AS speed_class,
         sum(a.upload_bytes) AS up, sum(a.download_bytes) AS down, sum(a.upload_packets) AS upp,
         sum(a.download_packets) AS downp
       FROM air_stats a LEFT JOIN sim_billing b ON b.operator_id = a.operator_id AND b.sim_id = a.sim_id
       WHERE a.operator_id = ? AND a.unixtime >= ? AND a.unixtime < ?
       GROUP BY bucket, a.sim_id, a.imsi, 4 ORDER BY bucket, a.sim_id, a.imsi, 4`,
      )
      .all(operatorId, start, end);
    return csv(
      [
        'date',
        'unixtime',
        'simId',
        'imsi',
        'speedClass',
        'uploadByteSizeTotal',
        'downloadByteSizeTotal',
        'uploadPacketSizeTotal',
        'downloadPacketSizeTotal',
      ],
      rows.map((r) => [
        bucketDate(period, r.bucket),
        r.bucket,
        r.sim_id,
        r.imsi,
        r.speed_class,
        r.up,
        r.down,
        r.upp,
        r.downp,
      ]),
    );
  };
  return exportFile(ctx, `${operatorId}-air-stats-${bucketDate(period, start)}.csv`, content);
};

export const beamItems = [
  'inHttp',
  'inMqtt',
  'inTcp',
  'inUdp',
  'outHttp',
  'outHttps',
  'outMqtt',
  'outMqtts',
  'outTcp',
  'outTcps',
  'outUdp',
] as const;

export const sandboxInsertBeamStats: Handler = (ctx: Ctx<InsertBeamStats | undefined>) => {
  const { operatorId, imsi, simId, unixtime } = statsInsertTarget(ctx);
  const entries = Object.entries(ctx.body?.beamStatsMap ?? {});
  if (entries.length === 0) throw badRequest("Request body: 'beamStatsMap' needs at least one Beam item.");
  for (const [item, counts] of entries) {
    if (!(beamItems as readonly string[]).includes(item))
      throw badRequest(`Request body: '${item}' is not a Beam item.`);
    const count = counts?.count;
    if (!Number.isSafeInteger(count) || (count as number) < 0) {
      throw badRequest(`Request body: the count of '${item}' must be a non-negative integer.`);
    }
  }
  ctx.db.transaction(() => {
    const exists = ctx.db.prepare('SELECT 1 FROM beam_stats WHERE imsi = ? AND unixtime = ?').get(imsi, unixtime);
    if (exists) throw badRequest('Data with the same timestamp already exists.', codes.statsExist);
    const insert = ctx.db.prepare(
      'INSERT INTO beam_stats (operator_id, sim_id, imsi, unixtime, item, count) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const [item, counts] of entries) insert.run(operatorId, simId, imsi, unixtime, item, counts?.count ?? 0);
  })();
  return { status: 200 };
};

export const getBeamStats: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const imsi = ctx.path.imsi ?? '';
  const sim = ctx.stores.sims.findByImsi(operatorId, imsi);
  if (!sim) throw notFound('No such subscriber found.');
  const { period, start, end, bucket } = statsRange(ctx.query.period, ctx.query.from, ctx.query.to);
  const rows = ctx.db
    .prepare<[string, string, number, number], { bucket: number; item: string; count: number }>(
      `SELECT ${bucket()} AS bucket, item, sum(count) AS count FROM beam_stats
       WHERE imsi = ? AND operator_id = ? AND unixtime >= ? AND unixtime < ?
       GROUP BY bucket, item ORDER BY bucket, item`,
    )
    .all(imsi, operatorId, start, end);
  const buckets = new Map<number, BeamStats>();
  for (const row of rows) {
    let bucket = buckets.get(row.bucket);
    if (!bucket) {
      bucket = { unixtime: row.bucket, date: bucketDate(period, row.bucket), beamStatsMap: {} };
      buckets.set(row.bucket, bucket);
    }
    (bucket.beamStatsMap as Record<string, { count: number }>)[row.item] = { count: row.count };
  }
  return { status: 200, body: [...buckets.values()] };
};

export const exportBeamStats: Handler = (ctx: Ctx<ExportRequest | undefined>) => {
  const { operatorId } = caller(ctx);
  const { period, start, end, bucket } = exportRange(ctx);
  const rows = ctx.db
    .prepare<[string, number, number], { bucket: number; sim_id: string; imsi: string; item: string; count: number }>(
      `SELECT ${bucket()} AS bucket, sim_id, imsi, item, sum(count) AS count FROM beam_stats
       WHERE operator_id = ? AND unixtime >= ? AND unixtime < ?
       GROUP BY bucket, sim_id, imsi, item ORDER BY bucket, sim_id, imsi, item`,
    )
    .all(operatorId, start, end);
  const content = csv(
    ['date', 'unixtime', 'simId', 'imsi', 'item', 'count'],
    rows.map((r) => [bucketDate(period, r.bucket), r.bucket, r.sim_id, r.imsi, r.item, r.count]),
  );
  return exportFile(ctx, `${operatorId}-beam-stats-${bucketDate(period, start)}.csv`, content);
};
