import { beforeAll, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { codes } from '../../errors';
import { demoTeam } from '../../seedTeam';

// One sandbox for the file: no test here changes what the demo operator owns (those that create SIMs do so for an
// operator of their own, or in a sandbox of their own), and none moves the clock.
let s: ContractSandbox;
let root: Credentials & { operatorId: string };
beforeAll(async () => {
  s = createContractSandbox({ fleet: 30 });
  root = await s.loginRoot();
});

/** Follows `x-soracom-next-key` from the first page to the last; returns the pages. */
async function walk(path: string, auth: Credentials, limit: number) {
  const pages: { ids: string[]; nextKey: string | null; link: string | null }[] = [];
  let nextKey: string | null = null;
  do {
    const query: string = `limit=${limit}${nextKey ? `&last_evaluated_key=${encodeURIComponent(nextKey)}` : ''}`;
    const res = await s.call('GET', `${path}?${query}`, { auth });
    expect(res.status).toBe(200);
    nextKey = res.headers.get('x-soracom-next-key');
    pages.push({
      ids: (res.body as { simId?: string; groupId?: string }[]).map((x) => x.simId ?? x.groupId ?? ''),
      nextKey,
      link: res.headers.get('link'),
    });
    if (pages.length > 100) throw new Error('paging does not end');
  } while (nextKey);
  return pages;
}

describe('GET /sims', () => {
  it('walks the whole fleet in pages with no duplicates and no gaps', async () => {
    const pages = await walk('/sims', root, 7);
    const ids = pages.flatMap((p) => p.ids);
    expect(pages.map((p) => p.ids.length)).toEqual([7, 7, 7, 7, 2]);
    expect(ids).toHaveLength(s.fleet);
    expect(new Set(ids).size).toBe(s.fleet);
    expect(ids).toEqual([...ids].sort());

    const all = await s.call('GET', '/sims?limit=1000', { auth: root });
    expect(all.body.map((sim: { simId: string }) => sim.simId)).toEqual(ids);
  });

  it('gives a next key and a rel=next link on every page but the last', async () => {
    const pages = await walk('/sims', root, 7);
    for (const page of pages.slice(0, -1)) {
      expect(page.nextKey).toBe(page.ids.at(-1));
      expect(page.link).toMatch(/<[^>]*last_evaluated_key=[^>]*>;\s*rel="?next"?/);
      const target = /<([^>]+)>/.exec(page.link ?? '')?.[1] ?? '';
      const url = new URL(target, 'http://x');
      expect(url.searchParams.get('last_evaluated_key')).toBe(page.nextKey);
      expect(url.searchParams.get('limit')).toBe('7');
    }
    const last = pages.at(-1);
    expect(last?.nextKey).toBeNull();
    expect(last?.link).toBeNull();
  });

  it('has no next key when the last page is exactly full', async () => {
    const res = await s.call('GET', `/sims?limit=${s.fleet}`, { auth: root });
    expect(res.body).toHaveLength(s.fleet);
    expect(res.headers.get('x-soracom-next-key')).toBeNull();
  });

  it('serves 100 SIMs by default', async () => {
    const big = createContractSandbox({ fleet: 150 });
    const auth = await big.loginRoot();
    const res = await big.call('GET', '/sims', { auth });
    expect(res.body).toHaveLength(100);
    expect(res.headers.get('x-soracom-next-key')).toBe(res.body[99].simId);
  });

  it('answers an unknown or past-the-end last_evaluated_key with what follows it', async () => {
    const res = await s.call('GET', '/sims?last_evaluated_key=99999999999999999999', { auth: root });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
    expect(res.headers.get('x-soracom-next-key')).toBeNull();
  });

  it.each(['0', '-1', 'abc', '1.5', '1001', '', '1e2x'])('refuses limit=%s with 400', async (limit) => {
    const res = await s.call('GET', `/sims?limit=${limit}`, { auth: root });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
  });

  it('refuses a repeated limit with 400', async () => {
    const res = await s.call('GET', '/sims?limit=5&limit=6', { auth: root });
    expect(res.status).toBe(400);
  });

  it('lets a SAM user allowed to (the demo viewer) list the operator’s SIMs', async () => {
    const viewer = demoTeam[0];
    const sam = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: viewer.userName, password: viewer.password },
    });
    const res = await s.call('GET', '/sims?limit=1000', { auth: sam.body });
    expect(res.body).toHaveLength(s.fleet);
  });
});

