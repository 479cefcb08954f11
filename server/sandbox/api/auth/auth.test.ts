import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, createContractSandbox, demo } from '../../../test/contract';
import { codes } from '../../errors';
import { demoTeam } from '../../seedTeam';

// A fresh sandbox for every test: several of them move the clock. No SIMs are needed here.
let s: ContractSandbox;
beforeEach(() => {
  s = createContractSandbox({ fleet: 0 });
});

describe('POST /auth', () => {
  it('logs the root account in with email and password', async () => {
    const res = await s.call('POST', '/auth', { body: { email: demo.email, password: demo.password } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      apiKey: expect.any(String),
      token: expect.any(String),
      operatorId: demo.operatorId,
    });
    expect(res.body.apiKey).not.toBe('');
    expect(res.body.token).not.toBe('');
    const me = await s.call('GET', `/operators/${demo.operatorId}`, { auth: res.body });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(demo.email);
  });

  it('matches the email without regard to case', async () => {
    const res = await s.call('POST', '/auth', { body: { email: demo.email.toUpperCase(), password: demo.password } });
    expect(res.status).toBe(200);
  });

  it('answers a wrong password and an unknown email alike, so accounts cannot be enumerated', async () => {
    const wrongPassword = await s.call('POST', '/auth', { body: { email: demo.email, password: 'not-the-password' } });
    const unknownEmail = await s.call('POST', '/auth', {
      body: { email: 'nobody@example.com', password: demo.password },
    });
    const noPassword = await s.call('POST', '/auth', { body: { email: demo.email } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(noPassword.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(noPassword.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body.code).toBe(codes.authFailed);
  });

  it('logs a SAM user in with operator ID, user name and password', async () => {
    const res = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ operatorId: demo.operatorId, userName: demo.userName });
    // The token identifies the user (not 401); demo-user has no permission, so the call is refused (403).
    const sims = await s.call('GET', '/sims?limit=1', { auth: res.body });
    expect(sims.status).toBe(403);
    expect(sims.body.code).toBe(codes.forbidden);
    const viewer = demoTeam[0];
    const allowed = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: viewer.userName, password: viewer.password },
    });
    expect((await s.call('GET', '/sims?limit=1', { auth: allowed.body })).status).toBe(200);
  });

  it('refuses a SAM user with a wrong password, an unknown user or another operator with the same answer', async () => {
    const attempts = [
      { operatorId: demo.operatorId, userName: demo.userName, password: 'wrong-password' },
      { operatorId: demo.operatorId, userName: 'no-such-user', password: demo.userPassword },
      { operatorId: 'OP9999999999', userName: demo.userName, password: demo.userPassword },
    ];
    const answers = [];
    for (const body of attempts) answers.push(await s.call('POST', '/auth', { body }));
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(answers[0]?.body);
    }
  });

  it('logs in with the auth key given to /sandbox/init', async () => {
    const op = await s.newOperator();
    const res = await s.call('POST', '/auth', { body: { authKeyId: op.authKeyId, authKey: op.authKey } });
    expect(res.status).toBe(200);
    expect(res.body.operatorId).toBe(op.operatorId);
    expect(res.body.userName).toBeUndefined();
    const wrong = await s.call('POST', '/auth', { body: { authKeyId: op.authKeyId, authKey: 'wrong' } });
    expect(wrong.status).toBe(401);
    const unknown = await s.call('POST', '/auth', { body: { authKeyId: 'keyId-unknown', authKey: op.authKey } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('asks for credentials when none of the ways to log in is given', async () => {
    const res = await s.call('POST', '/auth', { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
  });

  it.each([
    ['below the minimum', 179],
    ['above the maximum of the description', 172_801],
    ['negative', -1],
    ['not an integer', 3600.5],
    ['a string', '3600'],
    ['null', null],
  ])('rejects a tokenTimeoutSeconds %s with 400', async (_what, tokenTimeoutSeconds) => {
    const res = await s.call('POST', '/auth', {
      body: { email: demo.email, password: demo.password, tokenTimeoutSeconds },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
  });

  it.each([180, 172_800])('accepts a tokenTimeoutSeconds of %i', async (tokenTimeoutSeconds) => {
    const res = await s.call('POST', '/auth', {
      body: { email: demo.email, password: demo.password, tokenTimeoutSeconds },
    });
    expect(res.status).toBe(200);
  });
});

describe('token expiry and refresh', () => {
  const login = async (tokenTimeoutSeconds: number) => {
    const res = await s.call('POST', '/auth', {
      body: { email: demo.email, password: demo.password, tokenTimeoutSeconds },
    });
    expect(res.status).toBe(200);
    return res.body as { apiKey: string; token: string; operatorId: string };
  };

  it('accepts a token until its timeout and refuses it from then on', async () => {
    const auth = await login(180);
    s.clock.advance(179_999);
    expect((await s.call('GET', '/sims?limit=1', { auth })).status).toBe(200);
    s.clock.advance(1);
    const expired = await s.call('GET', '/sims?limit=1', { auth });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe(codes.tokenExpired);
  });

  it('uses 24 hours when no timeout is given', async () => {
    const auth = await s.loginRoot();
    s.clock.advance(86_400_000 - 1);
    expect((await s.call('GET', '/sims?limit=1', { auth })).status).toBe(200);
    s.clock.advance(1);
    expect((await s.call('GET', '/sims?limit=1', { auth })).status).toBe(401);
  });

  it('refuses to refresh an expired token with 400 AUM0005', async () => {
    const auth = await login(180);
    s.clock.advance(181_000);
    const res = await s.call('POST', `/operators/${auth.operatorId}/token`, { auth, body: {} });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('AUM0005');
    expect(res.body.code).toBe(codes.tokenExpired);
  });

  it('refreshes a valid token: the new one works and lasts its own timeout', async () => {
    const auth = await login(180);
    s.clock.advance(60_000);
    const res = await s.call('POST', `/operators/${auth.operatorId}/token`, {
      auth,
      body: { tokenTimeoutSeconds: 600 },
    });
    expect(res.status).toBe(200);
    expect(res.body.token).toEqual(expect.any(String));
    expect(res.body.token).not.toBe(auth.token);
    const fresh = { apiKey: auth.apiKey, token: res.body.token as string };
    s.clock.advance(300_000); // past the old token's timeout, within the new one's
    expect((await s.call('GET', '/sims?limit=1', { auth })).status).toBe(401);
    expect((await s.call('GET', '/sims?limit=1', { auth: fresh })).status).toBe(200);
  });

  it('refuses to refresh a token of another operator', async () => {
    const auth = await s.loginRoot();
    const other = await s.newOperator();
    const res = await s.call('POST', `/operators/${other.operatorId}/token`, { auth, body: {} });
    expect(res.status).toBe(403);
  });

  it('validates the refresh timeout like /auth does', async () => {
    const auth = await s.loginRoot();
    for (const tokenTimeoutSeconds of [179, 172_801, 'long']) {
      const res = await s.call('POST', `/operators/${auth.operatorId}/token`, {
        auth,
        body: { tokenTimeoutSeconds },
      });
      expect(res.status, `tokenTimeoutSeconds ${tokenTimeoutSeconds}`).toBe(400);
    }
  });

  it('does not accept a token with another API key', async () => {
    const a = await s.loginRoot();
    const b = await s.loginRoot();
    const res = await s.call('GET', '/sims?limit=1', { auth: { apiKey: a.apiKey, token: b.token } });
    expect(res.status).toBe(401);
  });
});

describe('POST /auth/logout', () => {
  it('answers 204 and revokes the API key and token', async () => {
    const auth = await s.loginRoot();
    const other = await s.loginRoot();
    const res = await s.call('POST', '/auth/logout', { auth });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const after = await s.call('GET', '/sims?limit=1', { auth });
    expect(after.status).toBe(401);
    const again = await s.call('POST', '/auth/logout', { auth });
    expect(again.status).toBe(401);
    // Other sessions of the same operator are not affected.
    expect((await s.call('GET', '/sims?limit=1', { auth: other })).status).toBe(200);
  });

  it('also revokes tokens refreshed for the same API key', async () => {
    const auth = await s.loginRoot();
    const refreshed = await s.call('POST', `/operators/${auth.operatorId}/token`, { auth, body: {} });
    expect(refreshed.status).toBe(200);
    expect((await s.call('POST', '/auth/logout', { auth })).status).toBe(204);
    const res = await s.call('GET', '/sims?limit=1', { auth: { apiKey: auth.apiKey, token: refreshed.body.token } });
    expect(res.status).toBe(401);
  });
});

describe('authentication of secured operations', () => {
  it.each([
    ['no headers', {}],
    ['only an API key', { 'X-Soracom-API-Key': 'api-x' }],
    ['only a token', { 'X-Soracom-Token': 'x' }],
    ['empty values', { 'X-Soracom-API-Key': '', 'X-Soracom-Token': '' }],
  ])('answers 401 with %s', async (_what, headers: Record<string, string>) => {
    const res = await s.call('GET', '/sims', { headers });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(codes.unauthenticated);
  });

  it('answers 401 for an unknown API key and token', async () => {
    const res = await s.call('GET', '/sims', { auth: { apiKey: 'api-unknown', token: 'unknown' } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(codes.tokenInvalid);
  });
});
