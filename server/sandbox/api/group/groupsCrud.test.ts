/** `/groups`: create, get and delete a group; its tags. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { codes } from '../../errors';
import { demoTeam } from '../../seedTeam';

let s: ContractSandbox;
let root: Credentials & { operatorId: string };
beforeEach(async () => {
  s = createContractSandbox({ fleet: 0 });
  root = await s.loginRoot();
});

const create = (body: unknown, auth: Credentials = root) => s.call('POST', '/groups', { auth, body });
const get = (groupId: string, auth: Credentials = root) =>
  s.call('GET', `/groups/${encodeURIComponent(groupId)}`, { auth });
const groupCount = () =>
  (s.db.prepare('SELECT count(*) AS n FROM groups WHERE operator_id = ?').get(demo.operatorId) as { n: number }).n;

describe('POST /groups', () => {
  it('creates a group with a new ID, the given tags and configuration, created and modified now', async () => {
    s.clock.advance(12_345);
    const configuration = {
      SoracomAir: { useCustomDns: true, dnsServers: ['8.8.8.8', '2001:4860:4860::8888'] },
      SoracomHarvest: { enabled: true },
    };
    const res = await create({ tags: { name: 'Kyoto meters', env: 'production' }, configuration });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      groupId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      operatorId: demo.operatorId,
      tags: { name: 'Kyoto meters', env: 'production' },
      configuration,
      createdTime: s.clock.now,
      lastModifiedTime: s.clock.now,
    });
    const again = await get(res.body.groupId);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
  });

  it('creates a group from an empty body, with no tags and no configuration', async () => {
    const res = await create({});
    expect(res.status).toBe(201);
    expect(res.body.tags).toEqual({});
    expect(res.body.configuration).toEqual({});
  });

  it('gives every group its own ID, and the list shows the new groups in group ID order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await create({ tags: { name: `g${i}` } })).body.groupId);
    expect(new Set(ids).size).toBe(6);
    const list = await s.call('GET', '/groups', { auth: root });
    const listed = list.body.map((g: { groupId: string }) => g.groupId);
    expect(listed).toHaveLength(11);
    expect(listed).toEqual([...listed].sort());
    for (const id of ids) expect(listed).toContain(id);
  });

  it('finds a new group by tag in the list', async () => {
    const made = await create({ tags: { name: 'Tokyo cranes' } });
    const exact = await s.call('GET', `/groups?tag_name=name&tag_value=${encodeURIComponent('Tokyo cranes')}`, {
      auth: root,
    });
    expect(exact.body).toEqual([made.body]);
    const prefix = await s.call('GET', '/groups?tag_name=name&tag_value=Tokyo&tag_value_match_mode=prefix', {
      auth: root,
    });
    expect(prefix.body.map((g: { tags: { name: string } }) => g.tags.name).sort()).toEqual([
      'Tokyo cranes',
      'Tokyo sensors',
    ]);
  });

  it.each([
    ['an unknown namespace', { configuration: { SoracomJunction: { enabled: true } } }, 'SoracomJunction'],
    ['a namespace in the wrong case', { configuration: { soracomAir: {} } }, 'soracomAir'],
    ['a namespace that is a list', { configuration: { SoracomAir: [] } }, 'SoracomAir'],
    ['a namespace that is a string', { configuration: { SoracomAir: 'on' } }, 'SoracomAir'],
    ['a namespace that is null', { configuration: { SoracomAir: null } }, 'SoracomAir'],
    ['configuration that is a list', { configuration: [] }, 'configuration'],
    ['a setting of the wrong type', { configuration: { SoracomAir: { useCustomDns: 'yes' } } }, 'useCustomDns'],
    ['a DNS server that is no address', { configuration: { SoracomAir: { dnsServers: ['dns'] } } }, 'dnsServers'],
    ['an empty tag name', { tags: { '': 'x' } }, 'tag'],
    ['a tag value that is not a string', { tags: { name: 1 } }, 'tags'],
    ['tags that are a list', { tags: [] }, 'tags'],
  ])('answers 400 for %s and creates nothing', async (_what, body, named) => {
    const before = groupCount();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
    expect(res.body.message).toContain(named);
    expect(groupCount()).toBe(before);
  });

  it('answers 400 for a missing body, a body that is not an object and invalid JSON', async () => {
    const before = groupCount();
    for (const body of [undefined, [], 'group', 42, null]) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const raw = await s.call('POST', '/groups', { auth: root, raw: '{"tags":' });
    expect(raw.status).toBe(400);
    expect(raw.body.code).toBe(codes.invalidJson);
    expect(groupCount()).toBe(before);
  });

  it('needs a signed-in caller', async () => {
    const res = await s.call('POST', '/groups', { body: {} });
    expect(res.status).toBe(401);
  });

  it('lets a SAM user allowed to (the demo SIM operator) create a group of its operator', async () => {
    const operator = demoTeam[1];
    const login = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: operator.userName, password: operator.password },
    });
    expect(login.status).toBe(200);
    const res = await create({ tags: { name: 'by SAM' } }, login.body);
    expect(res.status).toBe(201);
    expect(res.body.operatorId).toBe(demo.operatorId);
  });
});

describe('GET /groups/{group_id}', () => {
  it('answers a seeded group', async () => {
    const first = (await s.call('GET', '/groups?limit=1', { auth: root })).body[0];
    const res = await get(first.groupId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(first);
  });

  it('answers 404 {code, message} for an unknown group and for another operator’s group', async () => {
    const unknown = await get('00000000-0000-4000-8000-999999999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: codes.notFound, message: expect.any(String) });
    const mine = (await create({ tags: { name: 'mine' } })).body.groupId;
    const other = await s.newOperator();
    expect((await get(mine, other)).status).toBe(404);
    expect((await s.call('GET', '/groups', { auth: other })).body).toEqual([]);
  });
});

describe('DELETE /groups/{group_id}', () => {
  it('deletes the group: 204, then 404 and gone from the list', async () => {
    const id = (await create({ tags: { name: 'short-lived' } })).body.groupId;
    const res = await s.call('DELETE', `/groups/${id}`, { auth: root });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await get(id)).status).toBe(404);
    const list = await s.call('GET', '/groups', { auth: root });
    expect(list.body.map((g: { groupId: string }) => g.groupId)).not.toContain(id);
    const again = await s.call('DELETE', `/groups/${id}`, { auth: root });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe(codes.notFound);
  });

  it('answers 404 for another operator’s group and leaves it alone', async () => {
    const id = (await create({ tags: { name: 'kept' } })).body.groupId;
    const other = await s.newOperator();
    expect((await s.call('DELETE', `/groups/${id}`, { auth: other })).status).toBe(404);
    expect((await get(id)).status).toBe(200);
  });
});

describe('PUT /groups/{group_id}/tags', () => {
  const put = (groupId: string, body: unknown, auth: Credentials = root) =>
    s.call('PUT', `/groups/${groupId}/tags`, { auth, body });

  it('merges the tags, lets the last of a name win and stamps lastModifiedTime', async () => {
    const made = (await create({ tags: { name: 'Depot', site: 'osaka' } })).body;
    s.clock.advance(60_000);
    const res = await put(made.groupId, [
      { tagName: 'site', tagValue: 'kobe' },
      { tagName: 'owner', tagValue: 'ops' },
      { tagName: 'owner', tagValue: 'field' },
      { tagName: 'note', tagValue: '' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...made,
      tags: { name: 'Depot', site: 'kobe', owner: 'field', note: '' },
      lastModifiedTime: s.clock.now,
    });
    expect((await get(made.groupId)).body).toEqual(res.body);
  });

  it('renames a group so that the tag filter finds it by its new name', async () => {
    const made = (await create({ tags: { name: 'Old name' } })).body;
    await put(made.groupId, [{ tagName: 'name', tagValue: 'New name' }]);
    const found = await s.call('GET', '/groups?tag_name=name&tag_value=New%20name', { auth: root });
    expect(found.body.map((g: { groupId: string }) => g.groupId)).toEqual([made.groupId]);
  });

  it('accepts an empty list, keeping the tags', async () => {
    const made = (await create({ tags: { name: 'Same' } })).body;
    const res = await put(made.groupId, []);
    expect(res.status).toBe(200);
    expect(res.body.tags).toEqual({ name: 'Same' });
  });

  it('keeps tag names such as __proto__ and constructor as plain tags', async () => {
    const made = (await create({})).body;
    const res = await put(made.groupId, [
      { tagName: '__proto__', tagValue: 'p' },
      { tagName: 'constructor', tagValue: 'c' },
    ]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).tags).toEqual(JSON.parse('{"__proto__":"p","constructor":"c"}'));
    expect(Object.keys((await get(made.groupId)).body.tags)).toEqual(['__proto__', 'constructor']);
  });

  it.each([
    ['an empty tagName', [{ tagName: '', tagValue: 'x' }]],
    ['a missing tagValue', [{ tagName: 'a' }]],
    ['a tagValue that is not a string', [{ tagName: 'a', tagValue: 1 }]],
    ['an object instead of a list', { tagName: 'a', tagValue: 'b' }],
  ])('answers 400 for %s and changes nothing', async (_what, body) => {
    const made = (await create({ tags: { name: 'Untouched' } })).body;
    s.clock.advance(1000);
    const res = await put(made.groupId, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
    expect((await get(made.groupId)).body).toEqual(made);
  });

  it('answers 404 for an unknown group and for another operator’s group', async () => {
    expect((await put('no-such-group', [{ tagName: 'a', tagValue: 'b' }])).status).toBe(404);
    const made = (await create({ tags: { name: 'Mine' } })).body;
    const other = await s.newOperator();
    expect((await put(made.groupId, [{ tagName: 'a', tagValue: 'b' }], other)).status).toBe(404);
    expect((await get(made.groupId)).body).toEqual(made);
  });
});

describe('DELETE /groups/{group_id}/tags/{tag_name}', () => {
  const remove = (groupId: string, name: string, auth: Credentials = root) =>
    s.call('DELETE', `/groups/${groupId}/tags/${encodeURIComponent(name)}`, { auth });

  it('removes one tag: 204, the others stay, lastModifiedTime moves on', async () => {
    const made = (await create({ tags: { name: 'Line 3', 'site/area': 'north east', env: 'prod' } })).body;
    s.clock.advance(5_000);
    const res = await remove(made.groupId, 'site/area');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const after = (await get(made.groupId)).body;
    expect(after.tags).toEqual({ name: 'Line 3', env: 'prod' });
    expect(after.lastModifiedTime).toBe(s.clock.now);
  });

  it('answers 404 for a tag the group does not have, also for names of Object.prototype', async () => {
    const made = (await create({ tags: { name: 'Tagged' } })).body;
    for (const name of ['colour', 'constructor', '__proto__', 'toString', 'Name']) {
      const res = await remove(made.groupId, name);
      expect(res.status, name).toBe(404);
      expect(res.body.code).toBe(codes.notFound);
    }
    expect((await get(made.groupId)).body).toEqual(made);
  });

  it('answers 404 for an unknown group and for another operator’s group', async () => {
    expect((await remove('no-such-group', 'name')).status).toBe(404);
    const made = (await create({ tags: { name: 'Mine' } })).body;
    const other = await s.newOperator();
    expect((await remove(made.groupId, 'name', other)).status).toBe(404);
    expect((await get(made.groupId)).body.tags).toEqual({ name: 'Mine' });
  });
});
