import { TOTP, URI } from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import { MFA_REQUIRED_CODE } from '../../../../common/soracomCodes';
import { type ContractSandbox, type Credentials, createContractSandbox } from '../../../test/contract';
import { codes } from '../../errors';

let s: ContractSandbox;
beforeEach(() => {
  s = createContractSandbox({ fleet: 0 });
});

const step = 30_000;

/** A well-formed code that is not valid around `timestamp`. */
function wrongCode(totp: TOTP, timestamp: number): string {
  for (let n = 0; ; n++) {
    const code = String(n * 111_111).padStart(6, '0');
    if (totp.validate({ token: code, timestamp, window: 1 }) === null) return code;
  }
}

async function enable(auth: Credentials, operatorId: string): Promise<TOTP> {
  const res = await s.call('POST', `/operators/${operatorId}/mfa`, { auth });
  expect(res.status).toBe(200);
  const otp = URI.parse(res.body.totpUri);
  expect(otp).toBeInstanceOf(TOTP);
  expect(otp).toMatchObject({ issuer: 'SORACOM', digits: 6, period: 30, algorithm: 'SHA1' });
  return otp as TOTP;
}

const status = async (auth: Credentials, operatorId: string) => {
  const res = await s.call('GET', `/operators/${operatorId}/mfa`, { auth });
  expect(res.status).toBe(200);
  return res.body.status as string;
};

/** A fresh operator with MFA enabled and verified; the clock is moved on a step so the verifying code is spent. */
async function operatorWithMfa() {
  const op = await s.newOperator();
  const totp = await enable(op, op.operatorId);
  const verify = await s.call('POST', `/operators/${op.operatorId}/mfa/verify`, {
    auth: op,
    body: { mfaOTPCode: totp.generate({ timestamp: s.clock.now }) },
  });
  expect(verify.status).toBe(200);
  s.clock.advance(step);
  return { op, totp, backupCodes: verify.body.backupCodes as string[] };
}

