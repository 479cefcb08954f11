/**
 * Behaviour the SORACOM descriptions leave unsaid, decided here once. Each value is our assumption, not a documented
 * fact; change it here if the real API is found to behave otherwise. Every value here is read by the code that
 * behaves so; a guess with no value of its own is told in the comment of the value it goes with, and the code that
 * implements it names that value.
 */
import { MFA_REQUIRED_CODE } from '../../common/soracomCodes';

/** `POST /auth` without, or with a wrong, `mfaOTPCode` for an operator with MFA: 401 with this code. */
export const mfaRequired = { status: 401, code: MFA_REQUIRED_CODE, message: 'Authentication failed.' } as const;

/** Page size of list operations when `limit` is absent, and the largest page we serve. */
export const defaultPageLimit = 100;
export const maxPageLimit = 1000;

/**
 * Shortest token lifetime accepted by `/auth` and token refresh (the description gives only the maximum). A
 * refreshed token does not revoke the one it replaces: requests already in flight keep working.
 */
export const minTokenTimeoutSeconds = 180;

/**
 * Sign-up answers: `POST /operators` → 201 with no body, `POST /operators/verify` → 200 with no body.
 * `POST /operators` with an email that already has an account (verified or not) answers the same 201 and mails a
 * notice without a token, so a caller cannot tell which emails have accounts. No new sign-up token is sent for an
 * existing unverified account: whoever can read the mailbox would otherwise confirm an account (and password) that
 * someone else may have set up.
 */
export const signUpStatus = { create: 201, verify: 200 } as const;

/**
 * Passwords the sandbox accepts for operators and SAM users. `PUT /operators/{id}/users/{name}/password` asks for
 * the user's current password even when the root account calls it (the description makes `currentPassword`
 * required). A wrong current password is 400, for the root account's password change as well.
 */
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

/**
 * How long the one-time tokens mailed for sign-up, password reset and MFA revoke can be used, in seconds.
 * `POST /sandbox/operators/token/{email}` answers the newest sign-up token for the email that can still be used
 * (unused, not expired); 400 when there is none. The `authKeyId`/`authKey` of its body (a production account's, for
 * the real API Sandbox) are not checked locally. A successful password reset revokes every API key and token of the
 * root account (SAM users, who have passwords of their own, keep theirs); `/auth/password_reset_token/issue` mails
 * only a verified operator.
 */
export const oneTimeTokenSeconds = { signup: 24 * 3600, passwordReset: 3600, mfaRevoke: 3600 } as const;

/**
 * A one-time token that is unknown, used or expired is one answer: 400 `{code: 'COM0006', message: 'Token is
 * invalid.'}` (recorded for `/operators/verify`). The description lists a 404 "Token expired" for
 * `/auth/password_reset_token/verify`; we do not tell an expired token from a wrong one there either.
 * When a token is used, the other unused tokens of the same kind for the same account stop working too.
 */
export const oneTimeTokenInvalidStatus = 400;

/**
 * Wrong MFA codes at `/auth`: after `maxFailures` in a row for one account, password logins of that account answer
 * 429 for `lockSeconds`, even with a right code. Only a code that was given and is wrong counts (a login without a
 * code, as the console sends first, does not). A right code resets the count. The lock is checked before the
 * password, and does not apply to auth-key logins (which never ask for a code). The 429 carries the rate-limit
 * headers: limit `maxFailures`, remaining 0, and the seconds until the lock ends.
 *
 * `/operators/mfa_revoke_token/verify`: wrong email or password → 403, wrong or used backup code → 403 (the
 * description's 403); either way the token stays usable, and the backup code is used up only on success. MFA that
 * is no longer ACTIVE by then is 400 MFA0002. Turning MFA off this way also ends a lockout.
 * `/operators/mfa_revoke_token/issue` needs both fields (400 otherwise) and always answers 200.
 */
export const mfaLockout = { maxFailures: 5, lockSeconds: 300 } as const;

/**
 * The root account may give one of its unused MFA backup codes (8 digits) as `mfaOTPCode` at `/auth`; it is then
 * used up. SAM users get no backup codes (`verifyUserMFA` answers 204 with no body).
 */
export const backupCodeLogsIn = true;

/**
 * SAM user MFA: the user enables and verifies it for themself; the root account may read its status and revoke it.
 * Revoking needs no password (the description gives that operation no body). The TOTP label is `user@operator`.
 * A SAM user that does not exist is 404 here and for its auth keys, passwords and tokens (the description lists
 * only 400 for some of these).
 */
export const samMfaLabel = (operatorId: string, userName: string) => `${userName}@${operatorId}`;

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
    // The API Sandbox's own operations that need no sign-in: each makes an account or hands out a sign-up token.
    'sandboxInitializeOperator',
    'sandboxGetSignupToken',
  ],
} as const;

/**
 * Who may call the sandbox-only operations that need no sign-in (`POST /sandbox/init`,
 * `POST /sandbox/operators/token/{email}`): `open` anyone, `loopback` only this machine (the default: the e2e suite
 * and scripts call them from 127.0.0.1), `off` no one (404, as if they did not exist).
 */
export const sandboxOpsModes = ['open', 'loopback', 'off'] as const;
export type SandboxOpsMode = (typeof sandboxOpsModes)[number];
export const unsignedSandboxOperations: ReadonlySet<string> = new Set([
  'sandboxInitializeOperator',
  'sandboxGetSignupToken',
]);

/** "Sign out everywhere" (`DELETE .../tokens`) revokes every API key of the account except the caller's own. */
export const revokeTokensKeepsCaller = true;

/** Generated auth keys: `keyId-<uuid>` and `secret-<64 random base64url characters>`; the secret is shown once. */
export const authKeyFormat = { idPrefix: 'keyId-', secretPrefix: 'secret-' } as const;

