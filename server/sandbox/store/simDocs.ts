/**
 * Every SIM document of an operator in memory, as stored (JSON text), for the answers that only pass documents on:
 * list pages, single SIMs and search results. The SIM IDs of a page still come from the database (or the search's
 * text copy); their documents come from here instead of one row read each, the larger part of such a page's cost
 * (scripts/bench-load.ts measures it). Made on the operator's first such read, in one query (time and memory in proportion to the fleet,
 * paid once); SQLite stays the store of record.
 *
 * Never stale: the SIM store calls `forget` for every SIM it writes, and a SIM not here is read from the database
 * and kept, outside a transaction only (a write that was rolled back is never kept). A write by another connection
 * (`PRAGMA data_version`) drops every copy.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';
import { dataVersionOf } from './dataVersion';

interface DocsState {
  dataVersion: number;
  /** Per operator, by SIM ID. */
  docs: Map<string, Map<string, string>>;
  readAll: Statement<[string], { sim_id: string; doc: string }>;
  readSome: Statement<[string, string], { sim_id: string; doc: string }>;
}

const states = new WeakMap<Db, DocsState>();

/** Accounts whose documents are kept at a time. */
const accountsKept = 8;

function state(db: Db): DocsState {
  const dataVersion = dataVersionOf(db);
  let s = states.get(db);
  if (!s) {
    s = {
      dataVersion,
      docs: new Map(),
      readAll: db.prepare('SELECT sim_id, doc FROM sims WHERE operator_id = ?'),
      readSome: db.prepare(
        'SELECT sim_id, doc FROM sims WHERE operator_id = ? AND sim_id IN (SELECT value FROM json_each(?))',
      ),
    };
    states.set(db, s);
  } else if (s.dataVersion !== dataVersion) {
    s.dataVersion = dataVersion;
    s.docs.clear();
  }
  return s;
}

/**
 * The operator's documents of `simIds`, in the same order; undefined for a SIM the operator does not have. Reads
 * the missing ones from the database in one query.
 */
export function simDocs(db: Db, operatorId: string, simIds: readonly string[]): (string | undefined)[] {
  const s = state(db);
  let docs = s.docs.get(operatorId);
  if (!docs && !db.inTransaction) {
    docs = new Map();
    for (const row of s.readAll.iterate(operatorId)) docs.set(row.sim_id, row.doc);
    // The accounts read longest ago make room: the demo fleet is one account, tests make many small ones.
    for (const oldest of s.docs.keys()) {
      if (s.docs.size < accountsKept) break;
      s.docs.delete(oldest);
    }
    s.docs.set(operatorId, docs);
  }
  const found = simIds.map((id) => docs?.get(id));
  const missing = simIds.filter((_, i) => found[i] === undefined);
  if (missing.length === 0) return found;
  const read = new Map<string, string>();
  for (const row of s.readSome.iterate(operatorId, JSON.stringify(missing))) read.set(row.sim_id, row.doc);
  if (docs && !db.inTransaction) for (const [id, doc] of read) docs.set(id, doc);
  return simIds.map((id, i) => found[i] ?? read.get(id));
}

/** Called by the SIM store for every SIM it inserts or writes. */
export function forget(db: Db, operatorId: string, simId: string): void {
  states.get(db)?.docs.get(operatorId)?.delete(simId);
}
