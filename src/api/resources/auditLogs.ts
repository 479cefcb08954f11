/** The API audit log: who called which operation, from where and when, newest first, a page at a time. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { type Page, toPage } from '../pager';
import type { components } from '../schema';

export type AuditLogEntry = components['schemas']['APIAuditLogEntry'];

/** What the API filters itself; filters by user and resource are applied to the loaded pages (see AuditLogPage). */
export interface AuditLogFilter {
  apiKind?: string;
  fromEpochMs?: number;
  toEpochMs?: number;
}

export const auditLogPageSize = 100;

export const auditLogQueries = {
  all: () => ['auditLogs'] as const,
  page: (filter: AuditLogFilter, lastKey: string | undefined) =>
    queryOptions({
      queryKey: [...auditLogQueries.all(), filter, lastKey ?? ''],
      queryFn: async ({ signal }): Promise<Page<AuditLogEntry>> => {
        const { data, response } = await api.GET('/audit_logs/api', {
          params: {
            query: {
              api_kind: filter.apiKind || undefined,
              from_epoch_ms: filter.fromEpochMs,
              to_epoch_ms: filter.toEpochMs,
              limit: auditLogPageSize,
              last_evaluated_key: lastKey,
            },
          },
          signal,
        });
        return toPage(data, response);
      },
    }),
};
