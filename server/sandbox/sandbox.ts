/**
 * The local SORACOM API sandbox: a request is matched and validated against openapi/soracom.json, its caller is
 * authenticated when the operation is secured, and its handler answers. Every error has SORACOM's `{code, message}`.
 */
import { auth, generateAuthToken, logout } from './auth';
import type { Ctx, Handler, Reply } from './context';
import { createStores } from './context';
import type { Db } from './db';
import { codes, forbidden, SoracomError, unauthenticated } from './errors';
import { listGroups } from './groups';
import { enableMFA, getMFAStatus, getOperator, revokeMFA, verifyMFA } from './operators';
import { sandboxCreateSubscriber, sandboxInitializeOperator } from './sandboxApi';
import { getSim, listSims } from './sims';
import { SpecRouter } from './spec';
import type { Identity } from './store/tokens';
import { createUser, createUserPassword, getUser } from './users';

/** Handlers by operationId. An operation of the description that is missing here answers 501. */
const handlers: Record<string, Handler> = {
  auth,
  logout,
  generateAuthToken,
  getOperator,
  getMFAStatus,
  enableMFA,
  verifyMFA,
  revokeMFA,
  createUser,
  getUser,
  createUserPassword,
  listSims,
  getSim,
  listGroups,
  sandboxInitializeOperator,
  sandboxCreateSubscriber,
};

/** Operations an expired token may still call, so that they can answer with their own error. */
const expiredTokenAllowed = new Set(['generateAuthToken']);

export interface SandboxOptions {
  db: Db;
  now?: () => number;
  log?: (line: string) => void;
  router?: SpecRouter;
}

export type Sandbox = (request: Request, pathname: string) => Promise<Response>;

const json = (reply: Reply): Response => {
  const headers = new Headers(reply.headers);
  if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
};

export const errorResponse = (error: SoracomError): Response => json({ status: error.status, body: error.toJSON() });

export function createSandbox(options: SandboxOptions): Sandbox {
  const router = options.router ?? new SpecRouter();
  const stores = createStores(options.db);
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});

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

  return async (request, pathname) => {
    try {
      const url = new URL(request.url);
      const raw = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
      const match = router.match(request.method, pathname, url.searchParams, raw);
      const time = now();
      const identity = match.secured ? authenticate(request.headers, match.operationId, time) : null;
      if (identity && match.path.operator_id !== undefined && match.path.operator_id !== identity.operatorId) {
        throw forbidden();
      }
      const handler = handlers[match.operationId];
      if (!handler) {
        throw new SoracomError(
          501,
          codes.notImplemented,
          `${match.operationId} is not available in the local sandbox.`,
        );
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
      };
      return json(handler(ctx as Ctx<never>));
    } catch (error) {
      if (error instanceof SoracomError) return errorResponse(error);
      log(`sandbox: internal error on ${request.method} ${pathname}: ${(error as Error).stack ?? error}`);
      return errorResponse(new SoracomError(500, codes.internal, 'Internal error in the local sandbox.'));
    }
  };
}
