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

/** Calls whose 401 means "wrong credentials", not "session over". */
const credentialCalls = new Set(['/auth']);

function withSession(request: Request, session: Session | null): Request {
  if (!session) return request;
  const url = new URL(request.url);
  url.pathname = url.pathname.replace(/^\/api\/[^/]+\/v1\//, `/api/${session.endpoint}/v1/`);
  const next = new Request(url, request);
  next.headers.set('X-Soracom-API-Key', session.apiKey);
  next.headers.set('X-Soracom-Token', session.token);
  return next;
}

export function apiMiddleware(deps: MiddlewareDeps): Middleware {
  // A copy of each request as sent, so that one refused for an ended session can be sent again once renewed.
  const replays = new Map<string, Request>();

  return {
    onRequest({ request, id }) {
      const next = withSession(request, deps.getSession());
      next.headers.set('X-Soracom-Lang', deps.getLanguage().startsWith('ja') ? 'ja' : 'en');
      if (deps.renew && next.headers.has('X-Soracom-Token')) replays.set(id, next.clone());
      return next;
    },
    async onResponse({ response, schemaPath, id, options }) {
      const replay = replays.get(id);
      replays.delete(id);
      if (response.ok) return response;
      let failed = response;
      if (response.status === 401 && !credentialCalls.has(schemaPath) && deps.getSession()) {
        const sentWith = replay?.headers.get('X-Soracom-Token');
        const current = deps.getSession();
        // Another call may have renewed the session already: then just use it, without another refresh.
        const renewed = current && sentWith && current.token !== sentWith ? current : await deps.renew?.();
        if (renewed && replay) {
          const retried = await options.fetch(withSession(replay, renewed));
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
