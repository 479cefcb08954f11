/** The home dashboard's reads: SIMs per status, the SIMs with the most Air traffic, and the SIMs behind IMSIs. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../schema';
import type { Sim } from './sims';

/** The statuses `simsPerStatus` counts, in the order a SIM goes through them. */
export const summaryStatuses = ['ready', 'active', 'inactive', 'standby', 'suspended'] as const;
export type SummaryStatus = (typeof summaryStatuses)[number];

export type TrafficRanking = components['schemas']['TrafficVolumeRanking'];

export const dashboardQueries = {
  all: () => ['dashboard'] as const,
  /** SIMs per status, 0 for a status the answer leaves out. */
  simsPerStatus: () =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), 'simsPerStatus'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/resource_summaries/{resource_summary_type}', {
          params: { path: { resource_summary_type: 'simsPerStatus' } },
          signal,
        });
        const values = new Map((data?.resourceSummaryItems?.[0]?.values ?? []).map((v) => [v.name, v.value]));
        return summaryStatuses.map((status) => ({ status, count: Number(values.get(`${status}Sims`) ?? 0) }));
      },
    }),
  /**
   * The IMSIs with the most Air traffic from `from` to `to` (milliseconds), most first, each with the SIM holding it
   * (one search for them all, in the same query: one render for the card rather than two).
   */
  topSims: (from: number, to: number, limit: number) =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), 'topSims', from, to, limit],
      queryFn: async ({ signal }): Promise<(TrafficRanking & { sim?: Sim })[]> => {
        const { data: ranking = [] } = await api.GET('/query/subscribers/traffic_volume/ranking', {
          params: { query: { from, to, limit, order: 'desc' } },
          signal,
        });
        const imsis = ranking.flatMap((row) => (row.imsi ? [row.imsi] : []));
        if (imsis.length === 0) return ranking;
        const found = new Map<string, Sim>();
        const { data } = await api.GET('/query/sims', {
          params: { query: { imsi: imsis, search_type: 'or', limit: 100 } as never },
          signal,
        });
        for (const sim of (data ?? []) as Sim[]) {
          for (const profile of Object.values(sim.profiles ?? {})) {
            for (const subscriber of Object.values(profile.subscribers ?? {})) {
              if (subscriber.imsi && imsis.includes(subscriber.imsi)) found.set(subscriber.imsi, sim);
            }
          }
        }
        return ranking.map((row) => ({ ...row, sim: row.imsi ? found.get(row.imsi) : undefined }));
      },
    }),
};
