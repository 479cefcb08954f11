/** MFA of SAM users: the user turns it on for themself; the root account may read it and turn it off. */
import { beforeEach, describe, expect, it } from 'vitest';
import { MFA_REQUIRED_CODE } from '../../../../common/soracomCodes';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { enableUserMfa, parseTotp, step, wrongCode } from '../../../test/mfa';
import { grant, selfService } from '../../../test/sam';
import { codes } from '../../errors';

let s: ContractSandbox;
let root: Credentials;
let sam: Credentials;
beforeEach(async () => {
  s = createContractSandbox({ fleet: 0 });
  root = await s.loginRoot();
  await grant(s, root, demo.userName, selfService);
  const login = await s.call('POST', '/auth', {
    body: { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword },
  });
  sam = login.body;
});

const mfaPath = (userName: string = demo.userName) => `/operators/${demo.operatorId}/users/${userName}/mfa`;
const samLogin = (mfaOTPCode?: string) =>
  s.call('POST', '/auth', {
    body: { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword, mfaOTPCode },
  });
const status = async (auth: Credentials) => {
  const res = await s.call('GET', mfaPath(), { auth });
  expect(res.status).toBe(200);
  return res.body.status as string;
};

describe('SAM user MFA', () => {
  it('is INACTIVE at first; enable gives a TOTP URI, verify answers 204, and then it is ACTIVE', async () => {
    expect(await status(sam)).toBe('INACTIVE');
    const enabled = await s.call('POST', mfaPath(), { auth: sam });
    expect(enabled.status).toBe(200);
    const totp = parseTotp(enabled.body.totpUri);
    expect(totp).toMatchObject({ issuer: 'SORACOM', digits: 6, period: 30, algorithm: 'SHA1' });
    expect(totp.label).toBe(`${demo.userName}@${demo.operatorId}`);
    expect(await status(sam)).toBe('UNCONFIRMED');

    const wrong = await s.call('POST', `${mfaPath()}/verify`, {
      auth: sam,
      body: { mfaOTPCode: wrongCode(totp, s.clock.now) },
    });
    expect(wrong.status).toBe(400);
    expect(await status(sam)).toBe('UNCONFIRMED');

    const verified = await s.call('POST', `${mfaPath()}/verify`, {
      auth: sam,
      body: { mfaOTPCode: totp.generate({ timestamp: s.clock.now }) },
    });
    expect(verified.status).toBe(204);
    expect(verified.text).toBe('');
    expect(await status(sam)).toBe('ACTIVE');
    expect(await status(root)).toBe('ACTIVE');
  });

  it('asks for the code at login like the root account: missing or wrong → 401, right → 200, reused → 401', async () => {
    const totp = await enableUserMfa(s, sam, demo.operatorId, demo.userName);
    const missing = await samLogin();
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe(MFA_REQUIRED_CODE);
    const wrong = await samLogin(wrongCode(totp, s.clock.now));
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe(MFA_REQUIRED_CODE);

    const code = totp.generate({ timestamp: s.clock.now });
    const right = await samLogin(code);
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ operatorId: demo.operatorId, userName: demo.userName });
    const reused = await samLogin(code);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe(MFA_REQUIRED_CODE);

    s.clock.advance(step);
    expect((await samLogin(totp.generate({ timestamp: s.clock.now }))).status).toBe(200);
  });

  it('does not ask for the code of a wrong password, nor for an auth-key login', async () => {
    const totp = await enableUserMfa(s, sam, demo.operatorId, demo.userName);
    const res = await s.call('POST', '/auth', {
      body: {
        operatorId: demo.operatorId,
        userName: demo.userName,
        password: 'wrong-password',
        mfaOTPCode: totp.generate({ timestamp: s.clock.now }),
      },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(codes.authFailed);

    const key = await s.call('POST', `/operators/${demo.operatorId}/users/${demo.userName}/auth_keys`, { auth: sam });
    const byKey = await s.call('POST', '/auth', { body: { authKeyId: key.body.authKeyId, authKey: key.body.authKey } });
    expect(byKey.status).toBe(200);
  });

  it('is enabled and verified by the user only: the root account gets 403', async () => {
    expect((await s.call('POST', mfaPath(), { auth: root })).status).toBe(403);
    expect((await s.call('POST', `${mfaPath()}/verify`, { auth: root, body: { mfaOTPCode: '123456' } })).status).toBe(
      403,
    );
  });

  it('is the user’s own: another SAM user gets 403 for everything', async () => {
    await s.call('POST', `/operators/${demo.operatorId}/users/other`, { auth: root, body: {} });
    for (const [method, path] of [
      ['GET', mfaPath('other')],
      ['POST', mfaPath('other')],
      ['DELETE', mfaPath('other')],
    ] as const) {
      const res = await s.call(method, path, { auth: sam });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const verify = await s.call('POST', `${mfaPath('other')}/verify`, { auth: sam, body: { mfaOTPCode: '123456' } });
    expect(verify.status).toBe(403);
  });

  it('is revoked by the root account (no password needed) or by the user; login then needs no code', async () => {
    await enableUserMfa(s, sam, demo.operatorId, demo.userName);
    const byRoot = await s.call('DELETE', mfaPath(), { auth: root });
    expect(byRoot.status).toBe(204);
    expect(await status(root)).toBe('INACTIVE');
    expect((await samLogin()).status).toBe(200);

    await enableUserMfa(s, sam, demo.operatorId, demo.userName);
    expect((await s.call('DELETE', mfaPath(), { auth: sam })).status).toBe(204);
    expect(await status(sam)).toBe('INACTIVE');
  });

  it('refuses to enable MFA again while it is ACTIVE, and to verify when it was not enabled', async () => {
    const notEnabled = await s.call('POST', `${mfaPath()}/verify`, { auth: sam, body: { mfaOTPCode: '123456' } });
    expect(notEnabled.status).toBe(400);
    expect(notEnabled.body.code).toBe(codes.mfaState);
    await enableUserMfa(s, sam, demo.operatorId, demo.userName);
    const again = await s.call('POST', mfaPath(), { auth: sam });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(codes.mfaState);
  });

  it('answers 404 for an unknown user and 403 for another operator', async () => {
    expect((await s.call('GET', mfaPath('nobody'), { auth: root })).status).toBe(404);
    expect((await s.call('DELETE', mfaPath('nobody'), { auth: root })).status).toBe(404);
    const other = await s.newOperator();
    expect((await s.call('GET', mfaPath(), { auth: other })).status).toBe(403);
  });
});
