import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { type BulkOutcome, runBulk, tally } from './bulkRunner';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `sim${i}`, label: `SIM ${i}` }));

function collect() {
  const last = new Map<string, BulkOutcome>();
  return { last, onUpdate: (o: BulkOutcome) => last.set(o.id, o) };
}

describe('runBulk', () => {
  it('never runs more than the concurrency at once, and runs each SIM once', async () => {
    let running = 0;
    let peak = 0;
    const calls: string[] = [];
    const { last, onUpdate } = collect();
    await runBulk(
      items(20),
      async (id) => {
        calls.push(id);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
      },
      { concurrency: 3, onUpdate },
    );
    expect(peak).toBe(3);
    expect(calls.sort()).toEqual(
      items(20)
        .map((i) => i.id)
        .sort(),
    );
    expect(tally(last.values()).ok).toBe(20);
  });

  it('records failures with their message and code, without retrying them', async () => {
    const calls = new Map<string, number>();
    const { last, onUpdate } = collect();
    await runBulk(
      items(4),
      async (id) => {
        calls.set(id, (calls.get(id) ?? 0) + 1);
        if (id === 'sim2') throw new ApiError(500, 'ERR0001', 'boom');
        if (id === 'sim3') throw new ApiError(400, 'SIM0001', 'not allowed');
      },
      { onUpdate },
    );
    expect(last.get('sim2')).toMatchObject({ state: 'failed', message: 'boom', code: 'ERR0001' });
    expect(last.get('sim3')).toMatchObject({ state: 'failed', code: 'SIM0001' });
    expect([...calls.values()]).toEqual([1, 1, 1, 1]);
  });

  it('waits as long as a 429 says, then tries that SIM again', async () => {
    const waits: number[] = [];
    let clock = 0;
    let refused = false;
    const { last, onUpdate } = collect();
    await runBulk(
      items(3),
      async (id) => {
        if (id === 'sim1' && !refused) {
          refused = true;
          throw new ApiError(429, 'RATE', 'slow down', 2000);
        }
      },
      {
        concurrency: 1,
        onUpdate,
        now: () => clock,
        sleep: async (ms) => {
          waits.push(ms);
          clock += ms;
        },
      },
    );
    expect(waits.length).toBe(1);
    expect(waits[0]).toBe(2000);
    expect(tally(last.values()).ok).toBe(3);
  });

  it('gives up on a SIM refused with 429 too many times', async () => {
    const { last, onUpdate } = collect();
    await runBulk(
      items(1),
      async () => {
        throw new ApiError(429, 'RATE', 'slow down', 10);
      },
      { onUpdate, maxRateLimitWaits: 2, sleep: async () => {} },
    );
    expect(last.get('sim0')).toMatchObject({ state: 'failed', code: 'RATE' });
  });

  it('stops starting SIMs when cancelled, and lets the ones sent finish', async () => {
    const controller = new AbortController();
    const { last, onUpdate } = collect();
    await runBulk(
      items(10),
      async (id) => {
        if (id === 'sim1') controller.abort();
        await new Promise((r) => setTimeout(r, 1));
      },
      { concurrency: 2, onUpdate, signal: controller.signal },
    );
    const counts = tally(last.values());
    expect(counts.ok).toBe(2);
    expect(counts.cancelled).toBe(8);
  });
});
