/**
 * Which SIMs are in which group: `/sims/{sim_id}/set_group|unset_group`, `/subscribers/{imsi}/set_group|unset_group`,
 * `GET /groups/{group_id}/subscribers`, and what deleting a group does to its SIMs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { codes } from '../../errors';
import { setGroupUnknownGroupStatus } from '../../guesses';
import type { Sim } from '../../store/sims';

let s: ContractSandbox;
let root: Credentials & { operatorId: string };
let sims: Sim[];
beforeEach(async () => {
  s = createContractSandbox({ fleet: 30 });
  root = await s.loginRoot();
  sims = (await s.call('GET', '/sims?limit=1000', { auth: root })).body;
});

const newGroup = async (name: string, auth: Credentials = root) =>
  (await s.call('POST', '/groups', { auth, body: { tags: { name } } })).body.groupId as string;
const getSim = async (simId: string) => (await s.call('GET', `/sims/${simId}`, { auth: root })).body as Sim;
const setSimGroup = (simId: string, groupId: unknown, auth: Credentials = root) =>
  s.call('POST', `/sims/${simId}/set_group`, { auth, body: { groupId } });
const unsetSimGroup = (simId: string, auth: Credentials = root) =>
  s.call('POST', `/sims/${simId}/unset_group`, { auth });
const imsiOf = (sim: Sim) => Object.values(sim.profiles ?? {})[0]?.primaryImsi ?? '';
const column = (simId: string) =>
  (s.db.prepare('SELECT group_id FROM sims WHERE sim_id = ?').get(simId) as { group_id: string | null }).group_id;

/** Every SIM ID of a group, following x-soracom-next-key; checks each page on the way. */
async function members(groupId: string, limit = 1000, auth: Credentials = root): Promise<string[]> {
  const ids: string[] = [];
  let key: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const query: string = `limit=${limit}${key ? `&last_evaluated_key=${encodeURIComponent(key)}` : ''}`;
    const res = await s.call('GET', `/groups/${groupId}/subscribers?${query}`, { auth });
    expect(res.status).toBe(200);
    const page = (res.body as Sim[]).map((sim) => sim.simId as string);
    for (const sim of res.body as Sim[]) expect(sim.groupId).toBe(groupId);
    ids.push(...page);
    key = res.headers.get('x-soracom-next-key');
    if (!key) {
      expect(res.headers.get('link')).toBeNull();
      return ids;
    }
    expect(page).toHaveLength(limit);
    expect(key).toBe(page.at(-1));
    const link = /<([^>]+)>;\s*rel="?next"?/.exec(res.headers.get('link') ?? '')?.[1] ?? '';
    const next = new URL(link, 'http://x');
    expect(next.pathname).toBe(`/v1/groups/${groupId}/subscribers`);
    expect(next.searchParams.get('last_evaluated_key')).toBe(key);
    expect(next.searchParams.get('limit')).toBe(String(limit));
  }
  throw new Error('paging does not end');
}

describe('GET /groups/{group_id}/subscribers', () => {
  it('answers exactly the SIMs whose groupId is the group, in SIM ID order, for every seeded group', async () => {
    const groups = (await s.call('GET', '/groups', { auth: root })).body as { groupId: string }[];
    let total = 0;
    for (const { groupId } of groups) {
      const expected = sims.filter((sim) => sim.groupId === groupId).map((sim) => sim.simId);
      const listed = await members(groupId);
      expect(listed).toEqual(expected);
      total += listed.length;
    }
    expect(total).toBe(sims.filter((sim) => sim.groupId).length);
    expect(total).toBeGreaterThan(0);
  });

  it('pages without gaps or duplicates, and the SIMs are the full SIMs', async () => {
    const groupId = await newGroup('Paged');
    const chosen = sims.slice(3, 14).map((sim) => sim.simId as string);
    for (const simId of [...chosen].reverse()) expect((await setSimGroup(simId, groupId)).status).toBe(200);
    for (const limit of [1, 3, 5, 11, 12, 100]) {
      const ids = await members(groupId, limit);
      expect(ids, `limit ${limit}`).toEqual([...chosen].sort());
    }
    const page = await s.call('GET', `/groups/${groupId}/subscribers?limit=2`, { auth: root });
    expect(page.body[0]).toEqual(await getSim(page.body[0].simId));
  });

  it('answers an empty list, without paging headers, for a group with no SIMs', async () => {
    const groupId = await newGroup('Empty');
    const res = await s.call('GET', `/groups/${groupId}/subscribers`, { auth: root });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
    expect(res.headers.get('x-soracom-next-key')).toBeNull();
  });

  it('answers 404 for an unknown group and for another operator’s group', async () => {
    const unknown = await s.call('GET', '/groups/no-such-group/subscribers', { auth: root });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(codes.notFound);
    const seededGroup = sims.find((sim) => sim.groupId)?.groupId ?? '';
    const other = await s.newOperator();
    expect((await s.call('GET', `/groups/${seededGroup}/subscribers`, { auth: other })).status).toBe(404);
  });

  it('answers 400 for a limit out of range', async () => {
    const groupId = await newGroup('Limits');
    for (const limit of ['0', '-1', '1001', 'many', '1.5']) {
      const res = await s.call('GET', `/groups/${groupId}/subscribers?limit=${limit}`, { auth: root });
      expect(res.status, limit).toBe(400);
    }
  });

  it('reads the group’s SIMs from an index in SIM ID order', () => {
    const plan = s.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT sim_id, doc FROM sims WHERE operator_id = ? AND group_id = ? AND sim_id > ? ORDER BY sim_id LIMIT ?',
      )
      .all(demo.operatorId, 'g', '', 10) as { detail: string }[];
    const details = plan.map((row) => row.detail).join('\n');
    expect(details).toContain('sims_by_group_and_id');
    expect(details).not.toContain('TEMP B-TREE');
  });
});

