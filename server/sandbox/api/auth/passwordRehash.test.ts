/**
 * Passwords stored in an older format or at a lower cost still sign in, and are hashed again at the sandbox's cost at
 * the next successful sign-in; backup codes are kept hashed, and those an older sandbox kept as digests still work.
 */
import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContractSandbox, demo, testPasswordCost } from '../../../test/contract';
import { operatorWithMfa } from '../../../test/mfa';

/** A cost above the tests' own, as when the server's cost is raised after the hashes were made. */
const raised = { N: testPasswordCost.N * 2, r: 8, p: 1 };
const s = createContractSandbox({ fleet: 0, passwordCost: raised, rateLimit: { limit: 1000, windowSeconds: 60 } });

const operatorRow = (operatorId: string) =>
  s.db
    .prepare('SELECT password_hash, updated_at, mfa_backup_codes FROM operators WHERE operator_id = ?')
    .get(operatorId) as { password_hash: string; updated_at: number; mfa_backup_codes: string };
const userHash = () =>
  (
    s.db
      .prepare('SELECT password_hash FROM users WHERE operator_id = ? AND user_name = ?')
      .get(demo.operatorId, demo.userName) as { password_hash: string }
  ).password_hash;

/** What the sandbox stored before the parameters were written into a hash: scrypt at Node's default cost. */
function oldFormatHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(password, salt, 32).toString('base64url')}`;
}

const signIn = (email: string, password: string, mfaOTPCode?: string) =>
  s.call('POST', '/auth', { body: { email, password, ...(mfaOTPCode ? { mfaOTPCode } : {}) } });

describe('a password hash of the older format (scrypt$salt$hash)', () => {
  it('still signs in, and is hashed again with the parameters written in', async () => {
    const op = await s.newOperator();
    s.db
      .prepare('UPDATE operators SET password_hash = ? WHERE operator_id = ?')
      .run(oldFormatHash(op.password), op.operatorId);
    const before = operatorRow(op.operatorId);

    expect((await signIn(op.email, op.password)).status).toBe(200);
    const after = operatorRow(op.operatorId);
    expect(after.password_hash).toMatch(new RegExp(`^scrypt\\$${raised.N}\\$8\\$1\\$[\\w-]+\\$[\\w-]+$`));
    // Nothing the account shows has changed.
    expect(after.updated_at).toBe(before.updated_at);
    expect((await signIn(op.email, op.password)).status).toBe(200);
    expect((await signIn(op.email, 'not-the-password')).status).toBe(401);
  });

  it('is left as it is by a wrong password', async () => {
    const op = await s.newOperator();
    const old = oldFormatHash(op.password);
    s.db.prepare('UPDATE operators SET password_hash = ? WHERE operator_id = ?').run(old, op.operatorId);
    expect((await signIn(op.email, 'not-the-password')).status).toBe(401);
    expect(operatorRow(op.operatorId).password_hash).toBe(old);
  });
});

describe('a password hashed at a lower cost than the sandbox’s', () => {
  it('is hashed again at the sandbox’s cost when the SAM user signs in', async () => {
    // The demo data was seeded at the tests' cost, below this sandbox's.
    expect(userHash()).toMatch(new RegExp(`^scrypt\\$${testPasswordCost.N}\\$`));
    const res = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword },
    });
    expect(res.status).toBe(200);
    expect(userHash()).toMatch(new RegExp(`^scrypt\\$${raised.N}\\$`));
    const again = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword },
    });
    expect(again.status).toBe(200);
  });

  it('is hashed again only once the sign-in succeeds, MFA code included', async () => {
    const { op, totp } = await operatorWithMfa(s);
    const salt = randomBytes(16);
    const hash = scryptSync(op.password, salt, 32, testPasswordCost).toString('base64url');
    const stored = `scrypt$${testPasswordCost.N}$8$1$${salt.toString('base64url')}$${hash}`;
    s.db.prepare('UPDATE operators SET password_hash = ? WHERE operator_id = ?').run(stored, op.operatorId);

    expect((await signIn(op.email, op.password)).status).toBe(401);
    expect(operatorRow(op.operatorId).password_hash).toBe(stored);
    expect((await signIn(op.email, op.password, totp.generate({ timestamp: s.clock.now }))).status).toBe(200);
    expect(operatorRow(op.operatorId).password_hash).toMatch(new RegExp(`^scrypt\\$${raised.N}\\$`));
  });
});

describe('backup codes', () => {
  it('are stored as salted scrypt hashes, and one signs in once', async () => {
    const { op, backupCodes } = await operatorWithMfa(s);
    const stored = JSON.parse(operatorRow(op.operatorId).mfa_backup_codes) as string[];
    expect(stored).toHaveLength(backupCodes.length);
    for (const entry of stored) expect(entry).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]{22}\$[\w-]{43}$/);
    for (const code of backupCodes) {
      expect(stored.join()).not.toContain(code);
      // Not an unsalted digest of the code either.
      expect(stored).not.toContain(createHash('sha256').update(code).digest('base64url'));
    }
    const code = backupCodes[3] as string;
    expect((await signIn(op.email, op.password, code)).status).toBe(200);
    expect(JSON.parse(operatorRow(op.operatorId).mfa_backup_codes)).toHaveLength(backupCodes.length - 1);
    expect((await signIn(op.email, op.password, code)).status).toBe(401);
  });

  it('kept as SHA-256 digests by an older sandbox still sign in, once', async () => {
    const { op } = await operatorWithMfa(s);
    const codes = ['24681357', '13572468'];
    const digests = codes.map((code) => createHash('sha256').update(code).digest('base64url'));
    s.db
      .prepare('UPDATE operators SET mfa_backup_codes = ? WHERE operator_id = ?')
      .run(JSON.stringify(digests), op.operatorId);
    expect((await signIn(op.email, op.password, '24681357')).status).toBe(200);
    expect(JSON.parse(operatorRow(op.operatorId).mfa_backup_codes)).toEqual([digests[1]]);
    expect((await signIn(op.email, op.password, '24681357')).status).toBe(401);
    expect((await signIn(op.email, op.password, '13572468')).status).toBe(200);
  });
});
