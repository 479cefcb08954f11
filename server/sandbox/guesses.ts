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

/**
 * A root account's new password (sign-up, password reset, password change) must also hold at least one letter and
 * one digit. SAM user passwords and `/sandbox/init` keep the length rule only, as before (scripts and tests that
 * already use passwords without digits there keep working).
 */
export const operatorPasswordNeeds = [
  { pattern: /\p{L}/u, what: 'a letter' },
  { pattern: /\d/, what: 'a digit' },
] as const;

/** An email address: something@something.something without spaces, at most 254 characters (RFC 5321). */
export const emailRule = { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, maxLength: 254 } as const;

/** How long the one-time tokens mailed for sign-up, password reset and MFA revoke can be used, in seconds. */
export const oneTimeTokenSeconds = { signup: 24 * 3600, passwordReset: 3600, mfaRevoke: 3600 } as const;

/**
 * A one-time token that is unknown, used or expired is one answer: 400 `{code: 'COM0006', message: 'Token is
 * invalid.'}` (recorded for `/operators/verify`). The description lists a 404 "Token expired" for
 * `/auth/password_reset_token/verify`; we do not tell an expired token from a wrong one there either.
 * When a token is used, the other unused tokens of the same kind for the same account stop working too.
 */
export const oneTimeTokenInvalidStatus = 400;

/**
 * `POST /operators` with an email that already has an account (verified or not) answers the same 201 and mails
 * a notice without a token, so a caller cannot tell which emails have accounts. No new sign-up token is sent for an
 * existing unverified account: whoever can read the mailbox would otherwise confirm an account (and password) that
 * someone else may have set up.
 */
export const signUpExistingEmail = 'notice' as const;

/**
 * `POST /sandbox/operators/token/{email}` answers the newest sign-up token for the email that can still be used
 * (unused, not expired); 400 when there is none. The `authKeyId`/`authKey` of its body (a production account's,
 * for the real API Sandbox) are not checked locally.
 */
export const sandboxSignupTokenNewestUsable = true;

/**
 * A successful password reset revokes every API key and token of the root account (SAM users, who have passwords
 * of their own, keep theirs). `/auth/password_reset_token/issue` mails only a verified operator.
 */
export const passwordResetRevokes = 'root' as const;

/**
 * Wrong MFA codes at `/auth`: after `maxFailures` in a row for one account, password logins of that account answer
 * 429 for `lockSeconds`, even with a right code. Only a code that was given and is wrong counts (a login without a
 * code, as the console sends first, does not). A right code resets the count. The lock is checked before the
 * password, and does not apply to auth-key logins (which never ask for a code). The 429 carries the rate-limit
 * headers: limit `maxFailures`, remaining 0, and the seconds until the lock ends.
 */
export const mfaLockout = { maxFailures: 5, lockSeconds: 300 } as const;

/**
 * The root account may give one of its unused MFA backup codes (8 digits) as `mfaOTPCode` at `/auth`; it is then
 * used up. SAM users get no backup codes (`verifyUserMFA` answers 204 with no body).
 */
export const backupCodeLogsIn = true;

/**
 * `/operators/mfa_revoke_token/verify`: wrong email or password → 403, wrong or used backup code → 403 (the
 * description's 403); either way the token stays usable, and the backup code is used up only on success. MFA that
 * is no longer ACTIVE by then is 400 MFA0002. Turning MFA off this way also ends a lockout (see mfaLockout).
 * `/operators/mfa_revoke_token/issue` needs both fields (400 otherwise) and always answers 200.
 */
export const mfaRevokeKeepsTokenOnFailure = true;

/**
 * SAM user MFA: the user enables and verifies it for themself; the root account may read its status and revoke it.
 * Revoking needs no password (the description gives that operation no body). The TOTP label is `user@operator`.
 * A SAM user that does not exist is 404 here and for its auth keys, passwords and tokens (the description lists
 * only 400 for some of these).
 */