describe('POST /sims/{sim_id}/set_group and unset_group', () => {
  it('puts a SIM into a group: the SIM, its column and the group’s list agree', async () => {
    const sim = sims.find((x) => !x.groupId) as Sim;
    const groupId = await newGroup('Target');
    s.clock.advance(30_000);
    const res = await setSimGroup(sim.simId as string, groupId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...sim, groupId, lastModifiedTime: s.clock.now });
    expect(await getSim(sim.simId as string)).toEqual(res.body);
    expect(column(sim.simId as string)).toBe(groupId);
    expect(await members(groupId)).toEqual([sim.simId]);
  });

  it('moves a SIM from group A to group B: it is then only in B', async () => {
    const a = await newGroup('A');
    const b = await newGroup('B');
    const [first, second] = sims as [Sim, Sim];
    await setSimGroup(first.simId as string, a);
    await setSimGroup(second.simId as string, a);
    expect(await members(a)).toEqual([first.simId, second.simId].sort());
    const moved = await setSimGroup(first.simId as string, b);
    expect(moved.body.groupId).toBe(b);
    expect(await members(a)).toEqual([second.simId]);
    expect(await members(b)).toEqual([first.simId]);
    expect(column(first.simId as string)).toBe(b);
  });

  it('takes a SIM out of its group: no groupId in the SIM or its column, in no group’s list', async () => {
    const sim = sims.find((x) => x.groupId) as Sim;
    const before = await members(sim.groupId as string);
    expect(before).toContain(sim.simId);
    s.clock.advance(1_000);
    const res = await unsetSimGroup(sim.simId as string);
    expect(res.status).toBe(200);
    expect(res.body.groupId).toBeUndefined();
    expect('groupId' in res.body).toBe(false);
    expect(res.body.lastModifiedTime).toBe(s.clock.now);
    const { groupId: _dropped, ...rest } = sim;
    expect(res.body).toEqual({ ...rest, lastModifiedTime: s.clock.now });
    expect(await getSim(sim.simId as string)).toEqual(res.body);
    expect(column(sim.simId as string)).toBeNull();
    expect(await members(sim.groupId as string)).toEqual(before.filter((id) => id !== sim.simId));
  });

  it('answers 200 for setting the group a SIM already has, and for unsetting a SIM in no group', async () => {
    const grouped = sims.find((x) => x.groupId) as Sim;
    const again = await setSimGroup(grouped.simId as string, grouped.groupId);
    expect(again.status).toBe(200);
    expect(again.body.groupId).toBe(grouped.groupId);
    const loose = sims.find((x) => !x.groupId) as Sim;
    const none = await unsetSimGroup(loose.simId as string);
    expect(none.status).toBe(200);
    expect(none.body.groupId).toBeUndefined();
  });

  it('answers 404 for an unknown SIM and for another operator’s SIM', async () => {
    const groupId = await newGroup('Target');
    expect((await setSimGroup('8900000000000000000', groupId)).status).toBe(404);
    expect((await unsetSimGroup('8900000000000000000')).status).toBe(404);
    const other = await s.newOperator();
    const sim = sims[0] as Sim;
    const theirs = await newGroup('Theirs', other);
    expect((await setSimGroup(sim.simId as string, theirs, other)).status).toBe(404);
    expect((await unsetSimGroup(sim.simId as string, other)).status).toBe(404);
    expect(await getSim(sim.simId as string)).toEqual(sim);
  });

  it('refuses a group that does not exist or is another operator’s, and changes nothing', async () => {
    const sim = sims[0] as Sim;
    const other = await s.newOperator();
    const theirs = await newGroup('Theirs', other);
    for (const groupId of ['no-such-group', theirs]) {
      const res = await setSimGroup(sim.simId as string, groupId);
      expect(res.status, groupId).toBe(setGroupUnknownGroupStatus);
      expect(res.body.code).toBe(codes.badRequest);
    }
    expect(await getSim(sim.simId as string)).toEqual(sim);
    expect(column(sim.simId as string)).toBe(sim.groupId ?? null);
  });

  it.each([
    ['no groupId', {}],
    ['an empty groupId', { groupId: '' }],
    ['a groupId that is not a string', { groupId: 7 }],
    ['a list', []],
    ['null', null],
  ])('answers 400 for a body with %s', async (_what, body) => {
    const sim = sims[0] as Sim;
    const res = await s.call('POST', `/sims/${sim.simId}/set_group`, { auth: root, body });
    expect(res.status).toBe(400);
    expect(await getSim(sim.simId as string)).toEqual(sim);
  });
});

