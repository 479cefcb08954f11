/** The session simulator, driven by the test's clock and random source. */
import { describe, expect, it } from 'vitest';
import { createContractSandbox, demo } from '../test/contract';
import { createStores } from './context';
import { simulateSessions } from './sessionSimulator';
import { seededRandom } from './simFactory';

describe('simulateSessions', () => {
  it('flips a handful of active SIMs, moving lastUpdatedAt and recording session events', async () => {
    const s = createContractSandbox({ fleet: 40 });
    const root = await s.loginRoot();
    const before = new Map<string, boolean>();
    for (const sim of (await s.call('GET', '/sims?limit=100', { auth: root })).body) {
      before.set(sim.simId, Boolean(sim.sessionStatus?.online));
    }
    s.clock.advance(10_000);
    const flipped = simulateSessions(createStores(s.db), s.clock.now, seededRandom(7), 3);
    expect(flipped.length).toBeGreaterThan(0);
    expect(flipped.length).toBeLessThanOrEqual(3);
    for (const simId of flipped) {
      const sim = (await s.call('GET', `/sims/${simId}`, { auth: root })).body;
      expect(sim.status).toBe('active');
      expect(sim.sessionStatus.online).toBe(!before.get(simId));
      expect(sim.sessionStatus.lastUpdatedAt).toBe(s.clock.now);
      const events = (await s.call('GET', `/sims/${simId}/events/sessions`, { auth: root })).body;
      expect(events[0]).toMatchObject({ event: sim.sessionStatus.online ? 'Created' : 'Deleted', time: s.clock.now });
      const online = await s.call(
        'GET',
        `/query/sims?sim_id=${simId}&session_status=${sim.sessionStatus.online ? 'ONLINE' : 'OFFLINE'}`,
        {
          auth: root,
        },
      );
      expect(online.body.map((x: { simId: string }) => x.simId)).toEqual([simId]);
    }
  });

  it('leaves Air traffic when a session ends, which runs the event handlers watching the SIM', async () => {
    const s = createContractSandbox({ fleet: 40 });
    const root = await s.loginRoot();
    const created = await s.call('POST', '/event_handlers', {
      auth: root,
      body: {
        name: 'A megabyte a day',
        status: 'active',
        targetOperatorId: demo.operatorId,
        ruleConfig: {
          type: 'SubscriberDailyTrafficRule',
          properties: { limitTotalTrafficMegaByte: '1', inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY' },
        },
        actionConfigList: [{ type: 'SuspendAction', properties: { executionDateTimeConst: 'IMMEDIATELY' } }],
      },
    });
    expect(created.status, created.text).toBe(201);
    const stores = createStores(s.db);
    const ended = new Set<string>();
    const started = new Set<string>();
    // Enough ticks for some sessions to start and others to end.
    for (let tick = 0; tick < 6; tick++) {
      s.clock.advance(10_000);
      for (const simId of simulateSessions(stores, s.clock.now, seededRandom(11 + tick), 5)) {
        const online = stores.sims.get(demo.operatorId, simId)?.sessionStatus?.online;
        (online ? started : ended).add(simId);
      }
    }
    expect(ended.size).toBeGreaterThan(0);
    const fired = new Set(stores.eventExecutions.list(demo.operatorId, {}).map((e) => e.simId));
    for (const simId of ended) {
      expect(fired.has(simId), simId).toBe(true);
      expect(stores.sims.get(demo.operatorId, simId)?.status).toBe('suspended');
    }
    for (const simId of started) if (!ended.has(simId)) expect(fired.has(simId), simId).toBe(false);
  });

  it('does nothing without SIMs', () => {
    const s = createContractSandbox({ fleet: 0 });
    expect(simulateSessions(createStores(s.db), s.clock.now, seededRandom(1))).toEqual([]);
  });
});