/**
 * Groups and their configuration:
 * - `PUT .../configuration/{namespace}` with an empty list leaves the namespace present and empty (`{}`).
 * - `DELETE .../configuration/{namespace}` of a namespace the group does not have is 404 (as is an unknown tag at
 *   `DELETE .../tags/{name}`, or an unknown key at `DELETE .../configuration/{namespace}/{name}`).
 * - Removing the last key of a namespace leaves the namespace present and empty (`{}`).
 * - Values are checked only for the settings below; every other key is kept exactly as given. A value that does not
 *   fit is 400 naming the namespace and the key. `createGroup` checks its `configuration` the same way.
 * - A group's `lastModifiedTime` moves on with every successful change (tags, configuration), also when the change
 *   leaves the group as it was (an empty tag list, the same values again): it becomes max(now, previous + 1), so it
 *   grows strictly even for two changes in the same millisecond.
 * - `DELETE /groups/{id}` is allowed while SIMs are in the group: they leave it (their `groupId` is removed from the
 *   SIM and its indexed column) and their `lastModifiedTime` becomes the time of the deletion.
 */
export const groupConfiguration = {
  /** SoracomEndorse `tokenTimeoutSeconds`: an integer number of seconds in this range. */
  endorseTokenTimeoutSeconds: { min: 60, max: 86_400 },
} as const;

/**
 * Putting a SIM (`/sims/{id}/set_group`, `/subscribers/{imsi}/set_group`) into a group that does not exist, or is
 * another operator's, is 400 (the request body is wrong; the SIM in the path exists). A SIM (or IMSI) that is not the
 * caller's is 404, checked first. `set_group` into the group the SIM is already in, and `unset_group` of a SIM in no
 * group, answer 200 and still stamp the SIM's `lastModifiedTime`.
 *
 * `registerSim`: the SIM must be the caller's one made by `/sandbox/subscribers/create`, and the body's
 * `registrationSecret` the one that operation answered (400 SIM0005 when wrong, or when the SIM is already
 * registered). An unknown `groupId` is answered as for `set_group`. Tags are merged. The answer is 201 with the SIM.
 */
export const setGroupUnknownGroupStatus = 400;

/**
 * The `Subscriber` view of a SIM (`/subscribers/{imsi}/...`) is built from its primary IMSI's subscriber: `status` is
 * the SIM's own (which knows suspension and the like), `type` is the speed class, `apn` is `soracom.io`,
 * `createdAt`/`lastModifiedAt` repeat `createdTime`/`lastModifiedTime`, and fields the SIM has no value for are left
 * out rather than sent as null.
 */
export const subscriberView = { apn: 'soracom.io' } as const;

export type SimStatus = 'ready' | 'active' | 'inactive' | 'standby' | 'suspended' | 'terminated';

/**
 * The SIM status state machine: from each status, the statuses the actions (activate, deactivate, set_to_standby,
 * suspend, terminate) may move a SIM to. The descriptions only say what each action changes the status to; SORACOM's
 * documentation adds that `terminated` is final and that standby is entered from ready or inactive. The rest is
 * ours: every status but terminated may be terminated (with termination protection off), suspended SIMs come back
 * with activate or deactivate, and a standby SIM may be activated, deactivated or suspended. Anything else is 400
 * SIM0001 naming from and to. Asking for the status the SIM already has (other than terminated) is 200 and changes
 * nothing but `lastModifiedTime` (no status history record).
 *
 * Terminating a SIM ends its session (recorded as a `Deleted` session event when it was online) and turns its
 * expiry off; it stays in its group and keeps its tags (the history record keeps its group). Termination protection
 * is checked after the transition (a terminated SIM answers SIM0001, not SIM0002).
 */
export const simStatusTransitions: Record<SimStatus, readonly SimStatus[]> = {
  ready: ['active', 'inactive', 'standby', 'suspended', 'terminated'],
  active: ['inactive', 'suspended', 'terminated'],
  inactive: ['active', 'standby', 'suspended', 'terminated'],
  standby: ['active', 'inactive', 'suspended', 'terminated'],
  suspended: ['active', 'inactive', 'terminated'],
  terminated: [],
};

/**
 * Status history (`/sims/{id}/statuses/history`): one record per status change and per speed class change, for the
 * SIM's primary IMSI, with `applyDateTimeEpochSec` the time of the change in seconds; `from`/`to` are milliseconds
 * (as the description says), `last_evaluated_key` is the record number of the previous page's last record.
 * Session events (`/sims/{id}/events/sessions`) are newest first, 100 per page by default (at most 1000).
 * `delete_session` of an offline SIM is 400 SEM0016 (the description's own example). Otherwise the SIM goes offline
 * at once (no reconnect is simulated), `sessionStatus.lastUpdatedAt` becomes now, and a `Deleted` session event is
 * recorded.
 */
export const simRecordPaging = { historyDefaultLimit: 30, eventsDefaultLimit: 100, eventsMaxLimit: 1000 } as const;

/**
 * SIM settings. `set_imei_lock`: the IMEI is 15 digits, optionally followed by `|ANONYMOUS` (as the description
 * allows); anything else, or no IMEI, is 400 SIM0006.
 * `set_expiry_time`: `expiryTime` must be later than now (400 SIM0006 otherwise); an absent, null or
 * "(null value)" `expiryAction` leaves the SIM without one; `terminate` needs termination protection off (400
 * SIM0002). `unset_expiry_time` of a SIM without expiry answers 204 as well.
 * `update_speed_class` accepts the speed classes the SIM's subscription offers (simFactory `plans`); a SIM of a
 * subscription we do not model accepts every class of the request schema. The same class again is 200.
 */
export const imeiPattern = /^\d{15}(\|ANONYMOUS)?$/;

/**
 * SMS (`send_sms`): only SIMs whose `capabilities.sms` is true and that are not terminated (400 SIM0003 otherwise).
 * The payload must not be empty. `encodingType` 1 counts GSM 7-bit septets of the default alphabet (the extension
 * characters ^{}\[~]|€ and form feed count two) up to 160; a character outside the alphabet is 400. `encodingType` 2
 * counts UTF-16 code units up to 70 (a character outside the BMP counts two). Other encodings are 400. The answer is
 * 202 with a fresh `messageId`; nothing is stored.
 */
export const smsLimits = { gsm7: 160, ucs2: 70 } as const;

/**
 * `/query/sims`: every value is matched as a case-insensitive substring (LIKE) except `group_id` and `session_status`
 * (exact) and `subscription` (exact, case-insensitive, as its description says). `group` matches the group's `name`
 * tag; `tag` matches any tag value; `imsi`, `msisdn`, `iccid` and `subscription` look at every subscriber and profile
 * of the SIM. Comma-separated values are separate conditions, joined like the parameters by `search_type`
 * (AND by default). `session_status=NA` is no condition. Every value (also `group_id`) must be at least 2
 * characters (400). Results are in SIM ID order; `last_evaluated_key` is the last SIM ID of the previous page.
 */
