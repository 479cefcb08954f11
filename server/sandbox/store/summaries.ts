/** Figures over the whole fleet: SIMs per status (`/resource_summaries`) and the Air traffic ranking (`/query/...`). */
import type { Db } from '../db';

export function summaryStore(db: Db) {
  const perStatus = db.prepare<[string], { status: string; n: number }>(
    'SELECT status, count(*) AS n FROM sims WHERE operator_id = ? GROUP BY status',
  );
  const ranking = (order: 'ASC' | 'DESC') =>
    db.prepare<[string, number, number, number], { imsi: string; volume: number }>(
      `SELECT a.imsi AS imsi, sum(a.upload_bytes + a.download_bytes) AS volume
       FROM air_stats a JOIN sims s ON s.sim_id = a.sim_id AND s.operator_id = a.operator_id
       WHERE a.operator_id = ? AND a.unixtime >= ? AND a.unixtime <= ? AND s.status != 'terminated'
       GROUP BY a.imsi ORDER BY volume ${order}, a.imsi LIMIT ?`,
    );
  const rankings = { ASC: ranking('ASC'), DESC: ranking('DESC') };

  return {
    /** The number of the operator's SIMs per status. */
    simsPerStatus(operatorId: string): Map<string, number> {
      return new Map(perStatus.all(operatorId).map((r) => [r.status, r.n]));
    },
    /** IMSIs by their Air bytes (up and down) recorded from `fromSecond` to `toSecond`, both included. */
    trafficRanking(operatorId: string, fromSecond: number, toSecond: number, limit: number, order: 'asc' | 'desc') {
      const statement = order === 'asc' ? rankings.ASC : rankings.DESC;
      return statement.all(operatorId, fromSecond, toSecond, limit);
    },
  };
}
