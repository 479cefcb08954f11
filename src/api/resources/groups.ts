import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { allPages, toPage } from '../pager';
import type { components } from '../schema';

export type Group = components['schemas']['Group'];

export const groupQueries = {
  all: () => ['groups'] as const,
  /** Every group of the operator (operators have tens, not thousands, of groups). */
  list: () =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'list'],
      queryFn: async ({ signal }) => {
        const groups: Group[] = [];
        const pages = allPages(async (lastKey, pageSignal) => {
          const { data, response } = await api.GET('/groups', {
            params: { query: { limit: 100, last_evaluated_key: lastKey } },
            signal: pageSignal,
          });
          return toPage(data, response);
        }, signal);
        for await (const items of pages) groups.push(...items);
        return groups;
      },
      staleTime: 60_000,
    }),
};

/** Group detail, members and the member count. */
export const groupDetailQueries = {
  detail: (groupId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'detail', groupId],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/groups/{group_id}', { params: { path: { group_id: groupId } }, signal });
        return data as Group;
      },
    }),
  /** The first page of the group's SIMs, and whether there are more. */
  members: (groupId: string, limit = 100) =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'members', groupId, limit],
      queryFn: async ({ signal }) => {
        const { data, response } = await api.GET('/groups/{group_id}/subscribers', {
          params: { path: { group_id: groupId }, query: { limit } },
          signal,
        });
        return toPage(data, response);
      },
    }),
};

export const groupName = (group: Group | undefined): string | undefined => group?.tags?.name || undefined;
