import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { type Page, toPage } from '../pager';
import type { components } from '../schema';

export type Sim = components['schemas']['Sim'];

export interface SimPageParams {
  limit: number;
  lastKey?: string;
  /** Only the SIMs of this group (`GET /groups/{group_id}/subscribers`). */
  groupId?: string;
}

export const simQueries = {
  all: () => ['sims'] as const,
  lists: () => [...simQueries.all(), 'list'] as const,
  list: (params: SimPageParams) =>
    queryOptions({
      queryKey: [...simQueries.lists(), params],
      queryFn: async ({ signal }): Promise<Page<Sim>> => {
        const query = { limit: params.limit, last_evaluated_key: params.lastKey };
        const { data, response } = params.groupId
          ? await api.GET('/groups/{group_id}/subscribers', {
              params: { path: { group_id: params.groupId }, query },
              signal,
            })
          : await api.GET('/sims', { params: { query }, signal });
        return toPage(data as Sim[] | undefined, response);
      },
      placeholderData: keepPreviousData,
    }),
  /** The latest status changes, newest first. */
  history: (simId: string) =>
    queryOptions({
      queryKey: [...simQueries.all(), 'history', simId],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/sims/{sim_id}/statuses/history', {
          params: { path: { sim_id: simId }, query: { limit: 20 } },
          signal,
        });
        return data ?? [];
      },
    }),
  /** The latest session events (connected, disconnected…), newest first. */
  sessionEvents: (simId: string) =>
    queryOptions({
      queryKey: [...simQueries.all(), 'sessionEvents', simId],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/sims/{sim_id}/events/sessions', {
          params: { path: { sim_id: simId }, query: { limit: 20 } },
          signal,
        });
        return data ?? [];
      },
    }),
  detail: (simId: string) =>
    queryOptions({
      queryKey: [...simQueries.all(), 'detail', simId],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/sims/{sim_id}', { params: { path: { sim_id: simId } }, signal });
        return data as Sim;
      },
    }),
};
