import { useEffect, useState } from 'react';
import { ApiError } from '../api/errors';

/** Seconds until a rate-limited call may be tried again (0 when it may), counting down once a second. */
export function useRetryCountdown(error: unknown): number {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (!(error instanceof ApiError) || error.status !== 429) {
      setLeft(0);
      return;
    }
    // Without the rate-limit headers, wait half a minute before offering another try.
    const until = Date.now() + (error.retryAfterMs ?? 30_000);
    const tick = () => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [error]);
  return left;
}
