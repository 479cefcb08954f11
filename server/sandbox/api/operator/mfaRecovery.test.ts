/** MFA recovery for a lost device: a token by mail, then the token, the credentials and a backup code. */
import { beforeEach, describe, expect, it } from 'vitest';
import { MFA_REQUIRED_CODE } from '../../../../common/soracomCodes';
import { type ContractSandbox, createContractSandbox } from '../../../test/contract';
import { operatorWithMfa } from '../../../test/mfa';
import { codes } from '../../errors';
import { oneTimeTokenSeconds } from '../../guesses';

let s: ContractSandbox;
beforeEach(() => {
  s = createContractSandbox({ fleet: 0 });
});

const invalidToken = { code: 'COM0006', message: 'Token is invalid.' };
const issue = (body: object) => s.call('POST', '/operators/mfa_revoke_token/issue', { body });
const verify = (body: object) => s.call('POST', '/operators/mfa_revoke_token/verify', { body });

async function mfaStatus(op: { authKeyId: string; authKey: string; operatorId: string }) {
  const login = await s.call('POST', '/auth', { body: { authKeyId: op.authKeyId, authKey: op.authKey } });
  return (await s.call('GET', `/operators/${op.operatorId}/mfa`, { auth: login.body })).body.status as string;
}

/** An operator with MFA on, and a revoke token mailed to it. */
async function withToken() {
  const account = await operatorWithMfa(s);
  const { op } = account;
  expect((await issue({ email: op.email, password: op.password })).status).toBe(200);
  return { ...account, token: s.mailedToken(op.email, 'mfaRevoke') };
}

