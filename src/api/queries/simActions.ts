import type { QueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { ApiError } from '../errors';
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

export type StatusAction = 'activate' | 'deactivate' | 'set_to_standby' | 'suspend' | 'terminate';

/** Refuses at once when the browser is offline: a destructive action must not wait in a queue to go out later. */
function assertOnline(): void {
  if (globalThis.navigator?.onLine === false) throw ApiError.network(new Error('offline'));
}

/** Changes the SIM's status (`POST /sims/{sim_id}/{action}`); SORACOM refuses transitions it does not allow. */
export async function changeSimStatus(queryClient: QueryClient, simId: string, action: StatusAction): Promise<void> {
  assertOnline();
  const params = { params: { path: { sim_id: simId } } };
  const { data } =
    action === 'activate'
      ? await api.POST('/sims/{sim_id}/activate', params)
      : action === 'deactivate'
        ? await api.POST('/sims/{sim_id}/deactivate', params)
        : action === 'set_to_standby'
          ? await api.POST('/sims/{sim_id}/set_to_standby', params)
          : action === 'suspend'
            ? await api.POST('/sims/{sim_id}/suspend', params)
            : await api.POST('/sims/{sim_id}/terminate', params);
  await settle(queryClient, simId, data as Sim | undefined);
}

/** Termination protection: `enabled` true allows terminating the SIM. */
export async function setSimTermination(queryClient: QueryClient, simId: string, enabled: boolean): Promise<void> {
  assertOnline();
  const params = { params: { path: { sim_id: simId } } };
  const { data } = enabled
    ? await api.POST('/sims/{sim_id}/enable_termination', params)
    : await api.POST('/sims/{sim_id}/disable_termination', params);
  await settle(queryClient, simId, data as Sim | undefined);
}

async function settle(queryClient: QueryClient, simId: string, sim: Sim | undefined): Promise<void> {
  if (sim) queryClient.setQueryData(simQueries.detail(simId).queryKey, sim);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: simQueries.detail(simId).queryKey }),
    queryClient.invalidateQueries({ queryKey: simQueries.lists() }),
    queryClient.invalidateQueries({ queryKey: simQueries.history(simId).queryKey }),
  ]);
}
