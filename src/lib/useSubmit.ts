import { useRef, useState } from 'react';
import { useRetryCountdown } from './useRetryCountdown';

/**
 * Runs a form's API call once at a time (a double click sends one request), keeping its error, and while the API
 * rate-limits, how many seconds to wait.
 */
export function useSubmit<Args extends unknown[]>(action: (...args: Args) => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const running = useRef(false);
  const retryIn = useRetryCountdown(error);

  async function submit(...args: Args) {
    if (running.current || retryIn > 0) return;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      await action(...args);
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      running.current = false;
      setPending(false);
    }
  }

  return { submit, pending, error, done, retryIn };
}
