/**
 * Event handlers: the list, one handler, the handlers watching an IMSI, their changes (create, replace, delete,
 * ignore an IMSI), the executions the local sandbox keeps, and the traffic a dry run replays.
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { TrafficPoint } from '../../../common/eventRules';
import { api } from '../client';
import { ApiError } from '../errors';
import { refetchAfterChange } from '../queryClient';
import type { components } from '../schema';
import { sessionStore } from '../session';
import { fromSimStats } from './usage';

export type EventHandler = components['schemas']['EventHandlerModel'];
export type EventHandlerInput = components['schemas']['CreateEventHandlerRequest'];

/** One execution as the local sandbox keeps it (server/sandbox/store/eventExecutions.ts; not a SORACOM shape). */
export interface HandlerExecution {
  executionId: number;
  handlerId: string;
  imsi: string;
  simId: string;
  firedAt: number;
  restsUntil: number | null;
  measured?: number;
  actions: { type: string; runAt: number; outcome: string; detail?: string }[];
}

/**
 * The executions the local sandbox keeps, read at `GET /api/local/event_handler_executions` (not a SORACOM operation:
 * the description has none), `?coverage=g` for the Global coverage's. Null when the session is not on the local sandbox.
 */
async function readExecutions(
  filter: { handlerId?: string; imsi?: string; limit?: number },
  signal?: AbortSignal,
): Promise<HandlerExecution[] | null> {
  const session = sessionStore.get();
  // Both local endpoints (Japan `local`, Global `local-g`) keep theirs, read on `local` with the coverage named.
  if (session?.endpoint !== 'local' && session?.endpoint !== 'local-g') return null;
  const query = new URLSearchParams();
  if (session.endpoint === 'local-g') query.set('coverage', 'g');
  if (filter.handlerId) query.set('handlerId', filter.handlerId);
  if (filter.imsi) query.set('imsi', filter.imsi);
  if (filter.limit) query.set('limit', String(filter.limit));
  let response: Response;
  try {
    response = await fetch(`/api/local/event_handler_executions?${query}`, {
      headers: { 'X-Soracom-API-Key': session.apiKey, 'X-Soracom-Token': session.token },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message);
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return ((await response.json()) as { executions: HandlerExecution[] }).executions;
}

export const eventHandlerQueries = {
  all: () => ['eventHandlers'] as const,
  list: () =>
    queryOptions({
      queryKey: [...eventHandlerQueries.all(), 'list'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/event_handlers', { signal });
        return data ?? [];
      },
    }),
  detail: (handlerId: string) =>
    queryOptions({
      queryKey: [...eventHandlerQueries.all(), 'detail', handlerId],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/event_handlers/{handler_id}', {
          params: { path: { handler_id: handlerId } },
          signal,
        });
        return data as EventHandler;
      },
    }),
  /** The handlers that watch an IMSI (by itself, its SIM, its group or the operator). */
  ofImsi: (imsi: string) =>
    queryOptions({
      queryKey: [...eventHandlerQueries.all(), 'imsi', imsi],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/event_handlers/subscribers/{imsi}', {
          params: { path: { imsi } },
          signal,
        });
        return data ?? [];
      },
    }),
  executions: (filter: { handlerId?: string; imsi?: string; limit?: number }) =>
    queryOptions({
      queryKey: [...eventHandlerQueries.all(), 'executions', filter],
      queryFn: ({ signal }) => readExecutions(filter, signal),
    }),
};

/** The most SIMs a dry run replays: the ones with the most traffic in the period. */
export const dryRunSimLimit = 50;

/**
 * The Air stats a dry run replays: the target's SIMs with the most traffic from `from` to `to` (ms, at most
 * `dryRunSimLimit`), each SIM's 5-minute buckets from the start of the month `from` falls in (so the month's earlier
 * traffic counts) to `to`.
 */