describe('GET /sims/{sim_id}', () => {
  it('answers a SIM of the operator with 200 and the same SIM as the list', async () => {
    const list = await s.call('GET', '/sims?limit=3', { auth: root });
    const first = list.body[2];
    const res = await s.call('GET', `/sims/${first.simId}`, { auth: root });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(first);
    expect(res.body.operatorId).toBe(demo.operatorId);
  });

  it('answers an unknown SIM with 404', async () => {
    const res = await s.call('GET', '/sims/8942310000000000000', { auth: root });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(codes.notFound);
  });

  it('seeds a varied, deterministic fleet', async () => {
    const all = (await s.call('GET', '/sims?limit=1000', { auth: root })).body as { status: string }[];
    expect(new Set(all.map((sim) => sim.status)).size).toBeGreaterThan(2);
    const again = createContractSandbox({ fleet: 30 });
    const auth = await again.loginRoot();
    const same = await again.call('GET', '/sims?limit=1000', { auth });
    expect(same.body).toEqual(all);
  });
});

describe('operators see only their own data', () => {
  it('a new operator sees no SIM of the demo fleet', async () => {
    const other = await s.newOperator();
    const res = await s.call('GET', '/sims', { auth: other });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
    const groups = await s.call('GET', '/groups', { auth: other });
    expect(groups.body).toEqual([]);
  });

  it('GET /operators/{other} → 403', async () => {
    const other = await s.newOperator();
    const res = await s.call('GET', `/operators/${demo.operatorId}`, { auth: other });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(codes.forbidden);
    const reverse = await s.call('GET', `/operators/${other.operatorId}`, { auth: root });
    expect(reverse.status).toBe(403);
    const own = await s.call('GET', `/operators/${other.operatorId}`, { auth: other });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ operatorId: other.operatorId, email: other.email });
  });

  it('a SIM of another operator is 404, as if it did not exist', async () => {
    const other = await s.newOperator();
    const simId = (await s.call('GET', '/sims?limit=1', { auth: root })).body[0].simId;
    const res = await s.call('GET', `/sims/${simId}`, { auth: other });
    expect(res.status).toBe(404);
    const unknown = await s.call('GET', '/sims/8942310000000000000', { auth: other });
    expect(res.body).toEqual(unknown.body);
  });
});

describe('POST /sandbox/subscribers/create', () => {
  it('creates a ready SIM that then appears in GET /sims', async () => {
    const other = await s.newOperator();
    const res = await s.call('POST', '/sandbox/subscribers/create', { auth: other, body: {} });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      imsi: expect.stringMatching(/^\d{15}$/),
      registrationSecret: expect.any(String),
      operatorId: other.operatorId,
      subscription: 'plan01s',
      status: 'ready',
    });
    expect(res.body.registrationSecret).not.toBe('');

    const sims = await s.call('GET', '/sims', { auth: other });
    expect(sims.body).toHaveLength(1);
    const sim = sims.body[0];
    expect(sim.status).toBe('ready');
    expect(sim.operatorId).toBe(other.operatorId);
    const profile = Object.values(sim.profiles as Record<string, { primaryImsi: string }>)[0];
    expect(profile?.primaryImsi).toBe(res.body.imsi);
    expect((await s.call('GET', `/sims/${sim.simId}`, { auth: other })).status).toBe(200);
    expect((await s.call('GET', `/sims/${sim.simId}`, { auth: root })).status).toBe(404);
  });

  it('adds to the SIMs an operator has: distinct SIMs, with or without a body, of the plan asked for', async () => {
    const own = createContractSandbox({ fleet: 5 });
    const auth = await own.loginRoot();
    const a = await own.call('POST', '/sandbox/subscribers/create', { auth });
    const b = await own.call('POST', '/sandbox/subscribers/create', { auth, body: { subscription: 'plan-D' } });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.subscription).toBe('plan-D');
    expect(a.body.imsi).not.toBe(b.body.imsi);
    const all = await own.call('GET', '/sims?limit=1000', { auth });
    expect(all.body).toHaveLength(own.fleet + 2);
    const imsis = all.body.map((sim: { profiles: Record<string, { primaryImsi: string }> }) =>
      Object.values(sim.profiles).map((p) => p.primaryImsi),
    );
    expect(new Set(imsis.flat()).size).toBe(own.fleet + 2);
  });

  it('creates a plan the sandbox has no model for as plan01s', async () => {
    const other = await s.newOperator();
    const res = await s.call('POST', '/sandbox/subscribers/create', { auth: other, body: { subscription: 'planP1' } });
    expect(res.status).toBe(200);
    expect(res.body.subscription).toBe('plan01s');
  });

  it('refuses a subscription the description does not know', async () => {
    const other = await s.newOperator();
    for (const subscription of ['plan-unknown', 'toString', '__proto__', 42]) {
      const res = await s.call('POST', '/sandbox/subscribers/create', { auth: other, body: { subscription } });
      expect(res.status, String(subscription)).toBe(400);
    }
  });

  it('needs authentication', async () => {
    const res = await s.call('POST', '/sandbox/subscribers/create', { body: {} });
    expect(res.status).toBe(401);
    expect((await s.call('GET', '/sims?limit=1000', { auth: root })).body).toHaveLength(s.fleet);
  });
});