export const searchSimsRules = {
  minLength: 2,
  /** The schema's default page size (its maximum is 100). `search_type` is `and`/`or` as the schema's enum. */
  defaultLimit: 10,
} as const;

/**
 * Air stats (`/stats/air/sims/{id}`): buckets in UTC (months from the 1st, days from 00:00, 5-minute slots); the
 * period covered runs from the start of the bucket holding `from` to the end of the bucket holding `to`; `from`
 * after `to` is 400. The 18-month / 32-day windows of the description are not enforced. Rows without a speed class
 * (the seeded usage) count under the SIM's current speed class. A terminated SIM answers an empty list (the
 * description: its traffic cannot be confirmed). `date` is `yyyyMM`, `yyyyMMdd` or `yyyyMMddHHmm` by period.
 * The Sandbox insert (`/sandbox/stats/air/subscribers/{imsi}`) needs `unixtime` and at least one speed class among
 * its description's list; the same IMSI and `unixtime` twice is 400 STA0001.
 *
 * Usage stats of an operator (`/stats/air/operators/{id}`) and a group (`/stats/air/groups/{id}`): the bytes of every
 * SIM (terminated ones too for the operator; the SIMs in the group now, for a group) in UTC months or days, as for a
 * SIM. `/stats/air/subscribers/{imsi}` is the SIM variant for one IMSI. Beam stats (`/stats/beam/subscribers/{imsi}`)
 * sum the inserted counts per Beam item in the same buckets; the Sandbox insert needs `unixtime` and at least one
 * item, and the same IMSI and `unixtime` twice is 400 STA0001 (as for Air).
 */
export const sandboxAirSpeedClasses = [
  's1.minimum',
  's1.slow',
  's1.standard',
  's1.fast',
  's1.4xfast',
  's1.8xfast',
  'u1.standard',
  'u1.slow',
  't1.standard',
  'arc.standard',
] as const;

/**
 * The session simulator (`npm start` only): every 10 s up to 5 active SIMs flip online/offline. A flip is a SIM
 * change like any other (it also stamps `lastModifiedTime`); going online makes a new session (fresh UE IP, LTE
 * cell) recorded as `Created`, going offline is recorded as `Deleted`. A session that ends leaves Air traffic at that
 * moment (1 to 2 MiB, a quarter of it upload, under the SIM's own speed class), which runs the event handlers
 * watching the SIM, as inserted Air stats do (eventHandlerRuns).
 */
export const guessSessionSimulator = { intervalMs: 10_000, perTick: 5, sessionBytes: 1_048_576 } as const;

/**
 * Billing in the local sandbox. SORACOM publishes its prices, but the sandbox's are illustrative only: they show how
 * the bills are put together, not what SORACOM charges. Every operator is billed in JPY, in whole yen, in UTC days.
 *
 * - Basic fee (`dailyChargeTotal`): for every SIM, every day from the day it was created (or the 1st of the month)
 *   up to the end of the month (for the current month: up to and including today), the daily fee of its
 *   subscription for its *current* status below (ready and terminated SIMs cost nothing). A status change therefore
 *   reprices the current month, never a closed one.
 * - Data fee (`dailyDataTrafficChargeTotal`): for every SIM, day and speed class, the bytes up and down times the
 *   price per GB (10^9 bytes) of the speed class, rounded half up to whole yen (rows inserted without a speed class
 *   count under the SIM's current one).
 * - Beam fee (`dailySoracomBeamRequestChargeTotal`): for every SIM and day, the Beam requests times the price per
 *   million requests, rounded half up to whole yen.
 * Because each charge is a whole number of yen for one SIM, day and item, the days of a month, the items of a bill,
 * the SIMs and the lines of the CSV all add up to the same amount exactly.
 */
export const billing = {
  currency: 'JPY',
  /** Yen per SIM per day, by subscription and status; a subscription not listed is charged as `plan01s`. */
  dailyFee: {
    plan01s: { active: 11, inactive: 11, standby: 3, suspended: 3 },
    planX3: { active: 13, inactive: 13, standby: 4, suspended: 4 },
    'plan-D': { active: 10, inactive: 10, standby: 3, suspended: 3 },
    'plan-K': { active: 10, inactive: 10, standby: 3, suspended: 3 },
    'plan-KM1': { active: 5, inactive: 5, standby: 2, suspended: 2 },
    'plan-DU': { active: 30, inactive: 30, standby: 8, suspended: 8 },
  } as Record<string, Partial<Record<SimStatus, number>>>,
  /** Yen per GB (10^9 bytes up + down), by speed class; a class not listed costs as `s1.standard`. */
  dataPerGb: {
    's1.minimum': 200,
    's1.slow': 220,
    's1.standard': 240,
    's1.fast': 300,
    's1.4xfast': 400,
    's1.8xfast': 500,
    'u1.slow': 150,
    'u1.standard': 180,
    't1.standard': 260,
    'arc.standard': 240,
  } as Record<string, number>,
  /** Yen per million Beam requests (every Beam item counts as requests). */
  beamPerMillion: 900,
  /** Months of history `GET /bills` and `GET /payment_statements` go back (as the description's warnings say). */
  historyMonths: 18,
  /** `GET /bills/summaries/*`: this month and the three before it, newest first; the SIM list keeps the top 100. */
  summaryMonths: 4,
  topSims: 100,
} as const;

/**
 * Closed months. A month is closed, materialised once into `bills`/`bill_lines` and never recomputed, the first time a
 * billing call is made after it ended (the demo seed closes the demo operator's past months at once). Months before
 * the operator's creation have no bill (404). A closed month is `paid` with a transaction ID; its payment statement
 * (`PS-<yyyyMM>`) is paid on the 3rd of the next month and charges the amount less the coupons applied, in one line.
 * `GET /bills/{yyyyMM}` of the current month answers the preliminary bill with state `temporary` (no payment status).
 *
 * Coupons: `amount` of a bill is the total of its charges (what its days, items and CSV lines add up to);
 * `appliedCouponAmount` is the part coupons paid. When a month closes, the coupons the operator registered before
 * the month ended, whose `expiryYearMonth` is that month or later and that have a balance, pay for the charges of
 * their bill item (or any item when a coupon has none), the coupon expiring first first; their balance goes down by
 * what they paid. The preliminary bill (`/bills/latest`) shows charges only.
 */
