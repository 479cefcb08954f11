/** Password hashing (scrypt) and random identifiers for the sandbox. */
import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';

const keyLength = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, keyLength);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifyPassword(password: string, stored: string | null | undefined): boolean {
  const [scheme, salt, hash] = (stored ?? '').split('$');
  if (scheme !== 'scrypt' || !salt || !hash) {
    // Spend the same effort when there is no such account, so timing does not tell which emails exist.
    scryptSync(password, 'no-account', keyLength);
    return false;
  }
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(password, Buffer.from(salt, 'base64url'), keyLength);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Tokens and secrets are stored as SHA-256 digests: they are long and random, so no salt is needed. */
export const digest = (value: string): string => createHash('sha256').update(value).digest('base64url');

export const newApiKey = (): string => `api-${randomUUID()}`;
export const newToken = (): string => randomBytes(48).toString('base64url');
