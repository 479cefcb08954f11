/** What every API call goes through: endpoint, auth and language headers on the way out, one error type back. */
import type { Middleware } from 'openapi-fetch';
import { ApiError } from './errors';
import type { Session } from './session';

export interface MiddlewareDeps {
  getSession: () => Session | null;
  getLanguage: () => string;
  /** Called when a signed-in call answers 401: the session is no longer good. */
  onUnauthorized: (error: ApiError) => void;
}

/** Calls whose 401 means "wrong credentials", not "session over". */
const credentialCalls = new Set(['/auth']);

export function apiMiddleware(deps: MiddlewareDeps): Middleware {
  return {
    onRequest({ request }) {
      const session = deps.getSession();
      let next = request;
      if (session) {
        const url = new URL(request.url);
        url.pathname = url.pathname.replace(/^\/api\/[^/]+\/v1\//, `/api/${session.endpoint}/v1/`);
        next = new Request(url, request);
        next.headers.set('X-Soracom-API-Key', session.apiKey);
        next.headers.set('X-Soracom-Token', session.token);
      }
      next.headers.set('X-Soracom-Lang', deps.getLanguage().startsWith('ja') ? 'ja' : 'en');
      return next;
    },
    async onResponse({ response, schemaPath }) {
      if (response.ok) return response;
      const error = await ApiError.fromResponse(response);
      if (response.status === 401 && !credentialCalls.has(schemaPath) && deps.getSession()) {
        deps.onUnauthorized(error);
      }
      throw error;
    },
    onError({ error }) {
      return error instanceof ApiError ? error : ApiError.network(error);
    },
  };
}
