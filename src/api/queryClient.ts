/** React Query defaults: reads retry what may pass on another try, honouring rate limits; writes never retry. */
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError, isRetryable } from './errors';

export const maxReadRetries = 3;

export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  return failureCount < maxReadRetries && isRetryable(error);
}

export function readRetryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterMs !== null) return Math.min(error.retryAfterMs, 60_000);
  return Math.min(500 * 2 ** attempt, 8_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryRead, retryDelay: readRetryDelay, staleTime: 15_000, refetchOnWindowFocus: false },
      // A change is sent now or not at all: never again on its own, and not held back while the browser says it is
      // offline (React Query would send it once the connection is back; the call refuses at once instead, and the
      // form shows why).
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/**
 * After a change, fetches again every query under `keys`. A query still waiting for its first answer would otherwise
 * keep that answer, which may have been read before the change (React Query reuses a first fetch in flight instead of
 * starting another): such fetches are cancelled first, so what is shown always comes from a read made after the change.
 */
export async function refetchAfterChange(queryClient: QueryClient, ...keys: QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.cancelQueries({ queryKey })));
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
