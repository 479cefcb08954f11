/**
 * What happened to SIMs over time, in the order it was recorded (id order, which pages stably even when two records
 * share a time): status history (`sim_status_history`) and session events (`sim_session_events`). */
import type { components } from '../../../src/api/schema';
import type { Db } from '../db';

export type StatusHistory = components['schemas']['SimStatusHistoryResponse'];
export type SessionEvent = components['schemas']['SessionEvent'];

export interface RecordPage<T> {
  items: T[];
  nextKey: string | null;
}

export interface RecordQuery {
  from: number;
  to: number;
  /** The id of the last record of the previous page. */
  after: number | null;
  limit: number;
  newestFirst: boolean;
}

function recordTable<T>(db: Db, table: 'sim_status_history' | 'sim_session_events') {
  const insert = db.prepare(`INSERT INTO ${table} (operator_id, sim_id, time, doc) VALUES (?, ?, ?, ?)`);
  const select = (newestFirst: boolean) =>
    db.prepare<[string, string, number, number, number, number], { id: number; doc: string }>(
      `SELECT id, doc FROM ${table}
       WHERE sim_id = ? AND operator_id = ? AND time >= ? AND time <= ? AND id ${newestFirst ? '<' : '>'} ?
       ORDER BY id ${newestFirst ? 'DESC' : 'ASC'} LIMIT ?`,
    );
  const newest = select(true);
  const oldest = select(false);
  return {
    add(operatorId: string, simId: string, time: number, record: T) {
      insert.run(operatorId, simId, time, JSON.stringify(record));
    },
    page(operatorId: string, simId: string, q: RecordQuery): RecordPage<T> {
      const statement = q.newestFirst ? newest : oldest;
      const after = q.after ?? (q.newestFirst ? Number.MAX_SAFE_INTEGER : 0);
      const rows = statement.all(simId, operatorId, q.from, q.to, after, q.limit + 1);
      return {
        items: rows.slice(0, q.limit).map((r) => JSON.parse(r.doc) as T),
        nextKey: rows.length > q.limit ? String(rows[q.limit - 1]?.id) : null,
      };
    },
  };
}

export function simRecordStore(db: Db) {
  return {
    statusHistory: recordTable<StatusHistory>(db, 'sim_status_history'),
    sessionEvents: recordTable<SessionEvent>(db, 'sim_session_events'),
  };
}
