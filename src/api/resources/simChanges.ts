/**
 * Changes to SIMs for `useChange`: a call of `simCalls` and the cache effect after it. Every SIM change ends with
 * `settleSims`; tag edits also show at once and are undone when refused.
 */
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { refetchAfterChange } from '../queryClient';
import { groupQueries } from './groups';
import { type RegisterSimRequest, simCalls } from './simCalls';
import { type Sim, simQueries } from './sims';

/** After one or many SIMs changed: put the updated SIMs in the detail cache and refresh lists, history, events. */
export async function settleSims(client: QueryClient, updated: Sim[], simIds: string[]): Promise<void> {
  const answered = updated.filter((sim): sim is Sim & { simId: string } => Boolean(sim.simId));
  // A read of the SIM already on its way would land after this answer and show the SIM as it was.
  await Promise.all(answered.map((sim) => client.cancelQueries({ queryKey: simQueries.detail(sim.simId).queryKey })));
  for (const sim of answered) client.setQueryData(simQueries.detail(sim.simId).queryKey, sim);
  const answeredIds = new Set(answered.map((sim) => sim.simId));
  await refetchAfterChange(
    client,
    simQueries.lists(),
    [...simQueries.all(), 'history'],
    [...simQueries.all(), 'sessionEvents'],
    // Group pages list their SIMs.
    [...groupQueries.all(), 'members'],
    ...simIds.filter((id) => !answeredIds.has(id)).map((id) => simQueries.detail(id).queryKey),
  );
}

/** A tag change: a value to put, or null to delete the tag. */
export interface TagEdit {
  name: string;
  value: string | null;
}

/** The SIM with one tag set to `value`, or without it when `value` is null (the SIM itself is left as it was). */
export function withTag(sim: Sim, name: string, value: string | null): Sim {
  const tags = { ...sim.tags };
  if (value === null) delete tags[name];
  else tags[name] = value;
  return { ...sim, tags };
}

const settleOne = (client: QueryClient, simId: string, updated: Sim | undefined) =>
  settleSims(client, updated ? [updated] : [], [simId]);

export const simChanges = {
  /**
   * One action on one SIM: `call` is the action's call of `simCalls` (the SIM action catalogue picks it and turns
   * the form's input into its arguments).
   */
  act: <I>(simId: string, call: (input: I) => Promise<Sim | undefined>) =>
    mutationOptions({
      mutationFn: call,
      onSuccess: (updated, _input, _result, { client }) => settleOne(client, simId, updated),
    }),

  rename: (simId: string) =>
    mutationOptions({
      mutationFn: (name: string) => simCalls.rename(simId, name),
      onSuccess: (updated, _name, _result, { client }) => settleOne(client, simId, updated),
    }),

  register: () =>
    mutationOptions({
      mutationFn: ({ simId, body }: { simId: string; body: RegisterSimRequest }) => simCalls.register(simId, body),
      onSuccess: (sim, { simId }, _result, { client }) => settleOne(client, sim?.simId ?? simId, sim),
    }),

  /**
   * Puts or deletes one tag, showing the change at once. When SORACOM refuses it, that tag goes back to what it was
   * (other changes made meanwhile stay).
   */
  editTag: (simId: string) => {
    const key = simQueries.detail(simId).queryKey;
    return mutationOptions({
      mutationFn: ({ name, value }: TagEdit) =>
        value === null
          ? simCalls.deleteTag(simId, name)
          : simCalls.putTags(simId, [{ tagName: name.trim(), tagValue: value }]),
      onMutate: async ({ name, value }: TagEdit, { client }) => {
        await client.cancelQueries({ queryKey: key });
        const before = client.getQueryData(key);
        const had = before?.tags !== undefined && Object.hasOwn(before.tags, name);
        if (before) client.setQueryData(key, withTag(before, name, value));
        return { previous: had ? (before?.tags?.[name] ?? null) : null };
      },
      onError: (_error, { name }, saved, { client }) => {
        const now = client.getQueryData(key);
        if (now && saved) client.setQueryData(key, withTag(now, name, saved.previous));
      },
      onSuccess: (updated, _edit, _saved, { client }) => settleOne(client, simId, updated),
    });
  },
};
