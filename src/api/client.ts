/** The one typed SORACOM client (openapi-fetch). Only `src/api` imports it: screens use the reads and changes of `src/api/resources`. */
import createFetchClient from 'openapi-fetch';
import { apiMiddleware, type MiddlewareDeps } from './middleware';
import { renewSession } from './renewal';
import type { paths } from './schema';
import { type Session, sessionStore } from './session';

export type Api = ReturnType<typeof createFetchClient<paths>>;

/** Requests are built against this base; the middleware swaps in the signed-in session's endpoint. */
export const apiBase = (endpoint: string, origin = globalThis.location?.origin ?? 'http://localhost') =>
  `${origin}/api/${endpoint}/v1`;

export function createApi(deps: MiddlewareDeps, options: { baseUrl?: string; fetch?: typeof fetch } = {}): Api {
  const client = createFetchClient<paths>({ baseUrl: options.baseUrl ?? apiBase('local'), fetch: options.fetch });
  client.use(apiMiddleware(deps));
  return client;
}

const getLanguage = () => globalThis.document?.documentElement.lang || 'en';
const onUnauthorized = () => sessionStore.clear('expired');

/** Follows the session: its calls go to the session's endpoint, whichever coverage it is switched to. */
export const api = createApi({ getSession: sessionStore.get, getLanguage, onUnauthorized, renew: renewSession });

const onEndpoint = (session: Session | null, endpoint: string): Session | null =>
  session ? { ...session, endpoint } : null;
const pinned = new Map<string, Api>();

/**
 * A client for one endpoint with the session's key and token: the other coverage's twin endpoint accepts them, so a
 * view of both coverages reads the other one without switching the session to it.
 */
export function apiFor(endpoint: string): Api {
  let client = pinned.get(endpoint);
  if (!client) {
    client = createApi({
      getSession: () => onEndpoint(sessionStore.get(), endpoint),
      getLanguage,
      onUnauthorized,
      renew: async () => onEndpoint(await renewSession(), endpoint),
    });
    pinned.set(endpoint, client);
  }
  return client;
}
