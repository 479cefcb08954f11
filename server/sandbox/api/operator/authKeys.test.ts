/** Auth keys of the root account and of SAM users; and "sign out everywhere" (`DELETE .../tokens`). */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { grant, selfService } from '../../../test/sam';
import { codes } from '../../errors';

let s: ContractSandbox;
let root: Credentials;
beforeEach(async () => {
  s = createContractSandbox({ fleet: 0 });
  root = await s.loginRoot();
  // The user manages their own keys and tokens, as SORACOM's documented self-service statement allows, and lists
  // SIMs: that is how these tests see whether a session still works.
  await grant(s, root, demo.userName, selfService, { effect: 'allow', api: 'Sim:listSims' });
});

const rootKeys = `/operators/${demo.operatorId}/auth_keys`;
const userKeys = (userName: string = demo.userName) => `/operators/${demo.operatorId}/users/${userName}/auth_keys`;
const seconds = (ms: number) => Math.floor(ms / 1000);
const samLogin = () =>
  s.call('POST', '/auth', {
    body: { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword },
  });
const keyLogin = (key: { authKeyId: string; authKey: string }) =>
  s.call('POST', '/auth', { body: { authKeyId: key.authKeyId, authKey: key.authKey } });

describe('auth keys of the root account', () => {
  it('are generated (201), log in, are listed with their last use, and are deleted', async () => {
    expect((await s.call('GET', rootKeys, { auth: root })).body).toEqual([]);
    const generated = await s.call('POST', rootKeys, { auth: root });
    expect(generated.status).toBe(201);
    expect(generated.body).toEqual({
      authKeyId: expect.stringMatching(/^keyId-[0-9a-f-]{36}$/),
      authKey: expect.stringMatching(/^secret-[A-Za-z0-9_-]{64}$/),
    });
    const key = generated.body;
    const created = s.clock.now;

    const unused = await s.call('GET', rootKeys, { auth: root });
    expect(unused.body).toEqual([{ authKeyId: key.authKeyId, createDateTime: seconds(created) }]);

    s.clock.advance(90_000);
    const login = await keyLogin(key);
    expect(login.status).toBe(200);
    expect(login.body.operatorId).toBe(demo.operatorId);
    expect(login.body.userName).toBeUndefined();
    const used = await s.call('GET', rootKeys, { auth: login.body });
    expect(used.body).toEqual([
      { authKeyId: key.authKeyId, createDateTime: seconds(created), lastUsedDateTime: seconds(s.clock.now) },
    ]);

    const deleted = await s.call('DELETE', `${rootKeys}/${key.authKeyId}`, { auth: root });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const refused = await keyLogin(key);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe(codes.authFailed);
    expect((await s.call('GET', rootKeys, { auth: root })).body).toEqual([]);
  });

  it('are random, and only a digest of the secret is kept', async () => {
    const a = (await s.call('POST', rootKeys, { auth: root })).body;
    const b = (await s.call('POST', rootKeys, { auth: root })).body;
    expect(a.authKeyId).not.toBe(b.authKeyId);
    expect(a.authKey).not.toBe(b.authKey);
    const stored = s.db.prepare('SELECT secret_hash FROM auth_keys WHERE auth_key_id = ?').get(a.authKeyId) as {
      secret_hash: string;
    };
    expect(stored.secret_hash).not.toContain(a.authKey.slice('secret-'.length));
    const list = await s.call('GET', rootKeys, { auth: root });
    expect(list.body.map((k: { authKeyId: string }) => k.authKeyId)).toEqual([a.authKeyId, b.authKeyId]);
    expect(JSON.stringify(list.body)).not.toContain('secret-');
  });

  it('answer 404 {code, message} for deleting an unknown key, a SAM user’s key or another operator’s', async () => {
    const userKey = (await s.call('POST', userKeys(), { auth: root })).body;
    const other = await s.newOperator();
    for (const id of ['keyId-unknown', userKey.authKeyId, other.authKeyId]) {
      const res = await s.call('DELETE', `${rootKeys}/${id}`, { auth: root });
      expect(res.status, id).toBe(404);
      expect(res.body).toEqual({ code: codes.notFound, message: expect.any(String) });
    }
    expect((await keyLogin(userKey)).status).toBe(200);
    expect((await keyLogin(other)).status).toBe(200);
  });

  it('are the root account’s: a SAM user and another operator get 403', async () => {
    const sam = (await samLogin()).body;
    const other = await s.newOperator();
    for (const auth of [sam, other]) {
      for (const [method, path] of [
        ['GET', rootKeys],
        ['POST', rootKeys],
        ['DELETE', `${rootKeys}/keyId-x`],
      ] as const) {
        expect((await s.call(method, path, { auth })).status, `${method} ${path}`).toBe(403);
      }
    }
  });
});

