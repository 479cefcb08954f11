import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Sim, simQueries } from '../../../api/resources/sims';
import { settleSims, simActionByKey } from './catalog';

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

/**
 * Puts or deletes one tag of a SIM, showing the change at once. When SORACOM refuses it, that tag goes back to what
 * it was (other changes made meanwhile stay) and the error is the mutation's.
 */
export function useSimTagEdit(simId: string) {
  const queryClient = useQueryClient();
  const key = simQueries.detail(simId).queryKey;
  return useMutation({
    mutationFn: async ({ name, value }: TagEdit) => {
      const sim = queryClient.getQueryData(key) ?? { simId };
      return value === null
        ? simActionByKey('delete_tag').run(sim, { tagName: name })
        : simActionByKey('put_tags').run(sim, { tags: [{ name, value }] });
    },
    onMutate: async ({ name, value }: TagEdit) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData(key);
      const had = before?.tags !== undefined && Object.hasOwn(before.tags, name);
      if (before) queryClient.setQueryData(key, withTag(before, name, value));
      return { previous: had ? (before?.tags?.[name] ?? null) : null };
    },
    onError: (_error, { name }, context) => {
      const now = queryClient.getQueryData(key);
      if (now && context) queryClient.setQueryData(key, withTag(now, name, context.previous));
    },
    onSuccess: async (updated) => {
      await settleSims(queryClient, updated ? [updated] : [], [simId]);
    },
  });
}
