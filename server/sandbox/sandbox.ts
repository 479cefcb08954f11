/**
 * The local SORACOM API sandbox: a request is matched and validated against openapi/soracom.json, its caller is
 * authenticated when the operation is secured, and its handler answers. Every error has SORACOM's `{code, message}`.
 */

import { gzipSync } from 'node:zlib';
import { getAirStats, getAirStatsOfSim, sandboxInsertAirStats } from './airStats';
import { auth, generateAuthToken, logout, revokeOperatorAuthTokens, revokeUserAuthTokens } from './auth';
import {
  deleteOperatorAuthKey,
  deleteUserAuthKey,
  generateOperatorAuthKey,
  generateUserAuthKey,
  listOperatorAuthKeys,
  listUserAuthKeys,
} from './authKeys';
import {
  getBilling,
  getBillingHistory,
  getBillingPerDay,
  getBillingSummaryOfBillItems,
  getBillingSummaryOfSims,
  getLatestBilling,
} from './bills';
import type { Ctx, Handler, Reply } from './context';
import { createStores, JsonText } from './context';
import { listCoupons, registerCoupon, sandboxCreateCoupon } from './coupons';
import type { Db } from './db';
import { codes, forbidden, SoracomError, unauthenticated } from './errors';
import { downloadExport, exportBilling, exportLatestBilling, getExportedFile } from './exports';
import {
  createGroup,
  deleteConfigurationNamespace,
  deleteConfigurationParameter,
  deleteGroup,
  deleteGroupTag,
  getGroup,
  listGroups,
  listSubscribersInGroup,
  putConfigurationParameters,
  putGroupTags,
} from './groups';
import { rateLimit } from './guesses';
import { createMailer } from './mail';
import { issueMFARevokingToken, verifyMFARevokingToken } from './mfaRecovery';
import { enableMFA, getMFAStatus, getOperator, revokeMFA, updateOperatorPassword, verifyMFA } from './operators';
import { issuePasswordResetToken, verifyPasswordResetToken } from './passwordReset';
import {
  exportPaymentStatement,
  getPayerInformation,
  getPaymentMethod,
  listPaymentStatements,
  registerPayerInformation,
} from './payments';
import { createRateLimiter, type RateLimitOptions } from './rateLimit';
import { sandboxCreateSubscriber, sandboxGetSignupToken, sandboxInitializeOperator } from './sandboxApi';
import { searchSims } from './search';
import { createOperator, verifyOperator } from './signup';
import {
  activateSim,
  activateSubscriber,
  deactivateSim,
  deactivateSubscriber,
  deleteSimSession,
  deleteSimTag,
  deleteSubscriberSession,
  deleteSubscriberTag,
  disableSimTermination,
  disableTermination,
  enableSimTermination,
  enableTermination,
  listSimSessionEvents,
  listSimStatusHistory,
  putSubscriberTags,
  registerSim,
  sendSms,
  sendSmsToSim,
  setExpiryTime,
  setImeiLock,
  setSimExpiryTime,
  setSimImeiLock,
  setSimToStandby,
  setSubscriberToStandby,
  suspendSim,
  suspendSubscriber,
  terminateSim,
  terminateSubscriber,
  unsetExpiryTime,
  unsetImeiLock,
  unsetSimExpiryTime,
  unsetSimImeiLock,
  updateSimSpeedClass,
  updateSpeedClass,
} from './simActions';
import { getSim, listSims, putSimTags, setSimGroup, unsetSimGroup } from './sims';
import { SpecRouter } from './spec';
import type { Mail } from './store/mailbox';
import type { Identity } from './store/tokens';
import { setGroup, unsetGroup } from './subscribers';
import {
  exportAirStats,
  exportBeamStats,
  getAirStatsOfGroup,
  getAirStatsOfOperator,
  getBeamStats,
  sandboxInsertBeamStats,
} from './usageStats';
import {
  createUser,
  createUserPassword,
  enableUserMFA,
  getUser,
  getUserMFAStatus,
  revokeUserMFA,
  updateUserPassword,
  verifyUserMFA,
} from './users';

