/**
 * Usage statistics: Air usage of SIMs, groups and the operator agree for any inserted traffic (property), Beam
 * stats are inserted once per timestamp and summed into buckets, and bad input is a 400.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CallResult, type ContractSandbox, type Credentials, createContractSandbox } from '../../../test/contract';
import { codes } from '../../errors';

const day = 86_400;
const base = Date.UTC(2026, 0, 1) / 1000;

async function newSims(s: ContractSandbox, op: Credentials, n: number) {
  const sims: { simId: string; imsi: string }[] = [];
  for (let i = 0; i < n; i++) {
    const created = await s.call('POST', '/sandbox/subscribers/create', { auth: op, body: {} });
    const row = s.db.prepare('SELECT sim_id FROM sims WHERE imsi = ?').get(created.body.imsi) as { sim_id: string };
    sims.push({ simId: row.sim_id, imsi: created.body.imsi });
  }
  return sims;
}

type Totals = Map<number, { up: number; down: number }>;
const add = (totals: Totals, unixtime: number, up: number, down: number) => {
  const t = totals.get(unixtime) ?? { up: 0, down: 0 };
  totals.set(unixtime, { up: t.up + up, down: t.down + down });
};
const aggregated = (res: CallResult): Totals => {
  expect(res.status).toBe(200);
  const totals: Totals = new Map();
  for (const b of res.body) add(totals, b.unixtime, b.uploadByteSizeTotal, b.downloadByteSizeTotal);
  return totals;
};
const ofSim = (res: CallResult, into: Totals) => {
  expect(res.status).toBe(200);
  for (const b of res.body) {
    for (const s of Object.values(b.dataTrafficStatsMap) as {
      uploadByteSizeTotal: number;
      downloadByteSizeTotal: number;
    }[]) {
      add(into, b.unixtime, s.uploadByteSizeTotal, s.downloadByteSizeTotal);
    }
  }
};
const sorted = (t: Totals) => [...t.entries()].sort(([a], [b]) => a - b);

describe('Air usage of SIMs, groups and the operator (property)', () => {
  const traffic = fc.array(
    fc.record({
      sim: fc.nat(4),
      second: fc.integer({ min: 0, max: 70 * day }),
      up: fc.nat(1_000_000_000),
      down: fc.nat(1_000_000_000),
      speedClass: fc.constantFrom('s1.standard', 's1.fast', 'u1.slow'),
    }),
    { maxLength: 30 },
  );
  const groupOf = fc.array(fc.constantFrom(0, 1, null), { minLength: 5, maxLength: 5 });

  it('agree for every period', async () => {
    await fc.assert(
      fc.asyncProperty(traffic, groupOf, fc.constantFrom('month', 'day'), async (usage, groups, period) => {
        const s = createContractSandbox({ fleet: 0, now: Date.UTC(2026, 2, 20) });
        const op = await s.newOperator();
        const sims = await newSims(s, op, 5);
        const groupIds: string[] = [];
        for (let g = 0; g < 2; g++) {
          groupIds.push(
            (await s.call('POST', '/groups', { auth: op, body: { tags: { name: `g${g}` } } })).body.groupId,
          );
        }
        for (const [i, g] of groups.entries()) {
          if (g === null) continue;
          const res = await s.call('POST', `/sims/${sims[i]?.simId}/set_group`, {
            auth: op,
            body: { groupId: groupIds[g] },
          });
          expect(res.status).toBe(200);
        }
        for (const u of usage) {
          await s.call('POST', `/sandbox/stats/air/subscribers/${sims[u.sim]?.imsi}`, {
            auth: op,
            body: {
              unixtime: base + u.second,
              dataTrafficStatsMap: {
                [u.speedClass]: {
                  uploadByteSizeTotal: u.up,
                  downloadByteSizeTotal: u.down,
                  uploadPacketSizeTotal: 0,
                  downloadPacketSizeTotal: 0,
                },
              },
            },
          });
        }
        const query = `from=${base}&to=${base + 70 * day}&period=${period}`;
        const operator = aggregated(
          await s.call('GET', `/stats/air/operators/${op.operatorId}?${query}`, { auth: op }),
        );

        const bySim: Totals = new Map();
        const byImsi: Totals = new Map();
        for (const sim of sims) {
          ofSim(await s.call('GET', `/stats/air/sims/${sim.simId}?${query}`, { auth: op }), bySim);
          ofSim(await s.call('GET', `/stats/air/subscribers/${sim.imsi}?${query}`, { auth: op }), byImsi);
        }
        const byGroup: Totals = new Map();
        for (const id of groupIds) {
          for (const [t, v] of aggregated(await s.call('GET', `/stats/air/groups/${id}?${query}`, { auth: op }))) {
            add(byGroup, t, v.up, v.down);
          }
        }
        for (const [i, g] of groups.entries()) {
          if (g !== null) continue;
          ofSim(await s.call('GET', `/stats/air/sims/${sims[i]?.simId}?${query}`, { auth: op }), byGroup);
        }
        expect(sorted(bySim)).toEqual(sorted(operator));
        expect(sorted(byImsi)).toEqual(sorted(operator));
        expect(sorted(byGroup)).toEqual(sorted(operator));
        const expected: Totals = new Map();
        const seen = new Set<string>();
        for (const u of usage) {
          const key = `${u.sim} ${u.second}`;
          if (seen.has(key)) continue; // the same IMSI and timestamp again is refused
          seen.add(key);
          const t = base + u.second;
          const bucket = period === 'day' ? t - (t % day) : Date.UTC(2026, new Date(t * 1000).getUTCMonth(), 1) / 1000;
          add(expected, bucket, u.up, u.down);
        }
        expect(sorted(operator)).toEqual(sorted(expected));
      }),
      { numRuns: 10 },
    );
  }, 60_000);
});

describe('Air stats of groups and operators', () => {
  it('404 for another operator’s group, 403 for another operator, 400 for bad ranges', async () => {
    const s = createContractSandbox({ fleet: 5 });
    const root = await s.loginRoot();
    const op = await s.newOperator();
    const group = (await s.call('POST', '/groups', { auth: op, body: {} })).body.groupId;
    const q = `from=${base}&to=${base + day}&period=day`;
    expect((await s.call('GET', `/stats/air/groups/${group}?${q}`, { auth: root })).status).toBe(404);
    expect((await s.call('GET', `/stats/air/groups/${group}?${q}`, { auth: op })).body).toEqual([]);
    expect((await s.call('GET', `/stats/air/operators/${root.operatorId}?${q}`, { auth: op })).status).toBe(403);
    for (const bad of [
      `from=${base + day}&to=${base}&period=day`,
      `from=${base}&to=${base}&period=minutes`,
      `from=x&to=${base}&period=day`,
      `from=${base}&period=day`,
      `from=${10 ** 15}&to=${10 ** 15}&period=month`,
    ]) {
      const res = await s.call('GET', `/stats/air/operators/${op.operatorId}?${bad}`, { auth: op });
      expect(res.status, bad).toBe(400);
    }
    expect((await s.call('GET', `/stats/air/subscribers/999999999999999?${q}`, { auth: op })).status).toBe(404);
  });

  it('the demo operator’s months add up to its SIMs’ usage', async () => {
    const s = createContractSandbox({ fleet: 20, now: Date.UTC(2026, 0, 15) });
    const root = await s.loginRoot();
    const { total } = s.db.prepare('SELECT sum(download_bytes) AS total FROM air_stats').get() as { total: number };
    const res = await s.call(
      'GET',
      `/stats/air/operators/${root.operatorId}?from=${Date.UTC(2025, 0, 1) / 1000}&to=${Date.UTC(2026, 0, 15) / 1000}&period=month`,
      { auth: root },
    );
    expect(res.body.length).toBeGreaterThanOrEqual(6);
    expect(res.body.reduce((n: number, b: { downloadByteSizeTotal: number }) => n + b.downloadByteSizeTotal, 0)).toBe(
      total,
    );
  });
});

describe('Beam stats', () => {
  it('inserts once per timestamp and sums items into buckets', async () => {
    const s = createContractSandbox({ fleet: 0 });
    const op = await s.newOperator();
    const [sim] = await newSims(s, op, 1);
    const imsi = sim?.imsi as string;
    const insert = (unixtime: number, map: Record<string, { count: number }>) =>
      s.call('POST', `/sandbox/stats/beam/subscribers/${imsi}`, { auth: op, body: { unixtime, beamStatsMap: map } });
    expect((await insert(base + 10, { inHttp: { count: 3 }, outHttps: { count: 1 } })).status).toBe(200);
    expect((await insert(base + 400, { inHttp: { count: 4 } })).status).toBe(200);
    expect((await insert(base + day, { inMqtt: { count: 2 } })).status).toBe(200);
    const dup = await insert(base + 10, { inMqtt: { count: 1 } });
    expect(dup.status).toBe(400);
    expect(dup.body.code).toBe(codes.statsExist);
    expect((await insert(base + 11, {})).status).toBe(400);
    expect((await insert(base + 12, { inFtp: { count: 1 } })).status).toBe(400);
    expect((await insert(base + 13, { inHttp: { count: -1 } })).status).toBe(400);
    expect((await insert(-1, { inHttp: { count: 1 } })).status).toBe(400);
    expect(
      (
        await s.call('POST', '/sandbox/stats/beam/subscribers/999999999999999', {
          auth: op,
          body: { unixtime: base, beamStatsMap: { inHttp: { count: 1 } } },
        })
      ).status,
    ).toBe(404);

    const get = (period: string) =>
      s.call('GET', `/stats/beam/subscribers/${imsi}?from=${base}&to=${base + day}&period=${period}`, { auth: op });
    expect((await get('day')).body).toEqual([
      { unixtime: base, date: '20260101', beamStatsMap: { inHttp: { count: 7 }, outHttps: { count: 1 } } },
      { unixtime: base + day, date: '20260102', beamStatsMap: { inMqtt: { count: 2 } } },
    ]);
    expect((await get('month')).body).toEqual([
      {
        unixtime: base,
        date: '202601',
        beamStatsMap: { inHttp: { count: 7 }, inMqtt: { count: 2 }, outHttps: { count: 1 } },
      },
    ]);
    expect((await get('minutes')).body.map((b: { date: string }) => b.date)).toEqual([
      '202601010000',
      '202601010005',
      '202601020000',
    ]);
  });
});
