/** `--latency N`: each API call is answered N ms late, and the answer itself is the sandbox's own. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withLatency } from './latency';
import type { Sandbox } from './sandbox';

const answered = { status: 200, headers: { 'content-type': 'application/json' }, body: '[]' };
const fake = (): Sandbox => ({
  answer: vi.fn(async () => answered) as unknown as Sandbox['answer'],
  handle: vi.fn(async () => new Response('[]', { status: 200 })),
  mailbox: () => [],
  download: () => undefined,
  executions: async () => new Response('[]'),
});

describe('withLatency', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers a call only once the latency has passed, with what the sandbox answered', async () => {
    const sandbox = withLatency(fake(), 60);
    let done = false;
    const answer = sandbox.answer({ method: 'GET', pathname: '/sims' } as never).then((a) => {
      done = true;
      return a;
    });
    await vi.advanceTimersByTimeAsync(59);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toBe(answered);
  });

  it('delays a Fetch API request the same way, and calls in flight wait side by side, not in turn', async () => {
    const inner = fake();
    const sandbox = withLatency(inner, 60);
    const calls = [1, 2, 3].map(() => sandbox.handle(new Request('http://x.test/v1/sims'), '/sims'));
    await vi.advanceTimersByTimeAsync(60);
    const responses = await Promise.all(calls);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(inner.handle).toHaveBeenCalledTimes(3);
  });

  it('hands the sandbox the coverage of the endpoint called', async () => {
    const inner = fake();
    const sandbox = withLatency(inner, 60);
    const call = sandbox.handle(new Request('http://x.test/v1/groups'), '/groups', '127.0.0.1', 'g');
    await vi.advanceTimersByTimeAsync(60);
    await call;
    expect(inner.handle).toHaveBeenCalledWith(expect.any(Request), '/groups', '127.0.0.1', 'g');
  });

  it('adds nothing when the latency is 0: the sandbox is used as it is', () => {
    const inner = fake();
    expect(withLatency(inner, 0)).toBe(inner);
  });
});
