/** MFA helpers for sandbox tests: TOTP codes that are right or wrong at a given time, and accounts with MFA on. */
import { TOTP, URI } from 'otpauth';
import { expect } from 'vitest';
import type { ContractSandbox, Credentials } from './contract';

/** One TOTP time step. */
export const step = 30_000;

/** A well-formed code that is not valid around `timestamp`. */
export function wrongCode(totp: TOTP, timestamp: number): string {
  for (let n = 0; ; n++) {
    const code = String(n * 111_111).padStart(6, '0');
    if (totp.validate({ token: code, timestamp, window: 1 }) === null) return code;
  }
}

export function parseTotp(uri: string): TOTP {
  const otp = URI.parse(uri);
  expect(otp).toBeInstanceOf(TOTP);
  return otp as TOTP;
}

/**
 * A fresh operator (from /sandbox/init) with MFA enabled and verified; the clock is moved on a step so that the
 * verifying code is spent.
 */
export async function operatorWithMfa(s: ContractSandbox) {
  const op = await s.newOperator();
  const enabled = await s.call('POST', `/operators/${op.operatorId}/mfa`, { auth: op });
  expect(enabled.status).toBe(200);
  const totp = parseTotp(enabled.body.totpUri);
  const verify = await s.call('POST', `/operators/${op.operatorId}/mfa/verify`, {
    auth: op,
    body: { mfaOTPCode: totp.generate({ timestamp: s.clock.now }) },
  });
  expect(verify.status).toBe(200);
  s.clock.advance(step);
  return { op, totp, backupCodes: verify.body.backupCodes as string[] };
}

/** Turns MFA on for a SAM user, as that user; the clock is moved on a step so that the verifying code is spent. */
export async function enableUserMfa(s: ContractSandbox, auth: Credentials, operatorId: string, userName: string) {
  const path = `/operators/${operatorId}/users/${userName}/mfa`;
  const enabled = await s.call('POST', path, { auth });
  expect(enabled.status).toBe(200);
  const totp = parseTotp(enabled.body.totpUri);
  const verify = await s.call('POST', `${path}/verify`, {
    auth,
    body: { mfaOTPCode: totp.generate({ timestamp: s.clock.now }) },
  });
  expect(verify.status).toBe(204);
  s.clock.advance(step);
  return totp;
}
