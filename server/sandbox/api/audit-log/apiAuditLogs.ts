/** `GET /audit_logs/api`: the operator's API calls, newest first (guesses.auditLog). */
import type { components } from '../../../../src/api/schema';
import type { Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest } from '../../errors';
import { auditLog } from '../../guesses';
import { pageHeaders } from '../../paging';
import type { AuditRow } from '../../store/auditLog';

type Entry = components['schemas']['APIAuditLogEntry'] & { statusCode: number };

/** `<ms>` (older than that millisecond) or `<ms>:<n>` (older than that entry, as our own next keys say). */
function parseKey(key: unknown): { time: number; id: number } | undefined {
  if (key === undefined) return undefined;
  const match = typeof key === 'string' ? /^(\d{1,15})(?::(\d{1,15}))?$/.exec(key) : null;
  if (!match) throw badRequest("Query: 'last_evaluated_key' is not a key this API answered.");
  return { time: Number(match[1]), id: match[2] === undefined ? 0 : Number(match[2]) };
}

function epochMs(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isSafeInteger(ms) || ms < 0) throw badRequest(`Query: '${name}' must be a time in ms since the epoch.`);
  return ms;
}

const entry = (row: AuditRow): Entry => ({
  operatorId: row.operator_id,
  ...(row.user_name === null ? {} : { userName: row.user_name }),
  apiKind: row.api_kind,
  requestPath: row.request_path,
  remoteIpAddress: row.remote_ip,
  requestedTimeEpochMs: row.requested_at,
  statusCode: row.status,
});

const getApiAuditLogs: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const { query } = ctx;
  const limit = query.limit === undefined ? auditLog.defaultLimit : Number(query.limit);
  const apiKind = query.api_kind as string | undefined;
  if (apiKind !== undefined && apiKind.length > 500) throw badRequest("Query: 'api_kind' is too long.");
  const rows = ctx.stores.auditLog.page({
    operatorId,
    apiKind,
    from: epochMs(query.from_epoch_ms, 'from_epoch_ms'),
    to: epochMs(query.to_epoch_ms, 'to_epoch_ms'),
    before: parseKey(query.last_evaluated_key),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows[limit];
  let nextKey: string | null = null;
  if (last && next) {
    nextKey = next.requested_at === last.requested_at ? `${last.requested_at}:${last.id}` : String(last.requested_at);
  }
  return {
    status: 200,
    body: page.map(entry),
    headers: pageHeaders('/audit_logs/api', query, limit, nextKey),
  };
};

export const auditLogHandlers = { getApiAuditLogs } satisfies Handlers;
