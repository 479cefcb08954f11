/** What every API call goes through: endpoint, auth and language headers on the way out, one error type back. */
import type { Middleware } from 'openapi-fetch';
import { ApiError } from './errors';
import type { Session } from './session';

export interface MiddlewareDeps {
  getSession: () => Session | null;
  getLanguage: () => string;
  /** Called when a signed-in call answers 401 and the session could not be renewed. */
  onUnauthorized: (error: ApiError) => void;
  /** A working session after a 401 (refreshed, or signed in again); null when there is none. */
  renew?: () => Promise<Session | null>;
}

/** Calls whose 401 is no reason to renew the session: wrong credentials, or a session being ended anyway. */
const credentialCalls = new Set(['/auth', '/auth/logout']);

/** A request as sent: kept as plain parts, so it can be sent again (a Request's body can be read only once). */
interface Sent {
  url: string;
  init: RequestInit;
}

async function snapshot(request: Request): Promise<Sent> {
  const body = request.body ? await request.clone().arrayBuffer() : undefined;
  return {
    url: request.url,
    init: {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
      redirect: request.redirect,
    },
  };
}

/** The request for the session's endpoint, with its key and token. Built from parts: copying a Request that has
 * a body into a new URL fails in browsers (its body is a stream). */
function build(sent: Sent, session: Session | null): Request {
  const url = new URL(sent.url);
  const headers = new Headers(sent.init.headers);
  if (session) {
    url.pathname = url.pathname.replace(/^\/api\/[^/]+\/v1\//, `/api/${session.endpoint}/v1/`);
    headers.set('X-Soracom-API-Key', session.apiKey);
    headers.set('X-Soracom-Token', session.token);
  }
  return new Request(url, { ...sent.init, headers });
}

export function apiMiddleware(deps: MiddlewareDeps): Middleware {
  // Each signed-in request as sent, so that one refused for an ended session can be sent again once renewed.
  const replays = new Map<string, Sent>();

  return {
    async onRequest({ request, id }) {
      const session = deps.getSession();
      const sent = await snapshot(request);
      const next = build(sent, session);
      next.headers.set('X-Soracom-Lang', deps.getLanguage().startsWith('ja') ? 'ja' : 'en');
      if (deps.renew && session) replays.set(id, { url: next.url, init: { ...sent.init, headers: next.headers } });
      return next;
    },
    async onResponse({ response, schemaPath, id, options }) {
      const replay = replays.get(id);
      replays.delete(id);
      if (response.ok) return response;
      let failed = response;
      if (response.status === 401 && !credentialCalls.has(schemaPath) && deps.getSession()) {
        const sentWith = replay ? new Headers(replay.init.headers).get('X-Soracom-Token') : null;
        const current = deps.getSession();
        // Another call may have renewed the session already: then just use it, without another refresh.
        const renewed = current && sentWith && current.token !== sentWith ? current : await deps.renew?.();
        if (renewed && replay) {
          // Called detached: the browser's fetch refuses to run as a method of another object.
          const send = options.fetch;
          const retried = await send(build(replay, renewed));
          if (retried.ok) return retried;
          failed = retried;
        }
        const error = await ApiError.fromResponse(failed);
        if (failed.status === 401) deps.onUnauthorized(error);
        throw error;
      }
      throw await ApiError.fromResponse(failed);
    },
    onError({ error, id }) {
      replays.delete(id);
      return error instanceof ApiError ? error : ApiError.network(error);
    },
  };
}
