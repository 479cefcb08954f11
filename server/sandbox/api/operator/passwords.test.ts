/** Password changes: the root account's (`POST /operators/{id}/password`) and a SAM user's (`PUT .../password`). */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { grant } from '../../../test/sam';
import { codes } from '../../errors';

let s: ContractSandbox;
let root: Credentials;
beforeEach(async () => {
  s = createContractSandbox({ fleet: 0 });
  root = await s.loginRoot();
});

const operatorPassword = `/operators/${demo.operatorId}/password`;
const userPassword = (userName: string = demo.userName) => `/operators/${demo.operatorId}/users/${userName}/password`;
const samLogin = (password: string = demo.userPassword) =>
  s.call('POST', '/auth', { body: { operatorId: demo.operatorId, userName: demo.userName, password } });

describe('POST /operators/{id}/password', () => {
  it('changes the root account’s password with the current one (200, no body)', async () => {
    const res = await s.call('POST', operatorPassword, {
      auth: root,
      body: { currentPassword: demo.password, newPassword: 'changed-passw0rd' },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const old = await s.call('POST', '/auth', { body: { email: demo.email, password: demo.password } });
    expect(old.status).toBe(401);
    const next = await s.call('POST', '/auth', { body: { email: demo.email, password: 'changed-passw0rd' } });
    expect(next.status).toBe(200);
  });

  it('refuses a wrong current password with 400 and a clear message', async () => {
    const res = await s.call('POST', operatorPassword, {
      auth: root,
      body: { currentPassword: 'wrong-password', newPassword: 'changed-passw0rd' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: codes.authFailed, message: 'The current password is not correct.' });
    expect((await s.call('POST', '/auth', { body: { email: demo.email, password: demo.password } })).status).toBe(200);
  });

  it.each([
    ['too short', 'abc1'],
    ['without a digit', 'no-digits-at-all'],
    ['without a letter', '1234567890'],
  ])('refuses a new password %s with 400', async (_what, newPassword) => {
    const res = await s.call('POST', operatorPassword, {
      auth: root,
      body: { currentPassword: demo.password, newPassword },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
  });

  it('is for the root account only', async () => {
    const sam = (await samLogin()).body;
    const res = await s.call('POST', operatorPassword, {
      auth: sam,
      body: { currentPassword: demo.password, newPassword: 'changed-passw0rd' },
    });
    expect(res.status).toBe(403);
  });

  it('needs both passwords', async () => {
    for (const body of [{ currentPassword: demo.password }, { newPassword: 'changed-passw0rd' }]) {
      expect((await s.call('POST', operatorPassword, { auth: root, body })).status).toBe(400);
    }
  });
});

describe('PUT /operators/{id}/users/{name}/password', () => {
  // SORACOM's documented example: a user may change their own password, and only theirs.
  beforeEach(() =>
    grant(s, root, demo.userName, {
      effect: 'allow',
      api: 'User:updateUserPassword',
      condition: "pathVariable('user_name') == samUserName",
    }),
  );

  it('lets the SAM user change their own password with the current one', async () => {
    const sam = (await samLogin()).body;
    const res = await s.call('PUT', userPassword(), {
      auth: sam,
      body: { currentPassword: demo.userPassword, newPassword: 'user-changed-1' },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await samLogin()).status).toBe(401);
    expect((await samLogin('user-changed-1')).status).toBe(200);
  });

  it('lets the root account do it too, still with the current password', async () => {
    const wrong = await s.call('PUT', userPassword(), {
      auth: root,
      body: { currentPassword: 'wrong-password', newPassword: 'user-changed-1' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('The current password is not correct.');
    const res = await s.call('PUT', userPassword(), {
      auth: root,
      body: { currentPassword: demo.userPassword, newPassword: 'user-changed-1' },
    });
    expect(res.status).toBe(200);
    expect((await samLogin('user-changed-1')).status).toBe(200);
  });

  it('applies the password length rule', async () => {
    for (const newPassword of ['short', 'x'.repeat(101)]) {
      const res = await s.call('PUT', userPassword(), {
        auth: root,
        body: { currentPassword: demo.userPassword, newPassword },
      });
      expect(res.status).toBe(400);
    }
  });

  it('is refused to another SAM user (403), for an unknown user (404) and a user without a password (400)', async () => {
    await s.call('POST', `/operators/${demo.operatorId}/users/nopassword`, { auth: root, body: {} });
    const sam = (await samLogin()).body;
    const body = { currentPassword: demo.userPassword, newPassword: 'user-changed-1' };
    expect((await s.call('PUT', userPassword('nopassword'), { auth: sam, body })).status).toBe(403);
    expect((await s.call('PUT', userPassword('nobody'), { auth: root, body })).status).toBe(404);
    expect((await s.call('PUT', userPassword('nopassword'), { auth: root, body })).status).toBe(400);
  });
});
