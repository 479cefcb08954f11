/**
 * `GET /query/sims` (guesses.searchSimsRules): the request is checked here, then searched in SQL and in the text copy
 * (store/simSearch.ts).
 */
import type { Handler, Handlers } from '../../context';
import { caller, JsonText } from '../../context';
import { badRequest } from '../../errors';
import { searchSimsRules } from '../../guesses';
import { pageHeaders, pageRequest } from '../../paging';
import { type SearchFilters, searchFields, simSearch } from '../../store/simSearch';

/** The search the query asks for; 400 for values the rules refuse. */
export function searchFilters(query: Record<string, unknown>): SearchFilters {
  const searchType = String(query.search_type ?? 'and').toUpperCase();
  if (searchType !== 'AND' && searchType !== 'OR') throw badRequest("Query: 'search_type' must be and or or.");
  const search: SearchFilters = { filters: [], or: searchType === 'OR' };
  for (const field of searchFields) {
    const raw = query[field];
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(','));
    for (const value of values) {
      if (value.length < searchSimsRules.minLength) {
        throw badRequest(`Query: every value of '${field}' must be at least ${searchSimsRules.minLength} characters.`);
      }
      if (field !== 'session_status') {
        search.filters.push({ field, value });
        continue;
      }
      const status = value.toUpperCase();
      if (status === 'NA') continue;
      if (status !== 'ONLINE' && status !== 'OFFLINE') {
        throw badRequest("Query: 'session_status' must be NA, ONLINE or OFFLINE.");
      }
      search.filters.push({ field, value: status });
    }
  }
  return search;
}

const searchSims: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const { limit, after } = pageRequest({ limit: searchSimsRules.defaultLimit, ...ctx.query });
  const search = simSearch(searchFilters(ctx.query), operatorId);
  const rows = ctx.stores.simSearch.find(operatorId, search, after, limit + 1);
  const docs = rows.slice(0, limit).map((r) => r.doc);
  const nextKey = rows.length > limit ? (rows[limit - 1]?.sim_id ?? null) : null;
  return { status: 200, body: JsonText.array(docs), headers: pageHeaders('/query/sims', ctx.query, limit, nextKey) };
};

export const querySimHandlers = { searchSims } satisfies Handlers;
