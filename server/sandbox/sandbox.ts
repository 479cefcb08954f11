/**
 * The local SORACOM API sandbox: a request is matched and validated against openapi/soracom.json, its caller is
 * authenticated when the operation is secured, and its handler (api/handlers.ts) answers. Every error has SORACOM's
 * `{code, message}`.
 */
import { declaresBody, defaultBodyLimits, isJsonType, readFetchBody } from '../body';
import { isLoopbackAddress } from '../hosts';
import { type CallFacts, createAccess } from './access';
import { type ApiAnswer, type ApiCall, errorAnswer, json, lowerCased, toResponse } from './answers';
import { handlers } from './api/handlers';
import { coverageTypesOf } from './api/operator/contracts';
import type { Ctx } from './context';
import { createStores } from './context';
import { answerAsAccount, type CoverageType, errorAsAccount, reachesCoverage } from './coverage';
import type { Db } from './db';
import { badRequest, codes, forbidden, SoracomError, unauthenticated } from './errors';
import { rateLimit, type SandboxOpsMode, unsignedSandboxOperations } from './guesses';
import { createMailer } from './mail';
import { createRateLimiter, type RateLimitOptions } from './rateLimit';
import { type FoundOperation, SpecRouter } from './spec';
import { executionListLimit } from './store/eventExecutions';
import type { Mail } from './store/mailbox';
import type { ScryptCost } from './store/secrets';
import type { Identity } from './store/tokens';

const unsupportedType = () =>
  new SoracomError(415, codes.unsupportedMediaType, 'The request body must be JSON (Content-Type: application/json).');

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
  /** The largest request body in bytes (default 1 MiB): larger ones get 413 without being read. */
  bodyLimit?: number;
  /**
   * Who may call the sandbox-only operations that need no sign-in (guesses.sandboxOpsModes). The server's default,
   * from its configuration, is `loopback`; here `open`, for tests that call with no client address.
   */
  sandboxOps?: SandboxOpsMode;
  /** scrypt's cost for passwords (default store/secrets.passwordCost, OWASP's); tests take a lower one. */
  passwordCost?: ScryptCost;
}

export interface Sandbox {
  /** Answers one API call. */
  answer(call: ApiCall): Promise<ApiAnswer>;
  /** `answer` for a Fetch API request; `pathname` is the part after `/v1`, `clientIp` the caller's address. */
  handle(request: Request, pathname: string, clientIp?: string, coverage?: CoverageType): Promise<Response>;
  /** The local mailbox, newest first: the mails to `email`, or all of them. */
  mailbox(email?: string): Mail[];
  /** An exported file behind a download token (api/files/exportedFiles.ts), while it is ready and not expired. */
  download(token: string): { fileName: string; content: string } | undefined;
  /**
   * `GET /api/local/event_handler_executions` (not a SORACOM operation; guesses.eventHandlerRuns): the caller's event
   * handler executions, newest first, of one handler (`handlerId`) or one IMSI (`imsi`) or all, at most `limit`, in
   * the coverage `coverage` (`jp`, the default, or `g`).
   */
  executions(request: Request, clientIp?: string): Promise<Response>;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const router = options.router ?? new SpecRouter();
  const stores = createStores(options.db, { passwordCost: options.passwordCost });
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const mailer = createMailer(stores.mailbox, options.publicUrl ?? 'http://127.0.0.1:8080', log);
  const limiter = createRateLimiter(options.rateLimit ?? rateLimit);
  const transaction = <T>(work: () => T): T => options.db.transaction(work)();
  const bodyLimit = options.bodyLimit ?? defaultBodyLimits.sandbox;
  const sandboxOps = options.sandboxOps ?? 'open';

  /** An unsigned sandbox-only operation the configuration does not offer to this caller: refused before anything. */
  function checkSandboxOps(operationId: string, clientIp: string) {
    if (sandboxOps === 'open' || !unsignedSandboxOperations.has(operationId)) return;
    if (sandboxOps === 'off') throw new SoracomError(404, codes.notFound, 'This sandbox operation is turned off.');
    // An unknown address is not this machine.
    if (!isLoopbackAddress(clientIp)) {
      throw new SoracomError(403, codes.forbidden, 'This sandbox operation is only offered to this machine.');
    }
  }
  const access = createAccess(stores, log);

  /**
   * Who owns the data a call reaches: the operator for the account's services and for Japan coverage, its Global
   * partition (made on first use) for a Global coverage service called on the Global endpoint. An operator without
   * Global coverage is refused there.
   */
  function coverageOwner(identity: Identity, found: FoundOperation, coverage: CoverageType, time: number) {
    if (coverage === 'jp' || !reachesCoverage(found)) return identity.operatorId;
    if (!coverageTypesOf(stores.account, identity.operatorId).includes('g')) {
      throw new SoracomError(
        403,
        codes.forbidden,
        'This account has no Global coverage: add it (addCoverageType) before using the Global endpoint.',
      );
    }
    return stores.operators.partition(identity.operatorId, coverage, time);
  }

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

  /**
   * The body, read only once the caller is known. Where the description takes JSON, a body of another type is refused
   * unread (a web page can send text/plain to another site without a CORS preflight); an empty one is no body.
   */
  async function body(call: ApiCall, found: FoundOperation): Promise<string> {
    if (call.method === 'GET' || call.method === 'HEAD') return '';
    const typed = isJsonType(call.header('content-type'));
    const declared = declaresBody(call.header('content-length'), call.header('transfer-encoding'));
    if (found.jsonBody && declared && !typed) throw unsupportedType();
    const raw = await call.text(bodyLimit);
    if (found.jsonBody && !typed && raw.trim() !== '') throw unsupportedType();
    return raw;
  }

