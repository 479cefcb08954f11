/** How permissions decide, end to end through the sandbox: wildcards, conditions, sources, and the fixed rules. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../test/contract';
import { grant, permissionText, samLogin } from '../test/sam';
import { codes } from './errors';

let s: ContractSandbox;
let root: Credentials;
let sam: Credentials;
let simIds: string[];
beforeEach(async () => {
  s = createContractSandbox({ fleet: 3 });
  root = await s.loginRoot();
  sam = await samLogin(s);
  simIds = (await s.call('GET', '/sims', { auth: root })).body.map((sim: { simId: string }) => sim.simId);
});

const status = async (method: string, path: string, options: { ip?: string; body?: unknown } = {}) =>
  (await s.call(method, path, { auth: sam, ...options })).status;
const operatorPath = `/operators/${demo.operatorId}`;

describe('permissions of a SAM user', () => {
  it('match operation prefixes: `Sim:list*` allows listSims and listSimStatusHistory, not getSim', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Sim:list*' });
    expect(await status('GET', '/sims')).toBe(200);
    expect(await status('GET', `/sims/${simIds[0]}/statuses/history`)).toBe(200);
    expect(await status('GET', `/sims/${simIds[0]}`)).toBe(403);
  });

  it('match every service with `*`, and a whole service with `Group:*`', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Group:*' });
    expect(await status('GET', '/groups')).toBe(200);
    expect(await status('GET', '/sims')).toBe(403);
    await grant(s, root, demo.userName, { effect: 'allow', api: '*' });
    expect(await status('GET', '/sims')).toBe(200);
    expect(await status('GET', '/bills/latest')).toBe(200);
  });

  it('apply a statement only where its pathVariable condition holds', async () => {
    await grant(s, root, demo.userName, {
      effect: 'allow',
      api: ['Sim:getSim', 'Sim:putSimTags'],
      condition: `pathVariable('sim_id') == '${simIds[0]}'`,
    });
    expect(await status('GET', `/sims/${simIds[0]}`)).toBe(200);
    expect(await status('GET', `/sims/${simIds[1]}`)).toBe(403);
    const tags = [{ tagName: 'owner', tagValue: 'sam' }];
    expect(await status('PUT', `/sims/${simIds[1]}/tags`, { body: tags })).toBe(403);
    const other = (await s.call('GET', `/sims/${simIds[1]}`, { auth: root })).body;
    expect(other.tags.owner).toBeUndefined();
  });

  it('apply a samUserName condition to the caller: their own user, not another', async () => {
    await s.call('POST', `${operatorPath}/users/someone`, { auth: root, body: {} });
    await grant(s, root, demo.userName, {
      effect: 'allow',
      api: 'User:getUser',
      condition: "pathVariable('user_name') == samUserName",
    });
    expect(await status('GET', `${operatorPath}/users/${demo.userName}`)).toBe(200);
    expect(await status('GET', `${operatorPath}/users/someone`)).toBe(403);
  });

  it('apply an ipAddress condition to the address the call came from', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Sim:listSims', condition: "ipAddress('10.0.0.0/8')" });
    expect(await status('GET', '/sims', { ip: '10.1.2.3' })).toBe(200);
    expect(await status('GET', '/sims', { ip: '192.0.2.1' })).toBe(403);
  });

  it('let a deny in the default permissions win over an allow of the user’s own', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: '*' });
    const defaults = await s.call('PUT', `${operatorPath}/users/default_permissions`, {
      auth: root,
      body: { permissions: permissionText({ effect: 'deny', api: 'Billing:*' }) },
    });
    expect(defaults.status).toBe(202);
    expect(await status('GET', '/bills/latest')).toBe(403);
    expect(await status('GET', '/sims')).toBe(200);
    expect((await s.call('DELETE', `${operatorPath}/users/default_permissions`, { auth: root })).status).toBe(204);
    expect(await status('GET', '/bills/latest')).toBe(200);
  });

  it('take effect at once, and stop when the role is detached', async () => {
    const role = await s.call('POST', `${operatorPath}/roles/lister`, {
      auth: root,
      body: { permission: permissionText({ effect: 'allow', api: 'Sim:listSims' }) },
    });
    expect(role.status).toBe(200);
    expect(await status('GET', '/sims')).toBe(403);
    await s.call('POST', `${operatorPath}/users/${demo.userName}/roles`, { auth: root, body: { roleId: 'lister' } });
    expect(await status('GET', '/sims')).toBe(200);
    await s.call('DELETE', `${operatorPath}/users/${demo.userName}/roles/lister`, { auth: root });
    expect(await status('GET', '/sims')).toBe(403);
  });
});

describe('the fixed rules (guesses: who may call what)', () => {
  it('refuse the root account’s own credentials to a SAM user, even with `*`', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: '*' });
    for (const [method, path] of [
      ['GET', `${operatorPath}/auth_keys`],
      ['POST', `${operatorPath}/auth_keys`],
      ['GET', `${operatorPath}/mfa`],
      ['DELETE', `${operatorPath}/tokens`],
    ] as const) {
      const res = await s.call(method, path, { auth: sam });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe(codes.forbidden);
    }
    const password = await s.call('POST', `${operatorPath}/password`, {
      auth: sam,
      body: { currentPassword: demo.password, newPassword: 'taken-over-1' },
    });
    expect(password.status).toBe(403);
    expect((await s.call('POST', '/auth', { body: { email: demo.email, password: demo.password } })).status).toBe(200);
  });

  it('let a user without permission refresh their token and sign out', async () => {
    const refreshed = await s.call('POST', `${operatorPath}/token`, { auth: sam, body: {} });
    expect(refreshed.status).toBe(200);
    expect((await s.call('POST', '/auth/logout', { auth: sam })).status).toBe(204);
    expect((await s.call('GET', '/sims', { auth: sam })).status).toBe(401);
  });

  it('let a SAM user with `User:*` and `Role:*` manage users and roles like the root account', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: ['User:*', 'Role:*'] });
    expect(await status('POST', `${operatorPath}/users/helper`, { body: { description: 'made by a user' } })).toBe(201);
    expect(await status('POST', `${operatorPath}/users/helper/roles`, { body: { roleId: 'viewer' } })).toBe(200);
    const helper = await s.call('GET', `${operatorPath}/users/helper`, { auth: root });
    expect(helper.body.roleList.map((role: { roleId: string }) => role.roleId)).toEqual(['viewer']);
  });

  it('refuse a permission that does not parse with 400 SAM0001, and keep the one before', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Sim:listSims' });
    for (const permission of ['not json', '{"statements": [{"effect": "maybe", "api": "*"}]}', '{"statements": 1}']) {
      const res = await s.call('PUT', `${operatorPath}/users/${demo.userName}/permission`, {
        auth: root,
        body: { permission },
      });
      expect(res.status, permission).toBe(400);
      expect(res.body.code).toBe(codes.permissionInvalid);
    }
    expect(await status('GET', '/sims')).toBe(200);
  });

  it('sign a deleted user out: their API key stops working', async () => {
    await grant(s, root, demo.userName, { effect: 'allow', api: '*' });
    expect(await status('GET', '/sims')).toBe(200);
    expect((await s.call('DELETE', `${operatorPath}/users/${demo.userName}`, { auth: root })).status).toBe(204);
    expect(await status('GET', '/sims')).toBe(401);
  });
});
