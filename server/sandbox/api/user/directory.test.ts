/** SAM users as a list, their descriptions, passwords, auth keys, permissions and trust policies. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { permissionText, samLogin } from '../../../test/sam';
import { codes } from '../../errors';
import { teamLimits } from '../../guesses';
import { demoTeam } from '../../seedTeam';

let s: ContractSandbox;
let root: Credentials;
beforeEach(async () => {
  s = createContractSandbox({ fleet: 0 });
  root = await s.loginRoot();
});

const users = `/operators/${demo.operatorId}/users`;
const call = (method: string, path: string, body?: unknown) => s.call(method, path, { auth: root, body });

describe('listUsers', () => {
  it('lists every SAM user with its details, roles and permission', async () => {
    await call('PUT', `${users}/${demo.userName}/permission`, {
      permission: permissionText({ effect: 'allow', api: 'Sim:listSims' }),
    });
    const res = await call('GET', users);
    expect(res.status).toBe(200);
    const names = res.body.map((user: { userName: string }) => user.userName);
    expect(names).toEqual([demo.userName, ...demoTeam.map((u) => u.userName)].sort());
    const viewer = res.body.find((user: { userName: string }) => user.userName === 'demo-viewer');
    expect(viewer).toMatchObject({ hasPassword: true, authKeyList: [], description: 'Demo read-only user' });
    expect(viewer.roleList).toEqual([
      expect.objectContaining({ roleId: 'viewer', roleName: 'viewer', owner: 'operator' }),
    ]);
    expect(viewer.permission).toBeUndefined();
    const plain = res.body.find((user: { userName: string }) => user.userName === demo.userName);
    expect(JSON.parse(plain.permission)).toEqual({ statements: [{ effect: 'allow', api: 'Sim:listSims' }] });
  });
});

describe('updateUser and deleteUser', () => {
  it('updates the description (200), and 404 for an unknown user, 400 for one too long', async () => {
    expect((await call('PUT', `${users}/${demo.userName}`, { description: 'Renamed' })).status).toBe(200);
    expect((await call('GET', `${users}/${demo.userName}`)).body.description).toBe('Renamed');
    expect((await call('PUT', `${users}/nobody`, { description: 'x' })).status).toBe(404);
    const long = await call('PUT', `${users}/${demo.userName}`, { description: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
  });

  it('deletes the user with its keys and roles (204); its name is free again, and 404 after', async () => {
    const key = (await call('POST', `${users}/demo-viewer/auth_keys`)).body;
    expect((await call('DELETE', `${users}/demo-viewer`)).status).toBe(204);
    expect((await call('GET', `${users}/demo-viewer`)).status).toBe(404);
    expect((await call('DELETE', `${users}/demo-viewer`)).status).toBe(404);
    const byKey = await s.call('POST', '/auth', { body: { authKeyId: key.authKeyId, authKey: key.authKey } });
    expect(byKey.status).toBe(401);
    expect((await call('GET', `/operators/${demo.operatorId}/roles/viewer/users`)).body).toEqual([]);
    expect((await call('POST', `${users}/demo-viewer`, {})).status).toBe(201);
    expect((await call('GET', `${users}/demo-viewer`)).body.roleList).toEqual([]);
  });

  it('refuses a description too long at creation, and more users than the limit', async () => {
    expect((await call('POST', `${users}/verbose`, { description: 'x'.repeat(1001) })).status).toBe(400);
    const insert = s.db.prepare(
      'INSERT INTO users (operator_id, user_name, created_at, updated_at) VALUES (?, ?, 0, 0)',
    );
    const existing = (await call('GET', users)).body.length;
    for (let i = existing; i < teamLimits.usersPerOperator; i++) insert.run(demo.operatorId, `bulk-${i}`);
    const over = await call('POST', `${users}/one-too-many`, {});
    expect(over.status).toBe(400);
    expect(over.body.code).toBe(codes.limitExceeded);
  });
});

describe('passwords and auth keys', () => {
  it('tells whether a user has a password, and deletes it (then 404)', async () => {
    expect((await call('GET', `${users}/${demo.userName}/password`)).body).toEqual({ hasPassword: true });
    expect((await call('DELETE', `${users}/${demo.userName}/password`)).status).toBe(204);
    expect((await call('GET', `${users}/${demo.userName}/password`)).body).toEqual({ hasPassword: false });
    expect((await call('DELETE', `${users}/${demo.userName}/password`)).status).toBe(404);
    const login = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword },
    });
    expect(login.status).toBe(401);
  });

  it('answers one auth key without its secret, and 404 for a key of someone else', async () => {
    const key = (await call('POST', `${users}/${demo.userName}/auth_keys`)).body;
    const one = await call('GET', `${users}/${demo.userName}/auth_keys/${key.authKeyId}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ authKeyId: key.authKeyId, createDateTime: Math.floor(s.clock.now / 1000) });
    expect((await call('GET', `${users}/demo-viewer/auth_keys/${key.authKeyId}`)).status).toBe(404);
  });
});

describe('user permission', () => {
  const path = `${users}/${demo.userName}/permission`;
  it('is "" until set, is kept as given, and is removed by DELETE (204)', async () => {
    expect((await call('GET', path)).body).toEqual({ permission: '' });
    const text = permissionText({ effect: 'deny', api: ['Billing:*'] }, { effect: 'allow', api: '*' });
    expect((await call('PUT', path, { permission: text })).status).toBe(200);
    expect((await call('GET', path)).body).toEqual({ permission: text });
    expect((await call('DELETE', path)).status).toBe(204);
    expect((await call('GET', path)).body).toEqual({ permission: '' });
  });

  it('refuses an invalid permission with 400 {code, message} naming the problem', async () => {
    const res = await call('PUT', path, { permission: '{"statements":[{"effect":"allow","api":"Sim:"}]}' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: codes.permissionInvalid, message: expect.stringContaining('statements[0]') });
    const unsupported = await call('PUT', path, {
      permission: permissionText({ effect: 'allow', api: '*', condition: 'whatever(1)' }),
    });
    expect(unsupported.status).toBe(400);
    const huge = await call('PUT', path, {
      permission: `{"statements":[${'{"effect":"allow","api":"*"},'.repeat(2000)}]}`,
    });
    expect(huge.status).toBe(400);
    expect((await call('PUT', `${users}/nobody/permission`, { permission: '{"statements":[]}' })).status).toBe(404);
  });
});

describe('default permissions', () => {
  const path = `/operators/${demo.operatorId}/users/default_permissions`;
  it('are "" until set, accepted with 202, removed with 204, and checked like a permission', async () => {
    expect((await call('GET', path)).body).toEqual({ defaultPermissions: '' });
    const text = permissionText({ effect: 'allow', api: 'Sim:listSims' });
    expect((await call('PUT', path, { permissions: text })).status).toBe(202);
    expect((await call('GET', path)).body).toEqual({ defaultPermissions: text });
    expect((await call('PUT', path, { permissions: 'nope' })).status).toBe(400);
    expect((await call('DELETE', path)).status).toBe(204);
    expect((await call('GET', path)).body).toEqual({ defaultPermissions: '' });
  });

  it('are read by a SAM user with the demo roles (to know what it may do), but not changed', async () => {
    const viewer = await samLogin(s, demoTeam[0].userName, demoTeam[0].password);
    expect((await s.call('GET', path, { auth: viewer })).status).toBe(200);
    const put = await s.call('PUT', path, { auth: viewer, body: { permissions: '{"statements":[]}' } });
    expect(put.status).toBe(403);
  });
});

describe('trust policy', () => {
  const path = `${users}/${demo.userName}/trust_policy`;
  const policy = JSON.stringify({
    statements: [{ effect: 'allow', principal: { soracom: ['srn:soracom:OP0000000002::User:accounting'] } }],
  });
  it('is stored (204), read back, and deleted (204)', async () => {
    expect((await call('GET', path)).body).toEqual({ trustPolicy: '' });
    expect((await call('PUT', path, { trustPolicy: policy })).status).toBe(204);
    expect((await call('GET', path)).body).toEqual({ trustPolicy: policy });
    expect((await call('DELETE', path)).status).toBe(204);
    expect((await call('GET', path)).body).toEqual({ trustPolicy: '' });
  });

  it.each([
    ['missing', {}],
    ['not JSON', { trustPolicy: '{' }],
    ['without statements', { trustPolicy: '{}' }],
    ['with a wrong effect', { trustPolicy: '{"statements":[{"effect":"x","principal":{"soracom":[]}}]}' }],
    [
      'with a principal that is no SRN',
      { trustPolicy: '{"statements":[{"effect":"allow","principal":{"soracom":["me"]}}]}' },
    ],
    ['too long', { trustPolicy: 'x'.repeat(10_001) }],
  ])('is refused with 400 when %s', async (_what, body) => {
    const res = await call('PUT', path, body);
    expect(res.status).toBe(400);
    expect((await call('GET', path)).body).toEqual({ trustPolicy: '' });
  });
});
