import type { components } from '../../../src/api/schema';
import type { Db } from '../db';
import { forget, simDocs } from './simDocs';
import { touched } from './simSearchIndex';

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

/** The row of `sim_search` (/query/sims): every IMSI, MSISDN, ICCID and subscription of the SIM, tag values. */
function searchRow(sim: Sim) {
  const profiles = Object.entries(sim.profiles ?? {});
  const subscribers = profiles.flatMap(([, p]) => Object.entries(p.subscribers ?? {}));
  const lines = (values: (string | null | undefined)[]) => values.filter((v) => v).join('\n');
  return {
    operatorId: sim.operatorId,
    simId: sim.simId,
    name: sim.tags?.name ?? '',
    groupId: sim.groupId ?? '',
    imsi: lines(subscribers.map(([imsi]) => imsi)),
    msisdn: lines(subscribers.map(([, s]) => s.msisdn)),
    iccid: lines(profiles.map(([iccid]) => iccid)),
    serialNumber: sim.serialNumber ?? '',
    tags: lines(Object.values(sim.tags ?? {})),
    bundles: lines(subscribers.flatMap(([, s]) => s.bundles ?? [])),
    status: sim.status ?? '',
    sessionStatus: sim.sessionStatus?.online ? 'ONLINE' : 'OFFLINE',
    subscription: lines(subscribers.map(([, s]) => s.subscription)),
    moduleType: sim.moduleType ?? '',
  };
}

export function simStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO sims (sim_id, operator_id, imsi, msisdn, iccid, name, status, group_id, subscription,
       session_online, session_updated_at, registration_secret, doc)
     VALUES (@simId, @operatorId, @imsi, @msisdn, @iccid, @name, @status, @groupId, @subscription,
       @online, @sessionUpdatedAt, @registrationSecret, @doc)`,
  );
  const search = db.prepare(
    `INSERT OR REPLACE INTO sim_search (operator_id, sim_id, name, group_id, imsi, msisdn, iccid, serial_number, tags,
       bundles, status, session_status, subscription, module_type)
     VALUES (@operatorId, @simId, @name, @groupId, @imsi, @msisdn, @iccid, @serialNumber, @tags, @bundles, @status,
       @sessionStatus, @subscription, @moduleType)`,
  );
  const get = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM sims WHERE operator_id = ? AND sim_id = ?',
  );
  // The IDs only, from the index sims_by_operator; the documents come from simDocs.
  const page = db
    .prepare<[string, string, number], string>(
      'SELECT sim_id FROM sims WHERE operator_id = ? AND sim_id > ? ORDER BY sim_id LIMIT ?',
    )
    .pluck();
  const pageInGroup = db.prepare<[string, string, string, number], { sim_id: string; doc: string }>(
    'SELECT sim_id, doc FROM sims WHERE operator_id = ? AND group_id = ? AND sim_id > ? ORDER BY sim_id LIMIT ?',
  );
  const inGroup = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM sims WHERE operator_id = ? AND group_id = ?',
  );
  const byImsi = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM sims WHERE imsi = ? AND operator_id = ?',
  );
  const secretOf = db.prepare<[string, string], { registration_secret: string | null }>(
    'SELECT registration_secret FROM sims WHERE operator_id = ? AND sim_id = ?',
  );
  const clearSecret = db.prepare('UPDATE sims SET registration_secret = NULL WHERE operator_id = ? AND sim_id = ?');
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sims WHERE operator_id = ?');
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sims');
  const maxRowid = db.prepare<[], { n: number | null }>('SELECT max(rowid) AS n FROM sims');
  const activeAt = db.prepare<[number], { sim_id: string; operator_id: string }>(
    "SELECT sim_id, operator_id FROM sims WHERE rowid = ? AND status = 'active'",
  );
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
      write(sim);
      return sim;
    })();
  }

  function pageJson(operatorId: string, after: string, limit: number) {
    const ids = page.all(operatorId, after, limit + 1);
    const docs = simDocs(db, operatorId, ids.slice(0, limit)).filter((doc) => doc !== undefined);
    return { docs, nextKey: ids.length > limit ? (ids[limit - 1] ?? null) : null };
  }

  /** Writes the SIM's search row, and tells the in-memory copies it changed. */
  function searchable(sim: Sim) {
    search.run(searchRow(sim));
    touched(db, sim.operatorId ?? '', sim.simId ?? '');
    forget(db, sim.operatorId ?? '', sim.simId ?? '');
  }

  /** Writes a changed SIM back: doc, indexed columns and search row together. */
  function write(sim: Sim) {
    update.run(columns(sim));
    searchable(sim);
  }

  return {
    insert(sim: Sim, registrationSecret: string | null = null) {
      db.transaction(() => {
        insert.run({ ...columns(sim), registrationSecret });
        searchable(sim);
      })();
    },
    /**
     * Reads a SIM, lets `change` edit it (a throw leaves the SIM as it was), stamps `lastModifiedTime` and writes it
     * back; undefined when the operator has no such SIM.
     */
    modify,
    /** The registration secret `/sandbox/subscribers/create` gave the SIM; null once registered. */
    registrationSecret(operatorId: string, simId: string): string | null {
      return secretOf.get(operatorId, simId)?.registration_secret ?? null;
    },
    clearRegistrationSecret(operatorId: string, simId: string) {
      clearSecret.run(operatorId, simId);
    },
    get(operatorId: string, simId: string): Sim | undefined {
      const row = get.get(operatorId, simId);
      return row ? (JSON.parse(row.doc) as Sim) : undefined;
    },
    /** The SIM as the API returns it, as stored (JSON text), for answers that only pass it on. */
    getJson: (operatorId: string, simId: string): string | undefined => simDocs(db, operatorId, [simId])[0],
    /** One page in SIM ID order after `after`; `nextKey` is set when more SIMs follow. */
    page(operatorId: string, after: string, limit: number) {
      const { docs, nextKey } = pageJson(operatorId, after, limit);
      return { items: docs.map((doc) => JSON.parse(doc) as Sim), nextKey };
    },
    /** `page` with each SIM as stored (JSON text). */
    pageJson,
    count: (operatorId: string) => count.get(operatorId)?.n ?? 0,
    /** SIMs of every operator. */
    countAll: () => countAll.get()?.n ?? 0,
    /** The largest row number of the SIM table (0 when empty), for picking SIMs at random. */
    maxRowNumber: () => maxRowid.get()?.n ?? 0,
    /** The SIM at row number `row` when it is active. */
    activeAtRow: (row: number) => activeAt.get(row),
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
    /** Takes every SIM of the operator out of a group (guesses.groupConfiguration); answers how many. */
    leaveGroup(operatorId: string, groupId: string, now: number): number {
      return db.transaction(() => {
        const rows = inGroup.all(operatorId, groupId);
        for (const row of rows) {
          const sim = JSON.parse(row.doc) as Sim;
          delete sim.groupId;
          sim.lastModifiedTime = now;
          write(sim);
        }
        return rows.length;
      })();
    },
  };
}
export type SimStore = ReturnType<typeof simStore>;
