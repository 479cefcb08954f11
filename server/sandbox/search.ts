/**
 * `GET /query/sims` (guesses.searchSimsRules): SQL over the narrow `sim_search` table the SIM store keeps with every
 * SIM, walked in SIM ID order from `last_evaluated_key`, so a page stops as soon as it is full.
 */
import type { Handler } from './context';
import { caller, JsonText } from './context';
import { badRequest } from './errors';
import { searchSimsRules } from './guesses';
import { pageHeaders, pageRequest } from './paging';

/** Query parameter → column of sim_search, and how a value matches it. */
const fields: Record<string, { column: string; match: 'like' | 'exact' | 'group' | 'session' }> = {
  name: { column: 'name', match: 'like' },
  group: { column: 'group_id', match: 'group' },
  group_id: { column: 'group_id', match: 'exact' },
  sim_id: { column: 'sim_id', match: 'like' },
  imsi: { column: 'imsi', match: 'like' },
  msisdn: { column: 'msisdn', match: 'like' },
  iccid: { column: 'iccid', match: 'like' },
  serial_number: { column: 'serial_number', match: 'like' },
  tag: { column: 'tags', match: 'like' },
  bundles: { column: 'bundles', match: 'like' },
  status: { column: 'status', match: 'like' },
  session_status: { column: 'session_status', match: 'session' },
  subscription: { column: 'subscription', match: 'exact' },
  module_type: { column: 'module_type', match: 'like' },
};

const likeValue = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const searchSims: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const { limit, after } = pageRequest({ limit: searchSimsRules.defaultLimit, ...ctx.query });
  const searchType = String(ctx.query.search_type ?? 'and').toUpperCase();
  if (searchType !== 'AND' && searchType !== 'OR') throw badRequest("Query: 'search_type' must be and or or.");
  const conditions: string[] = [];
  const params: (string | number)[] = [operatorId, after];
  for (const [name, field] of Object.entries(fields)) {
    const raw = ctx.query[name];
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(','));
    for (const value of values) {
      if (value.length < searchSimsRules.minLength) {
        throw badRequest(`Query: every value of '${name}' must be at least ${searchSimsRules.minLength} characters.`);
      }
      if (field.match === 'like') {
        // LIKE is case-insensitive for ASCII; each column holds one line per value (every IMSI, every tag value).
        conditions.push(`${field.column} LIKE ? ESCAPE '\\'`);
        params.push(likeValue(value));
      } else if (field.match === 'exact') {
        if (field.column === 'group_id') {
          conditions.push('group_id = ?');
          params.push(value);
        } else {
          // Every subscription of the SIM, one per line.
          conditions.push(`(char(10) || ${field.column} || char(10)) LIKE ? ESCAPE '\\'`);
          params.push(`%\n${value.replace(/[\\%_]/g, (c) => `\\${c}`)}\n%`);
        }
      } else if (field.match === 'group') {
        conditions.push(
          `group_id IN (SELECT group_id FROM groups WHERE operator_id = ? AND json_extract(tags, '$.name') LIKE ? ESCAPE '\\')`,
        );
        params.push(operatorId, likeValue(value));
      } else {
        const status = value.toUpperCase();
        if (status === 'NA') continue;
        if (status !== 'ONLINE' && status !== 'OFFLINE') {
          throw badRequest("Query: 'session_status' must be NA, ONLINE or OFFLINE.");
        }
        conditions.push('session_status = ?');
        params.push(status);
      }
    }
  }
  const where = conditions.length ? `AND (${conditions.join(searchType === 'OR' ? ' OR ' : ' AND ')})` : '';
  const rows = ctx.db
    .prepare<(string | number)[], { sim_id: string; doc: string }>(
      `SELECT s.sim_id, sims.doc FROM (
         SELECT sim_id FROM sim_search WHERE operator_id = ? AND sim_id > ? ${where} ORDER BY sim_id LIMIT ?
       ) s JOIN sims ON sims.sim_id = s.sim_id ORDER BY s.sim_id`,
    )
    .all(...params, limit + 1);
  const docs = rows.slice(0, limit).map((r) => r.doc);
  const nextKey = rows.length > limit ? (rows[limit - 1]?.sim_id ?? null) : null;
  return { status: 200, body: JsonText.array(docs), headers: pageHeaders('/query/sims', ctx.query, limit, nextKey) };
};
