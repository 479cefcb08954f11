import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { type Page, toPage } from '../pager';
import type { components } from '../schema';

export type Sim = components['schemas']['Sim'];

export interface SimPageParams {
  limit: number;
  lastKey?: string;
}

export const simQueries = {
  all: () => ['sims'] as const,
  lists: () => [...simQueries.all(), 'list'] as const,
  list: (params: SimPageParams) =>
    queryOptions({
      queryKey: [...simQueries.lists(), params],
      queryFn: async ({ signal }): Promise<Page<Sim>> => {
        const { data, response } = await api.GET('/sims', {
          params: { query: { limit: params.limit, last_evaluated_key: params.lastKey } },
          signal,
        });
        return toPage(data, response);
      },
      placeholderData: keepPreviousData,
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
