/**
 * `--latency N`: the sandbox waits N ms before answering each API call, so that a benchmark on this machine can stand
 * in for a browser far from SORACOM (every call then costs a round trip over the internet). Nothing else waits: the
 * console's files, the gateway and the local mailbox answer at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Sandbox } from './sandbox';

export function withLatency(sandbox: Sandbox, latencyMs: number): Sandbox {
  if (latencyMs <= 0) return sandbox;
  return {
    ...sandbox,
    async answer(call) {
      await sleep(latencyMs);
      return sandbox.answer(call);
    },
    async handle(request, pathname, clientIp, coverage) {
      await sleep(latencyMs);
      return sandbox.handle(request, pathname, clientIp, coverage);
    },
  };
}
