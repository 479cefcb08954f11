import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { emptyView, hasSearch, type SimView, searchQuery } from '../../lib/simQuery';
import { api, apiFor } from '../client';
import { type Page, type StreamedPage, toPage } from '../pager';
import type { components } from '../schema';

export type Sim = components['schemas']['Sim'];

export interface SimPageParams {
  limit: number;
  lastKey?: string;
  /** The server's part of the table's view: `GET /query/sims` when it has filters, else `GET /sims`. */
  search?: Pick<SimView, 'filters' | 'searchType'>;
}

/** The most `GET /query/sims` answers per page (the description's maximum). */
export const maxSearchPageSize = 100;
/** Page size for walking the whole fleet with `GET /sims` (the local sandbox allows 1,000; SORACOM is not documented). */
export const fleetPageSize = 1000;

/** Asks for one page of the view: listed when it has no filters, searched when it has. */
function requestSimPage(
  params: SimPageParams,
  signal: AbortSignal | undefined,
  parseAs: 'json' | 'stream',
  endpoint?: string,
) {
  const client = endpoint ? apiFor(endpoint) : api;
  if (params.search && hasSearch({ ...emptyView, ...params.search })) {
    return client.GET('/query/sims', {
      params: {
        query: {
          ...searchQuery({ ...emptyView, ...params.search }),
          limit: Math.min(params.limit, maxSearchPageSize),
          last_evaluated_key: params.lastKey,
        } as never,
      },
      parseAs,
      signal,
    });
  }
  return client.GET('/sims', {
    params: { query: { limit: params.limit, last_evaluated_key: params.lastKey } },
    parseAs,
    signal,
  });
}

/** One page of the view. */
export async function fetchSimPage(params: SimPageParams, signal?: AbortSignal): Promise<Page<Sim>> {
  const { data, response } = await requestSimPage(params, signal, 'json');
  return toPage(data as Sim[] | undefined, response);
}

/**
 * One page of the view for a long walk (pager.pipelinedPages): its next key as soon as the answer's headers are in,
 * its SIMs once the body has been read, so the walk can ask for the next page meanwhile.
 */
export async function startSimPage(
  params: SimPageParams,
  signal?: AbortSignal,
  endpoint?: string,
): Promise<StreamedPage<Sim>> {
  const { response } = await requestSimPage(params, signal, 'stream', endpoint);
  return {
    nextKey: toPage([], response).nextKey,
    items: response.text().then((text) => (text ? (JSON.parse(text) as Sim[]) : [])),
  };
}

/** `GET /sims/{sim_id}`: the SIM as it is now (on the session's endpoint, or on `endpoint`, the other coverage's). */
export async function fetchSim(simId: string, signal?: AbortSignal, endpoint?: string): Promise<Sim | undefined> {
  const { data } = await (endpoint ? apiFor(endpoint) : api).GET('/sims/{sim_id}', {
    params: { path: { sim_id: simId } },
    signal,
  });
  return data;
}

export const simQueries = {
  all: () => ['sims'] as const,
  lists: () => [...simQueries.all(), 'list'] as const,
  list: (params: SimPageParams) =>
    queryOptions({
      queryKey: [...simQueries.lists(), params],
      queryFn: ({ signal }) => fetchSimPage(params, signal),
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
      queryFn: async ({ signal }) => (await fetchSim(simId, signal)) as Sim,
    }),
};
