import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { useRetryCountdown } from './useRetryCountdown';

const rateLimited = (retryAfterMs: number | null) => new ApiError(429, 'COM0009', 'Too many requests', retryAfterMs);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const tick = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('useRetryCountdown', () => {
  it.each([
    ['no error', null],
    ['a plain Error', new Error('x')],
    ['a 400', new ApiError(400, 'SEM0001', 'Bad')],
    ['a 500', new ApiError(500, 'HTTP500', 'Broken', 5_000)],
    ['a network failure', new ApiError(0, 'NETWORK', 'offline')],
  ])('is 0 for %s', (_, error) => {
    const { result } = renderHook(() => useRetryCountdown(error));
    expect(result.current).toBe(0);
  });

  it('counts down once a second from the wait the API asked for', () => {
    const error = rateLimited(3_000);
    const { result } = renderHook(() => useRetryCountdown(error));
    expect(result.current).toBe(3);
    tick(1_000);
    expect(result.current).toBe(2);
    tick(1_000);
    expect(result.current).toBe(1);
    tick(1_000);
    expect(result.current).toBe(0);
    tick(5_000);
    expect(result.current).toBe(0);
  });

  it('rounds a part of a second up', () => {
    const error = rateLimited(2_500);
    const { result } = renderHook(() => useRetryCountdown(error));
    expect(result.current).toBe(3);
    tick(1_000);
    expect(result.current).toBe(2);
    tick(1_000);
    expect(result.current).toBe(1);
    tick(1_000);
    expect(result.current).toBe(0);
  });

  it('waits half a minute when the API did not say how long', () => {
    const error = rateLimited(null);
    const { result } = renderHook(() => useRetryCountdown(error));
    expect(result.current).toBe(30);
    tick(29_000);
    expect(result.current).toBe(1);
    tick(1_000);
    expect(result.current).toBe(0);
  });

  it('stops at once when the error goes away', () => {
    const { result, rerender } = renderHook((error: unknown) => useRetryCountdown(error), {
      initialProps: rateLimited(10_000) as unknown,
    });
    expect(result.current).toBe(10);
    rerender(null);
    expect(result.current).toBe(0);
    tick(2_000);
    expect(result.current).toBe(0);
  });

  it('starts again for a new rate limit', () => {
    const { result, rerender } = renderHook((error: unknown) => useRetryCountdown(error), {
      initialProps: rateLimited(2_000) as unknown,
    });
    tick(2_000);
    expect(result.current).toBe(0);
    rerender(rateLimited(5_000));
    expect(result.current).toBe(5);
  });
});
