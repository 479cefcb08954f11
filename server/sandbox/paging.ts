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

export function pageHeaders(path: string, limit: number, nextKey: string | null): Record<string, string> {
  if (nextKey === null) return {};
  const next = `/v1${path}?limit=${limit}&last_evaluated_key=${encodeURIComponent(nextKey)}`;
  return { 'x-soracom-next-key': nextKey, link: `<${next}>; rel=next` };
}
