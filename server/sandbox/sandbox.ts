/**
 * The local SORACOM API sandbox: a request is matched and validated against openapi/soracom.json, its caller is
 * authenticated when the operation is secured, and its handler answers. Every error has SORACOM's `{code, message}`.
 */

import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
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

/**
 * One API call, whatever carried it: the Fetch API (`handle`, tests) or Node's http (server/listener.ts), so that
 * the server's hot path builds no Request or Response.
 */
export interface ApiCall {
  method: string;
  /** The path after `/v1`, still percent-encoded. */
  pathname: string;
  query: URLSearchParams;
  /** A request header by its lower-case name, or null. */
  header(name: string): string | null;
  /** The body as text (not read for GET and HEAD). */
  text(): Promise<string>;
  clientIp: string;
}

/** An API answer: header names are lower-case; the body is the bytes to send (gzipped when `content-encoding` says). */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer<ArrayBuffer> | null;
}

export interface Sandbox {
  /** Answers one API call. */
  answer(call: ApiCall): Promise<ApiAnswer>;
  /** `answer` for a Fetch API request; `pathname` is the part after `/v1`, `clientIp` the caller's address. */
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

/** A reply's headers with lower-case names. */
function lowerCased(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** A reply as JSON, as it is, with its length. */
function plainJson(reply: Reply): ApiAnswer {
  const headers = lowerCased(reply.headers);
  if (reply.body === undefined) return { status: reply.status, headers, body: null };
  headers['content-type'] = 'application/json; charset=utf-8';
  const text = reply.body instanceof JsonText ? reply.body.text : JSON.stringify(reply.body);
  const bytes = Buffer.from(text);
  headers['content-length'] = String(bytes.length);
  if (bytes.length >= gzipFrom) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  return { status: reply.status, headers, body: bytes };
}

const gzipped = promisify(gzip);

/**
 * A reply as JSON; one of 1 KB or more goes gzipped at level 1 to a client that takes gzip (a page of 100 SIMs:
 * 93 KB to 12 KB in about 0.7 ms; level 6 would make it 9 KB in three times as long). The compression runs on libuv's
 * thread pool, so the event loop serves other requests meanwhile: under load with 50 clients, the 99th percentile of
 * a search of 10 SIMs went from 26–30 ms to about 21 (scripts/bench-load.ts). A smaller answer goes as it is, which
 * app.ts's compress() leaves alone too.
 */
async function json(reply: Reply, acceptEncoding: string | null): Promise<ApiAnswer> {
  const answer = plainJson(reply);
  if (answer.body === null || answer.body.length < gzipFrom || !acceptsGzip(acceptEncoding)) return answer;
  const body = (await gzipped(answer.body, { level: 1 })) as Buffer<ArrayBuffer>;
  return {
    ...answer,
    headers: { ...answer.headers, 'content-encoding': 'gzip', 'content-length': String(body.length) },
    body,
  };
}

/** An error as SORACOM answers it (`{code, message}`; never large enough to compress). */
export const errorAnswer = (error: SoracomError): ApiAnswer =>
  plainJson({ status: error.status, body: error.toJSON(), headers: error.headers });

/** An answer as a Fetch API Response. */
export const toResponse = (answer: ApiAnswer): Response =>
  new Response(answer.body, { status: answer.status, headers: answer.headers });

export function createSandbox(options: SandboxOptions): Sandbox {
  const router = options.router ?? new SpecRouter();
  const stores = createStores(options.db);
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const mailer = createMailer(stores.mailbox, options.publicUrl ?? 'http://127.0.0.1:8080', log);
  const limiter = createRateLimiter(options.rateLimit ?? rateLimit);

  function authenticate(call: ApiCall, operationId: string, time: number): Identity {
    const apiKey = call.header('x-soracom-api-key');
    const token = call.header('x-soracom-token');
    if (!apiKey || !token) throw unauthenticated('X-Soracom-API-Key and X-Soracom-Token are required.');
    const identity = stores.tokens.identify(apiKey, token, time);
    if (!identity) throw new SoracomError(401, codes.tokenInvalid, 'The API key or token is not valid.');
    if (identity.expired && !expiredTokenAllowed.has(operationId)) {
      throw new SoracomError(401, codes.tokenExpired, 'The token has expired.');
    }
    return identity;
  }

  async function reply(call: ApiCall, limits: Record<string, string>): Promise<ApiAnswer> {
    const found = router.find(call.method, call.pathname);
    const time = now();
    if (rateLimited.has(found.operationId)) {
      const hit = limiter.hit(`${call.clientIp} ${found.operationId}`, time);
      Object.assign(limits, lowerCased(hit.headers));
      if (!hit.allowed) {
        throw new SoracomError(
          429,
          codes.rateLimited,
          `Too many requests. Try again in ${hit.secondsBeforeRefresh} seconds.`,
        );
      }
    }
    const raw = call.method === 'GET' || call.method === 'HEAD' ? '' : await call.text();
    const match = found.validate(call.query, raw);
    const identity = match.secured ? authenticate(call, match.operationId, time) : null;
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
    return json(handler(ctx as Ctx<never>), call.header('accept-encoding'));
  }

  async function answer(call: ApiCall): Promise<ApiAnswer> {
    // The rate-limit headers go on every answer of a limited operation; an error's own headers win.
    const limits: Record<string, string> = {};
    let result: ApiAnswer;
    try {
      result = await reply(call, limits);
    } catch (error) {
      if (error instanceof SoracomError) result = errorAnswer(error);
      else {
        log(`sandbox: internal error on ${call.method} ${call.pathname}: ${(error as Error).stack ?? error}`);
        result = errorAnswer(new SoracomError(500, codes.internal, 'Internal error in the local sandbox.'));
      }
    }
    for (const [name, value] of Object.entries(limits)) result.headers[name] ??= value;
    return result;
  }

  return {
    answer,
    async handle(request, pathname, clientIp = 'unknown') {
      const call: ApiCall = {
        method: request.method,
        pathname,
        query: new URL(request.url).searchParams,
        header: (name) => request.headers.get(name),
        text: () => request.text(),
        clientIp,
      };
      return toResponse(await answer(call));
    },
    mailbox: (email) => stores.mailbox.list(email),
    download: (token) => downloadExport(options.db, token, now()),
  };
}
