/** The audit log page's own filtering (what the API does not filter) and its CSV. */
import type { AuditLogEntry } from '../../../api/resources/auditLogs';
import { toCsv } from '../../../lib/csv';

/** Some answers also carry the HTTP status (SORACOM's example does); shown when present. */
export const statusOf = (entry: AuditLogEntry): number | undefined => {
  const status = (entry as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
};

/** `user`: part of the SAM user name, or `root` for the root account's calls (which have no user name). */
export function filterEntries(entries: readonly AuditLogEntry[], user: string, path: string): AuditLogEntry[] {
  const who = user.trim().toLowerCase();
  const where = path.trim().toLowerCase();
  return entries.filter((entry) => {
    const name = entry.userName ? entry.userName.toLowerCase() : 'root';
    if (who && !name.includes(who)) return false;
    if (where && !(entry.requestPath ?? '').toLowerCase().includes(where)) return false;
    return true;
  });
}

export function auditCsv(entries: readonly AuditLogEntry[]): string {
  return toCsv(
    ['time', 'operatorId', 'userName', 'apiKind', 'requestPath', 'remoteIpAddress', 'statusCode'],
    entries.map((e) => [
      e.requestedTimeEpochMs === undefined ? '' : new Date(e.requestedTimeEpochMs).toISOString(),
      e.operatorId,
      e.userName ?? '',
      e.apiKind,
      e.requestPath,
      e.remoteIpAddress,
      statusOf(e),
    ]),
  );
}

/** A datetime-local value as epoch ms, or undefined when empty or not a date. */
export function localToEpoch(value: string): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