export const billClosing = { paymentDay: 3, statementPrefix: 'PS-' } as const;

/**
 * Coupons: `POST /sandbox/coupons/create` makes a code (`SANDBOX-` and 12 random characters) that any operator can
 * register once with `POST /coupons/{code}/register`; the amount must be 1 to 10,000,000 yen, `expiryYearMonth`
 * defaults to twelve months ahead, and the bill item is kept as given (none: any item). Registering an unknown code is
 * 404-like but answered 400 (the description lists only 400): `{code: 'CPN0001'}`; a code already registered (by
 * anyone) is 400 `CPN0002`; an expired one 400 `CPN0003`.
 */
export const coupons = { maxAmount: 10_000_000, defaultExpiryMonths: 12, codePrefix: 'SANDBOX-' } as const;

/**
 * Payer information (`/payment_statements/payer_information`): each field at most 200 characters, and at least a
 * company name or a full name. Until it is registered, `GET` answers 200 with `{}`.
 * Payment method (`/payment_methods/current`): 404 until the operator has one; the demo operator has a fake card. Its
 * `properties` is a JSON string (`{brand, last4, expiryMonth, expiryYear, holderName}`).
 */
export const payerInformation = { maxLength: 200 } as const;

/**
 * Exports (`.../export`): the file is kept in the database. `sync` (the default) makes it, then answers `{url}`;
 * `async` answers `{exportedFileId, exportedFilePath}` at once and makes the file right after; `GET
 * /files/exported/{id}` says `processing` until it is made and `asyncDelayMs` have passed, then `exported` with the
 * url (`failed` if making it failed). The url is `/api/local/downloads/<random token>` on the console's own
 * origin (no API key needed, like a presigned URL) and works for `validMs` after the file is ready. The CSV files:
 * - bills: one line per SIM and bill item of the month (quantity in days, bytes or requests); the lines add up to
 *   the bill's `amount`;
 * - payment statements: the statement's months, their charges by item, the coupons applied, and the total charged;
 * - Air stats (`ExportRequest` `from`, `to`, `period` required): one line per SIM, period and speed class, terminated
 *   SIMs included; Beam stats: one line per SIM, period and Beam item.
 */
export const exportedFiles = { asyncDelayMs: 2_000, validMs: 60 * 60 * 1000 } as const;

/**
 * Team access (SORACOM Access Management). The service of an operation in a permission (`Service:operationId`) is
 * its first tag in the description; the `API Sandbox: …` operations are all `Sandbox` (a pattern holds only letters,
 * digits and `*`, so the tag as it is could not be named).
 */
export const permissionService = (tag: string): string => (tag.startsWith('API Sandbox') ? 'Sandbox' : tag);

/**
 * Who may call what (sandbox.ts runs the check once, before any handler and before the body is read):
 * - The root account may call everything. A SAM user may call an operation when a statement of its own permission,
 *   of one of its roles or of the operator's default permissions allows it and none denies it (common/permissions.ts).
 *   A refusal is 403 `AUM0002` and nothing changes.
 * - Self-service is not implicit: SORACOM documents granting `User:updateUserPassword` with the condition
 *   `pathVariable('user_name') == samUserName` for a user to change their own password, so a SAM user needs such a
 *   statement for their own password, MFA, auth keys, tokens and even `getUser` of themself. Enabling and verifying
 *   MFA stay the user's own besides (the root account or another user gets 403 even when allowed), since the TOTP
 *   secret is the user's.
 * - A SAM user may call `samAlwaysAllowed` whatever its permissions: giving up its own API key (logout) and
 *   refreshing its own token. SORACOM's own Lagoon users are granted `Auth:logout` explicitly, so SORACOM may govern
 *   it; refusing a user to end their own session protects nothing, and the console must be able to sign out.
 * - `rootOnlyOperations` are refused to every SAM user whatever its permissions (403): the root account's own
 *   password, MFA, auth keys and tokens. Managing SAM users, roles and the default permissions is governed by
 *   permissions like anything else (SORACOM: a SAM user with `User:*` and `Role:*` can manage security settings; the
 *   403 "Not privileged" the description lists for the default permissions is read as that refusal).
 */
export const samAlwaysAllowed: readonly string[] = ['logout', 'generateAuthToken'];
export const rootOnlyOperations: readonly string[] = [
  'getMFAStatus',
  'enableMFA',
  'verifyMFA',
  'revokeMFA',
  'updateOperatorPassword',
  'listOperatorAuthKeys',
  'generateOperatorAuthKey',
  'deleteOperatorAuthKey',
  'revokeOperatorAuthTokens',
  // The account's email addresses (the description: "allowed only for root user"; answered 403 like the rest).
  'listEmails',
  'getEmail',
  'deleteEmail',
  'issueAddEmailToken',
];

/**
 * Users, permissions and roles:
 * - A user or role without a permission answers `{"permission": ""}` (`getUserPermission`), and `UserDetailResponse`
 *   leaves `permission` out; likewise `{"defaultPermissions": ""}` and `{"trustPolicy": ""}` when none is set. Deleting
 *   one that is not set is 204 all the same. `PUT .../permission` ignores its `description` (it is not shown anywhere).
 * - An invalid permission (JSON, syntax, unsupported condition; common/permissions.ts `parsePermission`) is 400
 *   `SAM0001` with the parser's message; limits are common/permissions.ts `permissionLimits`.
 * - Role IDs follow the user-name rule (1 to 100 of letters, digits and `@ _ . + -`); `roleName` equals `roleId`.
 *   There are no Soracom-managed roles locally: `listRoles?owner=soracom` is `[]`, and an SRN role ID is 404 for
 *   `getRole`, `listRoleAttachedUsers` and `listRoleVersions`, 400 for `attachRole` ("not found"). `listRoleVersions`
 *   of an operator-managed role is 400 (as described). A duplicate role or user is 400 `COM0010`.
 * - `deleteRole` of a role attached to a user is 400 `SAM0002`; `attachRole` of a role already attached or unknown is
 *   400; `detachRole` of a role the user does not have is 404. `deleteUser` removes the user's API keys (signing it
 *   out), auth keys and role attachments.
 * - A user that does not exist is 404 for every user operation, also where the description lists only 400.
 * - Trust policies are stored and validated (JSON `{"statements": [{"effect": "allow"|"deny", "principal":
 *   {"soracom": ["srn:soracom:…", …]}}]}`, at most `trustPolicyLimits`), but switching users is not offered locally.
 * - Limits (400 `SAM0003` when a count is reached, 400 for a text too long): `teamLimits`.
 */