describe('POST /operators/mfa_revoke_token/issue', () => {
  it('mails a token when the email and password are right and MFA is ACTIVE', async () => {
    const { op } = await operatorWithMfa(s);
    const res = await issue({ email: op.email.toUpperCase(), password: op.password });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [mail] = s.mailbox(op.email);
    expect(mail).toMatchObject({ to: op.email, kind: 'mfaRevoke' });
    expect(mail?.link).toMatch(/^\/mfa-revoke\?token=[0-9a-f-]{73}$/);
    expect(s.logs.at(-1)).toMatch(
      new RegExp(`^mail to ${op.email}: .+: http://127\\.0\\.0\\.1:8080/mfa-revoke\\?token=`),
    );
  });

  it('answers the same 200 and mails nothing for a wrong password, an unknown email or MFA that is off', async () => {
    const { op } = await operatorWithMfa(s);
    const plain = await s.newOperator();
    for (const body of [
      { email: op.email, password: 'wrong-passw0rd' },
      { email: 'nobody@example.com', password: op.password },
      { email: plain.email, password: plain.password },
    ]) {
      const res = await issue(body);
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(res.text).toBe('');
    }
    expect(s.mailbox()).toEqual([]);
  });

  it('needs both the email and the password', async () => {
    for (const body of [{ email: 'a@example.com' }, { password: 'x' }, {}, { email: '', password: '' }]) {
      expect((await issue(body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('POST /operators/mfa_revoke_token/verify', () => {
  it('turns MFA off with the token, the credentials and a backup code; login then needs no code', async () => {
    const { op, token, backupCodes } = await withToken();
    const res = await verify({ token, email: op.email, password: op.password, backupCode: backupCodes[3] });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await mfaStatus(op)).toBe('INACTIVE');
    const login = await s.call('POST', '/auth', { body: { email: op.email, password: op.password } });
    expect(login.status).toBe(200);
  });

  it('refuses a wrong backup code with 403, keeps MFA, and the token and the codes stay usable', async () => {
    const { op, token, backupCodes } = await withToken();
    const wrong = backupCodes.includes('00000000') ? '00000001' : '00000000';
    for (const backupCode of [wrong, 'not-a-code', `${backupCodes[0]} `]) {
      const res = await verify({ token, email: op.email, password: op.password, backupCode });
      expect(res.status, backupCode).toBe(403);
      expect(res.body.code).toBe(codes.backupCodeInvalid);
    }
    expect(await mfaStatus(op)).toBe('ACTIVE');
    const res = await verify({ token, email: op.email, password: op.password, backupCode: backupCodes[0] });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong password or another email with 403, without using the backup code', async () => {
    const { op, token, backupCodes } = await withToken();
    const other = await s.newOperator();
    for (const [email, password] of [
      [op.email, 'wrong-passw0rd'],
      [other.email, other.password],
      ['nobody@example.com', op.password],
    ]) {
      const res = await verify({ token, email, password, backupCode: backupCodes[0] });
      expect(res.status, `${email} ${password}`).toBe(403);
      expect(res.body).toEqual({ code: codes.authFailed, message: expect.any(String) });
    }
    const res = await verify({ token, email: op.email, password: op.password, backupCode: backupCodes[0] });
    expect(res.status).toBe(200);
  });

  it('accepts the token once: used again it is 400 COM0006', async () => {
    const { op, token, backupCodes } = await withToken();
    const body = { token, email: op.email, password: op.password, backupCode: backupCodes[0] };
    expect((await verify(body)).status).toBe(200);
    const again = await verify({ ...body, backupCode: backupCodes[1] });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(invalidToken);
  });

  it('expires the token after an hour', async () => {
    const { op, token, backupCodes } = await withToken();
    s.clock.advance(oneTimeTokenSeconds.mfaRevoke * 1000);
    const res = await verify({ token, email: op.email, password: op.password, backupCode: backupCodes[0] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(invalidToken);
    expect(await mfaStatus(op)).toBe('ACTIVE');
  });

  it('refuses an unknown token and a token of another kind', async () => {
    const { op, backupCodes } = await operatorWithMfa(s);
    await s.call('POST', '/auth/password_reset_token/issue', { body: { email: op.email } });
    for (const token of ['no-such-token', s.mailedToken(op.email, 'passwordReset')]) {
      const res = await verify({ token, email: op.email, password: op.password, backupCode: backupCodes[0] });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(invalidToken);
    }
  });

  it('needs every field', async () => {
    const { op, token, backupCodes } = await withToken();
    const full = { token, email: op.email, password: op.password, backupCode: backupCodes[0] };
    for (const key of Object.keys(full)) {
      const { [key as keyof typeof full]: _left, ...body } = full;
      expect((await verify(body)).status, key).toBe(400);
    }
  });
});

describe('backup codes', () => {
  it('log the root account in in place of a TOTP code, once each', async () => {
    const { op, backupCodes } = await operatorWithMfa(s);
    const credentials = { email: op.email, password: op.password };
    const first = await s.call('POST', '/auth', { body: { ...credentials, mfaOTPCode: backupCodes[0] } });
    expect(first.status).toBe(200);
    const reused = await s.call('POST', '/auth', { body: { ...credentials, mfaOTPCode: backupCodes[0] } });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe(MFA_REQUIRED_CODE);
    const second = await s.call('POST', '/auth', { body: { ...credentials, mfaOTPCode: backupCodes[1] } });
    expect(second.status).toBe(200);
  });

  it('used at login can no longer revoke MFA', async () => {
    const { op, token, backupCodes } = await withToken();
    const login = await s.call('POST', '/auth', {
      body: { email: op.email, password: op.password, mfaOTPCode: backupCodes[5] },
    });
    expect(login.status).toBe(200);
    const res = await verify({ token, email: op.email, password: op.password, backupCode: backupCodes[5] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(codes.backupCodeInvalid);
  });

  it('are kept as digests', async () => {
    const { op, backupCodes } = await operatorWithMfa(s);
    const row = s.db.prepare('SELECT mfa_backup_codes FROM operators WHERE operator_id = ?').get(op.operatorId) as {
      mfa_backup_codes: string;
    };
    for (const code of backupCodes) expect(row.mfa_backup_codes).not.toContain(code);
  });
});
