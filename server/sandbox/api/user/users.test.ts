import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { grant, samLogin, selfService } from '../../../test/sam';
import { codes } from '../../errors';

let s: ContractSandbox;
let root: Credentials & { operatorId: string };
beforeEach(async () => {
  s = createContractSandbox({ fleet: 0 });
  root = await s.loginRoot();
});

const userPath = (name: string) => `/operators/${demo.operatorId}/users/${name}`;

describe('SAM users', () => {
  it('are created by the root account, once', async () => {
    const created = await s.call('POST', userPath('alice'), { auth: root, body: { description: 'Alice' } });
    expect(created.status).toBe(201);
    expect(created.text).toBe('');
    const again = await s.call('POST', userPath('alice'), { auth: root, body: {} });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(codes.alreadyExists);
  });

  it('need a request body, as the description says, and default to an empty description', async () => {
    const none = await s.call('POST', userPath('bob'), { auth: root });
    expect(none.status).toBe(400);
    expect((await s.call('GET', userPath('bob'), { auth: root })).status).toBe(404);
    expect((await s.call('POST', userPath('bob'), { auth: root, body: {} })).status).toBe(201);
    const user = await s.call('GET', userPath('bob'), { auth: root });
    expect(user.body.description).toBe('');
  });

  it('get a password once and can then log in', async () => {
    expect((await s.call('POST', userPath('carol'), { auth: root, body: {} })).status).toBe(201);
    const beforePassword = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: 'carol', password: '' },
    });
    expect(beforePassword.status).toBe(401);

    const password = await s.call('POST', `${userPath('carol')}/password`, {
      auth: root,
      body: { password: 'carol-password' },
    });
    expect(password.status).toBe(201);
    const again = await s.call('POST', `${userPath('carol')}/password`, {
      auth: root,
      body: { password: 'other-password' },
    });
    expect(again.status).toBe(400);

    const login = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: 'carol', password: 'carol-password' },
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ operatorId: demo.operatorId, userName: 'carol' });
  });

  it.each([
    ['too short', 'short'],
    ['empty', ''],
    ['too long', 'x'.repeat(101)],
  ])('refuse a password that is %s', async (_what, password) => {
    await s.call('POST', userPath('dave'), { auth: root, body: {} });
    const res = await s.call('POST', `${userPath('dave')}/password`, { auth: root, body: { password } });
    expect(res.status).toBe(400);
  });

  it('need an existing user for a password', async () => {
    const res = await s.call('POST', `${userPath('nobody')}/password`, {
      auth: root,
      body: { password: 'long-enough' },
    });
    expect(res.status).toBe(404);
  });

  it.each([
    ['a space', 'with%20space'],
    ['a colon', 'a%3Ab'],
    ['more than 100 characters', 'u'.repeat(101)],
  ])('refuse a user name with %s', async (_what, name) => {
    const res = await s.call('POST', userPath(name), { auth: root, body: {} });
    expect(res.status).toBe(400);
  });

  it('cannot be created by a SAM user', async () => {
    const sam = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword },
    });
    expect(sam.status).toBe(200);
    const res = await s.call('POST', userPath('mallory'), { auth: sam.body, body: {} });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(codes.forbidden);
    const password = await s.call('POST', `${userPath(demo.userName)}/password`, {
      auth: sam.body,
      body: { password: 'new-password' },
    });
    expect(password.status).toBe(403);
  });

  it('are described by GET: the root account sees any user, a SAM user only as its permissions allow', async () => {
    const res = await s.call('GET', userPath(demo.userName), { auth: root });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      userName: demo.userName,
      description: 'Demo SAM user',
      hasPassword: true,
      authKeyList: [],
      roleList: [],
    });
    expect(res.body.permission).toBeUndefined();
    expect(Number.isInteger(res.body.createDateTime)).toBe(true);

    await s.call('POST', userPath('erin'), { auth: root, body: {} });
    const erin = await s.call('GET', userPath('erin'), { auth: root });
    expect(erin.body.hasPassword).toBe(false);

    // demo-user has no permission: not even itself. With the self-service statement, itself and no one else.
    const sam = await samLogin(s);
    expect((await s.call('GET', userPath(demo.userName), { auth: sam })).status).toBe(403);
    await grant(s, root, demo.userName, selfService);
    const own = await s.call('GET', userPath(demo.userName), { auth: sam });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body.permission)).toEqual({ statements: [selfService] });
    expect((await s.call('GET', userPath('erin'), { auth: sam })).status).toBe(403);
  });

  it('answer 404 for an unknown user', async () => {
    const res = await s.call('GET', userPath('nobody'), { auth: root });
    expect(res.status).toBe(404);
  });

  it('belong to their operator: another operator cannot see or create them', async () => {
    const other = await s.newOperator();
    expect((await s.call('GET', userPath(demo.userName), { auth: other })).status).toBe(403);
    expect((await s.call('POST', userPath('intruder'), { auth: other, body: {} })).status).toBe(403);
    const own = await s.call('GET', `/operators/${other.operatorId}/users/${demo.userName}`, { auth: other });
    expect(own.status).toBe(404);
  });
});
