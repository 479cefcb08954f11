/** Groups: the list, one group and its members; creating and deleting a group, its tags, its SIMs. */
import { mutationOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { type Api, api, apiFor } from '../client';
import { allPages, toPage } from '../pager';
import { refetchAfterChange } from '../queryClient';
import type { components } from '../schema';
import { simCalls } from './simCalls';
import { simQueries } from './sims';

export type Group = components['schemas']['Group'];

async function fetchGroups(client: Api, signal: AbortSignal): Promise<Group[]> {
  const groups: Group[] = [];
  const pages = allPages(async (lastKey, pageSignal) => {
    const { data, response } = await client.GET('/groups', {
      params: { query: { limit: 100, last_evaluated_key: lastKey } },
      signal: pageSignal,
    });
    return toPage(data, response);
  }, signal);
  for await (const items of pages) groups.push(...items);
  return groups;
}

export const groupQueries = {
  all: () => ['groups'] as const,
  /** Every group of the operator (operators have tens, not thousands, of groups). */
  list: () =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'list'],
      queryFn: ({ signal }) => fetchGroups(api, signal),
      staleTime: 60_000,
    }),
  /** Every group of the other coverage's endpoint (`apiFor`), for the SIM table's view of both coverages. */
  listOn: (endpoint: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'list', 'on', endpoint],
      queryFn: ({ signal }) => fetchGroups(apiFor(endpoint), signal),
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

const path = (groupId: string) => ({ group_id: groupId });

/** Tags and configuration change the group, not its members: only the group and the list are read again. */
export const refetchGroup = (client: QueryClient, groupId: string) =>
  refetchAfterChange(client, groupDetailQueries.detail(groupId).queryKey, groupQueries.list().queryKey);

/** A SIM joining or leaving a group changes the group's members and counts, and the SIM's group in SIM lists. */
const refetchMembership = (client: QueryClient) => refetchAfterChange(client, groupQueries.all(), simQueries.all());

export const groupChanges = {
  /** The answer is the new group: the screen goes to it next. */
  create: () =>
    mutationOptions({
      mutationFn: async ({ name, tags }: { name: string; tags: Record<string, string> }): Promise<Group> => {
        const { data } = await api.POST('/groups', { body: { tags: { ...tags, name } } });
        if (!data?.groupId) throw new Error('no group in the answer');
        return data;
      },
      onSuccess: (_group, _vars, _result, { client }) => refetchAfterChange(client, groupQueries.list().queryKey),
    }),
  remove: (groupId: string) =>
    mutationOptions({
      mutationFn: async () => {
        await api.DELETE('/groups/{group_id}', { params: { path: path(groupId) } });
      },
      onSuccess: async (_data, _vars, _result, { client }) => {
        // The group is gone: reading it or its members again could only answer 404.
        client.removeQueries({ queryKey: groupDetailQueries.detail(groupId).queryKey });
        client.removeQueries({ queryKey: [...groupQueries.all(), 'members', groupId] });
        await refetchMembership(client);
      },
    }),
  /** Adds or replaces the tags given; the others stay. */
  putTags: (groupId: string) =>
    mutationOptions({
      mutationFn: async (tags: Record<string, string>) => {
        await api.PUT('/groups/{group_id}/tags', {
          params: { path: path(groupId) },
          body: Object.entries(tags).map(([tagName, tagValue]) => ({ tagName, tagValue })),
        });
      },
      onSuccess: (_data, _tags, _result, { client }) => refetchGroup(client, groupId),
    }),
  deleteTag: (groupId: string) =>
    mutationOptions({
      mutationFn: async (tagName: string) => {
        await api.DELETE('/groups/{group_id}/tags/{tag_name}', {
          params: { path: { ...path(groupId), tag_name: tagName } },
        });
      },
      onSuccess: (_data, _tagName, _result, { client }) => refetchGroup(client, groupId),
    }),
  addSim: (groupId: string) =>
    mutationOptions({
      // The SIM's own call (simCalls): one home for each API path.
      mutationFn: async (simId: string) => {
        await simCalls.setGroup(simId, groupId);
      },
      onSuccess: (_data, _simId, _result, { client }) => refetchMembership(client),
    }),
  removeSim: () =>
    mutationOptions({
      mutationFn: async (simId: string) => {
        await simCalls.unsetGroup(simId);
      },
      onSuccess: (_data, _simId, _result, { client }) => refetchMembership(client),
    }),
};
