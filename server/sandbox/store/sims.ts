import type { components } from '../../../src/api/schema';
import type { Db } from '../db';

export type Sim = components['schemas']['Sim'];

/** The columns searched and indexed; the whole SIM as the API returns it is kept in `doc`. */
function columns(sim: Sim) {
  const primary = Object.values(sim.profiles ?? {})[0];
  const subscriber = primary?.subscribers?.[primary.primaryImsi ?? ''];
  return {
    simId: sim.simId,
    operatorId: sim.operatorId,
    imsi: primary?.primaryImsi ?? '',
    msisdn: subscriber?.msisdn ?? null,
    iccid: primary?.iccid ?? null,
    name: sim.tags?.name ?? null,
    status: sim.status,
    groupId: sim.groupId ?? null,
    subscription: subscriber?.subscription ?? null,
    online: sim.sessionStatus?.online ? 1 : 0,
    sessionUpdatedAt: sim.sessionStatus?.lastUpdatedAt ?? null,
    doc: JSON.stringify(sim),
  };
}

export function simStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO sims (sim_id, operator_id, imsi, msisdn, iccid, name, status, group_id, subscription,
       session_online, session_updated_at, registration_secret, doc)
     VALUES (@simId, @operatorId, @imsi, @msisdn, @iccid, @name, @status, @groupId, @subscription,
       @online, @sessionUpdatedAt, @registrationSecret, @doc)`,
  );
  const get = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM sims WHERE operator_id = ? AND sim_id = ?',
  );
  const page = db.prepare<[string, string, number], { sim_id: string; doc: string }>(
    'SELECT sim_id, doc FROM sims WHERE operator_id = ? AND sim_id > ? ORDER BY sim_id LIMIT ?',
  );
  const pageInGroup = db.prepare<[string, string, string, number], { sim_id: string; doc: string }>(
    'SELECT sim_id, doc FROM sims WHERE operator_id = ? AND group_id = ? AND sim_id > ? ORDER BY sim_id LIMIT ?',
  );
  const inGroup = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM sims WHERE operator_id = ? AND group_id = ?',
  );
  const byImsi = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM sims WHERE imsi = ? AND operator_id = ?',
  );
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sims WHERE operator_id = ?');
  const update = db.prepare(
    `UPDATE sims SET imsi = @imsi, msisdn = @msisdn, iccid = @iccid, name = @name, status = @status,
       group_id = @groupId, subscription = @subscription, session_online = @online,
       session_updated_at = @sessionUpdatedAt, doc = @doc
     WHERE operator_id = @operatorId AND sim_id = @simId`,
  );

  /** Reads a SIM, lets `change` edit it, stamps `lastModifiedTime` and writes doc and columns back together. */
  function modify(operatorId: string, simId: string, change: (sim: Sim) => void, now: number): Sim | undefined {
    return db.transaction(() => {
      const row = get.get(operatorId, simId);
      if (!row) return undefined;
      const sim = JSON.parse(row.doc) as Sim;
      change(sim);
      sim.lastModifiedTime = now;
      update.run(columns(sim));
      return sim;
    })();
  }

  return {
    insert(sim: Sim, registrationSecret: string | null = null) {
      insert.run({ ...columns(sim), registrationSecret });
    },
    get(operatorId: string, simId: string): Sim | undefined {
      const row = get.get(operatorId, simId);
      return row ? (JSON.parse(row.doc) as Sim) : undefined;
    },
    /** One page in SIM ID order after `after`; `nextKey` is set when more SIMs follow. */
    page(operatorId: string, after: string, limit: number) {
      const rows = page.all(operatorId, after, limit + 1);
      const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as Sim);
      return { items, nextKey: rows.length > limit ? (rows[limit - 1]?.sim_id ?? null) : null };
    },
    count: (operatorId: string) => count.get(operatorId)?.n ?? 0,
    /**
     * Merges tags into a SIM (a `name` tag also updates the indexed `name` column) and stamps `lastModifiedTime`;
     * undefined when the operator has no such SIM.
     */
    putTags(operatorId: string, simId: string, tags: Record<string, string>, now: number): Sim | undefined {
      return modify(
        operatorId,
        simId,
        (sim) => {
          sim.tags = { ...sim.tags, ...tags };
        },
        now,
      );
    },
    /** The SIM whose primary IMSI is `imsi`, if it is the operator's. */
    findByImsi(operatorId: string, imsi: string): Sim | undefined {
      const row = byImsi.get(imsi, operatorId);
      return row ? (JSON.parse(row.doc) as Sim) : undefined;
    },
    /** One page of a group's SIMs in SIM ID order after `after` (index sims_by_group_and_id). */
    pageInGroup(operatorId: string, groupId: string, after: string, limit: number) {
      const rows = pageInGroup.all(operatorId, groupId, after, limit + 1);
      const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as Sim);
      return { items, nextKey: rows.length > limit ? (rows[limit - 1]?.sim_id ?? null) : null };
    },
    /**
     * Puts a SIM into a group (`groupId`) or takes it out of its group (null), in the doc and the indexed column,
     * and stamps `lastModifiedTime`; undefined when the operator has no such SIM. The group is not checked here.
     */
    setGroup(operatorId: string, simId: string, groupId: string | null, now: number): Sim | undefined {
      return modify(
        operatorId,
        simId,
        (sim) => {
          if (groupId === null) delete sim.groupId;
          else sim.groupId = groupId;
        },
        now,
      );
    },
    /** Takes every SIM of the operator out of a group (guesses.deleteGroupUngroupsSims); answers how many. */
    leaveGroup(operatorId: string, groupId: string, now: number): number {
      return db.transaction(() => {
        const rows = inGroup.all(operatorId, groupId);
        for (const row of rows) {
          const sim = JSON.parse(row.doc) as Sim;
          delete sim.groupId;
          sim.lastModifiedTime = now;
          update.run(columns(sim));
        }
        return rows.length;
      })();
    },
  };
}
export type SimStore = ReturnType<typeof simStore>;
