/** Password and backup-code hashes: salted scrypt with its parameters written in, the older format still accepted. */
import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashBackupCodes, matchBackupCode, passwordCost, passwordHasher } from './secrets';

/** A hash as the sandbox stored them before the parameters were written: Node's default scrypt cost. */
function oldFormatHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(password, salt, 32).toString('base64url')}`;
}

const low = { N: 2 ** 10, r: 8, p: 1 };

describe('the password cost', () => {
  it('is at least OWASP’s scrypt figure (N=2^17, r=8, p=1)', () => {
    expect(passwordCost.N).toBeGreaterThanOrEqual(131_072);
    expect(passwordCost.r).toBeGreaterThanOrEqual(8);
    expect(passwordCost.p).toBeGreaterThanOrEqual(1);
  });

  it('hashes and verifies at that cost, within scrypt’s memory bound', { timeout: 30_000 }, () => {
    const passwords = passwordHasher();
    const stored = passwords.hash('correct horse');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(passwords.verify('correct horse', stored)).toBe(true);
    expect(passwords.verify('correct horsf', stored)).toBe(false);
    expect(passwords.needsRehash(stored)).toBe(false);
  });
});

describe('passwordHasher', () => {
  const passwords = passwordHasher(low);

  it('writes the parameters and a new salt into every hash, and never the password', () => {
    const a = passwords.hash('s3cret-password');
    const b = passwords.hash('s3cret-password');
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cret');
    expect(passwords.verify('s3cret-password', a)).toBe(true);
    expect(passwords.verify('s3cret-password', b)).toBe(true);
  });

  it('verifies a hash by the parameters written in it, not its own', () => {
    const stored = passwordHasher({ N: 2 ** 11, r: 4, p: 2 }).hash('pw-1');
    expect(passwords.verify('pw-1', stored)).toBe(true);
    expect(passwords.verify('pw-2', stored)).toBe(false);
  });

  it('still verifies the older format (scrypt$salt$hash), and wants it hashed again', () => {
    const stored = oldFormatHash('from-before');
    expect(passwords.verify('from-before', stored)).toBe(true);
    expect(passwords.verify('from-after', stored)).toBe(false);
    expect(passwords.needsRehash(stored)).toBe(true);
  });

  it('wants a hash made at a lower cost hashed again, never one at the same or a higher cost', () => {
    const raised = passwordHasher({ N: 2 ** 11, r: 8, p: 1 });
    expect(raised.needsRehash(passwords.hash('x'))).toBe(true);
    expect(raised.needsRehash(raised.hash('x'))).toBe(false);
    expect(passwords.needsRehash(raised.hash('x'))).toBe(false);
    expect(passwordHasher({ N: 2 ** 10, r: 8, p: 2 }).needsRehash(passwords.hash('x'))).toBe(true);
  });

  it.each([
    ['no hash', null],
    ['an empty hash', ''],
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['a cost far too high to compute', 'scrypt$1073741824$8$1$c2FsdA$aGFzaA'],
    ['a cost that is not a power of two', 'scrypt$100000$8$1$c2FsdA$aGFzaA'],
    ['missing parts', 'scrypt$131072$8$1$c2FsdA'],
  ])('refuses %s at once, after the same effort as a real check', (_what, stored) => {
    expect(passwords.verify('anything', stored)).toBe(false);
    expect(passwords.needsRehash(stored)).toBe(false);
  });

  it('refuses to be made with a cost out of bounds', () => {
    expect(() => passwordHasher({ N: 1000, r: 8, p: 1 })).toThrow(/out of bounds/);
    expect(() => passwordHasher({ N: 2 ** 21, r: 8, p: 1 })).toThrow(/out of bounds/);
  });
});

describe('backup codes', () => {
  const codes = ['12345678', '87654321', '00000001'];

  it('are salted scrypt hashes with their parameters, never the codes', () => {
    const stored = hashBackupCodes(codes, low);
    expect(stored).toHaveLength(3);
    for (const entry of stored) expect(entry).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    for (const code of codes) expect(stored.join()).not.toContain(code);
    // Not a bare digest either: the same codes hashed again give other hashes.
    expect(hashBackupCodes(codes, low)).not.toEqual(stored);
  });

  it('match the entry of the right code, and nothing for a wrong one', () => {
    const stored = hashBackupCodes(codes, low);
    expect(matchBackupCode('87654321', stored)).toBe(stored[1]);
    expect(matchBackupCode('00000001', stored)).toBe(stored[2]);
    expect(matchBackupCode('11111111', stored)).toBeUndefined();
    expect(matchBackupCode('', stored)).toBeUndefined();
    expect(matchBackupCode('12345678', [])).toBeUndefined();
  });

  it('stored as SHA-256 digests by an older sandbox still match', () => {
    const older = codes.map((code) => createHash('sha256').update(code).digest('base64url'));
    expect(matchBackupCode('00000001', older)).toBe(older[2]);
    expect(matchBackupCode('99999999', older)).toBeUndefined();
  });
});
