/**
 * Sessions that come and go: every tick a handful of active SIMs, picked at random, go online or offline, with
 * `sessionStatus.lastUpdatedAt` moved on and a `Created` or `Deleted` session event recorded; an ended session leaves
 * Air traffic, which runs the event handlers (guesses.guessSessionSimulator). `server/main.ts` runs it
 * every ~10 s; tests call `simulateSessions` with their own clock and random source.
 */

import { endSession, sessionEvent } from './api/sim/changes';
import { createStores, type Stores } from './context';
import type { Db } from './db';
import { runDueActions, runEventHandlersOnTraffic } from './eventRunner';
import { guessSessionSimulator } from './guesses';
import type { Random } from './simFactory';

/** One tick: flips up to `count` active SIMs; answers the SIM IDs flipped. */
export function simulateSessions(
  stores: Stores,
  now: number,
  random: Random,
  count: number = guessSessionSimulator.perTick,
  log: (line: string) => void = () => {},
): string[] {
  const max = stores.sims.maxRowNumber();
  if (max === 0) return [];
  const flipped = new Set<string>();
  const ended: { operatorId: string; simId: string; imsi: string }[] = [];
  for (let attempt = 0; attempt < count * 20 && flipped.size < count; attempt++) {
    const row = stores.sims.activeAtRow(1 + Math.floor(random() * max));
    if (!row || flipped.has(row.sim_id)) continue;
    stores.sims.modify(
      row.operator_id,
      row.sim_id,
      (sim) => {
        if (sim.sessionStatus?.online) {
          const imsi = sim.sessionStatus.imsi ?? Object.values(sim.profiles ?? {})[0]?.primaryImsi ?? '';
          endSession({ stores, now }, sim);
          if (imsi) ended.push({ operatorId: row.operator_id, simId: row.sim_id, imsi });
          return;
        }
        const profile = Object.values(sim.profiles ?? {})[0];
        const imsi = profile?.primaryImsi ?? '';
        const n = Math.floor(random() * 65_536);
        sim.sessionStatus = {
          online: true,
          lastUpdatedAt: now,
          imsi,
          subscription: profile?.subscribers?.[imsi]?.subscription,
          imei: sim.imeiLock?.imei?.split('|')[0] ?? sim.sessionStatus?.imei,
          ueIpAddress: `10.${200 + (n >> 14)}.${(n >> 8) & 63}.${n & 255}`,
          dnsServers: ['100.127.0.53', '100.127.1.53'],
          cell: { radioType: 'LTE', mcc: 440, mnc: 10, tac: 4660, eci: 1_000_000 + n },
        };
        stores.simRecords.sessionEvents.add(row.operator_id, row.sim_id, now, sessionEvent(sim, 'Created', now));
      },
      now,
    );
    flipped.add(row.sim_id);
  }
  // What the ended sessions sent and received, which the event handlers then see.
  for (const session of ended) {
    const bytes = Math.floor(guessSessionSimulator.sessionBytes * (1 + random()));
    const target = { ...session, unixtime: Math.floor(now / 1000) };
    const traffic = {
      uploadByteSizeTotal: Math.floor(bytes / 4),
      downloadByteSizeTotal: bytes - Math.floor(bytes / 4),
    };
    if (stores.usage.addAir(target, [['', traffic]])) runEventHandlersOnTraffic({ stores, now, log }, target);
  }
  return [...flipped];
}

/** Runs `simulateSessions` every `intervalMs`; answers a function that stops it. */
export function startSessionSimulator(
  db: Db,
  options: { intervalMs?: number; random?: Random; log?: (line: string) => void } = {},
): () => void {
  const random = options.random ?? Math.random;
  const stores = createStores(db);
  const timer = setInterval(() => {
    try {
      const now = Date.now();
      simulateSessions(stores, now, random, guessSessionSimulator.perTick, options.log);
      // Event handler actions due later (AFTER_ONE_DAY and the like) run on this tick (guesses.eventHandlerRuns).
      runDueActions({ stores, now, log: options.log ?? (() => {}) });
    } catch (error) {
      options.log?.(`session simulator: ${(error as Error).message}`);
    }
  }, options.intervalMs ?? guessSessionSimulator.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
