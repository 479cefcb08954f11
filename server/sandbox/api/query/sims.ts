/**
 * `GET /query/sims` (guesses.searchSimsRules): SQL over the narrow `sim_search` table the SIM store keeps with every
 * SIM, in SIM ID order from `last_evaluated_key`, so a page stops as soon as it is full. A search by text (name, IMSI,
 * tag…) takes its candidates from the in-memory copy of that text (store/simSearchIndex.ts), so that rare matches
 * do not cost a LIKE on every SIM of the fleet; where the copy's text cannot decide, the same SQL conditions do, so
 * the answer is the same either way (searchIndex.test.ts compares them).
 */
import type { Statement } from 'better-sqlite3';
import type { Handler, Handlers } from '../../context';
import { caller, JsonText } from '../../context';
import type { Db } from '../../db';
import { badRequest } from '../../errors';
import { searchSimsRules } from '../../guesses';
import { pageHeaders, pageRequest } from '../../paging';
import { simDocs } from '../../store/simDocs';
import { candidates, type TextColumn, type TextTerm, textColumns } from '../../store/simSearchIndex';

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

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const likeValue = (value: string) => `%${escapeLike(value)}%`;

export interface SimSearch {
  /** SQL conditions on `sim_search s`, and their parameters in order. */
  conditions: string[];
  params: string[];
  /** Per condition: the text it looks for in the in-memory copy, or null when the copy cannot help with it. */
  textTerms: (TextTerm | null)[];
  or: boolean;
}

/** The request's filters as SQL over `sim_search s`; throws 400 for values the rules refuse. */
export function simSearch(query: Record<string, unknown>, operatorId: string): SimSearch {
  const searchType = String(query.search_type ?? 'and').toUpperCase();
  if (searchType !== 'AND' && searchType !== 'OR') throw badRequest("Query: 'search_type' must be and or or.");
  const search: SimSearch = { conditions: [], params: [], textTerms: [], or: searchType === 'OR' };
  const add = (condition: string, params: string[], textTerm: TextTerm | null = null) => {
    search.conditions.push(condition);
    search.params.push(...params);
    search.textTerms.push(textTerm);
  };
  for (const [name, field] of Object.entries(fields)) {
    const raw = query[name];
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(','));
    for (const value of values) {
      if (value.length < searchSimsRules.minLength) {
        throw badRequest(`Query: every value of '${name}' must be at least ${searchSimsRules.minLength} characters.`);
      }
      if (field.match === 'like') {
        // LIKE is case-insensitive for ASCII; each column holds one line per value (every IMSI, every tag value).
        const copied = (textColumns as readonly string[]).includes(field.column);
        add(
          `s.${field.column} LIKE ? ESCAPE '\\'`,
          [likeValue(value)],
          copied ? { column: field.column as TextColumn, value } : null,
        );
      } else if (field.match === 'exact') {
        if (field.column === 'group_id') add('s.group_id = ?', [value]);
        // Every subscription of the SIM, one per line.
        else add(`(char(10) || s.${field.column} || char(10)) LIKE ? ESCAPE '\\'`, [`%\n${escapeLike(value)}\n%`]);
      } else if (field.match === 'group') {
        add(
          `s.group_id IN (SELECT group_id FROM groups WHERE operator_id = ? AND json_extract(tags, '$.name') LIKE ? ESCAPE '\\')`,
          [operatorId, likeValue(value)],
        );
      } else {
        const status = value.toUpperCase();
        if (status === 'NA') continue;
        if (status !== 'ONLINE' && status !== 'OFFLINE') {
          throw badRequest("Query: 'session_status' must be NA, ONLINE or OFFLINE.");
        }
        add('s.session_status = ?', [status]);
      }
    }
  }
  return search;
}

/**
 * The text terms whose matches hold every SIM the search can find, or null when there are none: with AND, one
 * condition's matches will do (the longest value, likely the rarest); with OR, every condition must be a text term.
 */
function textTermsOf(search: SimSearch): TextTerm[] | null {
  const terms = search.textTerms.filter((t): t is TextTerm => t !== null);
  if (terms.length === 0 || (search.or && terms.length < search.textTerms.length)) return null;
  if (search.or) return terms;
  return [terms.reduce((best, t) => (t.value.length > best.value.length ? t : best))];
}

/** Prepared statements by SQL text, per database: a search's SQL depends only on which filters it has. */
const statements = new WeakMap<Db, Map<string, Statement<(string | number)[], Row>>>();