/** Handlers by operationId. An operation of the description that is missing here answers 501. */
const handlers: Record<string, Handler> = {
  auth,
  logout,
  generateAuthToken,
  revokeOperatorAuthTokens,
  revokeUserAuthTokens,
  createOperator,
  verifyOperator,
  issuePasswordResetToken,
  verifyPasswordResetToken,
  issueMFARevokingToken,
  verifyMFARevokingToken,
  getOperator,
  updateOperatorPassword,
  getMFAStatus,
  enableMFA,
  verifyMFA,
  revokeMFA,
  listOperatorAuthKeys,
  generateOperatorAuthKey,
  deleteOperatorAuthKey,
  createUser,
  getUser,
  createUserPassword,
  updateUserPassword,
  getUserMFAStatus,
  enableUserMFA,
  verifyUserMFA,
  revokeUserMFA,
  listUserAuthKeys,
  generateUserAuthKey,
  deleteUserAuthKey,
  listSims,
  getSim,
  putSimTags,
  setSimGroup,
  unsetSimGroup,
  setGroup,
  unsetGroup,
  listGroups,
  createGroup,
  getGroup,
  deleteGroup,
  putGroupTags,
  deleteGroupTag,
  putConfigurationParameters,
  deleteConfigurationNamespace,
  deleteConfigurationParameter,
  listSubscribersInGroup,
  sandboxInitializeOperator,
  sandboxCreateSubscriber,
  sandboxGetSignupToken,
  searchSims,
  registerSim,
  getAirStatsOfSim,
  sandboxInsertAirStats,
  activateSim,
  activateSubscriber,
  deactivateSim,
  deactivateSubscriber,
  setSimToStandby,
  setSubscriberToStandby,
  suspendSim,
  suspendSubscriber,
  terminateSim,
  terminateSubscriber,
  enableSimTermination,
  enableTermination,
  disableSimTermination,
  disableTermination,
  updateSimSpeedClass,
  updateSpeedClass,
  deleteSimTag,
  deleteSubscriberTag,
  putSubscriberTags,
  setSimImeiLock,
  setImeiLock,
  unsetSimImeiLock,
  unsetImeiLock,
  setSimExpiryTime,
  setExpiryTime,
  unsetSimExpiryTime,
  unsetExpiryTime,
  deleteSimSession,
  deleteSubscriberSession,
  sendSmsToSim,
  sendSms,
  listSimStatusHistory,
  listSimSessionEvents,
  getBillingHistory,
  getBilling,
  getBillingPerDay,
  getLatestBilling,
  getBillingSummaryOfBillItems,
  getBillingSummaryOfSims,
  exportBilling,
  exportLatestBilling,
  getExportedFile,
  listCoupons,
  registerCoupon,
  sandboxCreateCoupon,
  getPaymentMethod,
  listPaymentStatements,
  exportPaymentStatement,
  getPayerInformation,
  registerPayerInformation,
  getAirStats,
  getAirStatsOfOperator,
  getAirStatsOfGroup,
  exportAirStats,
  getBeamStats,
  sandboxInsertBeamStats,
  exportBeamStats,
};

/** Operations an expired token may still call, so that they can answer with their own error. */
const expiredTokenAllowed = new Set(['generateAuthToken']);

/** Operations rate-limited per client IP (guesses.rateLimit). */
const rateLimited = new Set<string>(rateLimit.operations);

export interface SandboxOptions {
  db: Db;
  now?: () => number;
  log?: (line: string) => void;
  router?: SpecRouter;
  /** Where the console is reached, for the links in mails (default `http://127.0.0.1:8080`). */
  publicUrl?: string;
  /** Requests per client IP and operation per window, for the rate-limited operations (default guesses.rateLimit). */
  rateLimit?: RateLimitOptions;
}

export interface Sandbox {
  /** Answers one API request; `pathname` is the part after `/v1`, `clientIp` the caller's address. */
  handle(request: Request, pathname: string, clientIp?: string): Promise<Response>;
  /** The local mailbox, newest first: the mails to `email`, or all of them. */
  mailbox(email?: string): Mail[];
  /** An exported file behind a download token (exports.ts), while it is ready and not expired. */
  download(token: string): { fileName: string; content: string } | undefined;
}

