/** `PUT /sims/{sim_id}/tags`: tags are merged into the SIM. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox } from '../../../test/contract';
import { codes } from '../../errors';

let s: ContractSandbox;
let root: Credentials;
let sim: { simId: string; tags: Record<string, string>; lastModifiedTime: number };
beforeEach(async () => {
  s = createContractSandbox({ fleet: 2 });
  root = await s.loginRoot();
  sim = (await s.call('GET', '/sims?limit=1', { auth: root })).body[0];
});

const put = (simId: string, body: unknown, auth: Credentials = root) =>
  s.call('PUT', `/sims/${simId}/tags`, { auth, body });

describe('PUT /sims/{sim_id}/tags', () => {
  it('merges the tags, stamps lastModifiedTime and answers the SIM', async () => {
    s.clock.advance(60_000);
    const res = await put(sim.simId, [
      { tagName: 'site', tagValue: 'kyoto' },
      { tagName: 'owner', tagValue: 'ops' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.simId).toBe(sim.simId);
    expect(res.body.tags).toEqual({ ...sim.tags, site: 'kyoto', owner: 'ops' });
    expect(res.body.lastModifiedTime).toBe(s.clock.now);
    const again = await s.call('GET', `/sims/${sim.simId}`, { auth: root });
    expect(again.body).toEqual(res.body);
  });

  it('updates the name, in the SIM and in its indexed column', async () => {
    const res = await put(sim.simId, [{ tagName: 'name', tagValue: 'renamed sensor' }]);
    expect(res.body.tags.name).toBe('renamed sensor');
    const row = s.db.prepare('SELECT name FROM sims WHERE sim_id = ?').get(sim.simId) as { name: string };
    expect(row.name).toBe('renamed sensor');
  });

  it('lets the last of two tags with the same name win, and accepts an empty value and an empty list', async () => {
    const res = await put(sim.simId, [
      { tagName: 'env', tagValue: 'staging' },
      { tagName: 'env', tagValue: 'production' },
      { tagName: 'note', tagValue: '' },
    ]);
    expect(res.body.tags).toMatchObject({ env: 'production', note: '' });
    const none = await put(sim.simId, []);
    expect(none.status).toBe(200);
    expect(none.body.tags).toEqual(res.body.tags);
  });

  it('answers 404 for an unknown SIM and for another operator’s SIM', async () => {
    const unknown = await put('8900000000000000000', [{ tagName: 'a', tagValue: 'b' }]);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(codes.notFound);
    const other = await s.newOperator();
    const foreign = await put(sim.simId, [{ tagName: 'a', tagValue: 'b' }], other);
    expect(foreign.status).toBe(404);
    expect((await s.call('GET', `/sims/${sim.simId}`, { auth: root })).body.tags).toEqual(sim.tags);
  });

  it.each([
    ['an empty tagName', [{ tagName: '', tagValue: 'x' }]],
    ['a missing tagValue', [{ tagName: 'a' }]],
    ['a tagValue that is not a string', [{ tagName: 'a', tagValue: 1 }]],
    ['an object instead of a list', { tagName: 'a', tagValue: 'b' }],
  ])('answers 400 for %s and changes nothing', async (_what, body) => {
    const res = await put(sim.simId, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
    expect((await s.call('GET', `/sims/${sim.simId}`, { auth: root })).body).toEqual(sim);
  });
});
