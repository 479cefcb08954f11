/** `/auth` (password, MFA code or auth key) and `/auth/logout`. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers, Stores } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, SoracomError } from '../../errors';
import { backupCodeLogsIn, mfaLockout, mfaRequired, minTokenTimeoutSeconds } from '../../guesses';
import type { OperatorRow } from '../../store/operators';
import { matchBackupCode } from '../../store/secrets';
import type { UserRow } from '../../store/users';
import { acceptTotp } from '../../totp';

type AuthRequest = components['schemas']['AuthRequest'];

/** One answer for every credential mistake, so a caller cannot tell which part was wrong. */
const authFailed = () => new SoracomError(401, codes.authFailed, 'Authentication failed.');
const mfaCodeNeeded = () => new SoracomError(mfaRequired.status, mfaRequired.code, mfaRequired.message);

/** 429 while an account's password logins are locked after too many wrong MFA codes. */
function lockedOut(until: number, now: number): SoracomError {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  return new SoracomError(
    429,
    codes.accountLocked,
    `Too many wrong MFA codes: sign-in is locked. Try again in ${seconds} seconds.`,
    {
      'X-Soracom-Ratelimit-Limit': String(mfaLockout.maxFailures),
      'X-Soracom-Ratelimit-Remaining': '0',
      'X-Soracom-Ratelimit-Seconds-Before-Refresh': String(seconds),
    },
  );
}

/** An account's MFA as the login sees it: the same for the root account and SAM users. */
interface SecondFactor {
  row: Pick<OperatorRow, 'mfa_status' | 'mfa_secret' | 'mfa_last_counter'>;
  /** The unused backup codes, hashed (store/secrets.hashBackupCodes); SAM users have none. */
  backupCodes: string[];
  accepted(step: number): void;
  backupCodeUsed(remaining: string[]): void;
  failed(lockedUntil: number): void;
}

function rootFactor(stores: Stores, operator: OperatorRow): SecondFactor {
  const id = operator.operator_id;
  return {
    row: operator,
    backupCodes: stores.operators.backupCodes(operator),
    accepted: (step) => stores.operators.setMfaCounter(id, step),
    backupCodeUsed: (remaining) => stores.operators.setBackupCodes(id, remaining),
    failed: (until) => stores.operators.mfaFailed(id, mfaLockout.maxFailures, until),
  };
}

function userFactor(stores: Stores, user: UserRow): SecondFactor {
  const { operator_id: operatorId, user_name: userName } = user;
  return {
    row: user,
    backupCodes: [],
    accepted: (step) => stores.users.setMfaCounter(operatorId, userName, step),
    backupCodeUsed: () => {},
    failed: (until) => stores.users.mfaFailed(operatorId, userName, mfaLockout.maxFailures, until),
  };
}

/**
 * Asks an account with MFA ACTIVE for its code: a TOTP code newer than the last one accepted, or (root account) an
 * unused backup code. A wrong code counts towards the lockout; a missing one does not.
 */
function checkSecondFactor(factor: SecondFactor, code: string | undefined, now: number): void {
  const { mfa_status: status, mfa_secret: secret, mfa_last_counter: lastStep } = factor.row;
  if (status !== 'ACTIVE' || !secret) return;
  if (code === undefined || code === '') throw mfaCodeNeeded();
  const step = acceptTotp(secret, code, now, lastStep);
  if (step !== undefined) {
    factor.accepted(step);
    return;
  }
  const used = backupCodeLogsIn && /^\d{8}$/.test(code) ? matchBackupCode(code, factor.backupCodes) : undefined;
  if (used) {
    factor.backupCodeUsed(factor.backupCodes.filter((c) => c !== used));
    return;
  }
  factor.failed(now + mfaLockout.lockSeconds * 1000);
  throw mfaCodeNeeded();
}

/** The token lifetime asked for (default a day); 400 below the shortest one (guesses.minTokenTimeoutSeconds). */
export function tokenTimeout(seconds: number | undefined): number {
  const value = seconds ?? 86_400;
  if (value < minTokenTimeoutSeconds) {
    throw badRequest(`Request body: 'tokenTimeoutSeconds' must be >= ${minTokenTimeoutSeconds}.`);
  }
  return value;
}

const auth: Handler = (ctx: Ctx<AuthRequest>) => {
  const { body, stores, now } = ctx;
  const seconds = tokenTimeout(body.tokenTimeoutSeconds);
  let principal:
    | { operatorId: string; userName: string | null; factor?: SecondFactor; rehash?: (password: string) => void }
    | undefined;
  const { passwords } = stores;
  if (body.authKeyId !== undefined || body.authKey !== undefined) {
    const key = body.authKeyId && body.authKey ? stores.tokens.findAuthKey(body.authKeyId, body.authKey) : undefined;
    if (key) {
      stores.tokens.touchAuthKey(key.auth_key_id, now);
      principal = { operatorId: key.operator_id, userName: key.user_name };
    }
  } else if (body.userName !== undefined || body.operatorId !== undefined) {
    const user = stores.users.get(body.operatorId ?? '', body.userName ?? '');
    if (user && user.mfa_locked_until > now) throw lockedOut(user.mfa_locked_until, now);
    if (passwords.verify(body.password ?? '', user?.password_hash) && user) {
      principal = { operatorId: user.operator_id, userName: user.user_name, factor: userFactor(stores, user) };
      if (passwords.needsRehash(user.password_hash)) {
        principal.rehash = (password) => stores.users.rehashPassword(user.operator_id, user.user_name, password);
      }
    }
  } else if (body.email !== undefined) {
    const operator = stores.operators.findByEmail(body.email);
    if (operator && operator.mfa_locked_until > now) throw lockedOut(operator.mfa_locked_until, now);
    if (passwords.verify(body.password ?? '', operator?.password_hash) && operator?.verified) {
      principal = { operatorId: operator.operator_id, userName: null, factor: rootFactor(stores, operator) };
      if (passwords.needsRehash(operator.password_hash)) {
        principal.rehash = (password) => stores.operators.rehashPassword(operator.operator_id, password);
      }
    }
  } else {
    throw badRequest('Give email and password, operatorId, userName and password, or authKeyId and authKey.');
  }
  if (!principal) throw authFailed();
  if (principal.factor) checkSecondFactor(principal.factor, body.mfaOTPCode, now);
  // A hash made at a lower cost (or before the cost was written into it) is made again now that the password is known.
  principal.rehash?.(body.password ?? '');

  const { apiKey, token } = stores.tokens.issue(principal.operatorId, principal.userName, seconds, now);
  return {
    status: 200,
    body: {
      apiKey,
      token,
      operatorId: principal.operatorId,
      ...(principal.userName ? { userName: principal.userName } : {}),
    },
  };
};

const logout: Handler = (ctx) => {
  ctx.stores.tokens.revoke(caller(ctx).apiKey);
  return { status: 204 };
};

export const authHandlers = { auth, logout } satisfies Handlers;
