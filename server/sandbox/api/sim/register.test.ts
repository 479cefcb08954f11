/** registerSim, and Air stats: the Sandbox insert and the SIM's usage report agree. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox } from '../../../test/contract';
import { codes } from '../../errors';

let s: ContractSandbox;
let op: Credentials & { operatorId: string };
beforeAll(async () => {
  s = createContractSandbox({ fleet: 0 });
  op = await s.newOperator();
});

async function newSim() {
  const created = await s.call('POST', '/sandbox/subscribers/create', { auth: op, body: {} });
  const row = s.db.prepare('SELECT sim_id FROM sims WHERE imsi = ?').get(created.body.imsi) as { sim_id: string };
  return { simId: row.sim_id, imsi: created.body.imsi as string, secret: created.body.registrationSecret as string };
}

describe('POST /sims/{sim_id}/register', () => {
  it('needs the secret the sandbox gave, once; takes a group and tags', async () => {
    const sim = await newSim();
    const wrong = await s.call('POST', `/sims/${sim.simId}/register`, {
      auth: op,
      body: { registrationSecret: 'WRONG' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe(codes.registrationFailed);
    const noGroup = await s.call('POST', `/sims/${sim.simId}/register`, {
      auth: op,
      body: { registrationSecret: sim.secret, groupId: 'nope' },
    });
    expect(noGroup.status).toBe(400);
    const group = await s.call('POST', '/groups', { auth: op, body: { tags: { name: 'g' } } });
    const ok = await s.call('POST', `/sims/${sim.simId}/register`, {
      auth: op,
      body: { registrationSecret: sim.secret, groupId: group.body.groupId, tags: { name: 'registered' } },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ simId: sim.simId, groupId: group.body.groupId, tags: { name: 'registered' } });
    const again = await s.call('POST', `/sims/${sim.simId}/register`, {
      auth: op,
      body: { registrationSecret: sim.secret },
    });
    expect(again.status).toBe(400);
    expect((await s.call('POST', '/sims/nope/register', { auth: op, body: { registrationSecret: 'x' } })).status).toBe(
      404,
    );
  });
});

describe('Air stats', () => {
  const day = 86_400;
  const base = Date.UTC(2026, 0, 10) / 1000;
  const insert = (imsi: string, unixtime: number, map: Record<string, Record<string, number>>) =>
    s.call('POST', `/sandbox/stats/air/subscribers/${imsi}`, {
      auth: op,
      body: { unixtime, dataTrafficStatsMap: map },
    });
  const stats = (up: number, down: number) => ({
    uploadByteSizeTotal: up,
    downloadByteSizeTotal: down,
    uploadPacketSizeTotal: 1,
    downloadPacketSizeTotal: 2,
  });

  it('sums what the Sandbox API inserted into days, months and 5-minute slots', async () => {
    const sim = await newSim();
    expect((await insert(sim.imsi, base + 60, { 's1.fast': stats(100, 1000) })).status).toBe(200);
    expect((await insert(sim.imsi, base + 120, { 's1.fast': stats(10, 10), 's1.slow': stats(5, 5) })).status).toBe(200);
    expect((await insert(sim.imsi, base + 400, { 's1.fast': stats(1, 1) })).status).toBe(200);
    expect((await insert(sim.imsi, base + day + 5, { 's1.fast': stats(7, 7) })).status).toBe(200);
    expect((await insert(sim.imsi, base + 40 * day, { 's1.fast': stats(3, 3) })).status).toBe(200);

    const dup = await insert(sim.imsi, base + 60, { 's1.slow': stats(1, 1) });
    expect(dup.status).toBe(400);
    expect(dup.body.code).toBe(codes.statsExist);
    expect((await insert(sim.imsi, base + 61, { 'x9.warp': stats(1, 1) })).status).toBe(400);
    expect((await insert(sim.imsi, base + 62, {})).status).toBe(400);
    expect((await insert('999999999999999', base, { 's1.fast': stats(1, 1) })).status).toBe(404);

    const get = (from: number, to: number, period: string) =>
      s.call('GET', `/stats/air/sims/${sim.simId}?from=${from}&to=${to}&period=${period}`, { auth: op });

    const days = await get(base + 3600, base + day + 10, 'day');
    expect(days.status).toBe(200);
    expect(days.body).toEqual([
      {
        unixtime: base,
        date: '20260110',
        dataTrafficStatsMap: {
          's1.fast': {
            uploadByteSizeTotal: 111,
            downloadByteSizeTotal: 1011,
            uploadPacketSizeTotal: 3,
            downloadPacketSizeTotal: 6,
          },
          's1.slow': {
            uploadByteSizeTotal: 5,
            downloadByteSizeTotal: 5,
            uploadPacketSizeTotal: 1,
            downloadPacketSizeTotal: 2,
          },
        },
      },
      {
        unixtime: base + day,
        date: '20260111',
        dataTrafficStatsMap: {
          's1.fast': {
            uploadByteSizeTotal: 7,
            downloadByteSizeTotal: 7,
            uploadPacketSizeTotal: 1,
            downloadPacketSizeTotal: 2,
          },
        },
      },
    ]);

    const months = await get(base, base + 40 * day, 'month');
    expect(months.body.map((m: { unixtime: number; date: string }) => [m.unixtime, m.date])).toEqual([
      [Date.UTC(2026, 0, 1) / 1000, '202601'],
      [Date.UTC(2026, 1, 1) / 1000, '202602'],
    ]);
    expect(months.body[0].dataTrafficStatsMap['s1.fast'].uploadByteSizeTotal).toBe(118);
    expect(months.body[1].dataTrafficStatsMap['s1.fast'].uploadByteSizeTotal).toBe(3);

    const slots = await get(base, base + 600, 'minutes');
    expect(slots.body.map((m: { unixtime: number }) => m.unixtime)).toEqual([base, base + 300]);
    expect(slots.body[0].dataTrafficStatsMap['s1.fast'].downloadByteSizeTotal).toBe(1010);

    expect((await get(base + 10, base, 'day')).status).toBe(400);
    expect((await get(base, base + 10, 'year')).status).toBe(400);
    expect((await s.call('GET', `/stats/air/sims/nope?from=${base}&to=${base}&period=day`, { auth: op })).status).toBe(
      404,
    );
  });

  it('reports the seeded usage under the SIM’s speed class', async () => {
    const demo = createContractSandbox({ fleet: 5 });
    const root = await demo.loginRoot();
    const row = demo.db
      .prepare(
        'SELECT sim_id, sum(upload_bytes) AS up, min(unixtime) AS first, max(unixtime) AS last FROM air_stats GROUP BY sim_id LIMIT 1',
      )
      .get() as { sim_id: string; up: number; first: number; last: number };
    const sim = (await demo.call('GET', `/sims/${row.sim_id}`, { auth: root })).body;
    const res = await demo.call('GET', `/stats/air/sims/${row.sim_id}?from=${row.first}&to=${row.last}&period=month`, {
      auth: root,
    });
    const total = res.body.reduce(
      (n: number, m: { dataTrafficStatsMap: Record<string, { uploadByteSizeTotal: number }> }) =>
        n + (m.dataTrafficStatsMap[sim.speedClass]?.uploadByteSizeTotal ?? 0),
      0,
    );
    expect(total).toBe(row.up);
  });
});