describe('MFA of the root account', () => {
  it('is INACTIVE for a new operator', async () => {
    const op = await s.newOperator();
    expect(await status(op, op.operatorId)).toBe('INACTIVE');
  });

  it('is enabled, verified with a TOTP code and then ACTIVE, with ten 8-digit backup codes', async () => {
    const op = await s.newOperator();
    const totp = await enable(op, op.operatorId);
    expect(await status(op, op.operatorId)).toBe('UNCONFIRMED');
    const res = await s.call('POST', `/operators/${op.operatorId}/mfa/verify`, {
      auth: op,
      body: { mfaOTPCode: totp.generate({ timestamp: s.clock.now }) },
    });
    expect(res.status).toBe(200);
    expect(res.body.backupCodes).toHaveLength(10);
    for (const code of res.body.backupCodes) expect(code).toMatch(/^\d{8}$/);
    expect(await status(op, op.operatorId)).toBe('ACTIVE');
  });

  it('refuses a wrong code while verifying and stays UNCONFIRMED', async () => {
    const op = await s.newOperator();
    const totp = await enable(op, op.operatorId);
    const right = totp.generate({ timestamp: s.clock.now });
    const wrong = wrongCode(totp, s.clock.now);
    for (const mfaOTPCode of [wrong, '', '12345', 'abcdef', `${right}0`]) {
      const res = await s.call('POST', `/operators/${op.operatorId}/mfa/verify`, { auth: op, body: { mfaOTPCode } });
      expect(res.status, `code "${mfaOTPCode}"`).toBe(400);
    }
    expect(await status(op, op.operatorId)).toBe('UNCONFIRMED');
  });

  it('refuses to verify when MFA was not enabled', async () => {
    const op = await s.newOperator();
    const res = await s.call('POST', `/operators/${op.operatorId}/mfa/verify`, {
      auth: op,
      body: { mfaOTPCode: '123456' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.mfaState);
  });

  it('refuses to enable MFA again while it is ACTIVE', async () => {
    const { op } = await operatorWithMfa();
    const login = await s.call('POST', '/auth', { body: { authKeyId: op.authKeyId, authKey: op.authKey } });
    const res = await s.call('POST', `/operators/${op.operatorId}/mfa`, { auth: login.body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.mfaState);
  });

  it('asks for the code at login: missing or wrong → 401 MFA_REQUIRED_CODE, right → 200, reused → 401', async () => {
    const { op, totp } = await operatorWithMfa();
    const credentials = { email: op.email, password: op.password };

    const missing = await s.call('POST', '/auth', { body: credentials });
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe(MFA_REQUIRED_CODE);

    const code = totp.generate({ timestamp: s.clock.now });
    const wrong = await s.call('POST', '/auth', {
      body: { ...credentials, mfaOTPCode: wrongCode(totp, s.clock.now) },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe(MFA_REQUIRED_CODE);

    const right = await s.call('POST', '/auth', { body: { ...credentials, mfaOTPCode: code } });
    expect(right.status).toBe(200);
    expect(right.body.operatorId).toBe(op.operatorId);

    const reused = await s.call('POST', '/auth', { body: { ...credentials, mfaOTPCode: code } });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe(MFA_REQUIRED_CODE);

    s.clock.advance(step);
    const next = await s.call('POST', '/auth', {
      body: { ...credentials, mfaOTPCode: totp.generate({ timestamp: s.clock.now }) },
    });
    expect(next.status).toBe(200);
  });

  it('accepts a code of the previous step but not older, and not the code that verified MFA', async () => {
    const op = await s.newOperator();
    const totp = await enable(op, op.operatorId);
    const verifyingCode = totp.generate({ timestamp: s.clock.now });
    await s.call('POST', `/operators/${op.operatorId}/mfa/verify`, { auth: op, body: { mfaOTPCode: verifyingCode } });
    const credentials = { email: op.email, password: op.password };
    const sameStep = await s.call('POST', '/auth', { body: { ...credentials, mfaOTPCode: verifyingCode } });
    expect(sameStep.status).toBe(401);

    s.clock.advance(3 * step);
    const old = totp.generate({ timestamp: s.clock.now - 2 * step });
    expect((await s.call('POST', '/auth', { body: { ...credentials, mfaOTPCode: old } })).status).toBe(401);
    const previous = totp.generate({ timestamp: s.clock.now - step });
    expect((await s.call('POST', '/auth', { body: { ...credentials, mfaOTPCode: previous } })).status).toBe(200);
  });

  it('checks the password before the code: a wrong password is the usual 401, not MFA_REQUIRED_CODE', async () => {
    const { op, totp } = await operatorWithMfa();
    const res = await s.call('POST', '/auth', {
      body: { email: op.email, password: 'wrong-password', mfaOTPCode: totp.generate({ timestamp: s.clock.now }) },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(codes.authFailed);
  });

  it('does not ask auth-key or SAM logins for the root account code', async () => {
    const { op } = await operatorWithMfa();
    const res = await s.call('POST', '/auth', { body: { authKeyId: op.authKeyId, authKey: op.authKey } });
    expect(res.status).toBe(200);
  });

  it('is revoked with the password: wrong → 400, right → 204 and INACTIVE, and login needs no code', async () => {
    const { op } = await operatorWithMfa();
    const login = await s.call('POST', '/auth', { body: { authKeyId: op.authKeyId, authKey: op.authKey } });
    const auth = login.body as Credentials;

    const wrong = await s.call('DELETE', `/operators/${op.operatorId}/mfa`, {
      auth,
      body: { password: 'wrong-password' },
    });
    expect(wrong.status).toBe(400);
    expect(await status(auth, op.operatorId)).toBe('ACTIVE');

    const missing = await s.call('DELETE', `/operators/${op.operatorId}/mfa`, { auth, body: {} });
    expect(missing.status).toBe(400);

    const right = await s.call('DELETE', `/operators/${op.operatorId}/mfa`, { auth, body: { password: op.password } });
    expect(right.status).toBe(204);
    expect(await status(auth, op.operatorId)).toBe('INACTIVE');

    const plain = await s.call('POST', '/auth', { body: { email: op.email, password: op.password } });
    expect(plain.status).toBe(200);
  });

  it('is the root account’s: SAM users and other operators get 403', async () => {
    const op = await s.newOperator();
    const root = await s.loginRoot();
    for (const [method, path] of [
      ['GET', `/operators/${op.operatorId}/mfa`],
      ['POST', `/operators/${op.operatorId}/mfa`],
    ] as const) {
      expect((await s.call(method, path, { auth: root })).status, `${method} ${path}`).toBe(403);
    }
    const user = await s.call('POST', '/auth', {
      body: { operatorId: root.operatorId, userName: 'demo-user', password: 'demo-user-password' },
    });
    const res = await s.call('GET', `/operators/${root.operatorId}/mfa`, { auth: user.body });
    expect(res.status).toBe(403);
    const enableBySam = await s.call('POST', `/operators/${root.operatorId}/mfa`, { auth: user.body });
    expect(enableBySam.status).toBe(403);
  });
});
