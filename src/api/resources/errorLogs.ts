/** Error logs (`GET /logs`): by service, resource and time, newest first, a page at a time. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { type Page, toPage } from '../pager';
import type { components } from '../schema';

export type LogEntry = components['schemas']['LogEntry'];
export type LogService = NonNullable<LogEntry['service']>;
export const logServices: readonly LogService[] = [
  'Air',
  'Beam',
  'Funk',
  'Funnel',
  'Harvest',
  'Napter',
  'Orbit',
  'Unified',
];

export interface LogFilter {
  service?: LogService;
  /** An IMSI (resource type Subscriber). */
  imsi?: string;
  from?: number;
  to?: number;
}

export const errorLogQueries = {
  all: () => ['errorLogs'] as const,
  page: (filter: LogFilter, lastKey: string | undefined, limit = 100) =>
    queryOptions({
      queryKey: [...errorLogQueries.all(), filter, lastKey ?? '', limit],
      queryFn: async ({ signal }): Promise<Page<LogEntry>> => {
        const { data, response } = await api.GET('/logs', {
          params: {
            query: {
              service: filter.service,
              ...(filter.imsi ? { resource_type: 'Subscriber' as const, resource_id: filter.imsi } : {}),
              from: filter.from,
              to: filter.to,
              limit,
              last_evaluated_key: lastKey,
            },
          },
          signal,
        });
        return toPage(data, response);
      },
    }),
};

/** The entry's message: `body.message` when the body has one, else the body as JSON. */
export function logMessage(entry: LogEntry): string {
  const body = entry.body as Record<string, unknown> | undefined;
  if (body && typeof body.message === 'string') return body.message;
  return body ? JSON.stringify(body) : '';
}
