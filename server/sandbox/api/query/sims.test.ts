/** `GET /query/sims`: partial, case-insensitive, comma values, AND/OR, paging, and speed over a big fleet. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox } from '../../../test/contract';
import { codes } from '../../errors';

interface SimBody {
  simId: string;
  status: string;
  groupId?: string;
  tags: Record<string, string>;
  sessionStatus?: { online?: boolean };
  moduleType?: string;
  profiles: Record<string, { primaryImsi: string; subscribers: Record<string, { subscription: string }> }>;
}

let s: ContractSandbox;
let root: Credentials;
let all: SimBody[];
beforeAll(async () => {
  s = createContractSandbox({ fleet: 90 });
  root = await s.loginRoot();
  all = (await s.call('GET', '/sims?limit=1000', { auth: root })).body;
});

const search = async (query: string): Promise<SimBody[]> => {
  const res = await s.call('GET', `/query/sims?limit=100&${query}`, { auth: root });
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const ids = (sims: SimBody[]) => sims.map((x) => x.simId);
const subscriptionOf = (sim: SimBody) =>
  Object.values(Object.values(sim.profiles)[0]?.subscribers ?? {})[0]?.subscription;

describe('GET /query/sims', () => {
  it('matches names partially and case-insensitively', async () => {
    const expected = all.filter((x) => x.tags.name?.toLowerCase().includes('sensor'));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await search('name=SeNsOr'))).toEqual(ids(expected));
  });

  it('treats comma-separated values as separate conditions, joined by search_type', async () => {
    const sensorOrMeter = all.filter((x) => /sensor|meter/.test(x.tags.name ?? ''));
    expect(ids(await search('name=sensor,meter&search_type=or'))).toEqual(ids(sensorOrMeter));
    expect(await search('name=sensor,meter')).toEqual([]);
    const tokyoSensors = all.filter((x) => /sensor/.test(x.tags.name ?? '') && /tokyo/.test(x.tags.name ?? ''));
    expect(ids(await search('name=sensor,TOKYO&search_type=and'))).toEqual(ids(tokyoSensors));
  });

  it('joins different parameters with AND by default and OR when asked', async () => {
    const active = (x: SimBody) => x.status.includes('active');
    const plan = (x: SimBody) => subscriptionOf(x) === 'plan-D';
    expect(ids(await search('status=active&subscription=plan-D'))).toEqual(
      ids(all.filter((x) => active(x) && plan(x))),
    );
    expect(ids(await search('status=active&subscription=PLAN-D&search_type=or'))).toEqual(
      ids(all.filter((x) => active(x) || plan(x))),
    );
  });

  it('matches status partially (inactive contains "active"), subscription exactly', async () => {
    expect(ids(await search('status=ACTIVE'))).toEqual(ids(all.filter((x) => x.status.includes('active'))));
    expect(ids(await search('subscription=plan-K'))).toEqual(ids(all.filter((x) => subscriptionOf(x) === 'plan-K')));
  });

  it('searches IMSI, ICCID, SIM ID, tags, group name, group id, module type and session status', async () => {
    const sim = all[7] as SimBody;
    const iccid = Object.keys(sim.profiles)[0] as string;
    const imsi = sim.profiles[iccid]?.primaryImsi as string;
    expect(ids(await search(`imsi=${imsi.slice(2)}`))).toEqual([sim.simId]);
    expect(ids(await search(`iccid=${iccid.slice(2)}`))).toEqual([sim.simId]);
    expect(ids(await search(`serial_number=${iccid}`))).toEqual([sim.simId]);
    expect(ids(await search(`sim_id=${sim.simId}`))).toEqual([sim.simId]);
    expect(ids(await search('tag=Production'))).toEqual(
      ids(all.filter((x) => Object.values(x.tags).some((v) => v.includes('production')))),
    );
    const groups = (await s.call('GET', '/groups', { auth: root })).body as {
      groupId: string;
      tags: { name: string };
    }[];
    const osaka = groups.find((g) => g.tags.name === 'Osaka gateways');
    expect(ids(await search('group=osaka'))).toEqual(ids(all.filter((x) => x.groupId === osaka?.groupId)));
    expect(ids(await search(`group_id=${osaka?.groupId}`))).toEqual(
      ids(all.filter((x) => x.groupId === osaka?.groupId)),
    );
    expect(ids(await search('module_type=EMBED'))).toEqual(ids(all.filter((x) => x.moduleType === 'embedded')));
    expect(ids(await search('session_status=ONLINE'))).toEqual(ids(all.filter((x) => x.sessionStatus?.online)));
    expect(ids(await search('session_status=OFFLINE'))).toEqual(ids(all.filter((x) => !x.sessionStatus?.online)));
    expect(ids(await search('session_status=NA'))).toEqual(ids(all));
  });

  it('sees changes made after the seed (tags, status)', async () => {
    const sim = all[3] as SimBody;
    await s.call('PUT', `/sims/${sim.simId}/tags`, {
      auth: root,
      body: [{ tagName: 'name', tagValue: 'Zebra-Unique' }],
    });
    expect(ids(await search('name=zebra-uni'))).toEqual([sim.simId]);
    expect(ids(await search('tag=ZEBRA'))).toEqual([sim.simId]);
  });

  it('takes % and _ literally', async () => {
    expect(await search('name=%%')).toEqual([]);
    expect(await search('name=__')).toEqual([]);
  });

  it('refuses values shorter than 2 characters, also inside a comma list', async () => {
    for (const query of ['name=a', 'name=ab,c', 'imsi=,44', 'status=a', 'tag=x&name=sensor']) {
      const res = await s.call('GET', `/query/sims?${query}`, { auth: root });
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe(codes.badRequest);
    }
    expect((await s.call('GET', '/query/sims?search_type=xor', { auth: root })).status).toBe(400);
    expect((await s.call('GET', '/query/sims?session_status=UP', { auth: root })).status).toBe(400);
  });

  it('pages with x-soracom-next-key and link, without gaps or repeats, keeping the filters', async () => {
    const expected = ids(all.filter((x) => x.status.includes('active')));
    const seen: string[] = [];
    let next: string | null = '/query/sims?status=active&limit=7';
    while (next) {
      const res = await s.call('GET', next, { auth: root });
      expect(res.status).toBe(200);
      seen.push(...ids(res.body));
      const link = res.headers.get('link');
      next = link ? (/<\/v1([^>]+)>/.exec(link)?.[1] ?? null) : null;
      if (next) expect(res.headers.get('x-soracom-next-key')).toBe(seen.at(-1));
    }
    expect(seen).toEqual(expected);
  });

  it('only finds the caller’s SIMs', async () => {
    const other = await s.newOperator();
    const res = await s.call('GET', '/query/sims?name=sensor', { auth: other });
    expect(res.body).toEqual([]);
  });
});

describe('GET /query/sims over 20,000 SIMs', () => {
  // Correctness at size; how fast it answers is measured by `npm run bench:load`, not asserted here.
  it('answers every kind of query from the whole fleet', async () => {
    const big = createContractSandbox({ fleet: 20_000 });
    const auth = await big.loginRoot();
    const cases: [string, (sim: Record<string, unknown>) => boolean, boolean][] = [
      ['name=sensor-tokyo', (sim) => String((sim.tags as Record<string, string>)?.name).includes('sensor-tokyo'), true],
      ['name=zzzz-nothing', () => false, false],
      ['imsi=000019999', (sim) => JSON.stringify(sim.profiles).includes('000019999'), true],
      [
        'status=suspended&subscription=plan-DU&search_type=and',
        (sim) => sim.status === 'suspended' && JSON.stringify(sim.profiles).includes('"plan-DU"'),
        true,
      ],
      [
        'tag=staging,osaka&search_type=or',
        (sim) => /staging|osaka/i.test(Object.values((sim.tags as Record<string, string>) ?? {}).join(' ')),
        true,
      ],
    ];
    for (const [query, matches, some] of cases) {
      const res = await big.call('GET', `/query/sims?${query}&limit=100`, { auth });
      expect(res.status, query).toBe(200);
      const sims = res.body as Record<string, unknown>[];
      expect(sims.length > 0, query).toBe(some);
      for (const sim of sims) expect(matches(sim), `${query}: ${sim.simId}`).toBe(true);
    }
  }, 120_000);
});