export const teamLimits = {
  descriptionLength: 1_000,
  usersPerOperator: 1_000,
  rolesPerOperator: 1_000,
  rolesPerUser: 10,
  idPattern: /^[A-Za-z0-9@_.+-]{1,100}$/,
} as const;
export const trustPolicyLimits = { textLength: 10_000, statements: 20, principals: 100, principalLength: 300 } as const;

/**
 * API audit log (`GET /audit_logs/api`): every call of an authenticated caller is recorded, refused ones included
 * (status kept as `statusCode`, as in SORACOM's example), and every successful `/auth` (as the caller it signed in;
 * failed ones have no caller to file them under). `apiKind` is `/v1` and the path template of the operation
 * (`/v1/sims/{sim_id}`), `requestPath` the path as called without its query, `userName` the SAM user (absent for the
 * root account), `remoteIpAddress` the address the gateway saw. No body, header or query is kept, so no secret is.
 * - Newest first; `api_kind` matches exactly; `from_epoch_ms`/`to_epoch_ms` are inclusive; `limit` defaults to
 *   `defaultLimit`. `x-soracom-next-key` is the last entry's `requestedTimeEpochMs` and the next page holds older
 *   calls; when the next entry has the same millisecond, the key is `<ms>:<n>` so that no call of that millisecond
 *   is lost (a plain `<ms>` from the client is accepted too).
 * - Kept `retentionDays`, and at most `rowsPerOperator` rows per operator: both pruned every `pruneEvery` records.
 */
export const auditLog = { defaultLimit: 100, retentionDays: 90, rowsPerOperator: 100_000, pruneEvery: 500 } as const;

/**
 * Error statuses the sandbox answers that neither the description declares for the operation nor
 * answerContract.implicitStatuses covers (400, 401/403 when secured, 404 with a path parameter, 413, 415, 429), each
 * a guess made elsewhere in this file. The contract checker refuses any other undeclared status.
 */
export const undeclaredStatuses: Readonly<Record<string, readonly number[]>> = {};

/**
 * Orders (shipping addresses, products, quotation → confirm → ship → register):
 * - Shipping addresses: `countryCode` defaults to `JP`. A Japanese address needs a postal code `NNN-NNNN` (the hyphen
 *   may be left out; it is stored with it), a prefecture (`東京都` or `Tokyo`/`Tokyo-to`) and a phone number; its
 *   `shippingArea` is the prefecture's region as Yamato Transport prices it (`kanto` for Tokyo, as in the example).
 *   Another country (two capital letters) needs a postal code of 2 to 12 letters, digits, spaces or hyphens and a
 *   state or region; its area is `overseas`. Every address needs a recipient (`fullName` or `companyName`) and a phone
 *   number of 6 to 20 digits, spaces, `+ - ( )`. Text fields are at most `addressLimits.fieldLength` characters, an
 *   operator has at most `addressLimits.perOperator` addresses, and an address an open order (a quotation or an
 *   order not shipped yet) goes to cannot be deleted (400 `ORD0004`). `PUT` replaces the whole address.
 * - Products (`GET /products`): the catalogue in api/order/catalogue.ts, in yen without tax; `campaign_code` is
 *   accepted and changes nothing. `shippingCostList` gives the cost of every area and box size.
 * - Quotation (`POST /orders`): 1 to `orderLimits.items` items, each product once, quantity 1 to the product's
 *   `maxQuantity`, at most `orderLimits.simsPerOrder` SIMs; an unknown product or address is 400 (`ORD0001`,
 *   `ORD0002`). Product amount is price × quantity; tax is the product amount times `taxRateAt` the time of the
 *   quotation, rounded down; shipping is by area and box size and includes its tax (`taxOnShippingCost: false`, as
 *   the example's 3,000 + 907 + 240 = 4,147 shows); total = products + shipping + tax.
 *   Box size from the items' weight (a SIM pack 1, a 10-SIM pack 2, a device 5): up to 10 → size 60, up to 40 → 80,
 *   more → 100 (one more size-100 box per 100). The quotation is kept as `orderProcessing` for
 *   `orderLimits.quotationDays` days; after that confirming it is 400 and it is forgotten. At most
 *   `orderLimits.perOperator` orders per operator (400 `ORD0005`).
 * - `PUT /orders/{id}/confirm`: the sandbox takes payment at once, so the order is `ordered` with `orderDateTime` and
 *   `paymentStatus: paid`. `GET /orders` lists confirmed orders only, newest first (the description: "confirmed order
 *   history"; the example recorded under confirmOrder lists one in `orderProcessing`, which locally is a quotation);
 *   `GET /orders/{id}` also answers a quotation. Confirming anything but a quotation is 400 `ORD0003`.
 * - `PUT /orders/{id}/cancel`: a quotation or an `ordered` order becomes `cancelled` (204); shipped, received or
 *   cancelled is 400 `ORD0003`. A cancelled order is not billed (if its month has not closed).
 * - `POST /sandbox/orders/ship` (`{orderId, operatorId}`, the caller's own): an `ordered` order becomes `shipped`
 *   with a shipping date and a Yamato-style tracking number, and its SIMs are made (quantity × pack `count` of the
 *   product's `simSubscription` and `simSize`, `ready`, numbered after every SIM orders made before); anything else
 *   is 400 ("Order does not exist" for another operator's or an unknown order).
 * - `GET /orders/{id}/subscribers`: the SIMs of a shipped order (none before), paged like `GET /sims`.
 * - `PUT /orders/{id}/resource_initial_setting`: until the SIMs are registered, per subscription of the order a
 *   `groupId` (must exist), `speedClass` (one the plan offers) and tags (at most `orderLimits.tags`, names and values
 *   at most 100 characters); 400 otherwise, also after receipt or cancellation.
 * - `POST /orders/{id}/subscribers/register`: a shipped order's SIMs join the fleet as `ready` SIMs with their
 *   initial setting, and the order is `received` (204); any other status is 400 `ORD0003`.
 * - Billing: a confirmed order's `totalAmount` is charged on the day it was confirmed, as bill item
 *   `orderChargeTotal` (category `SORACOM Order`, quantity the number of orders; one CSV line per month, with no SIM).
 */
