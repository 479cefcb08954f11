import { useQuery } from '@tanstack/react-query';
import { type CoverageState, coverageState, endpointQueries } from '../../api/coverage';
import { type EndpointInfo, twinOf } from '../../api/endpoints';
import { ApiError } from '../../api/errors';
import type { OperatorContracts } from '../../api/resources/account';
import { operatorQueries } from '../../api/resources/operator';
import { useSession } from '../../api/session';

export interface Coverage extends CoverageState {
  endpoint: string;
  endpoints: EndpointInfo[];
  /** False until the endpoints and the account's coverages have been read (or failed to be). */
  known: boolean;
}

const none: EndpointInfo[] = [];

/** The signed-in session's coverage, its twin endpoint, and whether the account may switch to it. */
export function useCoverage(): Coverage {
  const session = useSession();
  const endpoint = session?.endpoint ?? 'local';
  const operatorId = session?.operatorId ?? '';
  const endpoints = useQuery(endpointQueries.list());
  const list = endpoints.data ?? none;
  // The account's coverages matter only where the server offers the other coverage's endpoint.
  const hasTwin = twinOf(endpoint, list) !== null;
  // Read once, not again at each page that asks (the SIM table does): adding a coverage refetches it anyway.
  const operator = useQuery({
    ...operatorQueries.detail(operatorId),
    enabled: Boolean(operatorId) && hasTwin,
    staleTime: 5 * 60_000,
  });
  // A SAM user may not be allowed to read the account: its coverages are then unknown (null), not "Japan only".
  const refused = operator.error instanceof ApiError && operator.error.status === 403;
  const types = refused ? null : ((operator.data as OperatorContracts | undefined)?.coverageTypes ?? ['jp']);
  return {
    ...coverageState(endpoint, list, types),
    endpoint,
    endpoints: list,
    // Settled either way: a link waiting on it (`?coverage=`) must not wait for ever when a read fails.
    known: !endpoints.isPending && (!hasTwin || !operator.isPending),
  };
}