export const samMfaLabel = (operatorId: string, userName: string) => `${userName}@${operatorId}`;

/**
 * `PUT /operators/{id}/users/{name}/password` asks for the user's current password even when the root account
 * calls it (the description makes `currentPassword` required). A wrong current password is 400, for the root
 * account's password change as well.
 */
export const updatePasswordNeedsCurrent = true;

/**
 * Rate limits per client IP and operation, in fixed windows that start with the first request: the operations below
 * answer at most `limit` requests per `windowSeconds`; every request counts, refused ones included. Every answer of
 * these operations carries `X-Soracom-Ratelimit-Limit`, `-Remaining` and `-Seconds-Before-Refresh`; over the limit
 * is 429.
 */
export const rateLimit = {
  limit: 20,
  windowSeconds: 60,
  operations: [
    'auth',
    'createOperator',
    'verifyOperator',
    'issuePasswordResetToken',
    'verifyPasswordResetToken',
    'issueMFARevokingToken',
    'verifyMFARevokingToken',
  ],
} as const;

/** "Sign out everywhere" (`DELETE .../tokens`) revokes every API key of the account except the caller's own. */
export const revokeTokensKeepsCaller = true;

/** Generated auth keys: `keyId-<uuid>` and `secret-<64 random base64url characters>`; the secret is shown once. */
export const authKeyFormat = { idPrefix: 'keyId-', secretPrefix: 'secret-' } as const;

/**
 * `DELETE /groups/{id}` is allowed while SIMs are in the group: they leave it (their `groupId` is removed from the
 * SIM and its indexed column) and their `lastModifiedTime` becomes the time of the deletion.
 */
export const deleteGroupUngroupsSims = true;

/**
 * A group's `lastModifiedTime` moves on with every successful change (tags, configuration), also when the change
 * leaves the group as it was (an empty tag list, the same values again): it becomes max(now, previous + 1), so it
 * grows strictly even for two changes in the same millisecond.
 */
export const groupModifiedStrictlyIncreasing = true;

/**
 * Group configuration:
 * - `PUT .../configuration/{namespace}` with an empty list leaves the namespace present and empty (`{}`).
 * - `DELETE .../configuration/{namespace}` of a namespace the group does not have is 404 (as is an unknown tag at
 *   `DELETE .../tags/{name}`, or an unknown key at `DELETE .../configuration/{namespace}/{name}`).
 * - Removing the last key of a namespace leaves the namespace present and empty (`{}`).
 * - Values are checked only for the settings below; every other key is kept exactly as given. A value that does not
 *   fit is 400 naming the namespace and the key. `createGroup` checks its `configuration` the same way.
 */
export const groupConfiguration = {
  emptyNamespaceKept: true,
  deleteUnknownNamespace: 404,
  /** SoracomEndorse `tokenTimeoutSeconds`: an integer number of seconds in this range. */
  endorseTokenTimeoutSeconds: { min: 60, max: 86_400 },
} as const;

/**
 * Putting a SIM (`/sims/{id}/set_group`, `/subscribers/{imsi}/set_group`) into a group that does not exist, or is
 * another operator's, is 400 (the request body is wrong; the SIM in the path exists). A SIM (or IMSI) that is not the
 * caller's is 404, checked first. `set_group` into the group the SIM is already in, and `unset_group` of a SIM in no
 * group, answer 200 and still stamp the SIM's `lastModifiedTime`.
 */
export const setGroupUnknownGroupStatus = 400;

/**
 * The `Subscriber` view of a SIM (`/subscribers/{imsi}/...`) is built from its primary IMSI's subscriber: `status` is
 * the SIM's own (which knows suspension and the like), `type` is the speed class, `apn` is `soracom.io`,
 * `createdAt`/`lastModifiedAt` repeat `createdTime`/`lastModifiedTime`, and fields the SIM has no value for are left
 * out rather than sent as null.
 */
export const subscriberView = { apn: 'soracom.io' } as const;
