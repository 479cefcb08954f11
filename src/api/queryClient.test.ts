import { MutationObserver, onlineManager, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { createQueryClient, maxReadRetries, readRetryDelay, refetchAfterChange, shouldRetryRead } from './queryClient';

const unavailable = () => new ApiError(503, 'HTTP503', 'Service Unavailable');

describe('shouldRetryRead', () => {
  it('retries a retryable error until three failures have been seen', () => {
    expect(maxReadRetries).toBe(3);
    expect(shouldRetryRead(0, unavailable())).toBe(true);
    expect(shouldRetryRead(1, unavailable())).toBe(true);
    expect(shouldRetryRead(2, unavailable())).toBe(true);
    expect(shouldRetryRead(3, unavailable())).toBe(false);
    expect(shouldRetryRead(10, unavailable())).toBe(false);
  });

  it('retries network failures and rate limits', () => {
    expect(shouldRetryRead(0, ApiError.network(new TypeError('offline')))).toBe(true);
    expect(shouldRetryRead(0, new ApiError(429, 'COM0009', 'x'))).toBe(true);
  });

  it.each([400, 401, 403, 404])('never retries a %i', (status) => {
    expect(shouldRetryRead(0, new ApiError(status, 'X', 'x'))).toBe(false);
  });

  it('never retries an error that is not an ApiError', () => {
    expect(shouldRetryRead(0, new Error('bug'))).toBe(false);
  });
});

describe('readRetryDelay', () => {
  it('waits as long as the API asked', () => {
    expect(readRetryDelay(0, new ApiError(429, 'COM0009', 'x', 7000))).toBe(7000);
    expect(readRetryDelay(2, new ApiError(429, 'COM0009', 'x', 0))).toBe(0);
  });

  it('waits at most 60 seconds, whatever the API asked', () => {
    expect(readRetryDelay(0, new ApiError(429, 'COM0009', 'x', 3_600_000))).toBe(60_000);
  });

  it('otherwise backs off exponentially from 500 ms up to 8 s', () => {
    const error = unavailable();
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => readRetryDelay(attempt, error))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('backs off the same way for errors that are not ApiErrors', () => {
    expect(readRetryDelay(1, new Error('x'))).toBe(1000);
  });
});

describe('createQueryClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a read that fails with 503 and ends with its data', async () => {
    const client = createQueryClient();
    const queryFn = vi
      .fn<() => Promise<string[]>>()
      .mockRejectedValueOnce(unavailable())
      .mockRejectedValueOnce(unavailable())
      .mockResolvedValue(['sim-1']);

    const result = client.fetchQuery({ queryKey: ['sims'], queryFn });
    await vi.advanceTimersByTimeAsync(499);
    expect(queryFn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // first retry after 500 ms
    expect(queryFn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000); // second retry after another 1 s
    expect(queryFn).toHaveBeenCalledTimes(3);

    await expect(result).resolves.toEqual(['sim-1']);
    expect(client.getQueryData(['sims'])).toEqual(['sim-1']);
    expect(client.getQueryState(['sims'])?.status).toBe('success');
  });

  it('waits as long as a 429 asked before retrying', async () => {
    const client = createQueryClient();
    const queryFn = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new ApiError(429, 'COM0009', 'x', 7000))
      .mockResolvedValue('ok');

    const result = client.fetchQuery({ queryKey: ['limited'], queryFn });
    await vi.advanceTimersByTimeAsync(6999);
    expect(queryFn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(queryFn).toHaveBeenCalledTimes(2);
    await expect(result).resolves.toBe('ok');
  });

  it('gives up on a read after three retries', async () => {
    const client = createQueryClient();
    const error = unavailable();
    const queryFn = vi.fn<() => Promise<string>>().mockRejectedValue(error);

    const result = client.fetchQuery({ queryKey: ['down'], queryFn });
    const settled = expect(result).rejects.toBe(error);
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000 - 1);
    expect(queryFn).toHaveBeenCalledTimes(maxReadRetries);
    await vi.advanceTimersByTimeAsync(1);
    await settled;
    expect(queryFn).toHaveBeenCalledTimes(1 + maxReadRetries);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(queryFn).toHaveBeenCalledTimes(1 + maxReadRetries);
    expect(client.getQueryState(['down'])?.status).toBe('error');
  });

  it('does not retry a read that answered 404', async () => {
    const client = createQueryClient();
    const error = new ApiError(404, 'SEM0095', 'No such SIM.');
    const queryFn = vi.fn<() => Promise<string>>().mockRejectedValue(error);

    const result = client.fetchQuery({ queryKey: ['sim', 'missing'], queryFn });
    const settled = expect(result).rejects.toBe(error);
    await settled;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(queryFn).toHaveBeenCalledTimes(1);
    expect(client.getQueryState(['sim', 'missing'])?.status).toBe('error');
  });

  it('never retries a write, even on a 500', async () => {
    const client = createQueryClient();
    const error = new ApiError(500, 'HTTP500', 'Internal Server Error');
    const mutationFn = vi.fn<(tag: string) => Promise<void>>().mockRejectedValue(error);

    const observer = new MutationObserver(client, { mutationFn });
    await expect(observer.mutate('name')).rejects.toBe(error);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(mutationFn).toHaveBeenCalledTimes(1);
    expect(observer.getCurrentResult().status).toBe('error');
    expect(observer.getCurrentResult().failureCount).toBe(1);
  });

  it('sends a write at once while the browser says it is offline, instead of holding it for later', async () => {
    const client = createQueryClient();
    onlineManager.setOnline(false);
    try {
      const offline = ApiError.network(new TypeError('offline'));
      const mutationFn = vi.fn<(tag: string) => Promise<void>>().mockRejectedValue(offline);
      const observer = new MutationObserver(client, { mutationFn });
      await expect(observer.mutate('name')).rejects.toBe(offline);
      expect(observer.getCurrentResult().isPaused).toBe(false);
      onlineManager.setOnline(true);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(mutationFn).toHaveBeenCalledTimes(1);
    } finally {
      onlineManager.setOnline(true);
    }
  });

  it('keeps fresh data for 15 s without refetching', async () => {
    const client = createQueryClient();
    const queryFn = vi.fn<() => Promise<number>>().mockResolvedValue(1);

    await client.fetchQuery({ queryKey: ['fresh'], queryFn });
    await client.fetchQuery({ queryKey: ['fresh'], queryFn });
    expect(queryFn).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(15_001);
    await client.fetchQuery({ queryKey: ['fresh'], queryFn });
    expect(queryFn).toHaveBeenCalledTimes(2);
  });
});