export const addressLimits = { fieldLength: 100, perOperator: 50 } as const;
export const orderLimits = {
  items: 20,
  /** SIMs in one order (quantity × pack count over its items). */
  simsPerOrder: 1_000,
  perOperator: 1_000,
  quotationDays: 30,
  tags: 20,
} as const;
/**
 * Japan's consumption tax on the products of an order, by the time it is quoted: 8 % until September 2019 (the
 * rate of the recorded example), 10 % from 1 October 2019 (JST).
 */
export const taxRateAt = (ms: number): number => (ms >= Date.UTC(2019, 8, 30, 15) ? 0.1 : 0.08);
/** Shipping cost in yen, tax included, of a size-60 box by area; size 80 costs `sizeSurcharge` more, 100 twice that. */
export const shippingCosts = {
  byArea: {
    hokkaido: 1_300,
    kita_tohoku: 1_030,
    minami_tohoku: 1_030,
    kanto: 907,
    shinetsu: 907,
    chubu: 907,
    hokuriku: 907,
    kansai: 1_030,
    chugoku: 1_140,
    shikoku: 1_140,
    kyushu: 1_300,
    okinawa: 1_460,
    overseas: 3_900,
  } as Record<string, number>,
  sizeSurcharge: 220,
} as const;

/**
 * Credential sets (`/credentials`). The description's request schema names four types but its examples and
 * `CredentialsModel` twenty; every one of the twenty is accepted (scripts/api-supplement.ts `amendments`).
 * - Each type's fields are `credentialTypes`: `public` ones identify the set and are answered as given (an AWS
 *   access key ID, a user name, a role ARN, a certificate); `secret` ones are write-only: never answered, never logged,
 *   and not even kept (only a salted digest is, store/credentials.ts), so no call can show them again. Creating or
 *   replacing (`PUT`, the way to rotate a secret) needs every field of the type except those listed `optional`; a
 *   field the type does not have is 400. `private-key-pem` is not among the description's examples: its one field,
 *   `privateKeyPem`, is our guess.
 * - `PUT` replaces the whole set (type, fields, description; a missing description keeps the current one).
 * - Times are UNIX seconds, as for roles; `lastUsedDateTime` is 0 until a configuration that names the set is used:
 *   locally, when Air traffic is recorded (`POST /sandbox/stats/air/subscribers/{imsi}`) for a SIM whose group has
 *   an enabled SoracomFunnel, SoracomFunk or SoracomBeam configuration naming it.
 * - Deleting a set that a group's configuration names (a `credentialsId` key at any depth) is refused with 400
 *   `CRD0001`, the message naming the groups (ID and name); SORACOM does not document what it does. Remove it from
 *   the groups first. A set an event handler's action names (`InvokeAWSLambdaAction`) is refused the same way. An unknown set is 404 for `PUT` and `DELETE`; a duplicate ID is 400 `COM0010`.
 * - Limits: `credentialLimits` (400 `SAM0003` past the count, 400 for an ID, description or value out of bounds).
 */
export const credentialLimits = {
  perOperator: 1_000,
  idPattern: /^[A-Za-z0-9_.@+-]{1,100}$/,
  descriptionLength: 1_000,
  valueLength: 16_384,
} as const;

export { credentialTypes } from '../../common/credentialTypes';

/**
 * `GET /resource_summaries/simsPerStatus`: one item, no dimensions, a value per status the description names
 * (`readySims`, `activeSims`, `inactiveSims`, `standbySims`, `suspendedSims`; 0 included; terminated SIMs are not
 * counted), computed when asked (`updatedTime` is now, in milliseconds). It counts what `GET /sims` lists by
 * `status`. (`GET /query/sims?status=` matches a part of the status, so `active` finds the inactive SIMs too.)
 *
 * `GET /query/subscribers/traffic_volume/ranking`: per IMSI, the Air bytes up and down recorded from `from` to `to`
 * (milliseconds, both included; read down to the second the Air stats keep), of SIMs that are not terminated (their
 * Air stats answer nothing either), IMSIs without traffic in the range left out; ties by IMSI. `from` after `to`,
 * negative times, or `limit` below 1 are 400 (its maximum, 500, is the description's).
 */
export const simsPerStatusValues = ['ready', 'active', 'inactive', 'standby', 'suspended'] as const;

/**
 * Event handlers (`/event_handlers`), stored and validated; the sandbox does not run them yet.
 * - A handler has exactly one target: `targetOperatorId` (the caller's own operator), `targetGroupId` (one of its
 *   groups), `targetSimId` or `targetImsi` (one of its SIMs); anything else is 400. `DailyTotalTrafficRule` and
 *   `MonthlyTotalTrafficRule` sum a group's or an operator's SIMs, so they need one of those two targets.
 * - `ruleConfig.properties` and each action's `properties` may hold only what the description lists for the type
 *   (`eventHandlerRules`, `eventHandlerActions`; `inactiveTimeoutOffsetMinute`, the spelling the description gives for
 *   the status rules, is taken too), and must hold what it marks required. Figures are strings of digits:
 *   `limitTotalTrafficMegaByte` and `limitTotalAmount` at least 1, offsets in minutes from 0 to 525,600 (a year);
 *   `runOnceAmongTarget` is `true` or `false`. `SubscriberFirstTrafficRule` re-evaluates `NEVER` only, and the traffic
 *   rules never `IMMEDIATELY` (the description's lists). A web request's `url` is http(s); its `headers` text values.
 *   An `InvokeAWSLambdaAction` needs `credentialsId`, which must name one of the operator's credential sets.
 * - `handlerId` is a random UUID. `PUT` replaces the whole handler (same body as `POST`) and answers 200 without a body (the description declares none).
 *   `GET /event_handlers?target=` keeps the handlers of that kind of target. `GET /event_handlers/subscribers/{imsi}`
 *   lists those that watch the IMSI: by its IMSI, its SIM, its SIM's group or the operator (404 for an IMSI that is
 *   not the caller's). Ignoring an IMSI the handler already ignores is 200 all the same; un-ignoring one it does not
 *   is 404. Deleting a handler forgets what it ignored.
 * - Limits: `eventHandlerLimits` (400 `SAM0003` past the count).
 */
