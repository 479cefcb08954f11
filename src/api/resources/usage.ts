/** Air data usage of the operator, a group or a SIM. The export of the operator's usage is in `exports.ts`. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../schema';

type Schemas = components['schemas'];
export type AirStats = Schemas['AirStatsResponse'];
export type AirAggregatedStats = Schemas['AirAggregatedStatsResponse'];

/** 5-minute buckets (`minutes`) exist for a SIM only. */
export type UsagePeriod = 'month' | 'day' | 'minutes';
export interface UsageRange {
  period: UsagePeriod;
  /** UNIX seconds, both ends included by the bucket they fall in. */
  from: number;
  to: number;
}
export type UsageSubject =
  | { kind: 'operator'; operatorId: string }
  | { kind: 'group'; groupId: string }
  | { kind: 'sim'; simId: string };

/** One bucket's bytes, whatever the subject (a SIM's speed classes added up). */
export interface UsagePoint {
  /** The bucket's start, UNIX seconds. */
  unixtime: number;
  upload: number;
  download: number;
}

/** A SIM's answer has a map per speed class; the chart and table show the SIM's total per bucket. */
export function fromSimStats(stats: AirStats[]): UsagePoint[] {
  return stats.map((s) => {
    let upload = 0;
    let download = 0;
    for (const traffic of Object.values(s.dataTrafficStatsMap ?? {})) {
      upload += traffic.uploadByteSizeTotal ?? 0;
      download += traffic.downloadByteSizeTotal ?? 0;
    }
    return { unixtime: s.unixtime ?? 0, upload, download };
  });
}

export function fromAggregatedStats(stats: AirAggregatedStats[]): UsagePoint[] {
  return stats.map((s) => ({
    unixtime: s.unixtime ?? 0,
    upload: s.uploadByteSizeTotal ?? 0,
    download: s.downloadByteSizeTotal ?? 0,
  }));
}

const byTime = (points: UsagePoint[]) => [...points].sort((a, b) => a.unixtime - b.unixtime);

async function fetchUsage(subject: UsageSubject, range: UsageRange, signal?: AbortSignal): Promise<UsagePoint[]> {
  const { from, to } = range;
  if (subject.kind === 'sim') {
    const { data } = await api.GET('/stats/air/sims/{sim_id}', {
      params: { path: { sim_id: subject.simId }, query: { from, to, period: range.period } },
      signal,
    });
    return byTime(fromSimStats(data ?? []));
  }
  // Operator and group stats have months and days only; the pickers never offer 5 minutes for them.
  const period = range.period === 'minutes' ? 'day' : range.period;
  if (subject.kind === 'group') {
    const { data } = await api.GET('/stats/air/groups/{group_id}', {
      params: { path: { group_id: subject.groupId }, query: { from, to, period } },
      signal,
    });
    return byTime(fromAggregatedStats(data ?? []));
  }
  const { data } = await api.GET('/stats/air/operators/{operator_id}', {
    params: { path: { operator_id: subject.operatorId }, query: { from, to, period } },
    signal,
  });
  return byTime(fromAggregatedStats(data ?? []));
}

export const usageQueries = {
  all: () => ['usage'] as const,
  stats: (subject: UsageSubject, range: UsageRange) =>
    queryOptions({
      queryKey: [...usageQueries.all(), subject.kind, subject, range],
      queryFn: ({ signal }) => fetchUsage(subject, range, signal),
      staleTime: 60_000,
    }),
};
