/**
 * What scripts/bench-load.ts loads: random picks from the seeded database (SIM IDs, names, IMSI prefixes, deep page
 * keys) and the scenarios built on them, lists, single SIMs and `/query/sims` searches.
 */
import Database from 'better-sqlite3';

/** Random picks for the scenarios, read from the seeded database (read-only, next to the running server). */
export function samples(dbFile: string) {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[], { sim_id: string; imsi: string; name: string | null }>(
        'SELECT sim_id, imsi, name FROM sims ORDER BY sim_id',
      )
      .all();
    if (rows.length < 1000)
      throw new Error(`the database holds ${rows.length} SIMs; the benchmark wants 1,000 or more`);
    const pick = (count: number, from = 0, to = rows.length) =>
      Array.from({ length: count }, () => rows[from + Math.floor(Math.random() * (to - from))] as (typeof rows)[0]);
    return {
      size: rows.length,
      // Keys from halfway to the end of the fleet (SIM ID order, as the list pages).
      deepKeys: pick(500, Math.floor(rows.length / 2), rows.length - 1).map((r) => r.sim_id),
      simIds: pick(2000).map((r) => r.sim_id),
      names: pick(500).map((r) => r.name ?? r.sim_id),
      // 12 of 15 digits: a few hundred SIMs of a plan share one.
      imsiPrefixes: pick(500).map((r) => r.imsi.slice(0, 12)),
      orPairs: pick(500).map((r, i) => [r.name ?? r.sim_id, rows[(i * 7919) % rows.length]?.imsi ?? r.imsi] as const),
    };
  } finally {
    db.close();
  }
}

export type Samples = ReturnType<typeof samples>;
export interface Scenario {
  name: string;
  group: 'list' | 'get' | 'search';
  path: () => string;
}

const any = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The scenarios, each with a new random path per request; `pageSize` is the `limit` of lists and searches. */
export function scenarios(s: Samples, pageSize: string): Scenario[] {
  const api = '/api/local/v1';
  return [
    { name: 'list: first page', group: 'list', path: () => `${api}/sims?limit=${pageSize}` },
    {
      name: 'list: deep page',
      group: 'list',
      path: () => `${api}/sims?${q({ limit: pageSize, last_evaluated_key: any(s.deepKeys) })}`,
    },
    { name: 'get: one SIM', group: 'get', path: () => `${api}/sims/${any(s.simIds)}` },
    {
      name: 'search: name (one SIM)',
      group: 'search',
      path: () => `${api}/query/sims?${q({ name: any(s.names), limit: pageSize })}`,
    },
    {
      name: 'search: name (many)',
      group: 'search',
      path: () => `${api}/query/sims?${q({ name: any(['sensor-tokyo', 'gateway-osaka', 'meter']), limit: pageSize })}`,
    },
    {
      name: 'search: tag',
      group: 'search',
      path: () => `${api}/query/sims?${q({ tag: any(['production', 'staging', 'sapporo']), limit: pageSize })}`,
    },
    {
      name: 'search: status+session',
      group: 'search',
      path: () =>
        `${api}/query/sims?${q({
          ...any([
            { status: 'active', session_status: 'ONLINE' },
            { status: 'active', session_status: 'OFFLINE' },
            { status: 'suspended', session_status: 'OFFLINE' },
          ]),
          limit: pageSize,
        })}`,
    },
    {
      name: 'search: imsi prefix',
      group: 'search',
      path: () => `${api}/query/sims?${q({ imsi: any(s.imsiPrefixes), limit: pageSize })}`,
    },
    {
      name: 'search: OR name/imsi',
      group: 'search',
      path: () => {
        const [name, imsi] = any(s.orPairs);
        return `${api}/query/sims?${q({ name, imsi, search_type: 'or', limit: pageSize })}`;
      },
    },
  ];
}