export const eventHandlerLimits = {
  perOperator: 1_000,
  nameLength: 100,
  descriptionLength: 1_000,
  actions: 10,
  textLength: 10_000,
  headers: 20,
  maxOffsetMinutes: 525_600,
} as const;

const ruleCommon = ['inactiveTimeoutDateConst', 'inactiveTimeoutOffsetMinutes'];
const trafficRule = { allowed: ['limitTotalTrafficMegaByte', ...ruleCommon], required: ['limitTotalTrafficMegaByte'] };
const trafficRuleOnce = { ...trafficRule, allowed: [...trafficRule.allowed, 'runOnceAmongTarget'] };
const statusRule = {
  allowed: ['sourceStatus', 'targetStatus', ...ruleCommon, 'inactiveTimeoutOffsetMinute', 'runOnceAmongTarget'],
  required: [],
};
const speedClassRule = { allowed: ['targetSpeedClass', ...ruleCommon, 'runOnceAmongTarget'], required: [] };
const onceRule = { allowed: [...ruleCommon, 'runOnceAmongTarget'], required: [] };
/** Per rule type: the properties it may have, and those it must have besides `inactiveTimeoutDateConst`. */
export const eventHandlerRules: Readonly<Record<string, { allowed: readonly string[]; required: readonly string[] }>> =
  {
    SubscriberFirstTrafficRule: { allowed: ['inactiveTimeoutDateConst'], required: [] },
    SubscriberDailyTrafficRule: trafficRule,
    SubscriberMonthlyTrafficRule: trafficRule,
    SubscriberCumulativeTrafficRule: trafficRule,
    SubscriberStatusAttributeRule: statusRule,
    SimStatusAttributeRule: statusRule,
    SubscriberSpeedClassAttributeRule: speedClassRule,
    SimSpeedClassAttributeRule: speedClassRule,
    SubscriberExpiredRule: onceRule,
    SimExpiredRule: onceRule,
    SubscriberImeiMismatchedRule: onceRule,
    SimImeiMismatchedRule: onceRule,
    SimDailyTotalTrafficRule: trafficRuleOnce,
    SimMonthlyTotalTrafficRule: trafficRuleOnce,
    SimCumulativeTotalTrafficRule: trafficRuleOnce,
    SimSubscriptionStatusRule: { allowed: ['targetOtaStatus', ...ruleCommon, 'runOnceAmongTarget'], required: [] },
    DailyTotalTrafficRule: trafficRuleOnce,
    MonthlyTotalTrafficRule: trafficRuleOnce,
    MonthlyChargeRule: { allowed: ['limitTotalAmount', ...ruleCommon], required: ['limitTotalAmount'] },
  };

const actionCommon = ['executionDateTimeConst', 'executionOffsetMinutes'];
const statusAction = { allowed: actionCommon, required: [] };
/** Per action type: the properties it may have, and those it must have besides `executionDateTimeConst`. */
export const eventHandlerActions: Readonly<
  Record<string, { allowed: readonly string[]; required: readonly string[] }>
> = {
  SendMailAction: { allowed: [...actionCommon, 'to', 'title', 'message'], required: [] },
  SendMailToOperatorAction: { allowed: [...actionCommon, 'title', 'message'], required: [] },
  ChangeSpeedClassAction: { allowed: [...actionCommon, 'speedClass'], required: [] },
  ActivationAction: statusAction,
  DeactivationAction: statusAction,
  StandbyAction: statusAction,
  SuspendAction: statusAction,
  ExecuteWebRequestAction: {
    allowed: [...actionCommon, 'url', 'httpMethod', 'contentType', 'headers', 'body'],
    required: ['url', 'httpMethod', 'contentType', 'headers'],
  },
  InvokeAWSLambdaAction: {
    allowed: [
      ...actionCommon,
      'endpoint',
      'functionName',
      'credentialsId',
      'parameter1',
      'parameter2',
      'parameter3',
      'parameter4',
      'parameter5',
    ],
    required: ['endpoint', 'functionName', 'credentialsId'],
  },
};

