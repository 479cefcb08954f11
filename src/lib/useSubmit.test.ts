import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { useSubmit } from './useSubmit';

/** An action the test finishes when it wants. */
function controllable() {
  const calls: { args: unknown[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const action = vi.fn(
    (...args: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ args, resolve, reject });
      }),
  );
  return { action, calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useSubmit', () => {
  it('starts idle', () => {
    const { result } = renderHook(() => useSubmit(async () => {}));
    expect(result.current).toMatchObject({ pending: false, error: null, done: false, retryIn: 0 });
  });

  it('runs the action with its arguments, pending meanwhile, then done', async () => {
    const { action, calls } = controllable();
    const { result } = renderHook(() => useSubmit(action));

    let submitted: Promise<void> = Promise.resolve();
    act(() => {
      submitted = result.current.submit('a', 1);
    });
    expect(result.current.pending).toBe(true);
    expect(calls[0]?.args).toEqual(['a', 1]);

    await act(async () => {
      calls[0]?.resolve();
      await submitted;
    });
    expect(result.current).toMatchObject({ pending: false, error: null, done: true });
  });

  it('runs one request at a time, however often it is submitted', async () => {
    const { action, calls } = controllable();
    const { result } = renderHook(() => useSubmit(action));

    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current.submit();
      void result.current.submit();
      void result.current.submit();
    });
    act(() => {
      void result.current.submit();
    });
    expect(action).toHaveBeenCalledTimes(1);

    await act(async () => {
      calls[0]?.resolve();
      await first;
    });
    expect(result.current.pending).toBe(false);
    act(() => {
      void result.current.submit();
    });
    expect(action).toHaveBeenCalledTimes(2);
    await act(async () => {
      calls[1]?.resolve();
    });
  });

  it('keeps the error of a failed action, and clears it on the next try', async () => {
    const failure = new ApiError(400, 'SEM0025', 'Wrong password');
    const action = vi.fn<() => Promise<void>>().mockRejectedValueOnce(failure).mockResolvedValueOnce(undefined);
    const { result } = renderHook(() => useSubmit(action));

    await act(() => result.current.submit());
    expect(result.current).toMatchObject({ pending: false, error: failure, done: false, retryIn: 0 });

    await act(() => result.current.submit());
    expect(action).toHaveBeenCalledTimes(2);
    expect(result.current).toMatchObject({ pending: false, error: null, done: true });
  });

  it('accepts another try after a failure', async () => {
    const action = vi.fn<() => Promise<void>>().mockRejectedValue(new Error('boom'));
    const { result } = renderHook(() => useSubmit(action));
    await act(() => result.current.submit());
    await act(() => result.current.submit());
    expect(action).toHaveBeenCalledTimes(2);
    expect(result.current.error).toEqual(new Error('boom'));
  });

  it('counts down after a 429 and refuses to submit until the wait is over', async () => {
    vi.useFakeTimers();
    const limited = new ApiError(429, 'COM0009', 'Too many requests', 3_000);
    const action = vi.fn<() => Promise<void>>().mockRejectedValueOnce(limited).mockResolvedValue(undefined);
    const { result } = renderHook(() => useSubmit(action));

    await act(() => result.current.submit());
    expect(result.current.error).toBe(limited);
    expect(result.current.retryIn).toBe(3);

    await act(() => result.current.submit());
    expect(action).toHaveBeenCalledTimes(1);

    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(result.current.retryIn).toBe(2);
    await act(() => result.current.submit());
    expect(action).toHaveBeenCalledTimes(1);

    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(result.current.retryIn).toBe(0);
    await act(() => result.current.submit());
    expect(action).toHaveBeenCalledTimes(2);
    expect(result.current).toMatchObject({ error: null, done: true, retryIn: 0 });
  });
});