describe('refetchAfterChange', () => {
  /** A list on a "server" whose answers take 20 ms to arrive, read when the request is made. */
  function slowList() {
    const rows = ['old'];
    const queryFn = vi.fn(() => {
      const answer = [...rows];
      return new Promise<string[]>((resolve) => setTimeout(() => resolve(answer), 20));
    });
    return { rows, queryFn };
  }

  it('shows a read made after the change, even when the first read was still on its way', async () => {
    const client = createQueryClient();
    const server = slowList();
    const observer = new QueryObserver(client, { queryKey: ['keys'], queryFn: server.queryFn });
    const unsubscribe = observer.subscribe(() => {});
    // The screen's first read is on its way when the change is made and answered.
    server.rows.push('new');
    await refetchAfterChange(client, ['keys']);
    expect(observer.getCurrentResult().data).toEqual(['old', 'new']);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(observer.getCurrentResult().data).toEqual(['old', 'new']);
    unsubscribe();
  });

  it('fetches again a query that already had data, and every key given', async () => {
    const client = createQueryClient();
    const first = slowList();
    const second = slowList();
    const a = new QueryObserver(client, { queryKey: ['a'], queryFn: first.queryFn });
    const b = new QueryObserver(client, { queryKey: ['b', 1], queryFn: second.queryFn });
    const stop = [a.subscribe(() => {}), b.subscribe(() => {})];
    await vi.waitFor(() => expect(b.getCurrentResult().data).toEqual(['old']));
    first.rows.push('new');
    second.rows.push('new');
    await refetchAfterChange(client, ['a'], ['b']);
    expect(a.getCurrentResult().data).toEqual(['old', 'new']);
    expect(b.getCurrentResult().data).toEqual(['old', 'new']);
    for (const unsubscribe of stop) unsubscribe();
  });
});
