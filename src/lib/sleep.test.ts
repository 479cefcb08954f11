import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep } from './sleep';

/** Whether the promise has settled, and how, after the timers advanced so far. */
function watch(promise: Promise<void>) {
  const state: { settled: 'no' | 'resolved' | 'rejected'; reason?: unknown } = { settled: 'no' };
  promise.then(
    () => {
      state.settled = 'resolved';
    },
    (reason) => {
      state.settled = 'rejected';
      state.reason = reason;
    },
  );
  return state;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('sleep', () => {
  it('waits for the time asked', async () => {
    const waited = watch(sleep(1_000));
    await vi.advanceTimersByTimeAsync(999);
    expect(waited.settled).toBe('no');
    await vi.advanceTimersByTimeAsync(1);
    expect(waited.settled).toBe('resolved');
  });

  it('waits the whole time when the signal is never aborted', async () => {
    const waited = watch(sleep(500, new AbortController().signal, 'resolve'));
    await vi.advanceTimersByTimeAsync(499);
    expect(waited.settled).toBe('no');
    await vi.advanceTimersByTimeAsync(1);
    expect(waited.settled).toBe('resolved');
  });

  describe('as polling uses it (an abort rejects)', () => {
    it('rejects with the reason as soon as the signal is aborted', async () => {
      const controller = new AbortController();
      const waited = watch(sleep(10_000, controller.signal));
      await vi.advanceTimersByTimeAsync(100);
      controller.abort(new Error('stop'));
      await vi.advanceTimersByTimeAsync(0);
      expect(waited.settled).toBe('rejected');
      expect(waited.reason).toEqual(new Error('stop'));
    });

    it('rejects at once when the signal was aborted before', async () => {
      const controller = new AbortController();
      controller.abort(new Error('already'));
      await expect(sleep(10_000, controller.signal)).rejects.toThrow('already');
    });
  });

  describe('as the bulk runner uses it (an abort ends the wait)', () => {
    it('resolves as soon as the signal is aborted', async () => {
      const controller = new AbortController();
      const waited = watch(sleep(10_000, controller.signal, 'resolve'));
      await vi.advanceTimersByTimeAsync(100);
      expect(waited.settled).toBe('no');
      controller.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(waited.settled).toBe('resolved');
    });

    it('resolves at once when the signal was aborted before', async () => {
      const controller = new AbortController();
      controller.abort();
      const waited = watch(sleep(10_000, controller.signal, 'resolve'));
      await vi.advanceTimersByTimeAsync(0);
      expect(waited.settled).toBe('resolved');
    });
  });
});