describe('auth keys of SAM users', () => {
  it('are generated (200) by the user or by the root account, log the user in, and show in the user', async () => {
    const sam = (await samLogin()).body;
    const own = await s.call('POST', userKeys(), { auth: sam });
    expect(own.status).toBe(200);
    const byRoot = await s.call('POST', userKeys(), { auth: root });
    expect(byRoot.status).toBe(200);

    const login = await keyLogin(own.body);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ operatorId: demo.operatorId, userName: demo.userName });

    const list = await s.call('GET', userKeys(), { auth: sam });
    expect(list.body).toEqual([
      { authKeyId: own.body.authKeyId, createDateTime: seconds(s.clock.now), lastUsedDateTime: seconds(s.clock.now) },
      { authKeyId: byRoot.body.authKeyId, createDateTime: seconds(s.clock.now) },
    ]);
    const user = await s.call('GET', `/operators/${demo.operatorId}/users/${demo.userName}`, { auth: root });
    expect(user.body.authKeyList).toEqual(list.body);
    // The root account's own list does not show them.
    expect((await s.call('GET', rootKeys, { auth: root })).body).toEqual([]);
  });

  it('are deleted by the user or the root account; then the key no longer logs in', async () => {
    const sam = (await samLogin()).body;
    const a = (await s.call('POST', userKeys(), { auth: sam })).body;
    const b = (await s.call('POST', userKeys(), { auth: sam })).body;
    expect((await s.call('DELETE', `${userKeys()}/${a.authKeyId}`, { auth: sam })).status).toBe(204);
    expect((await s.call('DELETE', `${userKeys()}/${b.authKeyId}`, { auth: root })).status).toBe(204);
    expect((await keyLogin(a)).status).toBe(401);
    expect((await keyLogin(b)).status).toBe(401);
    const again = await s.call('DELETE', `${userKeys()}/${a.authKeyId}`, { auth: sam });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ code: codes.notFound, message: expect.any(String) });
  });

  it('are the user’s own: another SAM user gets 403, an unknown user 404', async () => {
    await s.call('POST', `/operators/${demo.operatorId}/users/other`, { auth: root, body: {} });
    const otherKey = (await s.call('POST', userKeys('other'), { auth: root })).body;
    const sam = (await samLogin()).body;
    for (const [method, path] of [
      ['GET', userKeys('other')],
      ['POST', userKeys('other')],
      ['DELETE', `${userKeys('other')}/${otherKey.authKeyId}`],
    ] as const) {
      expect((await s.call(method, path, { auth: sam })).status, `${method} ${path}`).toBe(403);
    }
    // Another user's key is not found under this user.
    expect((await s.call('DELETE', `${userKeys()}/${otherKey.authKeyId}`, { auth: sam })).status).toBe(404);
    for (const method of ['GET', 'POST'] as const) {
      expect((await s.call(method, userKeys('nobody'), { auth: root })).status).toBe(404);
    }
  });
});

describe('sign out everywhere', () => {
  it('revokes every API key of the root account but the caller’s; SAM users keep theirs', async () => {
    const second = await s.loginRoot();
    const refreshed = await s.call('POST', `/operators/${demo.operatorId}/token`, { auth: second, body: {} });
    const sam = (await samLogin()).body;
    const res = await s.call('DELETE', `/operators/${demo.operatorId}/tokens`, { auth: root });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await s.call('GET', '/sims', { auth: root })).status).toBe(200);
    expect((await s.call('GET', '/sims', { auth: second })).status).toBe(401);
    expect(
      (await s.call('GET', '/sims', { auth: { apiKey: second.apiKey, token: refreshed.body.token } })).status,
    ).toBe(401);
    expect((await s.call('GET', '/sims', { auth: sam })).status).toBe(200);
  });

  it('revokes a SAM user’s API keys but the caller’s, when the user asks', async () => {
    const first = (await samLogin()).body;
    const second = (await samLogin()).body;
    const path = `/operators/${demo.operatorId}/users/${demo.userName}/tokens`;
    expect((await s.call('DELETE', path, { auth: first })).status).toBe(204);
    expect((await s.call('GET', '/sims', { auth: first })).status).toBe(200);
    expect((await s.call('GET', '/sims', { auth: second })).status).toBe(401);
    expect((await s.call('GET', '/sims', { auth: root })).status).toBe(200);
  });

  it('revokes all of a SAM user’s API keys when the root account asks', async () => {
    const sam = (await samLogin()).body;
    const res = await s.call('DELETE', `/operators/${demo.operatorId}/users/${demo.userName}/tokens`, { auth: root });
    expect(res.status).toBe(204);
    expect((await s.call('GET', '/sims', { auth: sam })).status).toBe(401);
    expect((await s.call('GET', '/sims', { auth: root })).status).toBe(200);
  });

  it('is refused to a SAM user for the root account or another user, and 404 for an unknown user', async () => {
    await s.call('POST', `/operators/${demo.operatorId}/users/other`, { auth: root, body: {} });
    const sam = (await samLogin()).body;
    expect((await s.call('DELETE', `/operators/${demo.operatorId}/tokens`, { auth: sam })).status).toBe(403);
    expect((await s.call('DELETE', `/operators/${demo.operatorId}/users/other/tokens`, { auth: sam })).status).toBe(
      403,
    );
    expect((await s.call('DELETE', `/operators/${demo.operatorId}/users/nobody/tokens`, { auth: root })).status).toBe(
      404,
    );
    expect((await s.call('GET', '/sims', { auth: root })).status).toBe(200);
  });
});
