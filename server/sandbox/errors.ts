/**
 * Errors in SORACOM's shape: `{code, message}`. The codes below are the sandbox's own: SORACOM publishes no list,
 * so each is named for what it means and kept here, in one place, so the console and tests can refer to them.
 */
import { oneTimeTokenInvalidStatus } from './guesses';

export const codes = {
  badRequest: 'COM0001',
  invalidJson: 'COM0002',
  notFound: 'COM0004',
  methodNotAllowed: 'COM0005',
  tokenInvalid: 'COM0006',
  notImplemented: 'COM0009',
  unauthenticated: 'AUM0001',
  forbidden: 'AUM0002',
  authFailed: 'AUM0003',
  tokenExpired: 'AUM0005',
  alreadyExists: 'COM0010',
  /** Too many requests from one client for an operation (see guesses.rateLimit). */
  rateLimited: 'COM0429',
  /** A request body over the server's limit (server/body.ts). */
  payloadTooLarge: 'COM0413',
  /** A request body that is not `application/json` where the description asks for JSON. */
  unsupportedMediaType: 'COM0415',
  /** A request for a host name the server does not answer to (DNS rebinding). */
  misdirected: 'COM0421',
  /** The account's password logins are paused after too many wrong MFA codes (see guesses.mfaLockout). */
  accountLocked: 'AUM0007',
  mfaState: 'MFA0002',
  /** An MFA backup code that is wrong or already used. */
  backupCodeInvalid: 'MFA0003',
  internal: 'COM0500',
  /** A SIM status change the state machine does not allow (guesses.simStatusTransitions). */
  invalidStatusTransition: 'SIM0001',
  /** Terminating (or setting expiry action `terminate` on) a SIM whose termination protection is on. */
  terminationProtected: 'SIM0002',
  /** SMS to a SIM that cannot receive SMS, or a payload that does not fit its encoding. */
  smsNotAllowed: 'SIM0003',
  /** A speed class the SIM's subscription does not offer. */
  speedClassNotOffered: 'SIM0004',
  /** A wrong registration secret, or a SIM that is already registered. */
  registrationFailed: 'SIM0005',
  /** An IMEI lock or expiry time that does not fit. */
  simSettingInvalid: 'SIM0006',
  /** Deleting the session of a SIM that is offline: SORACOM's own code (from the description of deleteSimSession). */
  sessionOffline: 'SEM0016',
  /** Sandbox Air stats at a timestamp that already has data. */
  statsExist: 'STA0001',
  /** A permission or trust policy that is not valid JSON, or not in SORACOM's permission syntax. */
  permissionInvalid: 'SAM0001',
  /** Deleting a role still attached to a user. */
  roleInUse: 'SAM0002',
  /** Creating one more user or role, or attaching one more role, past guesses.teamLimits. */
  limitExceeded: 'SAM0003',
  /** An order of a product the catalogue does not have, or of a quantity it does not allow. */
  productInvalid: 'ORD0001',
  /** A shipping address that does not exist, or is not valid (guesses: orders). */
  addressInvalid: 'ORD0002',
  /** An order step its status does not allow: confirming twice, cancelling a shipped order (guesses: orders). */
  orderStatusInvalid: 'ORD0003',
  /** Deleting a shipping address an open order goes to. */
  addressInUse: 'ORD0004',
  /** One more shipping address or order past guesses.addressLimits / orderLimits. */
  orderLimitExceeded: 'ORD0005',
  /** Deleting a credential set that a group's configuration still names (guesses.credentials). */
  credentialsInUse: 'CRD0001',
  /** An operator configuration changed since the `expectedVersion` the caller read (409, as described). */
  conflict: 'COM0409',
} as const;

export class SoracomError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. the rate-limit headers of a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const badRequest = (message: string, code: string = codes.badRequest) => new SoracomError(400, code, message);
export const notFound = (message = 'Not found.') => new SoracomError(404, codes.notFound, message);
export const forbidden = (message = 'You are not allowed to access this resource.') =>
  new SoracomError(403, codes.forbidden, message);
export const unauthenticated = (message = 'Authentication is required.') =>
  new SoracomError(401, codes.unauthenticated, message);

/** A one-time token (sign-up, password reset, MFA revoke) that is unknown, used or expired: SORACOM's own answer. */
export const tokenInvalid = () => new SoracomError(oneTimeTokenInvalidStatus, codes.tokenInvalid, 'Token is invalid.');
