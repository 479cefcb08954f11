/**
 * An in-memory copy of the searched text of `sim_search`, per operator, for `/query/sims`: each column's values in
 * SIM ID order joined into one lower-cased string, so that a substring is found across a 100,000-SIM fleet with one
 * `indexOf` walk instead of a LIKE on every row; a term of 3 characters or more is looked up in the column's trigram
 * lists instead (made on the column's first such search).
 *
 * A candidate's text holds the term, always: the SIM store marks every SIM it writes (`touched`); the copy's text of
 * those SIMs is set aside, and their text as the database has it after the write is read in one query by the next
 * search (so a write rolled back leaves nothing wrong behind). Past `rebuildAfter` written SIMs, the copy is made
 * again; a write by another connection (`PRAGMA data_version`) drops it.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';
import { dataVersionOf } from './dataVersion';

/**
 * Columns of sim_search matched as substrings (search.ts `like`) whose matches can be rare. Not `status` and
 * `module_type`: a handful of values, each shared by thousands of SIMs, which walking sim_search finds soon enough.
 */
export const textColumns = ['name', 'sim_id', 'imsi', 'msisdn', 'iccid', 'serial_number', 'tags', 'bundles'] as const;
export type TextColumn = (typeof textColumns)[number];

/** Between rows; no value holds it (and a value that did would only make an extra candidate). */
const separator = '\u0001';

/** ASCII letters only, as SQLite's LIKE folds case. */
export const foldCase = (value: string): string =>
  /[A-Z]/.test(value) ? value.replace(/[A-Z]+/g, (c) => c.toLowerCase()) : value;

interface Copy {
  /** SIM IDs in order. */
  ids: string[];
  /** Per column: the values joined, each after a separator; `starts[i]` is where row i's separator is. */
  text: Record<TextColumn, { joined: string; starts: Int32Array }>;
  /** Per column, made on its first search with a term of 3 characters or more: see `trigrams`. */
  grams: Partial<Record<TextColumn, Map<string, Int32Array>>>;
}

/** A written SIM's text per column, folded; null when the SIM is not there (its insert was rolled back). */
type WrittenText = Record<TextColumn, string> | null;

interface Written {
  /** By SIM ID: the text, or undefined until the next search reads it. */
  text: Map<string, WrittenText | undefined>;
  /** The SIM IDs in order, made when a search needs them. */
  order: string[] | null;
  unread: boolean;
}

interface DbState {
  dataVersion: number;
  copies: Map<string, Copy>;
  /** SIMs written since the operator's copy was made, per operator. */
  written: Map<string, Written>;
}

const states = new WeakMap<Db, DbState>();

/**
 * Past this many written SIMs, an operator's copy is made again, once, rather than set aside so many rows on every
 * search. Writes never stop while the server runs (the session simulator flips SIMs all the time), so the copy would
 * otherwise only grow stale.
 */
const rebuildAfter = 5000;

function state(db: Db): DbState {
  let s = states.get(db);
  const dataVersion = dataVersionOf(db);
  if (!s || s.dataVersion !== dataVersion) {
    s = { dataVersion, copies: new Map(), written: new Map() };
    states.set(db, s);
  }
  return s;
}

/** Called by the SIM store for every SIM it inserts or writes. */
export function touched(db: Db, operatorId: string, simId: string): void {
  const s = states.get(db);
  if (!s?.copies.has(operatorId)) return;
  let written = s.written.get(operatorId);
  if (!written) {
    written = { text: new Map(), order: null, unread: false };
    s.written.set(operatorId, written);
  }
  if (!written.text.has(simId)) written.order = null;
  written.text.set(simId, undefined);
  written.unread = true;
  if (written.text.size > rebuildAfter) {
    s.copies.delete(operatorId);
    s.written.delete(operatorId);
  }
}

const readTexts = new WeakMap<Db, Statement<[string, string], Record<TextColumn, string>>>();

