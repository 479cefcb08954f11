/** Error logs (`GET /logs`): what the sandbox can tell went wrong (guesses.errorLogs), newest first. */
import type { components } from '../../../src/api/schema';
import type { Db } from '../db';
import { errorLogs } from '../guesses';

export type LogEntry = components['schemas']['LogEntry'];
type Service = NonNullable<LogEntry['service']>;

interface Row {
  log_id: number;
  operator_id: string;
  time: number;
  service: Service;
  resource_type: NonNullable<LogEntry['resourceType']>;
  resource_id: string;
  log_level: NonNullable<LogEntry['logLevel']>;
  body: string;
}

export interface LogFilter {
  service?: string;
  resourceType?: string;
  resourceId?: string;
  from?: number;
  to?: number;
}

export function errorLogStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO error_logs (operator_id, time, service, resource_type, resource_id, log_level, body)
     VALUES (@operatorId, @time, @service, @resourceType, @resourceId, @logLevel, @body)`,
  );
  const trim = db.prepare(
    `DELETE FROM error_logs WHERE operator_id = ? AND log_id <= (
       SELECT log_id FROM error_logs WHERE operator_id = ? ORDER BY log_id DESC LIMIT 1 OFFSET ?)`,
  );
  const page = db.prepare<
    {
      operatorId: string;
      service: string | null;
      resourceType: string | null;
      resourceId: string | null;
      from: number;
      to: number;
      before: number;
      limit: number;
    },
    Row
  >(
    `SELECT * FROM error_logs WHERE operator_id = @operatorId
       AND (@service IS NULL OR service = @service)
       AND (@resourceType IS NULL OR resource_type = @resourceType)
       AND (@resourceId IS NULL OR resource_id = @resourceId)
       AND time >= @from AND time <= @to AND log_id < @before
     ORDER BY log_id DESC LIMIT @limit`,
  );

  return {
    add(
      operatorId: string,
      entry: { time: number; service: Service; imsi: string; message: string; detail?: Record<string, unknown> },
    ) {
      db.transaction(() => {
        insert.run({
          operatorId,
          time: entry.time,
          service: entry.service,
          resourceType: 'Subscriber',
          resourceId: entry.imsi,
          logLevel: 'error',
          body: JSON.stringify({ message: entry.message, ...entry.detail }),
        });
        trim.run(operatorId, operatorId, errorLogs.kept);
      })();
    },
    /** One page, newest first, after the entry `after` (its log ID); `nextKey` when more follow. */
    page(operatorId: string, filter: LogFilter, after: string, limit: number) {
      const before = /^\d{1,15}$/.test(after) ? Number(after) : Number.MAX_SAFE_INTEGER;
      const rows = page.all({
        operatorId,
        service: filter.service ?? null,
        resourceType: filter.resourceType ?? null,
        resourceId: filter.resourceId ?? null,
        from: filter.from ?? 0,
        to: filter.to ?? Number.MAX_SAFE_INTEGER,
        before,
        limit: limit + 1,
      });
      const entries: LogEntry[] = rows.slice(0, limit).map((r) => ({
        operatorId: r.operator_id,
        time: r.time,
        service: r.service,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        logLevel: r.log_level,
        body: JSON.parse(r.body) as Record<string, never>,
      }));
      return { entries, nextKey: rows.length > limit ? String(rows[limit - 1]?.log_id) : null };
    },
  };
}
export type ErrorLogStore = ReturnType<typeof errorLogStore>;
