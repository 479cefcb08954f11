import type { QueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { Sim } from './sims';
import { simQueries } from './sims';

/** Sets tags on a SIM (`PUT /sims/{sim_id}/tags`); the `name` tag is the SIM's name. Refreshes what shows it. */
export async function putSimTags(
  queryClient: QueryClient,
  simId: string,
  tags: Record<string, string>,
): Promise<Sim | undefined> {
  const { data } = await api.PUT('/sims/{sim_id}/tags', {
    params: { path: { sim_id: simId } },
    body: Object.entries(tags).map(([tagName, tagValue]) => ({ tagName, tagValue })),
  });
  if (data) queryClient.setQueryData(simQueries.detail(simId).queryKey, data);
  await queryClient.invalidateQueries({ queryKey: simQueries.lists() });
  return data;
}
