/**
 * Japan and Global coverage side by side (issue 16). The account, its users and its sign-in are shared; SIMs, groups,
 * usage, bills, handlers, credentials and logs belong to one coverage, served by its own endpoint. Switching keeps the
 * session (the same API key and token work on the twin endpoint) and drops what was read from the other coverage.
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { type Coverage, coverageOf, type EndpointInfo, fetchEndpoints, twinOf } from './endpoints';
import { sessionStore } from './session';

export type { Coverage };
export const coverages: readonly Coverage[] = ['jp', 'g'];

export const endpointQueries = {
  list: () =>
    queryOptions({
      queryKey: ['endpoints'] as const,
      queryFn: ({ signal }): Promise<EndpointInfo[]> => fetchEndpoints(signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

/** What both coverages share, kept across a switch; everything else in the cache belongs to one coverage. */
const sharedRoots = new Set(['endpoints', 'operator', 'access']);
const coverageData = {
  predicate: (query: { queryKey: readonly unknown[] }) => !sharedRoots.has(String(query.queryKey[0])),
};

/** The session moves to `endpoint` (same key and token); nothing read from the coverage left behind stays cached. */
export function switchEndpoint(queryClient: QueryClient, endpoint: string): void {
  const session = sessionStore.get();
  if (!session || session.endpoint === endpoint) return;
  void queryClient.cancelQueries(coverageData);
  queryClient.removeQueries(coverageData);
  sessionStore.set({ ...session, endpoint });
}

export interface CoverageState {
  /** The coverage the console shows now. */
  coverage: Coverage;
  /** The endpoint of the other coverage, when the server offers one. */
  twin: string | null;
  /** Whether the header offers the switch. */
  switchable: boolean;
}

/**
 * Where the session is, and whether the switch is offered: there is a twin endpoint and the account has both
 * coverages. `accountCoverages` is null when the account's coverages cannot be read (a SAM user not allowed
 * `getOperator`): the switch is then offered, and the other coverage's pages say so if the account lacks it.
 */
export function coverageState(
  endpoint: string,
  endpoints: readonly EndpointInfo[],
  accountCoverages: readonly string[] | null,
): CoverageState {
  const twin = twinOf(endpoint, endpoints);
  const both = accountCoverages === null || (accountCoverages.includes('jp') && accountCoverages.includes('g'));
  return { coverage: coverageOf(endpoint, endpoints), twin, switchable: twin !== null && both };
}

/** The endpoint to use for `wanted` from `endpoint`: itself, its twin, or null when neither serves that coverage. */
export function endpointFor(wanted: Coverage, endpoint: string, endpoints: readonly EndpointInfo[]): string | null {
  if (coverageOf(endpoint, endpoints) === wanted) return endpoint;
  const twin = twinOf(endpoint, endpoints);
  return twin && coverageOf(twin, endpoints) === wanted ? twin : null;
}