  async function reply(call: ApiCall, limits: Record<string, string>, facts: CallFacts): Promise<ApiAnswer> {
    const found = router.find(call.method, call.pathname);
    const time = facts.time;
    facts.found = found;
    checkSandboxOps(found.operationId, call.clientIp);
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
    // The caller is known before a byte of the body is read: an anonymous caller cannot make the sandbox read one.
    const params = found.validateParams(call.query);
    const identity = found.secured ? authenticate(call, found.operationId, time) : null;
    if (identity) {
      facts.caller = identity;
      // Before the body is read: a caller refused the operation cannot make the sandbox read one either.
      access.authorize(identity, found, { method: call.method, path: params.path, clientIp: call.clientIp, time });
    }
    const match = { ...params, body: found.validateBody(await body(call, found)) };
    if (identity && match.path.operator_id !== undefined && match.path.operator_id !== identity.operatorId) {
      throw forbidden();
    }
    const handler = handlers.get(found.operationId);
    if (!handler) {
      throw new SoracomError(501, codes.notImplemented, `${found.operationId} is not available in the local sandbox.`);
    }
    // A coverage's data are its owner's (coverage.ts): the handler runs with that owner as the caller's operator.
    const owner = identity ? coverageOwner(identity, found, call.coverage ?? 'jp', time) : null;
    facts.owner = owner ?? undefined;
    const ctx: Ctx<unknown> = {
      stores,
      transaction,
      identity: identity && owner ? { ...identity, operatorId: owner } : identity,
      path: match.path,
      query: match.query,
      body: match.body,
      now: time,
      log,
      mail: (mail) => mailer(mail, time),
    };
    const replied = handler(ctx as Ctx<never>);
    facts.caller ??= access.signedIn(found, replied);
    const answered = identity && owner ? answerAsAccount(replied, owner, identity.operatorId) : replied;
    return json(answered, call.header('accept-encoding'));
  }

  async function answer(call: ApiCall): Promise<ApiAnswer> {
    // The rate-limit headers go on every answer of a limited operation; an error's own headers win.
    const limits: Record<string, string> = {};
    const facts: CallFacts = { time: now() };
    let result: ApiAnswer;
    try {
      result = await reply(call, limits, facts);
    } catch (error) {
      if (error instanceof SoracomError) result = errorAnswer(error);
      else {
        log(`sandbox: internal error on ${call.method} ${call.pathname}: ${(error as Error).stack ?? error}`);
        result = errorAnswer(new SoracomError(500, codes.internal, 'Internal error in the local sandbox.'));
      }
    }
    if (facts.owner && facts.caller) result = errorAsAccount(result, facts.owner, facts.caller.operatorId);
    for (const [name, value] of Object.entries(limits)) result.headers[name] ??= value;
    access.record(facts, call, result.status);
    return result;
  }

  return {
    answer,
    async handle(request, pathname, clientIp = 'unknown', coverage = 'jp') {
      const call: ApiCall = {
        method: request.method,
        pathname,
        query: new URL(request.url).searchParams,
        header: (name) => request.headers.get(name),
        text: async (limit) => new TextDecoder().decode(await readFetchBody(request, limit)),
        clientIp,
        coverage,
      };
      return toResponse(await answer(call));
    },
    mailbox: (email) => stores.mailbox.list(email),
    async executions(request, clientIp = 'unknown') {
      const time = now();
      try {
        const found = router.find('GET', '/event_handlers');
        const call = { header: (name: string) => request.headers.get(name) } as ApiCall;
        const identity = authenticate(call, found.operationId, time);
        access.authorize(identity, found, { method: 'GET', path: {}, clientIp, time });
        const query = new URL(request.url).searchParams;
        const handlerId = query.get('handlerId') ?? undefined;
        const imsi = query.get('imsi') ?? undefined;
        const limit = Number(query.get('limit') ?? executionListLimit);
        if ((handlerId?.length ?? 0) > 100 || (imsi !== undefined && !/^\d{1,20}$/.test(imsi))) {
          throw badRequest("'handlerId' is at most 100 characters, 'imsi' up to 20 digits.");
        }
        if (!Number.isSafeInteger(limit) || limit < 1 || limit > executionListLimit) {
          throw badRequest(`'limit' must be a whole number from 1 to ${executionListLimit}.`);
        }
        const coverage = query.get('coverage') ?? 'jp';
        if (coverage !== 'jp' && coverage !== 'g') throw badRequest("'coverage' is jp or g.");
        const owner = coverageOwner(identity, found, coverage, time);
        if (handlerId !== undefined && !stores.eventHandlers.get(owner, handlerId)) {
          throw new SoracomError(404, codes.notFound, 'No such event handler.');
        }
        const executions = stores.eventExecutions.list(owner, { handlerId, imsi }, limit);
        const reply = answerAsAccount({ status: 200, body: { executions } }, owner, identity.operatorId);
        return toResponse(await json(reply, request.headers.get('accept-encoding')));
      } catch (error) {
        if (error instanceof SoracomError) return toResponse(errorAnswer(error));
        log(`sandbox: internal error on event handler executions: ${(error as Error).stack ?? error}`);
        return toResponse(errorAnswer(new SoracomError(500, codes.internal, 'Internal error in the local sandbox.')));
      }
    },
    download: (token) => stores.exportedFiles.download(token, now()),
  };
}
