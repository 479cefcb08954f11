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

export const groupName = (group: Group | undefined): string | undefined => group?.tags?.name || undefined;