export async function dryRunTraffic(
  target: { simId?: string; imsi?: string; groupId?: string },
  from: number,
  to: number,
  monthStart: number,
): Promise<TrafficPoint[]> {
  let sims: { simId: string; imsi: string }[];
  if (target.simId || target.imsi) {
    const imsi = target.imsi ?? '';
    const simId =
      target.simId ??
      (await api.GET('/query/sims', { params: { query: { imsi: [imsi], limit: 1 } } })).data?.[0]?.simId ??
      '';
    const sim = target.simId ? (await api.GET('/sims/{sim_id}', { params: { path: { sim_id: simId } } })).data : null;
    const primary = imsi || Object.values(sim?.profiles ?? {})[0]?.primaryImsi || '';
    sims = simId ? [{ simId, imsi: primary }] : [];
  } else {
    const { data: ranking = [] } = await api.GET('/query/subscribers/traffic_volume/ranking', {
      params: { query: { from, to, limit: dryRunSimLimit, order: 'desc' } },
    });
    const imsis = ranking.flatMap((row) => (row.imsi && (row.trafficVolume ?? 0) > 0 ? [row.imsi] : []));
    if (imsis.length === 0) return [];
    const { data: found = [] } = await api.GET('/query/sims', {
      params: { query: { imsi: imsis, limit: imsis.length } },
    });
    sims = found
      .filter((sim) => !target.groupId || sim.groupId === target.groupId)
      .flatMap((sim) => {
        const imsi = imsis.find((i) => Object.values(sim.profiles ?? {}).some((p) => p.primaryImsi === i));
        return sim.simId && imsi ? [{ simId: sim.simId, imsi }] : [];
      });
  }
  const perSim = await Promise.all(
    sims.map(async ({ simId, imsi }) => {
      const { data = [] } = await api.GET('/stats/air/sims/{sim_id}', {
        params: {
          path: { sim_id: simId },
          query: { from: Math.floor(monthStart / 1000), to: Math.floor(to / 1000), period: 'minutes' },
        },
      });
      return fromSimStats(data).map((p) => ({ imsi, simId, at: p.unixtime * 1000, bytes: p.upload + p.download }));
    }),
  );
  return perSim.flat();
}

export const eventHandlerChanges = {
  /** `onCreated` hears of the new handler (its ID is the API's). */
  create: (onCreated?: (handler: EventHandler) => void) =>
    mutationOptions({
      mutationFn: async (input: EventHandlerInput) => {
        const { data } = await api.POST('/event_handlers', { body: input });
        return data as EventHandler;
      },
      onSuccess: (data, _input, _result, { client }) => {
        onCreated?.(data);
        return refetchAfterChange(client, eventHandlerQueries.all());
      },
    }),
  replace: (handlerId: string) =>
    mutationOptions({
      mutationFn: async (input: EventHandlerInput) => {
        await api.PUT('/event_handlers/{handler_id}', { params: { path: { handler_id: handlerId } }, body: input });
      },
      onSuccess: (_data, _input, _result, { client }) => refetchAfterChange(client, eventHandlerQueries.all()),
    }),
  remove: () =>
    mutationOptions({
      mutationFn: async (handlerId: string) => {
        await api.DELETE('/event_handlers/{handler_id}', { params: { path: { handler_id: handlerId } } });
      },
      onSettled: (_data, _error, _id, _result, { client }) => refetchAfterChange(client, eventHandlerQueries.all()),
    }),
  /** Ignores (or stops ignoring) an IMSI. */
  ignore: () =>
    mutationOptions({
      mutationFn: async ({ handlerId, imsi, ignore }: { handlerId: string; imsi: string; ignore: boolean }) => {
        const params = { path: { handler_id: handlerId, imsi } };
        if (ignore) await api.POST('/event_handlers/{handler_id}/subscribers/{imsi}/ignore', { params });
        else await api.DELETE('/event_handlers/{handler_id}/subscribers/{imsi}/ignore', { params });
      },
      onSettled: (_data, _error, _input, _result, { client }) => refetchAfterChange(client, eventHandlerQueries.all()),
    }),
};
