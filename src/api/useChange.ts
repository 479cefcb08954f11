import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useRetryCountdown } from '../lib/useRetryCountdown';

/**
 * The one way a screen sends a change: `useMutation` over a change of `src/api/resources` (its call and its cache
 * effect), plus the two rules every form keeps. It cannot be sent twice: a second submit while one is on its way, or
 * while the API asks to wait after a 429, does nothing (`isPending` alone lags a render behind a double click). And
 * it counts down that wait (`retryIn`). Mutations never retry on their own (the query client's defaults).
 *
 * `submit` resolves to whether the change went through; its error is the mutation's, shown by the form.
 */
export function useChange<TData, TError, TVariables, TOnMutateResult = unknown>(
  // TError is generic so that a change made with `mutationOptions` (whose errors are typed `Error`) fits.
  options: UseMutationOptions<TData, TError, TVariables, TOnMutateResult>,
) {
  const mutation = useMutation(options);
  const running = useRef(false);
  const retryIn = useRetryCountdown(mutation.error);

  async function submit(...args: undefined extends TVariables ? [TVariables?] : [TVariables]): Promise<boolean> {
    if (running.current || retryIn > 0) return false;
    running.current = true;
    try {
      await mutation.mutateAsync(args[0] as TVariables);
      return true;
    } catch {
      return false;
    } finally {
      running.current = false;
    }
  }

  return {
    submit,
    /** The answer of the last change that went through. */
    data: mutation.data,
    pending: mutation.isPending,
    error: mutation.error,
    done: mutation.isSuccess,
    retryIn,
    reset: mutation.reset,
  };
}
