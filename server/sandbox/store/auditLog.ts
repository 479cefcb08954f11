/**
 * The API audit log: one row per call of a known caller (guesses.auditLog), newest first when read. Rows are
 * written in batches: a write transaction of its own for every call would cost more than many a call itself
 * (scripts/bench-load.ts), so `add` keeps the row and `flush` writes what was kept in one transaction; every read
 * flushes first, so a reader always sees every call answered before it.
 */
import type { Db } from '../db';

export interface AuditEntry {
  operatorId: string;
  userName: string | null;
  apiKind: string;
  requestPath: string;
  remoteIp: string;
  requestedAt: number;
  status: number;
}

export interface AuditRow {
  id: number;
  operator_id: string;
  user_name: string | null;
  api_kind: string;
  request_path: string;
  remote_ip: string;
  requested_at: number;
  status: number;
}

export interface AuditQuery {
  operatorId: string;
  apiKind?: string;
  from?: number;
  to?: number;
  /** Entries strictly before this one (older time, or the same time and a lower id). */
  before?: { time: number; id: number };
  /** Rows to read: a page and one more, to know whether another page follows. */
  limit: number;
}

const never = Number.MAX_SAFE_INTEGER;

export function auditLogStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO api_audit_log (operator_id, user_name, api_kind, request_path, remote_ip, requested_at, status)
     VALUES (@operatorId, @userName, @apiKind, @requestPath, @remoteIp, @requestedAt, @status)`,
  );
  const page = db.prepare<Record<string, unknown>, AuditRow>(
    `SELECT * FROM api_audit_log
     WHERE operator_id = @operatorId AND requested_at BETWEEN @from AND @to
       AND (@apiKind IS NULL OR api_kind = @apiKind)
       AND (requested_at < @beforeTime OR (requested_at = @beforeTime AND id < @beforeId))
     ORDER BY requested_at DESC, id DESC LIMIT @limit`,
  );
  const pruneOld = db.prepare('DELETE FROM api_audit_log WHERE operator_id = ? AND requested_at < ?');
  const firstDropped = db.prepare<[string, number], { requested_at: number; id: number }>(
    `SELECT requested_at, id FROM api_audit_log WHERE operator_id = ?
     ORDER BY requested_at DESC, id DESC LIMIT 1 OFFSET ?`,
  );
  const dropFrom = db.prepare(
    `DELETE FROM api_audit_log WHERE operator_id = @operatorId
       AND (requested_at < @time OR (requested_at = @time AND id <= @id))`,
  );
  const all = db.prepare<[], AuditRow>('SELECT * FROM api_audit_log ORDER BY id');
  const pending: AuditEntry[] = [];
  const writeAll = db.transaction((entries: AuditEntry[]) => {
    for (const entry of entries) insert.run(entry);
  });
  const flush = () => {
    if (pending.length > 0) writeAll(pending.splice(0));
  };

  return {
    /** Keeps a row to write with the next `flush`. */
    add: (entry: AuditEntry) => pending.push(entry),
    /** Writes the rows kept so far, in one transaction. */
    flush,
    page(query: AuditQuery) {
      flush();
      return page.all({
        operatorId: query.operatorId,
        apiKind: query.apiKind ?? null,
        from: query.from ?? 0,
        to: query.to ?? never,
        beforeTime: query.before?.time ?? never,
        beforeId: query.before?.id ?? never,
        limit: query.limit,
      });
    },
    /** Drops the operator's rows older than `before`, and those past its newest `keep`. */
    prune(operatorId: string, before: number, keep: number) {
      flush();
      pruneOld.run(operatorId, before);
      const first = firstDropped.get(operatorId, keep);
      if (first) dropFrom.run({ operatorId, time: first.requested_at, id: first.id });
    },
    /** Every row, oldest first (tests search them for secrets). */
    all() {
      flush();
      return all.all();
    },
  };
}
export type AuditLogStore = ReturnType<typeof auditLogStore>;
