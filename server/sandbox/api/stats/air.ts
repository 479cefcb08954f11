/**
 * Air usage: of one SIM (by SIM ID or IMSI) per bucket and speed class, of the operator and of a group per bucket
 * (guesses.sandboxAirSpeedClasses), and the operator's CSV export. Buckets: range.ts.
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, notFound } from '../../errors';
import type { Sim } from '../../store/sims';
import { bucketDate, type StatsWindow } from '../../store/usage';
import { csv, exportFile } from '../files/exportedFiles';
import { statsRange } from './range';

type AirStats = components['schemas']['AirStatsResponse'];
type Aggregated = components['schemas']['AirAggregatedStatsResponse'];
type ExportRequest = components['schemas']['ExportRequest'];

/** Air stats of one SIM (by SIM ID or IMSI), per bucket and speed class, as the SIM variants answer them. */
function airStatsOf(ctx: Ctx<unknown>, sim: Sim, key: { column: 'sim_id' | 'imsi'; value: string }): AirStats[] {
  const { operatorId } = caller(ctx);
  const window = statsRange(ctx.query.period, ctx.query.from, ctx.query.to);
  if (sim.status === 'terminated') return [];
  const rows = ctx.stores.usage.airBySpeedClass(key, operatorId, window);
  const buckets = new Map<number, AirStats>();
  for (const row of rows) {
    let item = buckets.get(row.bucket);
    if (!item) {
      item = { unixtime: row.bucket, date: bucketDate(window.period, row.bucket), dataTrafficStatsMap: {} };
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

const getAirStatsOfSim: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const sim = ctx.stores.sims.get(operatorId, ctx.path.sim_id ?? '');
  if (!sim) throw notFound('No such SIM found.');
  return { status: 200, body: airStatsOf(ctx, sim, { column: 'sim_id', value: sim.simId ?? '' }) };
};

/** `GET /stats/air/subscribers/{imsi}`: the same report for the SIM holding the IMSI, that IMSI's traffic only. */
const getAirStats: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const imsi = ctx.path.imsi ?? '';
  const sim = ctx.stores.sims.findByImsi(operatorId, imsi);
  if (!sim) throw notFound('No such subscriber found.');
  return { status: 200, body: airStatsOf(ctx, sim, { column: 'imsi', value: imsi }) };
};

const aggregated = (rows: { bucket: number; up: number; down: number }[]): Aggregated[] =>
  rows.map((r) => ({ unixtime: r.bucket, uploadByteSizeTotal: r.up, downloadByteSizeTotal: r.down }));

const getAirStatsOfOperator: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const window = statsRange(ctx.query.period, ctx.query.from, ctx.query.to);
  return { status: 200, body: aggregated(ctx.stores.usage.airOfOperator(operatorId, window)) };
};

const getAirStatsOfGroup: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const groupId = ctx.path.group_id ?? '';
  if (!ctx.stores.groups.get(operatorId, groupId)) throw notFound('No such group found.');
  const window = statsRange(ctx.query.period, ctx.query.from, ctx.query.to);
  return { status: 200, body: aggregated(ctx.stores.usage.airOfGroup(operatorId, groupId, window)) };
};

/** The body of a stats export: `from`, `to` and `period` (required here, guesses.exportedFiles). */
export function exportRange(ctx: Ctx<ExportRequest | undefined>): StatsWindow {
  const body = ctx.body ?? {};
  if (body.from === undefined || body.to === undefined || body.period === undefined) {
    throw badRequest("Request body: 'from', 'to' and 'period' are required.");
  }
  return statsRange(body.period, body.from, body.to, 'Request body');
}

const exportAirStats: Handler = (ctx: Ctx<ExportRequest | undefined>) => {
  const { operatorId } = caller(ctx);
  const window = exportRange(ctx);
  const { period, start } = window;
  const content = () => {
    const rows = ctx.stores.usage.airLines(operatorId, window);
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

export const airStatsHandlers = {
  getAirStatsOfSim,
  getAirStats,
  getAirStatsOfOperator,
  getAirStatsOfGroup,
  exportAirStats,
} satisfies Handlers;
