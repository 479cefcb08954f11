/**
 * Two coverages over one database (coverage.ts): the account is shared, SIMs, groups, usage, bills and the rest
 * belong to one coverage. Every answer goes through the answer contract check of the test sandbox.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type CallOptions,
  type ContractSandbox,
  type Credentials,
  createContractSandbox,
  demo,
} from '../test/contract';
import { grant, samLogin } from '../test/sam';
import { codes } from './errors';

let s: ContractSandbox;
let root: Credentials;
const op = `/operators/${demo.operatorId}`;

beforeEach(async () => {
  s = createContractSandbox({ fleet: 3 });
  root = await s.loginRoot();
});

const jp = (method: string, path: string, options: CallOptions = {}) =>
  s.call(method, path, { auth: root, ...options });
const g = (method: string, path: string, options: CallOptions = {}) =>
  s.call(method, path, { auth: root, coverage: 'g', ...options });

async function addGlobal() {
  const added = await jp('POST', `${op}/coverage_type/g`);
  expect(added.status, added.text).toBe(201);
}

describe('the Global endpoint', () => {
  it('refuses an account without Global coverage, with a way out in the message', async () => {
    const res = await g('GET', '/groups');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: codes.forbidden, message: expect.stringContaining('addCoverageType') });
  });

  it('answers the account operations the same as the Japan endpoint, with the same token', async () => {
    const [fromJp, fromG] = [await jp('GET', op), await g('GET', op)];
    expect(fromG.status).toBe(200);
    expect(fromG.body).toEqual(fromJp.body);
    expect((await g('GET', `${op}/users`)).body).toEqual((await jp('GET', `${op}/users`)).body);
  });

  it('signs in with the account, and the token works on the Japan endpoint too', async () => {
    const signedIn = await s.call('POST', '/auth', {
      coverage: 'g',
      body: { email: demo.email, password: demo.password },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.operatorId).toBe(demo.operatorId);
    const auth = { apiKey: signedIn.body.apiKey, token: signedIn.body.token };
    expect((await s.call('GET', '/sims', { auth })).status).toBe(200);
  });
});

describe('with Global coverage', () => {
  beforeEach(addGlobal);

  it('keeps a group made in Global out of Japan, and names the operator in its answers', async () => {
    const created = await g('POST', '/groups', { body: { tags: { name: 'global-trackers' } } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.operatorId).toBe(demo.operatorId);
    const groupId = created.body.groupId as string;

    const inG = (await g('GET', '/groups')).body as Array<{ groupId: string }>;
    expect(inG.map((x) => x.groupId)).toEqual([groupId]);
    const inJp = (await jp('GET', '/groups')).body as Array<{ groupId: string }>;
    expect(inJp.map((x) => x.groupId)).not.toContain(groupId);
    expect((await jp('GET', `/groups/${groupId}`)).status).toBe(404);
    expect((await g('GET', `/groups/${groupId}`)).body.tags).toEqual({ name: 'global-trackers' });
  });

  it('keeps each coverage its own SIMs, usage and summaries', async () => {
    const jpSims = (await jp('GET', '/sims')).body as unknown[];
    expect(jpSims).toHaveLength(3);
    expect((await g('GET', '/sims')).body).toEqual([]);

    const made = await g('POST', '/sandbox/subscribers/create', { body: {} });
    expect(made.status, made.text).toBe(200);
    expect(made.body.operatorId).toBe(demo.operatorId);
    const imsi = made.body.imsi as string;
    const { sim_id: simId } = s.db.prepare('SELECT sim_id FROM sims WHERE imsi = ?').get(imsi) as { sim_id: string };
    const inJapan = await jp('POST', `/sims/${simId}/register`, {
      body: { registrationSecret: made.body.registrationSecret },
    });
    expect([400, 404]).toContain(inJapan.status);
    const registered = await g('POST', `/sims/${simId}/register`, {
      body: { registrationSecret: made.body.registrationSecret },
    });
    expect(registered.status, registered.text).toBe(201);

    const gSims = (await g('GET', '/sims')).body as Array<{ operatorId: string; profiles: object }>;
    expect(gSims).toHaveLength(1);
    expect(gSims[0]?.operatorId).toBe(demo.operatorId);
    expect(JSON.stringify(gSims)).toContain(imsi);
    expect(JSON.stringify((await jp('GET', '/sims')).body)).not.toContain(imsi);
    expect((await jp('GET', `/query/sims?imsi=${imsi}`)).body).toEqual([]);
    expect((await g('GET', `/query/sims?imsi=${imsi}`)).body).toHaveLength(1);

    const summary = await g('GET', '/resource_summaries/simsPerStatus');
    expect(summary.status, summary.text).toBe(200);
    const values = summary.body.resourceSummaryItems[0].values as Array<{ value: number }>;
    const total = values.reduce((sum, item) => sum + item.value, 0);
    expect(total).toBe(1);
  });

  it('bills the contracts to Japan only', async () => {
    expect((await jp('POST', `${op}/contracts`, { body: { contractName: 'napter' } })).status).toBe(200);
    const names = async (call: typeof jp) => {
      const summary = await call('GET', '/bills/summaries/bill_items');
      expect(summary.status, summary.text).toBe(200);
      return ((summary.body[0]?.costBreakdownList ?? []) as Array<{ billItemName: string }>).map((i) => i.billItemName);
    };
    expect(await names(jp)).toContain('contractChargeTotal');
    expect(await names(g)).not.toContain('contractChargeTotal');
  });

  it("checks a SAM user's permission the same on both endpoints", async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Group:listGroups' });
    const user = await samLogin(s);
    expect((await s.call('GET', '/groups', { auth: user, coverage: 'g' })).status).toBe(200);
    const refused = await s.call('GET', '/sims', { auth: user, coverage: 'g' });
    expect(refused.status).toBe(403);
  });

  it('event handler runs are read per coverage from the local read, naming the operator', async () => {
    const req = (coverage: string) =>
      new Request(`http://local.test/api/local/event_handler_executions?coverage=${coverage}`, {
        headers: { 'X-Soracom-API-Key': root.apiKey, 'X-Soracom-Token': root.token },
      });
    expect((await s.sandbox.executions(req('g'))).status).toBe(200);
    expect((await s.sandbox.executions(req('eu'))).status).toBe(400);
  });

  it('leaves no row of either coverage when the operator is deleted, and no one can sign in as the partition', async () => {
    const other = await s.newOperator();
    const later = await s.newOperator();
    const auth = { apiKey: other.apiKey, token: other.token };
    expect((await s.call('POST', `/operators/${other.operatorId}/coverage_type/g`, { auth })).status).toBe(201);
    expect((await s.call('POST', '/groups', { auth, coverage: 'g', body: {} })).status).toBe(201);
    const partitionMail = `${other.operatorId.toLowerCase()}-g@coverage.invalid`;
    const asPartition = await s.call('POST', '/auth', { body: { email: partitionMail, password: '' } });
    expect(asPartition.status).toBeGreaterThanOrEqual(400);
    expect(asPartition.status).toBeLessThan(500);

    expect((await s.call('DELETE', `/sandbox/operators/${other.operatorId}`, { auth })).status).toBe(200);
    const left = s.db
      .prepare('SELECT count(*) AS n FROM groups WHERE operator_id LIKE ?')
      .get(`${other.operatorId}%`) as { n: number };
    expect(left.n).toBe(0);
    // A new operator gets a number of its own, not the one of an operator still there.
    const next = await s.newOperator();
    expect([other.operatorId, later.operatorId, demo.operatorId]).not.toContain(next.operatorId);
  });
});
