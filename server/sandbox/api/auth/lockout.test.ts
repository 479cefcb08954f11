/** After too many wrong MFA codes in a row, password logins of the account are locked for a while. */
import { beforeEach, describe, expect, it } from 'vitest';
import { MFA_REQUIRED_CODE } from '../../../../common/soracomCodes';
import { type CallResult, type ContractSandbox, createContractSandbox, demo } from '../../../test/contract';
import { enableUserMfa, operatorWithMfa, step, wrongCode } from '../../../test/mfa';
import { grant, selfService } from '../../../test/sam';
import { codes } from '../../errors';

let s: ContractSandbox;
beforeEach(() => {
  s = createContractSandbox({ fleet: 0 });
});

/**
 * The lockout the sandbox promises (guesses.mfaLockout), written out here: a test that reads its expectations from
 * the constants it tests passes whatever they say.
 */
const maxFailures = 5;
const lockSeconds = 300;
const lockMs = lockSeconds * 1000;

function expectLocked(res: CallResult, secondsLeft: number) {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({ code: codes.accountLocked, message: expect.stringContaining(`${secondsLeft} seconds`) });
  expect(res.headers.get('x-soracom-ratelimit-limit')).toBe(String(maxFailures));
  expect(res.headers.get('x-soracom-ratelimit-remaining')).toBe('0');
  expect(res.headers.get('x-soracom-ratelimit-seconds-before-refresh')).toBe(String(secondsLeft));
}

describe('MFA lockout of the root account', () => {
  async function setUp() {
    const { op, totp, backupCodes } = await operatorWithMfa(s);
    const login = (mfaOTPCode?: string, password = op.password) =>
      s.call('POST', '/auth', { body: { email: op.email, password, mfaOTPCode } });
    const wrong = () => login(wrongCode(totp, s.clock.now));
    const right = () => login(totp.generate({ timestamp: s.clock.now }));
    return { op, totp, backupCodes, login, wrong, right };
  }

  it('locks after 5 wrong codes in a row: 429 even with a right code, until the lock ends', async () => {
    const { op, login, wrong, right } = await setUp();
    for (let i = 1; i <= maxFailures; i++) {
      const res = await wrong();
      expect(res.status, `wrong code ${i}`).toBe(401);
      expect(res.body.code).toBe(MFA_REQUIRED_CODE);
    }
    expectLocked(await right(), lockSeconds);
    // A wrong password and a login without a code are refused the same way: the lock is checked first.
    expectLocked(await login(undefined, 'wrong-passw0rd'), lockSeconds);
    s.clock.advance(lockMs - 61_000);
    expectLocked(await login(), 61);
    // Auth keys never ask for a code and are not locked.
    const byKey = await s.call('POST', '/auth', { body: { authKeyId: op.authKeyId, authKey: op.authKey } });
    expect(byKey.status).toBe(200);

    s.clock.advance(61_000);
    expect((await right()).status).toBe(200);
  });

  it('starts counting again after the lock: 4 wrong codes then do not lock', async () => {
    const { wrong, right } = await setUp();
    for (let i = 0; i < maxFailures; i++) await wrong();
    s.clock.advance(lockMs);
    for (let i = 0; i < maxFailures - 1; i++) expect((await wrong()).status).toBe(401);
    expect((await right()).status).toBe(200);
  });

  it('resets the count with a right code', async () => {
    const { wrong, right } = await setUp();
    for (let i = 0; i < maxFailures - 1; i++) await wrong();
    expect((await right()).status).toBe(200);
    s.clock.advance(step);
    for (let i = 0; i < maxFailures - 1; i++) expect((await wrong()).status).toBe(401);
    expect((await right()).status).toBe(200);
  });

  it('resets the count with a backup code too', async () => {
    const { wrong, login, right, backupCodes } = await setUp();
    for (let i = 0; i < maxFailures - 1; i++) await wrong();
    expect((await login(backupCodes[0])).status).toBe(200);
    for (let i = 0; i < maxFailures - 1; i++) await wrong();
    expect((await right()).status).toBe(200);
  });

  it('does not count logins without a code (the first step of the console’s login)', async () => {
    const { login, right } = await setUp();
    for (let i = 0; i < maxFailures + 2; i++) {
      const res = await login();
      expect(res.status).toBe(401);
      expect(res.body.code).toBe(MFA_REQUIRED_CODE);
    }
    expect((await right()).status).toBe(200);
  });

  it('counts a reused code as a wrong one', async () => {
    const { login, totp } = await setUp();
    const code = totp.generate({ timestamp: s.clock.now });
    expect((await login(code)).status).toBe(200);
    for (let i = 0; i < maxFailures; i++) expect((await login(code)).status).toBe(401);
    expect((await login(code)).status).toBe(429);
  });

  it('locks only that account', async () => {
    const { wrong } = await setUp();
    for (let i = 0; i < maxFailures; i++) await wrong();
    expect((await s.call('POST', '/auth', { body: { email: demo.email, password: demo.password } })).status).toBe(200);
  });
});

describe('MFA lockout of a SAM user', () => {
  it('locks the user after 5 wrong codes, not the root account, and unlocks after the window', async () => {
    const credentials = { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword };
    await grant(s, await s.loginRoot(), demo.userName, selfService);
    const sam = await s.call('POST', '/auth', { body: credentials });
    const totp = await enableUserMfa(s, sam.body, demo.operatorId, demo.userName);
    for (let i = 0; i < maxFailures; i++) {
      const res = await s.call('POST', '/auth', { body: { ...credentials, mfaOTPCode: wrongCode(totp, s.clock.now) } });
      expect(res.status).toBe(401);
    }
    const locked = await s.call('POST', '/auth', {
      body: { ...credentials, mfaOTPCode: totp.generate({ timestamp: s.clock.now }) },
    });
    expectLocked(locked, lockSeconds);
    expect((await s.call('POST', '/auth', { body: { email: demo.email, password: demo.password } })).status).toBe(200);

    s.clock.advance(lockMs);
    const unlocked = await s.call('POST', '/auth', {
      body: { ...credentials, mfaOTPCode: totp.generate({ timestamp: s.clock.now }) },
    });
    expect(unlocked.status).toBe(200);
  });
});
