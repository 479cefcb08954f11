/**
 * Runs one action over many SIMs: a few at a time, pausing everyone when the API says "too many requests" for as
 * long as its rate-limit headers say, then trying that SIM again (a 429 means the request was refused, not done).
 * Nothing else is retried on its own: a failure is recorded for the user to retry. Cancel stops starting new SIMs;
 * requests already sent finish and are recorded.
 */
import { ApiError } from '../api/errors';
import { sleep } from './sleep';

export type BulkState = 'pending' | 'running' | 'ok' | 'failed' | 'skipped' | 'cancelled';

export interface BulkOutcome {
  id: string;
  label: string;
  state: BulkState;
  /** Why it failed or was skipped. */
  message?: string;
  code?: string;
}

export interface BulkOptions {
  concurrency?: number;
  signal?: AbortSignal;
  /** Called whenever an item changes state. */
  onUpdate: (outcome: BulkOutcome) => void;
  /** How often one SIM may be refused with 429 before it counts as failed. */
  maxRateLimitWaits?: number;
  /** When the API asks to wait but does not say how long. */
  defaultWaitMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export const defaultConcurrency = 4;

export async function runBulk(
  items: readonly { id: string; label: string }[],
  /** Not given the cancel signal: a request already sent is left to finish, so its result is known. */
  task: (id: string) => Promise<void>,
  options: BulkOptions,
): Promise<void> {
  const concurrency = Math.max(1, options.concurrency ?? defaultConcurrency);
  // A cancel ends a rate-limit wait at once; the loop then sees the signal and records the item as cancelled.
  const pause = options.sleep ?? ((ms: number, signal?: AbortSignal) => sleep(ms, signal, 'resolve'));
  const now = options.now ?? Date.now;
  const maxWaits = options.maxRateLimitWaits ?? 5;
  const queue = [...items];
  /** While the API has asked us to wait, every worker waits until then. */
  let pausedUntil = 0;

  async function worker(): Promise<void> {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (options.signal?.aborted) {
        options.onUpdate({ ...item, state: 'cancelled' });
        continue;
      }
      options.onUpdate({ ...item, state: 'running' });
      for (let waits = 0; ; waits++) {
        const wait = pausedUntil - now();
        if (wait > 0) await pause(wait, options.signal);
        if (options.signal?.aborted) {
          options.onUpdate({ ...item, state: 'cancelled' });
          break;
        }
        try {
          await task(item.id);
          options.onUpdate({ ...item, state: 'ok' });
          break;
        } catch (error) {
          if (error instanceof ApiError && error.status === 429 && waits < maxWaits) {
            pausedUntil = Math.max(pausedUntil, now() + (error.retryAfterMs ?? options.defaultWaitMs ?? 1000));
            continue;
          }
          options.onUpdate({
            ...item,
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
            code: error instanceof ApiError ? error.code : undefined,
          });
          break;
        }
      }
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Counts by state, for the progress bar and summary. */
export function tally(outcomes: Iterable<BulkOutcome>): Record<BulkState, number> {
  const counts: Record<BulkState, number> = { pending: 0, running: 0, ok: 0, failed: 0, skipped: 0, cancelled: 0 };
  for (const outcome of outcomes) counts[outcome.state]++;
  return counts;
}
