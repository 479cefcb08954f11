/**
 * Waits `ms`, or less if `signal` is aborted first. What an abort means is the caller's choice: `'reject'` (the
 * default) rejects with the signal's reason, for a wait that is part of work being cancelled (an export's polling);
 * `'resolve'` returns at once, for a caller that looks at the signal itself afterwards (the bulk runner records each
 * item as cancelled).
 */
export function sleep(ms: number, signal?: AbortSignal, onAbort: 'reject' | 'resolve' = 'reject'): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => (onAbort === 'reject' ? reject(signal?.reason) : resolve());
    if (signal?.aborted) return aborted();
    const stop = () => {
      clearTimeout(timer);
      aborted();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });
}
