/**
 * `/query/sims` with candidates from the in-memory copy of the searched text (store/simSearchIndex.ts): for every
 * kind of filter it answers exactly what walking sim_search answers, across pages, and after SIMs change, also
 * when another connection changes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox } from '../../test/contract';
import { searchFilters } from '../api/query/sims';
import { openDb } from '../db';
import { seedDemo } from '../seed';
import { findSims, simSearch } from './simSearch';
import { candidates, type TextTerm } from './simSearchIndex';
import { simStore } from './sims';

let s: ContractSandbox;
let root: Credentials & { operatorId: string };
interface Sample {
  simId: string;
  imsi: string;
  iccid: string;
  msisdn: string;
  name: string;
}
let sample: [Sample, Sample, Sample];

beforeAll(async () => {
  s = createContractSandbox({ fleet: 400 });
  root = await s.loginRoot();
  const all = (await s.call('GET', '/sims?limit=1000', { auth: root })).body as {
    simId: string;
    tags: Record<string, string>;
    profiles: Record<string, { primaryImsi: string; subscribers: Record<string, { msisdn: string }> }>;
  }[];
  sample = [all[5], all[123], all[377]].map((sim) => {
    const [iccid, profile] = Object.entries(sim?.profiles ?? {})[0] ?? [];
    const imsi = profile?.primaryImsi ?? '';
    return {
      simId: sim?.simId ?? '',
      imsi,
      iccid: iccid ?? '',
      msisdn: profile?.subscribers[imsi]?.msisdn ?? '',
      name: sim?.tags.name ?? '',
    };
  }) as [Sample, Sample, Sample];
  // Search the copy once, so that it exists before the changes below.
  expect(
    findSims(s.db, root.operatorId, simSearch(searchFilters({ name: 'sensor' }), root.operatorId), '', 10),
  ).toHaveLength(10);
  await s.call('PUT', `/sims/${sample[1].simId}/tags`, {
    auth: root,
    body: [
      { tagName: 'name', tagValue: 'Quote "Q" Ünï-Mixed' },
      { tagName: 'note', tagValue: '100%_done' },
    ],
  });
});

/** Every page of a search, `limit` at a time. */
function pages(
  query: Record<string, string>,
  limit: number,
  ways: Parameters<typeof findSims>[5] = {},
  db = s.db,
  operatorId = root.operatorId,
) {
  const search = simSearch(searchFilters(query), operatorId);
  const seen: string[] = [];
  let after = '';
  for (;;) {
    const rows = findSims(db, operatorId, search, after, limit + 1, ways);
    seen.push(...rows.slice(0, limit).map((r) => r.sim_id));
    if (rows.length <= limit) return seen;
    after = rows[limit - 1]?.sim_id ?? '';
  }
}

