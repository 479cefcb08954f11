/** Beam usage of one IMSI per bucket and Beam item, and the operator's CSV export. Buckets: range.ts. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { notFound } from '../../errors';
import { bucketDate } from '../../store/usage';
import { csv, exportFile } from '../files/exportedFiles';
import { exportRange } from './air';
import { statsRange } from './range';

type BeamStats = components['schemas']['BeamStatsResponse'];
type ExportRequest = components['schemas']['ExportRequest'];

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

const getBeamStats: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const imsi = ctx.path.imsi ?? '';
  const sim = ctx.stores.sims.findByImsi(operatorId, imsi);
  if (!sim) throw notFound('No such subscriber found.');
  const window = statsRange(ctx.query.period, ctx.query.from, ctx.query.to);
  const rows = ctx.stores.usage.beamByItem(imsi, operatorId, window);
  const buckets = new Map<number, BeamStats>();
  for (const row of rows) {
    let bucket = buckets.get(row.bucket);
    if (!bucket) {
      bucket = { unixtime: row.bucket, date: bucketDate(window.period, row.bucket), beamStatsMap: {} };
      buckets.set(row.bucket, bucket);
    }
    (bucket.beamStatsMap as Record<string, { count: number }>)[row.item] = { count: row.count };
  }
  return { status: 200, body: [...buckets.values()] };
};

const exportBeamStats: Handler = (ctx: Ctx<ExportRequest | undefined>) => {
  const { operatorId } = caller(ctx);
  const window = exportRange(ctx);
  const { period, start } = window;
  const rows = ctx.stores.usage.beamLines(operatorId, window);
  const content = csv(
    ['date', 'unixtime', 'simId', 'imsi', 'item', 'count'],
    rows.map((r) => [bucketDate(period, r.bucket), r.bucket, r.sim_id, r.imsi, r.item, r.count]),
  );
  return exportFile(ctx, `${operatorId}-beam-stats-${bucketDate(period, start)}.csv`, content);
};

export const beamStatsHandlers = { getBeamStats, exportBeamStats } satisfies Handlers;