describe('POST /subscribers/{imsi}/set_group and unset_group', () => {
  it('sets the group of the SIM with that primary IMSI and answers the Subscriber view', async () => {
    const sim = sims.find((x) => !x.groupId && x.sessionStatus) as Sim;
    const imsi = imsiOf(sim);
    const subscriber = Object.values(sim.profiles ?? {})[0]?.subscribers?.[imsi];
    const groupId = await newGroup('Subscribers');
    s.clock.advance(2_000);
    const res = await s.call('POST', `/subscribers/${imsi}/set_group`, { auth: root, body: { groupId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      imsi,
      simId: sim.simId,
      msisdn: subscriber?.msisdn,
      iccid: sim.serialNumber,
      serialNumber: sim.serialNumber,
      operatorId: demo.operatorId,
      status: sim.status,
      speedClass: sim.speedClass,
      subscription: subscriber?.subscription,
      moduleType: sim.moduleType,
      groupId,
      tags: sim.tags,
      sessionStatus: sim.sessionStatus,
      terminationEnabled: sim.terminationEnabled,
      createdTime: sim.createdTime,
      lastModifiedTime: s.clock.now,
    });
    expect(Object.values(res.body)).not.toContain(null);
    const after = await getSim(sim.simId as string);
    expect(after).toEqual({ ...sim, groupId, lastModifiedTime: s.clock.now });
    expect(column(sim.simId as string)).toBe(groupId);
    expect(await members(groupId)).toEqual([sim.simId]);
  });

  it('unsets the group of the SIM with that IMSI', async () => {
    const sim = sims.find((x) => x.groupId) as Sim;
    const res = await s.call('POST', `/subscribers/${imsiOf(sim)}/unset_group`, { auth: root });
    expect(res.status).toBe(200);
    expect(res.body.imsi).toBe(imsiOf(sim));
    expect('groupId' in res.body).toBe(false);
    expect((await getSim(sim.simId as string)).groupId).toBeUndefined();
    expect(column(sim.simId as string)).toBeNull();
    expect(await members(sim.groupId as string)).not.toContain(sim.simId);
  });

  it('keeps /sims and /subscribers consistent when both move the same SIM', async () => {
    const sim = sims[5] as Sim;
    const a = await newGroup('A');
    const b = await newGroup('B');
    await setSimGroup(sim.simId as string, a);
    await s.call('POST', `/subscribers/${imsiOf(sim)}/set_group`, { auth: root, body: { groupId: b } });
    expect(await members(a)).toEqual([]);
    expect(await members(b)).toEqual([sim.simId]);
    await unsetSimGroup(sim.simId as string);
    expect(await members(b)).toEqual([]);
    expect((await getSim(sim.simId as string)).groupId).toBeUndefined();
  });

  it('answers 404 for an unknown IMSI and for another operator’s IMSI, 400 for an unknown group', async () => {
    const sim = sims[0] as Sim;
    const groupId = await newGroup('G');
    const unknown = await s.call('POST', '/subscribers/001010000000000/set_group', { auth: root, body: { groupId } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(codes.notFound);
    expect((await s.call('POST', '/subscribers/001010000000000/unset_group', { auth: root })).status).toBe(404);
    const other = await s.newOperator();
    const theirs = await newGroup('Theirs', other);
    const foreign = await s.call('POST', `/subscribers/${imsiOf(sim)}/set_group`, {
      auth: other,
      body: { groupId: theirs },
    });
    expect(foreign.status).toBe(404);
    expect((await s.call('POST', `/subscribers/${imsiOf(sim)}/unset_group`, { auth: other })).status).toBe(404);
    const badGroup = await s.call('POST', `/subscribers/${imsiOf(sim)}/set_group`, {
      auth: root,
      body: { groupId: theirs },
    });
    expect(badGroup.status).toBe(400);
    expect(await getSim(sim.simId as string)).toEqual(sim);
  });
});

describe('DELETE /groups/{group_id} with SIMs in it', () => {
  it('takes its SIMs out of the group, and leaves other groups’ SIMs alone', async () => {
    const groupId = sims.find((x) => x.groupId)?.groupId as string;
    const inGroup = sims.filter((x) => x.groupId === groupId);
    const others = sims.filter((x) => x.groupId !== groupId);
    expect(inGroup.length).toBeGreaterThan(0);
    s.clock.advance(10_000);
    const res = await s.call('DELETE', `/groups/${groupId}`, { auth: root });
    expect(res.status).toBe(204);
    for (const sim of inGroup) {
      const { groupId: _dropped, ...rest } = sim;
      expect(await getSim(sim.simId as string)).toEqual({ ...rest, lastModifiedTime: s.clock.now });
      expect(column(sim.simId as string)).toBeNull();
    }
    for (const sim of others) expect(await getSim(sim.simId as string)).toEqual(sim);
    expect((await s.call('GET', `/groups/${groupId}/subscribers`, { auth: root })).status).toBe(404);
    const left = s.db.prepare('SELECT count(*) AS n FROM sims WHERE group_id = ?').get(groupId) as { n: number };
    expect(left.n).toBe(0);
  });

  it('answers 400 for putting a SIM into the deleted group', async () => {
    const groupId = await newGroup('Gone');
    await s.call('DELETE', `/groups/${groupId}`, { auth: root });
    expect((await setSimGroup(sims[0]?.simId as string, groupId)).status).toBe(400);
  });
});

describe('malformed input', () => {
  it('never answers 500 on the group and membership operations', async () => {
    const groupId = await newGroup('Target');
    const sim = sims[0] as Sim;
    const odd = ['%', '%E0%A4%A', '..', '%2F', '%00', 'a%20b', '__proto__', 'constructor', 'x'.repeat(2000)];
    const bodies: unknown[] = [undefined, null, [], {}, 'x', 1, [null], [{}], [{ key: 1 }], { groupId: {} }];
    const calls: [string, string, unknown][] = [];
    for (const part of odd) {
      calls.push(['GET', `/groups/${part}`, undefined]);
      calls.push(['DELETE', `/groups/${part}`, undefined]);
      calls.push(['GET', `/groups/${part}/subscribers?limit=2&last_evaluated_key=${part}`, undefined]);
      calls.push(['DELETE', `/groups/${groupId}/tags/${part}`, undefined]);
      calls.push(['DELETE', `/groups/${groupId}/configuration/${part}`, undefined]);
      calls.push(['DELETE', `/groups/${groupId}/configuration/SoracomAir/${part}`, undefined]);
      calls.push(['DELETE', `/groups/${groupId}/configuration/SoracomOrbit/${part}`, undefined]);
      calls.push(['POST', `/sims/${part}/unset_group`, undefined]);
      calls.push(['POST', `/subscribers/${part}/unset_group`, undefined]);
      calls.push(['POST', `/subscribers/${part}/set_group`, { groupId }]);
      calls.push(['POST', `/sims/${sim.simId}/set_group`, { groupId: part }]);
    }
    for (const body of bodies) {
      calls.push(['POST', '/groups', body]);
      calls.push(['PUT', `/groups/${groupId}/tags`, body]);
      calls.push(['PUT', `/groups/${groupId}/configuration/SoracomAir`, body]);
      calls.push(['POST', `/sims/${sim.simId}/set_group`, body]);
      calls.push(['POST', `/subscribers/${imsiOf(sim)}/set_group`, body]);
    }
    for (const [method, path, body] of calls) {
      const res = await s.call(method, path, { auth: root, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500);
    }
    for (const raw of ['{', '[{"key":"a","value":}]', 'null null']) {
      const res = await s.call('PUT', `/groups/${groupId}/configuration/SoracomAir`, { auth: root, raw });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(codes.invalidJson);
    }
    expect(s.logs.filter((line) => line.includes('internal error'))).toEqual([]);
  });
});