/** Reads the text of the written SIMs not read yet, in one query. */
function readWritten(db: Db, operatorId: string, written: Written): void {
  if (!written.unread) return;
  const unread = [...written.text].filter(([, text]) => text === undefined).map(([id]) => id);
  let read = readTexts.get(db);
  if (!read) {
    read = db.prepare<[string, string], Record<TextColumn, string>>(
      `SELECT ${textColumns.join(', ')} FROM sim_search
       WHERE operator_id = ? AND sim_id IN (SELECT value FROM json_each(?))`,
    );
    readTexts.set(db, read);
  }
  const rows = read.all(operatorId, JSON.stringify(unread));
  for (const id of unread) written.text.set(id, null);
  for (const row of rows) {
    const text = {} as Record<TextColumn, string>;
    for (const column of textColumns) text[column] = foldCase(row[column]);
    written.text.set(row.sim_id, text);
  }
  written.unread = false;
}

function build(db: Db, operatorId: string): Copy {
  const rows = db
    .prepare<[string], Record<TextColumn, string>>(
      `SELECT ${textColumns.join(', ')} FROM sim_search WHERE operator_id = ? ORDER BY sim_id`,
    )
    .all(operatorId);
  const text = {} as Copy['text'];
  for (const column of textColumns) {
    const starts = new Int32Array(rows.length + 1);
    const parts: string[] = [];
    let at = 0;
    for (const [i, row] of rows.entries()) {
      starts[i] = at;
      const value = foldCase(row[column]);
      parts.push(separator, value);
      at += 1 + value.length;
    }
    starts[rows.length] = at;
    text[column] = { joined: parts.join(''), starts };
  }
  return { ids: rows.map((r) => r.sim_id), text, grams: {} };
}

export interface TextTerm {
  column: TextColumn;
  /** The value as asked (folded here). */
  value: string;
}

/**
 * For each run of 3 characters in a column, the rows whose value holds it, in order. A term of 3 characters or more
 * is only in rows that hold each of its runs, so its rarest run's rows are all the candidates there are: a term
 * found in a few SIMs is checked against a few values instead of the whole column.
 */
function trigrams(copy: Copy, column: TextColumn): Map<string, Int32Array> {
  const made = copy.grams[column];
  if (made) return made;
  const { joined, starts } = copy.text[column];
  const lists = new Map<string, number[]>();
  for (let row = 0; row + 1 < starts.length; row++) {
    const end = starts[row + 1] as number;
    for (let at = (starts[row] as number) + 1; at + 3 <= end; at++) {
      const gram = joined.slice(at, at + 3);
      const list = lists.get(gram);
      if (!list) lists.set(gram, [row]);
      else if (list[list.length - 1] !== row) list.push(row);
    }
  }
  const grams = new Map<string, Int32Array>();
  for (const [gram, list] of lists) grams.set(gram, Int32Array.from(list));
  copy.grams[column] = grams;
  return grams;
}

const noRows = new Int32Array(0);

