/**
 * `GET /query/sims` in SQL: conditions over the narrow `sim_search` table the SIM store keeps with every SIM, in SIM
 * ID order from `last_evaluated_key`, so a page stops as soon as it is full. A search by text (name, IMSI, tag…)
 * takes its candidates from the in-memory copy of that text (simSearchIndex.ts), so that rare matches do not cost a
 * LIKE on every SIM of the fleet; where the copy's text cannot decide, the same SQL conditions do, so the answer is
 * the same either way (simSearchIndex.test.ts compares them). The request is checked before (api/query/sims.ts).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';
import { simDocs } from './simDocs';
import { candidates, type TextColumn, type TextTerm, textColumns } from './simSearchIndex';

/** Query parameter → column of sim_search, and how a value matches it. */
const fields = {
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
} as const satisfies Record<string, { column: string; match: 'like' | 'exact' | 'group' | 'session' }>;

export type SearchField = keyof typeof fields;
/** The query parameters a search filters by, in the order their conditions are made. */
export const searchFields = Object.keys(fields) as SearchField[];

/** A checked request: every value of every filter in `searchFields` order (`session_status` ONLINE or OFFLINE). */
export interface SearchFilters {
  filters: { field: SearchField; value: string }[];
  or: boolean;
}

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

/** The filters as SQL over `sim_search s`. */
export function simSearch({ filters, or }: SearchFilters, operatorId: string): SimSearch {
  const search: SimSearch = { conditions: [], params: [], textTerms: [], or };
  const add = (condition: string, params: string[], textTerm: TextTerm | null = null) => {
    search.conditions.push(condition);
    search.params.push(...params);
    search.textTerms.push(textTerm);
  };
  for (const { field: name, value } of filters) {
    const field = fields[name];
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
      add('s.session_status = ?', [value]);
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

export function simSearchStore(db: Db) {
  return {
    /** Up to `limit` SIMs (as stored, JSON text) after `after` in SIM ID order that match the search. */
    find: (operatorId: string, search: SimSearch, after: string, limit: number) =>
      findSims(db, operatorId, search, after, limit),
  };
}
