/** What only the demo seed reads and writes: whether the database is seeded, and usage rows made in bulk. */
import type { Db } from '../db';

export function seedStore(db: Db) {
  const markSeeded = db.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)");
  const seeded = db.prepare("SELECT 1 FROM meta WHERE key = 'seeded'");
  const inService = db.prepare<[number], { sim_id: string; imsi: string; operator_id: string }>(
    "SELECT sim_id, imsi, operator_id FROM sims WHERE status NOT IN ('ready') ORDER BY sim_id LIMIT ?",
  );
  const active = db.prepare<[string, number], { sim_id: string; imsi: string }>(
    "SELECT sim_id, imsi FROM sims WHERE operator_id = ? AND status = 'active' ORDER BY sim_id LIMIT ?",
  );
  const air = db.prepare(
    `INSERT INTO air_stats (operator_id, sim_id, imsi, unixtime, upload_bytes, download_bytes, upload_packets, download_packets)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const beam = db.prepare(
    'INSERT INTO beam_stats (operator_id, sim_id, imsi, unixtime, item, count) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return {
    isSeeded: () => Boolean(seeded.get()),
    /** Marks the database seeded, with what the seed made. */
    markSeeded(what: unknown) {
      markSeeded.run(JSON.stringify(what));
    },
    /** The first `limit` SIMs (in SIM ID order, of every operator) that were ever in service. */
    simsInService: (limit: number) => inService.all(limit),
    /** The operator's first `limit` active SIMs in SIM ID order. */
    activeSims: (operatorId: string, limit: number) => active.all(operatorId, limit),
    /** One day's Air traffic of a SIM, without a speed class (it counts under the SIM's current one). */
    addAir(row: { operatorId: string; simId: string; imsi: string; unixtime: number; up: number; down: number }) {
      air.run(
        row.operatorId,
        row.simId,
        row.imsi,
        row.unixtime,
        row.up,
        row.down,
        Math.ceil(row.up / 500),
        Math.ceil(row.down / 500),
      );
    },
    addBeam(operatorId: string, simId: string, imsi: string, unixtime: number, item: string, count: number) {
      beam.run(operatorId, simId, imsi, unixtime, item, count);
    },
  };
}
