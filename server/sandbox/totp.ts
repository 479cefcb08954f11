/** TOTP as SORACOM uses it: SHA-1, 6 digits, 30-second steps; a code is accepted within one step either side, once. */
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const period = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, label: string): string {
  return new TOTP({ issuer: 'SORACOM', label, secret: Secret.fromBase32(secret), digits: 6, period }).toString();
}

/**
 * The time step a code belongs to when it is valid now and newer than `lastStep`; otherwise undefined.
 * Remembering the step of the last accepted code is what makes each code single-use.
 */
export function acceptTotp(secret: string, code: string, now: number, lastStep: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period });
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / period) + delta;
  return step > lastStep ? step : undefined;
}

export function newBackupCodes(count = 10): string[] {
  return Array.from({ length: count }, () => String(randomInt(0, 100_000_000)).padStart(8, '0'));
}