/** Runs `test` on a database of its own, seeded with 300 SIMs of the demo account. */
function withSeededDb(test: (db: ReturnType<typeof openDb>, operatorId: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-own-'));
  const db = openDb(join(dir, 'sandbox.db'));
  try {
    seedDemo(db, { fleet: 300, now: Date.UTC(2026, 0, 15) });
    test(db, 'OP0000000001');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('/query/sims candidates from the in-memory text copy', () => {
  it('finds what the walk finds, for every kind of filter, page by page', () => {
    const [a, b, c] = sample;
    const queries: Record<string, string>[] = [
      { name: a.name },
      { name: a.name.toUpperCase().slice(2) },
      { name: 'sensor-tok' },
      { name: 'SE' },
      { name: 'quote "q" ÜNÏ' },
      { name: 'Ünï' },
      { name: 'ünï-mixed' },
      { tag: '100%_d' },
      { tag: '%_' },
      { tag: 'production' },
      { imsi: a.imsi.slice(3, 12) },
      { iccid: c.iccid.slice(-8) },
      { msisdn: b.msisdn.slice(1) },
      { sim_id: c.simId.slice(4) },
      { serial_number: a.iccid },
      { bundles: 'ARR' },
      { status: 'active', module_type: 'nano' },
      { name: `${a.name},${c.name}`, search_type: 'or' },
      { name: a.name, imsi: c.imsi, search_type: 'or' },
      { name: 'sensor', status: 'active', session_status: 'ONLINE' },
      { name: 'meter', subscription: 'plan01s' },
      { name: 'gateway', group: 'osaka' },
      { name: 'tracker', session_status: 'OFFLINE', search_type: 'or' },
      { name: 'nothing-like-this' },
      // The copy's separator between values: a term across two values is in neither.
      { name: `${a.name.slice(-1)}\u0001` },
      { name: `${a.name.slice(-2)}\u0001se` },
    ];
    for (const query of queries) {
      const walked = pages(query, 7, { useIndex: false });
      expect(pages(query, 7), JSON.stringify(query)).toEqual(walked);
      expect(pages(query, 1000), JSON.stringify(query)).toEqual(walked);
    }
    expect(pages({ name: a.name }, 7)).toEqual([a.simId]);
    expect(pages({ name: 'ünï-MIXED' }, 7)).toEqual([]);
    expect(pages({ name: 'Ünï-MIXED' }, 7)).toEqual([b.simId]);
  });

  it('follows changes made after the copy: the new name is found, the old one no longer', async () => {
    const [a] = sample;
    await s.call('PUT', `/sims/${a.simId}/tags`, { auth: root, body: [{ tagName: 'name', tagValue: 'renamed-xyz' }] });
    expect(pages({ name: 'RENAMED-x' }, 5)).toEqual([a.simId]);
    expect(pages({ name: a.name }, 5)).toEqual([]);
    const res = await s.call('GET', '/query/sims?name=renamed-xy', { auth: root });
    expect((res.body as { simId: string }[]).map((x) => x.simId)).toEqual([a.simId]);
  });

  it('leaves out SIMs renamed away from a term, however many of a page they were', async () => {
    const before = pages({ name: 'sensor' }, 1000, { useIndex: false });
    for (const simId of before.slice(0, 5)) {
      await s.call('PUT', `/sims/${simId}/tags`, {
        auth: root,
        body: [{ tagName: 'name', tagValue: `moved-${simId}` }],
      });
    }
    const walked = pages({ name: 'sensor' }, 1000, { useIndex: false });
    expect(walked).toEqual(before.slice(5));
    for (const limit of [1, 3, 10]) expect(pages({ name: 'sensor' }, limit), `limit ${limit}`).toEqual(walked);
  });

  it('proposes as candidates exactly the SIMs whose text holds the term, by runs of 3 or, when shorter, by a scan', () => {
    // A database nobody wrote to since its copy was made: no written SIMs among the candidates.
    withSeededDb((db, operatorId) => {
      const one = db
        .prepare<[], { sim_id: string; name: string; imsi: string }>(
          'SELECT sim_id, name, imsi FROM sim_search ORDER BY sim_id LIMIT 1 OFFSET 123',
        )
        .get();
      if (!one) throw new Error('no SIM seeded');
      const proposed = (column: TextTerm['column'], value: string) => [
        ...candidates(db, operatorId, [{ column, value }], ''),
      ];
      for (const [column, value] of [
        ['name', one.name],
        ['name', 'SENSOR'],
        ['name', 'se'],
        ['name', 'qqq-no-such-run'],
        ['imsi', one.imsi.slice(0, 12)],
        ['imsi', one.imsi.slice(-2)],
      ] as const) {
        expect(proposed(column, value), `${column} ${value}`).toEqual(
          pages({ [column]: value }, 1000, { useIndex: false }, db, operatorId),
        );
      }
      expect(proposed('name', one.name)).toEqual([one.sim_id]);
    });
  });

  it('proposes exactly the matching SIMs after writes too, and a write that was rolled back changes nothing', () => {
    withSeededDb((db, operatorId) => {
      const store = simStore(db);
      const proposed = (value: string) => [...candidates(db, operatorId, [{ column: 'name', value }], '')];
      const walked = (value: string) => pages({ name: value }, 1000, { useIndex: false }, db, operatorId);
      const sensors = proposed('sensor');
      const [away, kept] = sensors as [string, string];
      const other = walked('gateway')[0] as string;
      const now = Date.UTC(2026, 0, 16);
      store.putTags(operatorId, away, { name: 'moved-away' }, now);
      store.putTags(operatorId, other, { name: 'sensor-joined' }, now);
      const rollBack = (write: () => void) =>
        expect(
          db.transaction(() => {
            write();
            throw new Error('rolled back');
          }),
        ).toThrow('rolled back');
      rollBack(() => store.putTags(operatorId, kept, { name: 'never-named' }, now));
      const ghost = { ...(store.get(operatorId, kept) as NonNullable<ReturnType<typeof store.get>>) };
      rollBack(() => store.insert({ ...ghost, simId: 'ghost-sim-0001', profiles: {}, tags: { name: 'ghost-sim' } }));

      expect(proposed('sensor')).toEqual([...sensors.filter((id) => id !== away), other].sort());
      for (const value of ['sensor', 'SENSOR-J', 'moved', 'never', 'ghost', 'gateway', 'se']) {
        expect(proposed(value), value).toEqual(walked(value));
      }
      expect(proposed('never')).toEqual([]);
      expect(proposed('ghost')).toEqual([]);
      // Written again after the search read it: the newest text counts.
      store.putTags(operatorId, other, { name: 'renamed-twice' }, now);
      expect(proposed('sensor-joined')).toEqual([]);
      expect(proposed('twice')).toEqual([other]);
    });
  });

  it('only finds the caller’s SIMs', async () => {
    const other = await s.newOperator();
    const [a] = sample;
    expect(pages({ imsi: a.imsi }, 10, {}, s.db, other.operatorId)).toEqual([]);
  });

  describe('with a second connection to the same database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('sees what the other connection wrote', () => {
      const file = join(dir, 'sandbox.db');
      const first = openDb(file);
      seedDemo(first, { fleet: 50, now: Date.UTC(2026, 0, 15) });
      const second = openDb(file);
      const operatorId = 'OP0000000001';
      const simId = pages({ name: 'sensor' }, 10, {}, first, operatorId)[0] as string;
      simStore(second).putTags(operatorId, simId, { name: 'written-elsewhere' }, Date.now());
      expect(pages({ name: 'ELSEWHERE' }, 10, {}, first, operatorId)).toEqual([simId]);
      second.close();
      first.close();
    });
  });
});
