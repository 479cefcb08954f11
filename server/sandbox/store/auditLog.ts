/** The API audit log: one row per call of a known caller (guesses.auditLog), newest first when read. */
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

  return {
    record: (entry: AuditEntry) => insert.run(entry),
    page: (query: AuditQuery) =>
      page.all({
        operatorId: query.operatorId,
        apiKind: query.apiKind ?? null,
        from: query.from ?? 0,
        to: query.to ?? never,
        beforeTime: query.before?.time ?? never,
        beforeId: query.before?.id ?? never,
        limit: query.limit,
      }),
    /** Drops the operator's rows older than `before`, and those past its newest `keep`. */
    prune(operatorId: string, before: number, keep: number) {
      pruneOld.run(operatorId, before);
      const first = firstDropped.get(operatorId, keep);
      if (first) dropFrom.run({ operatorId, time: first.requested_at, id: first.id });
    },
    /** Every row, oldest first (tests search them for secrets). */
    all: () => all.all(),
  };
}
export type AuditLogStore = ReturnType<typeof auditLogStore>;
