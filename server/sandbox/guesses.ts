/**
 * Behaviour the SORACOM descriptions leave unsaid, decided here once. Each value is our assumption, not a documented
 * fact; change it here if the real API is found to behave otherwise.
 */
import { MFA_REQUIRED_CODE } from '../../src/api/soracomCodes';

/** `POST /auth` without, or with a wrong, `mfaOTPCode` for an operator with MFA: 401 with this code. */
export const mfaRequired = { status: 401, code: MFA_REQUIRED_CODE, message: 'Authentication failed.' } as const;

/** Page size of list operations when `limit` is absent, and the largest page we serve. */
export const defaultPageLimit = 100;
export const maxPageLimit = 1000;

/** Shortest token lifetime accepted by `/auth` and token refresh (the description gives only the maximum). */
export const minTokenTimeoutSeconds = 180;

/** A refreshed token does not revoke the one it replaces: requests already in flight keep working. */
export const refreshKeepsOldToken = true;

/** Sign-up answers: `POST /operators` → 201 with no body, `POST /operators/verify` → 200 with no body. */
export const signUpStatus = { create: 201, verify: 200 } as const;

/** Passwords the sandbox accepts for operators and SAM users. */
export const passwordRule = { minLength: 8, maxLength: 100 } as const;
