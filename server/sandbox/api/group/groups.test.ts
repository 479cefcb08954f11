import { beforeAll, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { groupStore } from '../../store/groups';

// Listing groups changes nothing, so one sandbox serves every test here.
let s: ContractSandbox;
let root: Credentials & { operatorId: string };
beforeAll(async () => {
  s = createContractSandbox({ fleet: 0 });
  root = await s.loginRoot();
});

const names = (body: { tags?: { name?: string } }[]) => body.map((g) => g.tags?.name);
const list = (query = '') => s.call('GET', `/groups${query}`, { auth: root });

describe('GET /groups', () => {
  it('lists the 5 seeded groups of the operator', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5);
    expect(names(res.body)).toEqual([
      'Tokyo sensors',
      'Osaka gateways',
      'Vending machines',
      'Fleet trackers',
      'Staging',
    ]);
    for (const group of res.body) {
      expect(group.operatorId).toBe(demo.operatorId);
      expect(group.groupId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(res.headers.get('x-soracom-next-key')).toBeNull();
  });

  it('pages with limit and last_evaluated_key', async () => {
    const first = await list('?limit=2');
    expect(first.body).toHaveLength(2);
    const key = first.headers.get('x-soracom-next-key');
    expect(key).toBe(first.body[1].groupId);
    expect(first.headers.get('link')).toMatch(/rel="?next"?/);
    const second = await list(`?limit=2&last_evaluated_key=${key}`);
    const third = await list(`?limit=2&last_evaluated_key=${second.headers.get('x-soracom-next-key')}`);
    expect([...names(first.body), ...names(second.body), ...names(third.body)]).toEqual(names((await list()).body));
    expect(third.body).toHaveLength(1);
    expect(third.headers.get('x-soracom-next-key')).toBeNull();
  });

  it('refuses tag_name without tag_value, and tag_value without tag_name', async () => {
    for (const query of ['?tag_name=name', '?tag_value=Staging']) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
    }
  });

  it('refuses an unknown match mode', async () => {
    const res = await list('?tag_name=name&tag_value=T&tag_value_match_mode=suffix');
    expect(res.status).toBe(400);
  });

  it('filters by exact tag value by default', async () => {
    expect(names((await list('?tag_name=name&tag_value=Staging')).body)).toEqual(['Staging']);
    expect(names((await list('?tag_name=name&tag_value=Stag')).body)).toEqual([]);
    expect(names((await list('?tag_name=name&tag_value=staging')).body)).toEqual([]);
    const spaced = await list(
      `?tag_name=name&tag_value=${encodeURIComponent('Tokyo sensors')}&tag_value_match_mode=exact`,
    );
    expect(names(spaced.body)).toEqual(['Tokyo sensors']);
  });

  it('filters by tag value prefix', async () => {
    expect(names((await list('?tag_name=name&tag_value=Stag&tag_value_match_mode=prefix')).body)).toEqual(['Staging']);
    expect(names((await list('?tag_name=name&tag_value=O&tag_value_match_mode=prefix')).body)).toEqual([
      'Osaka gateways',
    ]);
    expect((await list('?tag_name=name&tag_value=&tag_value_match_mode=prefix')).body).toHaveLength(5);
    expect((await list('?tag_name=name&tag_value=Z&tag_value_match_mode=prefix')).body).toEqual([]);
  });

  it('treats % and _ in a prefix literally', async () => {
    expect((await list('?tag_name=name&tag_value=%25&tag_value_match_mode=prefix')).body).toEqual([]);
    expect((await list('?tag_name=name&tag_value=_&tag_value_match_mode=prefix')).body).toEqual([]);
  });

  it('finds nothing for an unknown tag name', async () => {
    const res = await list('?tag_name=colour&tag_value=Staging');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('keeps the tag filter across pages given by x-soracom-next-key', async () => {
    const { own, auth } = await withTokyoGroups();
    const filter = 'tag_name=name&tag_value=Tokyo&tag_value_match_mode=prefix';
    const first = await own.call('GET', `/groups?${filter}&limit=2`, { auth });
    expect(names(first.body)).toEqual(['Tokyo sensors', 'Tokyo meters']);
    const key = first.headers.get('x-soracom-next-key');
    expect(key).toBe(first.body[1].groupId);
    const second = await own.call('GET', `/groups?${filter}&limit=2&last_evaluated_key=${key}`, { auth });
    expect(names(second.body)).toEqual(['Tokyo cameras']);
    expect(second.headers.get('x-soracom-next-key')).toBeNull();
  });
});

/** A sandbox of its own with two more "Tokyo" groups, whose IDs sort among the seeded ones. */
async function withTokyoGroups() {
  const own = createContractSandbox({ fleet: 0 });
  const groups = groupStore(own.db);
  groups.create(
    {
      groupId: '00000000-0000-4000-8000-000000000001b',
      operatorId: demo.operatorId,
      tags: { name: 'Tokyo meters' },
      configuration: {},
    },
    own.clock.now,
  );
  groups.create(
    {
      groupId: '00000000-0000-4000-8000-000000000009',
      operatorId: demo.operatorId,
      tags: { name: 'Tokyo cameras' },
      configuration: {},
    },
    own.clock.now,
  );
  return { own, auth: await own.loginRoot() };
}

describe('known bugs (these tests pass while the bug is there; remove `.fails` when it is fixed)', () => {
  // server/sandbox/api/group/groups.ts + paging.ts: listGroups builds the `link` header with pageHeaders('/groups', limit, key),
  // which only carries limit and last_evaluated_key. Following rel=next of a filtered list drops tag_name, tag_value
  // and tag_value_match_mode, so the "next page" is a page of the unfiltered list.
  it('the rel=next link of a filtered list keeps the filter', async () => {
    const { own, auth } = await withTokyoGroups();
    const first = await own.call('GET', '/groups?tag_name=name&tag_value=Tokyo&tag_value_match_mode=prefix&limit=2', {
      auth,
    });
    const link = /<([^>]+)>;\s*rel="?next"?/.exec(first.headers.get('link') ?? '')?.[1] ?? '';
    const next = new URL(link, 'http://x');
    expect(next.pathname).toBe('/v1/groups');
    const followed = await own.call('GET', `/groups${next.search}`, { auth });
    expect(names(followed.body)).toEqual(['Tokyo cameras']);
  });
});
