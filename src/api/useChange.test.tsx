import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { createQueryClient } from './queryClient';
import { useChange } from './useChange';

/** A call the test finishes when it wants. */
function controllable() {
  const calls: { variables: unknown; resolve: (value?: unknown) => void; reject: (error: unknown) => void }[] = [];
  const mutationFn = vi.fn(
    (variables: unknown) =>
      new Promise<unknown>((resolve, reject) => {
        calls.push({ variables, resolve, reject });
      }),
  );
  return { mutationFn, calls };
}

function wrapper() {
  const client = createQueryClient();
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useChange', () => {
  it('starts idle', () => {
    const { result } = renderHook(() => useChange({ mutationFn: async () => {} }), { wrapper: wrapper() });
    expect(result.current).toMatchObject({ pending: false, error: null, done: false, retryIn: 0 });
  });

  it('sends the variables, pending meanwhile, then done with the answer', async () => {
    const { mutationFn, calls } = controllable();
    const { result } = renderHook(() => useChange({ mutationFn }), { wrapper: wrapper() });

    let submitted: Promise<boolean> = Promise.resolve(false);
    act(() => {
      submitted = result.current.submit({ name: 'a' });
    });
    await vi.waitFor(() => expect(result.current.pending).toBe(true));
    expect(calls[0]?.variables).toEqual({ name: 'a' });

    let ok = false;
    await act(async () => {
      calls[0]?.resolve('answer');
      ok = await submitted;
    });
    expect(ok).toBe(true);
    await vi.waitFor(() =>
      expect(result.current).toMatchObject({ pending: false, error: null, done: true, data: 'answer' }),
    );
  });

  it('waits for the cache effect before it says done', async () => {
    const order: string[] = [];
    const { result } = renderHook(
      () =>
        useChange({
          mutationFn: async () => {
            order.push('call');
          },
          onSuccess: async () => {
            await new Promise((resolve) => setTimeout(resolve, 10));
            order.push('refetched');
          },
        }),
      { wrapper: wrapper() },
    );
    await act(async () => {
      await result.current.submit(undefined);
      order.push('resolved');
    });
    expect(order).toEqual(['call', 'refetched', 'resolved']);
  });

  it('sends one request at a time, however often it is submitted', async () => {
    const { mutationFn, calls } = controllable();
    const { result } = renderHook(() => useChange({ mutationFn }), { wrapper: wrapper() });

    let first: Promise<boolean> = Promise.resolve(false);
    let second: Promise<boolean> = Promise.resolve(true);
    act(() => {
      first = result.current.submit(1);
      second = result.current.submit(2);
      void result.current.submit(3);
    });
    expect(await second).toBe(false);
    await vi.waitFor(() => expect(mutationFn).toHaveBeenCalledTimes(1));

    await act(async () => {
      calls[0]?.resolve();
      await first;
    });
    await act(async () => {
      const again = result.current.submit(4);
      await vi.waitFor(() => expect(mutationFn).toHaveBeenCalledTimes(2));
      calls[1]?.resolve();
      await again;
    });
    expect(calls.map((call) => call.variables)).toEqual([1, 4]);
  });

  it('keeps the error of a refused change, never retries it, and clears it on the next try', async () => {
    const failure = new ApiError(400, 'SEM0025', 'Wrong password');
    const mutationFn = vi.fn<() => Promise<void>>().mockRejectedValueOnce(failure).mockResolvedValueOnce(undefined);
    const { result } = renderHook(() => useChange({ mutationFn }), { wrapper: wrapper() });

    let ok = true;
    await act(async () => {
      ok = await result.current.submit();
    });
    expect(ok).toBe(false);
    expect(mutationFn).toHaveBeenCalledTimes(1);
    await vi.waitFor(() =>
      expect(result.current).toMatchObject({ pending: false, error: failure, done: false, retryIn: 0 }),
    );

    await act(async () => {
      ok = await result.current.submit();
    });
    expect(ok).toBe(true);
    expect(mutationFn).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(result.current).toMatchObject({ pending: false, error: null, done: true }));
  });

  it('never retries a network failure on its own', async () => {
    const mutationFn = vi.fn<() => Promise<void>>().mockRejectedValue(ApiError.network(new TypeError('offline')));
    const { result } = renderHook(() => useChange({ mutationFn }), { wrapper: wrapper() });
    await act(async () => {
      await result.current.submit();
    });
    await vi.waitFor(() => expect(result.current.error).toBeInstanceOf(ApiError));
    expect(mutationFn).toHaveBeenCalledTimes(1);
  });

  it('counts down after a 429 and refuses to submit until the wait is over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const limited = new ApiError(429, 'COM0009', 'Too many requests', 3_000);
    const mutationFn = vi.fn<() => Promise<void>>().mockRejectedValueOnce(limited).mockResolvedValue(undefined);
    const { result } = renderHook(() => useChange({ mutationFn }), { wrapper: wrapper() });

    await act(async () => {
      await result.current.submit();
    });
    await vi.waitFor(() => expect(result.current.retryIn).toBe(3));
    expect(result.current.error).toBe(limited);

    await act(async () => {
      expect(await result.current.submit()).toBe(false);
    });
    expect(mutationFn).toHaveBeenCalledTimes(1);

    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(result.current.retryIn).toBe(0);
    await act(async () => {
      expect(await result.current.submit()).toBe(true);
    });
    expect(mutationFn).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(result.current).toMatchObject({ error: null, done: true, retryIn: 0 }));
  });
});