/** Whether an Accept-Encoding header takes gzip (named, or `*`, without q=0). */
const acceptsGzip = (header: string | null): boolean =>
  (header ?? '').split(',').some((part) => {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    return (name === 'gzip' || name === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });

/** Answers from this size on go gzipped (see `json`). */
export const gzipFrom = 1024;

/**
 * An answer of 1 KB or more goes gzipped at level 1 to a client that takes gzip: synchronous and about three times
 * cheaper than the stream app.ts's compress() would use (a page of 100 SIMs: 93 KB in about 0.7 ms, to 12 KB rather
 * than 9 KB). A smaller one goes as it is, with its length, which compress() leaves alone too.
 */
const json = (reply: Reply, acceptEncoding: string | null = null): Response => {
  const headers = new Headers(reply.headers);
  if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
  headers.set('content-type', 'application/json; charset=utf-8');
  const text = reply.body instanceof JsonText ? reply.body.text : JSON.stringify(reply.body);
  const bytes = Buffer.from(text);
  if (bytes.length < gzipFrom) {
    headers.set('content-length', String(bytes.length));
    return new Response(bytes, { status: reply.status, headers });
  }
  headers.append('vary', 'Accept-Encoding');
  if (!acceptsGzip(acceptEncoding)) return new Response(bytes, { status: reply.status, headers });
  const zipped = gzipSync(bytes, { level: 1 });
  headers.set('content-encoding', 'gzip');
  headers.set('content-length', String(zipped.length));
  return new Response(zipped, { status: reply.status, headers });
};

export const errorResponse = (error: SoracomError): Response =>
  json({ status: error.status, body: error.toJSON(), headers: error.headers });

export function createSandbox(options: SandboxOptions): Sandbox {
  const router = options.router ?? new SpecRouter();
  const stores = createStores(options.db);
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const mailer = createMailer(stores.mailbox, options.publicUrl ?? 'http://127.0.0.1:8080', log);
  const limiter = createRateLimiter(options.rateLimit ?? rateLimit);

  function authenticate(headers: Headers, operationId: string, time: number): Identity {
    const apiKey = headers.get('x-soracom-api-key');
    const token = headers.get('x-soracom-token');
    if (!apiKey || !token) throw unauthenticated('X-Soracom-API-Key and X-Soracom-Token are required.');
    const identity = stores.tokens.identify(apiKey, token, time);
    if (!identity) throw new SoracomError(401, codes.tokenInvalid, 'The API key or token is not valid.');
    if (identity.expired && !expiredTokenAllowed.has(operationId)) {
      throw new SoracomError(401, codes.tokenExpired, 'The token has expired.');
    }
    return identity;
  }

  async function answer(request: Request, pathname: string, clientIp: string, limits: Headers): Promise<Response> {
    const url = new URL(request.url);
    const found = router.find(request.method, pathname);
    const time = now();
    if (rateLimited.has(found.operationId)) {
      const hit = limiter.hit(`${clientIp} ${found.operationId}`, time);
      for (const [name, value] of Object.entries(hit.headers)) limits.set(name, value);
      if (!hit.allowed) {
        throw new SoracomError(
          429,
          codes.rateLimited,
          `Too many requests. Try again in ${hit.secondsBeforeRefresh} seconds.`,
        );
      }
    }
    const raw = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const match = found.validate(url.searchParams, raw);
    const identity = match.secured ? authenticate(request.headers, match.operationId, time) : null;
    if (identity && match.path.operator_id !== undefined && match.path.operator_id !== identity.operatorId) {
      throw forbidden();
    }
    const handler = handlers[match.operationId];
    if (!handler) {
      throw new SoracomError(501, codes.notImplemented, `${match.operationId} is not available in the local sandbox.`);
    }
    const ctx: Ctx<unknown> = {
      db: options.db,
      stores,
      identity,
      path: match.path,
      query: match.query,
      body: match.body,
      now: time,
      log,
      mail: (mail) => mailer(mail, time),
    };
    return json(handler(ctx as Ctx<never>), request.headers.get('accept-encoding'));
  }

  return {
    async handle(request, pathname, clientIp = 'unknown') {
      // The rate-limit headers go on every answer of a limited operation; an error's own headers win.
      const limits = new Headers();
      let response: Response;
      try {
        response = await answer(request, pathname, clientIp, limits);
      } catch (error) {
        if (error instanceof SoracomError) response = errorResponse(error);
        else {
          log(`sandbox: internal error on ${request.method} ${pathname}: ${(error as Error).stack ?? error}`);
          response = errorResponse(new SoracomError(500, codes.internal, 'Internal error in the local sandbox.'));
        }
      }
      limits.forEach((value, name) => {
        if (!response.headers.has(name)) response.headers.set(name, value);
      });
      return response;
    },
    mailbox: (email) => stores.mailbox.list(email),
    download: (token) => downloadExport(options.db, token, now()),
  };
}