/** The first position of a sorted list whose value is `value` or more. */
function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first row whose SIM ID is greater than `after`. */
function firstAfter(ids: string[], after: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ids[mid] as string) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The row a position of the joined text is in. */
function rowAt(starts: Int32Array, position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function copyOf(db: Db, s: DbState, operatorId: string): Copy {
  let copy = s.copies.get(operatorId);
  if (!copy) {
    copy = build(db, operatorId);
    s.copies.set(operatorId, copy);
    s.written.delete(operatorId);
  }
  return copy;
}

/** Whether `needle` is in `joined` between `from` and `to`, without cutting a string out of it. */
function holds(joined: string, from: number, to: number, needle: string): boolean {
  const first = needle.charCodeAt(0);
  for (let at = from; at + needle.length <= to; at++) {
    if (joined.charCodeAt(at) === first && joined.startsWith(needle, at)) return true;
  }
  return false;
}

/**
 * Row lists of runs of 3 a candidate must be in: the rarest and the next rarest. A third list cut an OR of a name and
 * an IMSI no further and made an IMSI prefix slower (in-process timings of findSims).
 */
const runsChecked = 2;

/**
 * The row lists of the rarest runs of 3 in a term of 3 characters or more, rarest first: only rows in all of them
 * can hold the term (an empty first list: none can).
 */
function rowsFor(copy: Copy, column: TextColumn, needle: string): Int32Array[] {
  const grams = trigrams(copy, column);
  const lists: Int32Array[] = [];
  for (let at = 0; at + 3 <= needle.length; at++) {
    const list = grams.get(needle.slice(at, at + 3)) ?? noRows;
    if (list.length === 0) return [noRows];
    if (!lists.includes(list)) lists.push(list);
  }
  return lists.sort((a, b) => a.length - b.length).slice(0, runsChecked);
}

/** The written SIMs after `after` whose text holds any of the needles, in SIM ID order. */
function* writtenMatches(written: Written | undefined, needles: [TextColumn, string][], after: string) {
  if (!written) return;
  written.order ??= [...written.text.keys()].sort();
  for (let i = firstAfter(written.order, after); i < written.order.length; i++) {
    const id = written.order[i] as string;
    const text = written.text.get(id);
    if (text && needles.some(([column, needle]) => text[column].includes(needle))) yield id;
  }
}

/**
 * Candidates for a search, in SIM ID order after `after`: the SIMs whose text holds any of `terms` (OR) or the
 * first term (AND: the caller passes the most telling one). Lazy, so that a page of common matches reads only the
 * start of the fleet.
 */
export function* candidates(db: Db, operatorId: string, terms: TextTerm[], after: string): Generator<string> {
  const s = state(db);
  const copy = copyOf(db, s, operatorId);
  const { ids } = copy;
  const written = s.written.get(operatorId);
  if (written) readWritten(db, operatorId, written);
  const extra = writtenMatches(
    written,
    terms.map((t) => [t.column, foldCase(t.value)]),
    after,
  );
  const start = firstAfter(ids, after);
  const cursors = terms.map((term) => {
    const { joined, starts } = copy.text[term.column];
    const needle = foldCase(term.value);
    if (needle.length >= 3) {
      // The rows holding the term's rarest run of 3 that the next rarest run's list holds too (lists in step, as
      // all are in row order), each checked for the whole term.
      const [rarest = noRows, ...others] = rowsFor(copy, term.column, needle);
      let next = lowerBound(rarest, start);
      const at = others.map((list) => lowerBound(list, start));
      const inOthers = (row: number) =>
        others.every((list, k) => {
          let i = at[k] as number;
          while (i < list.length && (list[i] as number) < row) i++;
          at[k] = i;
          return list[i] === row;
        });
      return () => {
        while (next < rarest.length) {
          const row = rarest[next++] as number;
          if (inOthers(row) && holds(joined, (starts[row] as number) + 1, starts[row + 1] as number, needle)) {
            return row;
          }
        }
        return Number.POSITIVE_INFINITY;
      };
    }
    let from = starts[start] as number;
    return () => {
      while (from < joined.length) {
        const found = joined.indexOf(needle, from);
        if (found === -1) break;
        const row = rowAt(starts, found);
        const end = starts[row + 1] as number;
        // Only a match inside one value counts (a term that holds the separator is in none).
        if (found + needle.length <= end) {
          from = end;
          return row;
        }
        from = found + 1;
      }
      from = joined.length;
      return Number.POSITIVE_INFINITY;
    };
  });
  const heads = cursors.map((next) => next());
  const setAside = written?.text;
  let nextWritten = extra.next().value;
  for (;;) {
    const row = Math.min(...heads);
    const id = row === Number.POSITIVE_INFINITY ? undefined : (ids[row] as string);
    // Written SIMs, by their text as written, in their place in SIM ID order.
    while (nextWritten !== undefined && (id === undefined || nextWritten < id)) {
      yield nextWritten;
      nextWritten = extra.next().value;
    }
    if (id === undefined) return;
    if (nextWritten === id) {
      yield id;
      nextWritten = extra.next().value;
    } else if (!setAside?.has(id)) {
      // (The copy's text of a written SIM may be old: its written text decides, above.)
      yield id;
    }
    for (const [i, head] of heads.entries()) if (head === row) heads[i] = (cursors[i] as () => number)();
  }
}