/**
 * The account (issue 16):
 * - Contact information: an operator has company or individual information, not both. `POST` of the kind it has is
 *   400 `COM0010` (use `PUT`); `POST` of the other kind replaces what it has (switching); `GET`/`PUT` of a kind it
 *   does not have is 404. Its rules are common/contactInformation.ts's (`contactProblems`: required fields
 *   hold more than spaces, at most `contactRules.fieldLength` characters, a country code of two capital letters, a
 *   phone number, a VAT identification number only for a company outside Japan); unknown fields are dropped.
 * - Email addresses: the sign-in address is one of them and cannot be deleted (400). An address is added only by the
 *   token mailed to it (`addEmailTokenSeconds`, used once; other pending tokens stay usable), so every address
 *   listed is `verified: true`. At most `emails` addresses (400, as described); adding one the account has is 400
 *   `COM0010`; a wrong password is 400 `AUM0003`. Deleting an address takes it off every notification.
 * - System notifications: every type is listed, an unset one with an empty `emailIdList`. `primary` is the sign-in
 *   address: setting it (password required, exactly one address) changes the address the operator signs in with;
 *   for the other types the addresses must be the account's (400), and an empty list unsets the type. Mails of the
 *   password reset and MFA revoke go to the sign-in address and the `recovery` addresses; the local sandbox sends no
 *   billing or support mails, so `billing`/`support` are stored only.
 * - Configuration: namespaces `Email` (modifiable; `billing.attachInvoicePdfEnabled` and
 *   `notification.exceedBundleDisabled`, booleans; version 1 on the first set and one more on each; a wrong
 *   `expectedVersion` is 409; 404 until set) and `Support` (not modifiable, 400: its tier follows the `support`
 *   contract, paid by Japan coverage). Any other namespace is 400.
 * - Contracts: adding one the operator has replaces its detail (200). `harvest` takes `{plan, ttl}` (both optional,
 *   the values the description allows), `support` takes `{tier}` (`priority` when left out), `api_audit_log` and
 *   `napter` take no detail (400). Deleting one the operator does not have is 404. `getOperator` answers them as
 *   `contracts` (names) and `contractDetail` (by name), as SORACOM's own answer does; the description's
 *   `GetOperatorResponse` lists neither.
 * - Contract fees (`contractDailyFee`, yen per day, our own figures): bill item `contractChargeTotal` (category
 *   `SORACOM Contracts`, quantity the contract-days), one line a month with no SIM. Each day a contract is on counts,
 *   from the day it was added to the day before it was deleted (a month still running up to today, as the
 *   basic fee is); the month's amount is charged on the first of those days.
 * - `POST .../support/token`: a random token; nothing local accepts it, so it is not kept.
 * - Coverage types (`coverage`): every operator has Japan coverage (`jp`); `POST .../coverage_type/g` records Global
 *   (201), a second time is 400 `COM0010`, any other type 400. `getOperator` answers `coverageTypes`, as SORACOM's own
 *   answer does.
 * - Two coverages (sandbox/coverage.ts): the gateway serves the sandbox as `local` (Japan) and `local-g` (Global) over
 *   one database. The account is shared: sign-in, API keys and tokens (a token got from one endpoint works on the
 *   other), users, roles, permissions, contacts, emails, contracts, payment, coupons, the audit log, shipping
 *   addresses and orders (SIM orders are placed with the account; their SIMs join the Japan fleet). SIMs, groups and
 *   their configuration, usage and stats, bills, exported files, credentials, event handlers and their runs, and
 *   error logs belong to one coverage. On `local-g`, an operator without Global coverage gets 403 `AUM0002` for
 *   those; the account's operations answer as on `local`. Contract fees are billed to Japan coverage only (SORACOM
 *   bills contracts with the Japan account). The Global coverage's rows are owned by a partition row of `operators`
 *   (`OP…-g`, `account_of` naming the operator) that nobody can sign in as; answers name the operator.
 * - The bill mail (`billMail`, sandbox/billingMail.ts): once a month is closed, its bill is mailed to the sign-in
 *   address and the `billing` notification addresses, once per coverage and month, only the newest closed month
 *   (an account that starts with months behind it gets one mail, not one per month), and none for a coverage with
 *   nothing billed. The server looks every minute. SORACOM's mail carries the invoice; the local one has a subject
 *   with the month, the coverage and the amount, and a link to the bill. Nothing local sends `support` mail.
 * - `DELETE /sandbox/operators/{id}`: only the operator itself (403 otherwise); removes every row of the operator.
 */
export const contractDailyFee: Readonly<Record<string, number>> = {
  api_audit_log: 30,
  harvest: 20,
  napter: 10,
  support: 300,
};
export const coverage = { home: 'jp', types: ['jp', 'g'] } as const;
export const accountLimits = { emails: 10, addEmailTokenSeconds: 24 * 3600 } as const;

/**
 * Event handlers run by the local sandbox (server/sandbox/eventRunner.ts, common/eventRules.ts). SORACOM's
 * documentation describes the rules, not when they are checked or how the timing reads; the sandbox's choices:
 * - Handlers are evaluated when Air stats are recorded (`POST /sandbox/stats/air/subscribers/{imsi}`), at the time of
 *   the stats (their `unixtime`), against the traffic recorded up to then. Days and months are UTC; 1 MiB is 1,048,576
 *   bytes of upload plus download; the limit is reached at or above it. Status and speed class rules are evaluated when
 *   a SIM's status or speed class changes through the API (the SIM and subscriber actions); IMEI and subscription
 *   rules are never run (the sandbox has no such events); an expiry rule fires on the first stats after the SIM's
 *   `expiryTime`; the monthly charge rule is never run.
 * - After firing for an IMSI the handler rests for it until `inactiveTimeoutDateConst` (+ `inactiveTimeoutOffsetMinutes`)
 *   from the firing: IMMEDIATELY not at all, AFTER_ONE_DAY 24 h, BEGINNING_OF_NEXT_DAY/MONTH until the next UTC
 *   day/month, NEVER for good; with `runOnceAmongTarget` "true" an execution for any IMSI makes them all rest.
 * - An action runs at `executionDateTimeConst` (+ `executionOffsetMinutes`) from the firing; NEVER does not run it.
 *   IMMEDIATELY actions of stats stamped later than the sandbox's clock run at once all the same.
 *   Actions due later wait for a pass of the runner: on every Air stats insert and every tick of the session simulator
 *   (~10 s). Actions changing a SIM's speed class or status do not set off other handlers.
 * - Mail goes to the local mailbox (kind `eventHandler`, subject = `title` or the handler's name, link to the
 *   handler's page); `${imsi}`, `${simId}`, `${operatorId}` and `${handlerId}` in title, message, URL and body are
 *   replaced. A web request is only sent to a loopback address (127.0.0.0/8, localhost, ::1), in the background,
 *   with a timeout, without following redirects; a 2xx answer is `done`, anything else `failed`. AWS Lambda is not
 *   called (`skipped`).
 * - Executions are kept per handler and IMSI and read through `GET /api/local/event_handler_executions` (not a
 *   SORACOM operation: the description has none; the same permission as `listEventHandlers`).
 */
export const eventHandlerRuns = {
  webRequestTimeoutMs: 5_000,
  notRunLocally: 'The local sandbox does not run this action.',
  notLoopback: 'The local sandbox only sends web requests to a loopback address.',
} as const;

/**
 * Error logs (`GET /logs`). The sandbox logs what it can tell went wrong: an event handler action that failed (a web
 * request answered with an error or not at all, a speed class or status change the SIM refused), under service `Air`
 * (event handlers belong to Air; the description's services have no other fit), and Air stats of a SIM whose group's
 * Funnel, Funk or Beam configuration names a credential set that does not exist, under that service. Every entry is
 * `resourceType` Subscriber (the IMSI), `logLevel` error, `body` `{message, …}`. Newest first; paging as everywhere
 * (`x-soracom-next-key`, `link`); the last 10,000 per operator are kept (store/errorLogs.ts).
 */
export const errorLogs = { service: 'Air', kept: 10_000 } as const;