function prepared(db: Db, sql: string): Statement<(string | number)[], Row> {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= 500) cache.clear();
    statement = db.prepare<(string | number)[], Row>(sql);
    cache.set(sql, statement);
  }
  return statement;
}

interface Row {
  sim_id: string;
  doc: string;
}

/** SIM IDs of the rows the SQL conditions keep among `ids`. */
type Check = (ids: string[]) => { sim_id: string }[];

/** Whether the text copy alone decides the search: every condition is a text term, one of them or any of them. */
function textDecides(search: SimSearch): boolean {
  return search.textTerms.every((t) => t !== null) && (search.or || search.conditions.length === 1);
}

/** The first `limit` candidates, when the copy's text decides: each candidate is a match as it is. */
function decidedByText(db: Db, operatorId: string, terms: TextTerm[], after: string, limit: number): string[] {
  const found: string[] = [];
  for (const id of candidates(db, operatorId, terms, after)) {
    found.push(id);
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * The first `limit` candidates the SQL conditions keep, checked in growing batches: a page of common matches needs
 * one batch, rare matches a few.
 */
function checkedInBatches(
  db: Db,
  operatorId: string,
  terms: TextTerm[],
  after: string,
  limit: number,
  check: Check,
): string[] {
  const found: string[] = [];
  let batch: string[] = [];
  let size = limit;
  const flush = () => {
    if (batch.length) for (const row of check(batch)) found.push(row.sim_id);
    batch = [];
  };
  for (const id of candidates(db, operatorId, terms, after)) {
    batch.push(id);
    if (batch.length < size) continue;
    flush();
    if (found.length >= limit) break;
    size = Math.min(4 * size, 8192);
  }
  if (found.length < limit) flush();
  return found;
}

/**
 * Up to `limit` SIMs (as stored, JSON text) after `after` in SIM ID order that match the search. A search with a
 * text term takes its candidates from the text copy, common matches or rare: checking a candidate in memory costs a
 * fraction of reading a row, so even a page of common matches comes sooner that way than by walking sim_search
 * (measured: scripts/bench-load.ts). `useIndex: false` only walks (tests compare the ways).
 */
export function findSims(
  db: Db,
  operatorId: string,
  search: SimSearch,
  after: string,
  limit: number,
  { useIndex = true }: { useIndex?: boolean } = {},
): Row[] {
  const where = search.conditions.length ? `AND (${search.conditions.join(search.or ? ' OR ' : ' AND ')})` : '';
  const terms = useIndex ? textTermsOf(search) : null;
  if (terms === null) {
    const ids = prepared(
      db,
      `SELECT s.sim_id FROM sim_search s WHERE s.operator_id = ? AND s.sim_id > ? ${where} ORDER BY s.sim_id LIMIT ?`,
    )
      .all(operatorId, after, ...search.params, limit)
      .map((r) => r.sim_id);
    return withDocs(db, operatorId, ids);
  }
  if (textDecides(search)) return withDocs(db, operatorId, decidedByText(db, operatorId, terms, after, limit));
  const check = prepared(
    db,
    `SELECT s.sim_id, NULL AS doc FROM sim_search s
     WHERE s.operator_id = ? AND s.sim_id IN (SELECT value FROM json_each(?)) ${where} ORDER BY s.sim_id`,
  );
  const keep: Check = (ids) => check.all(operatorId, JSON.stringify(ids), ...search.params);
  return withDocs(db, operatorId, checkedInBatches(db, operatorId, terms, after, limit, keep).slice(0, limit));
}

/** The SIMs `ids` (in SIM ID order) with their documents. */
function withDocs(db: Db, operatorId: string, ids: string[]): Row[] {
  const docs = simDocs(db, operatorId, ids);
  return ids.flatMap((sim_id, i) => (docs[i] === undefined ? [] : [{ sim_id, doc: docs[i] }]));
}

const searchSims: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const { limit, after } = pageRequest({ limit: searchSimsRules.defaultLimit, ...ctx.query });
  const rows = findSims(ctx.db, operatorId, simSearch(ctx.query, operatorId), after, limit + 1);
  const docs = rows.slice(0, limit).map((r) => r.doc);
  const nextKey = rows.length > limit ? (rows[limit - 1]?.sim_id ?? null) : null;
  return { status: 200, body: JsonText.array(docs), headers: pageHeaders('/query/sims', ctx.query, limit, nextKey) };
};

export const querySimHandlers = { searchSims } satisfies Handlers;
