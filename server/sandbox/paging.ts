/** `limit` / `last_evaluated_key` paging with SORACOM's `x-soracom-next-key` and `link` response headers. */
import { badRequest } from './errors';
import { defaultPageLimit, maxPageLimit } from './guesses';

export function pageRequest(query: Record<string, unknown>) {
  const limit = query.limit === undefined ? defaultPageLimit : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageLimit) {
    throw badRequest(`Query: 'limit' must be between 1 and ${maxPageLimit}.`);
  }
  return { limit, after: typeof query.last_evaluated_key === 'string' ? query.last_evaluated_key : '' };
}

/** `query` is the request's own, so the `link` to the next page keeps its filters. */
export function pageHeaders(
  path: string,
  query: Record<string, unknown>,
  limit: number,
  nextKey: string | null,
): Record<string, string> {
  if (nextKey === null) return {};
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name !== 'last_evaluated_key' && name !== 'limit' && value !== undefined) params.set(name, String(value));
  }
  params.set('limit', String(limit));
  params.set('last_evaluated_key', nextKey);
  const next = `/v1${path}?${params}`;
  return {
    'x-soracom-next-key': nextKey,
    link: `<${next}>; rel=next`,
    // Readable by a script on another origin too (the console itself is same-origin and needs no CORS).
    'access-control-expose-headers': 'x-soracom-next-key, link',
  };
}
