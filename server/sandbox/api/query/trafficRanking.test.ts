/** The Air traffic ranking agrees with the Air stats of each IMSI, honours its period, limit and order. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { grant, samLogin } from '../../../test/sam';

let s: ContractSandbox;
let root: Credentials;
beforeEach(async () => {
  s = createContractSandbox({ fleet: 30 });
  root = await s.loginRoot();
});

const day = 86_400_000;
const jan1 = Date.UTC(2026, 0, 1);
const ranking = (query: string, auth: Credentials = root) =>
  s.call('GET', `/query/subscribers/traffic_volume/ranking?${query}`, { auth });

/** The bytes the Air stats of one IMSI report for whole days from `from` to `to` (ms). */
async function airBytes(imsi: string, from: number, to: number): Promise<number> {
  const res = await s.call(
    'GET',
    `/stats/air/subscribers/${imsi}?period=day&from=${Math.floor(from / 1000)}&to=${Math.floor(to / 1000)}`,
    { auth: root },
  );
  expect(res.status).toBe(200);
  let total = 0;
  for (const bucket of res.body) {
    for (const stats of Object.values(bucket.dataTrafficStatsMap) as {
      uploadByteSizeTotal: number;
      downloadByteSizeTotal: number;
    }[]) {
      total += stats.uploadByteSizeTotal + stats.downloadByteSizeTotal;
    }
  }
  return total;
}

describe('GET /query/subscribers/traffic_volume/ranking', () => {
  it('ranks IMSIs by the bytes their Air stats report for the period, most first by default', async () => {
    const from = jan1;
    const to = jan1 + 14 * day - 1;
    const res = await ranking(`from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10);
    const volumes = res.body.map((r: { trafficVolume: number }) => r.trafficVolume);
    expect(volumes).toEqual([...volumes].sort((a, b) => b - a));
    for (const row of res.body.slice(0, 3)) {
      expect(row.trafficVolume).toBe(await airBytes(row.imsi, from, to));
    }

    const asc = await ranking(`from=${from}&to=${to}&order=asc&limit=3`);
    expect(asc.body).toHaveLength(3);
    const ascVolumes = asc.body.map((r: { trafficVolume: number }) => r.trafficVolume);
    expect(ascVolumes).toEqual([...ascVolumes].sort((a, b) => a - b));
    expect(ascVolumes[0]).toBeLessThanOrEqual(volumes.at(-1));

    const all = await ranking(`from=${from}&to=${to}&limit=500`);
    expect(all.body.length).toBeGreaterThan(10);
    expect(all.body.length).toBeLessThanOrEqual(30);
  });

  it('follows inserted Air stats, counting a second at the edges of the range', async () => {
    const { imsi } = s.db
      .prepare("SELECT imsi FROM sims WHERE operator_id = ? AND status = 'active' LIMIT 1")
      .get(demo.operatorId) as { imsi: string };
    const at = Date.UTC(2030, 5, 1, 12); // a period of no seeded traffic
    const insert = await s.call('POST', `/sandbox/stats/air/subscribers/${imsi}`, {
      auth: root,
      body: {
        unixtime: at / 1000,
        dataTrafficStatsMap: { 's1.standard': { uploadByteSizeTotal: 1000, downloadByteSizeTotal: 234 } },
      },
    });
    expect(insert.status, insert.text).toBe(200);
    expect((await ranking(`from=${at}&to=${at}`)).body).toEqual([{ imsi, trafficVolume: 1234 }]);
    expect((await ranking(`from=${at + 1}&to=${at + day}`)).body).toEqual([]);
    expect((await ranking(`from=${at - day}&to=${at - 1}`)).body).toEqual([]);
    expect(await airBytes(imsi, at, at)).toBe(1234);
  });

  it('answers 400 {code, message} for a range backwards, a bad limit or order, and a missing bound', async () => {
    for (const query of [
      `from=${jan1}&to=${jan1 - 1}`,
      `from=${jan1}&to=${jan1 + day}&limit=0`,
      `from=${jan1}&to=${jan1 + day}&limit=501`,
      `from=${jan1}&to=${jan1 + day}&order=sideways`,
      `from=${jan1}`,
      `from=-5&to=${jan1}`,
      `from=soon&to=${jan1}`,
    ]) {
      const res = await ranking(query);
      expect(res.status, query).toBe(400);
      expect(res.body).toEqual({ code: expect.any(String), message: expect.any(String) });
    }
  });

  it('refuses a SAM user whose permission does not allow it', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Sim:*' });
    const sam = await samLogin(s);
    expect((await ranking(`from=${jan1}&to=${jan1 + day}`, sam)).status).toBe(403);
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Query:searchSubscriberTrafficVolumeRanking' });
    expect((await ranking(`from=${jan1}&to=${jan1 + day}`, sam)).status).toBe(200);
  });
});
