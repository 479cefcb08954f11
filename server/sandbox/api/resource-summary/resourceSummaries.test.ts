/** SIMs per status, as `GET /sims` and `GET /query/sims` see the fleet; a limited SAM user is refused. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { grant, samLogin } from '../../../test/sam';

let s: ContractSandbox;
let root: Credentials;
beforeEach(async () => {
  s = createContractSandbox({ fleet: 40 });
  root = await s.loginRoot();
});

const summary = async (auth: Credentials) => {
  const res = await s.call('GET', '/resource_summaries/simsPerStatus', { auth });
  expect(res.status, res.text).toBe(200);
  expect(res.body.resourceSummaryType).toBe('simsPerStatus');
  expect(res.body.resourceSummaryItems).toHaveLength(1);
  const values: { name: string; value: number }[] = res.body.resourceSummaryItems[0].values;
  return Object.fromEntries(values.map((v) => [v.name, v.value]));
};

async function queryCount(status: string): Promise<number> {
  let count = 0;
  let key: string | null = null;
  do {
    const after: string = key ? `&last_evaluated_key=${key}` : '';
    const res = await s.call('GET', `/query/sims?status=${status}&limit=100${after}`, { auth: root });
    expect(res.status).toBe(200);
    count += res.body.filter((sim: { status: string }) => sim.status === status).length;
    key = res.headers.get('x-soracom-next-key');
  } while (key);
  return count;
}

describe('GET /resource_summaries/simsPerStatus', () => {
  it('counts the SIMs of every status as GET /sims and /query/sims list them, and follows a change', async () => {
    const values = await summary(root);
    expect(Object.keys(values).sort()).toEqual(
      ['activeSims', 'inactiveSims', 'readySims', 'standbySims', 'suspendedSims'].sort(),
    );
    const sims = (await s.call('GET', '/sims?limit=1000', { auth: root })).body as { status: string }[];
    for (const status of ['ready', 'active', 'inactive', 'standby', 'suspended']) {
      const listed = sims.filter((sim) => sim.status === status).length;
      expect(values[`${status}Sims`], status).toBe(listed);
      expect(await queryCount(status), status).toBe(listed);
    }
    expect(Object.values(values).reduce((a, b) => a + b, 0)).toBe(
      sims.filter((sim) => sim.status !== 'terminated').length,
    );

    const active = (await s.call('GET', '/query/sims?status=active&limit=100', { auth: root })).body.find(
      (sim: { status: string }) => sim.status === 'active',
    );
    expect((await s.call('POST', `/sims/${active.simId}/suspend`, { auth: root })).status).toBe(200);
    const after = await summary(root);
    expect(after.activeSims).toBe((values.activeSims ?? 0) - 1);
    expect(after.suspendedSims).toBe((values.suspendedSims ?? 0) + 1);
  });

  it('answers 400 for a type the description does not list, and counts only the caller’s SIMs', async () => {
    const res = await s.call('GET', '/resource_summaries/simsPerGroup', { auth: root });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: expect.any(String), message: expect.any(String) });
    const other = await s.newOperator();
    const values = await summary(other);
    expect(Object.values(values).every((v) => v === 0)).toBe(true);
  });

  it('refuses a SAM user whose permission does not allow it, and answers one that it allows', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Sim:*' });
    const sam = await samLogin(s);
    const refused = await s.call('GET', '/resource_summaries/simsPerStatus', { auth: sam });
    expect(refused.status).toBe(403);
    await grant(s, root, demo.userName, { effect: 'allow', api: 'ResourceSummary:getResourceSummary' });
    expect(await summary(sam)).toEqual(await summary(root));
  });
});
