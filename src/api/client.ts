/** The one typed SORACOM client (openapi-fetch). Only `src/api` imports it: screens use the reads and changes of `src/api/resources`. */
import createFetchClient from 'openapi-fetch';
import { apiMiddleware, type MiddlewareDeps } from './middleware';
import { renewSession } from './renewal';
import type { paths } from './schema';
import { sessionStore } from './session';

export type Api = ReturnType<typeof createFetchClient<paths>>;

/** Requests are built against this base; the middleware swaps in the signed-in session's endpoint. */
export const apiBase = (endpoint: string, origin = globalThis.location?.origin ?? 'http://localhost') =>
  `${origin}/api/${endpoint}/v1`;

export function createApi(deps: MiddlewareDeps, options: { baseUrl?: string; fetch?: typeof fetch } = {}): Api {
  const client = createFetchClient<paths>({ baseUrl: options.baseUrl ?? apiBase('local'), fetch: options.fetch });
  client.use(apiMiddleware(deps));
  return client;
}

export const api = createApi({
  getSession: sessionStore.get,
  getLanguage: () => globalThis.document?.documentElement.lang || 'en',
  onUnauthorized: () => sessionStore.clear('expired'),
  renew: renewSession,
});
