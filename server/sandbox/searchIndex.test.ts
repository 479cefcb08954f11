/**
 * `/query/sims` with candidates from the in-memory copy of the searched text (store/simSearchIndex.ts): for every
 * kind of filter it answers exactly what walking sim_search answers, across pages, and after SIMs change, also
 * when another connection changes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox } from '../test/contract';
import { openDb } from './db';
import { findSims, simSearch } from './search';
import { seedDemo } from './seed';
import { candidateBound, type TextTerm } from './store/simSearchIndex';
import { simStore } from './store/sims';

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
    findSims(s.db, root.operatorId, simSearch({ name: 'sensor' }, root.operatorId), '', 10, { budget: 0 }),
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
  ways: Parameters<typeof findSims>[5],
  db = s.db,
  operatorId = root.operatorId,
) {
  const search = simSearch(query, operatorId);
  const seen: string[] = [];
  let after = '';
  for (;;) {
    const rows = findSims(db, operatorId, search, after, limit + 1, ways);
    seen.push(...rows.slice(0, limit).map((r) => r.sim_id));
    if (rows.length <= limit) return seen;
    after = rows[limit - 1]?.sim_id ?? '';
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
    ];
    for (const query of queries) {
      const walked = pages(query, 7, { useIndex: false });
      expect(pages(query, 7, { budget: 0 }), JSON.stringify(query)).toEqual(walked);
      expect(pages(query, 7, { budget: 10 }), JSON.stringify(query)).toEqual(walked);
      expect(pages(query, 1000, { budget: 0 }), JSON.stringify(query)).toEqual(walked);
    }
    expect(pages({ name: a.name }, 7, { budget: 0 })).toEqual([a.simId]);
    expect(pages({ name: 'ünï-MIXED' }, 7, { budget: 0 })).toEqual([]);
    expect(pages({ name: 'Ünï-MIXED' }, 7, { budget: 0 })).toEqual([b.simId]);
  });

  it('follows changes made after the copy: the new name is found, the old one no longer', async () => {
    const [a] = sample;
    await s.call('PUT', `/sims/${a.simId}/tags`, { auth: root, body: [{ tagName: 'name', tagValue: 'renamed-xyz' }] });
    expect(pages({ name: 'RENAMED-x' }, 5, { budget: 0 })).toEqual([a.simId]);
    expect(pages({ name: a.name }, 5, { budget: 0 })).toEqual([]);
    const res = await s.call('GET', '/query/sims?name=renamed-xy', { auth: root });
    expect((res.body as { simId: string }[]).map((x) => x.simId)).toEqual([a.simId]);
  });

  it('bounds the candidates by the rarest run of 3 characters, so a rare term skips the walk', () => {
    const [, , c] = sample;
    const bound = (value: string, column: TextTerm['column'] = 'name') =>
      candidateBound(s.db, root.operatorId, [{ column, value }]);
    expect(bound(c.name)).toBeGreaterThanOrEqual(pages({ name: c.name }, 1000, { useIndex: false }).length);
    expect(bound(c.name)).toBeLessThan(50);
    expect(bound('qqq-no-such-run')).toBeLessThan(5);
    expect(bound('se')).toBe(Number.POSITIVE_INFINITY);
    expect(bound(c.imsi.slice(0, 12), 'imsi')).toBeGreaterThanOrEqual(
      pages({ imsi: c.imsi.slice(0, 12) }, 1000, { useIndex: false }).length,
    );
  });

  it('only finds the caller’s SIMs', async () => {
    const other = await s.newOperator();
    const [a] = sample;
    expect(pages({ imsi: a.imsi }, 10, { budget: 0 }, s.db, other.operatorId)).toEqual([]);
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
      const simId = pages({ name: 'sensor' }, 10, { budget: 0 }, first, operatorId)[0] as string;
      simStore(second).putTags(operatorId, simId, { name: 'written-elsewhere' }, Date.now());
      expect(pages({ name: 'ELSEWHERE' }, 10, { budget: 0 }, first, operatorId)).toEqual([simId]);
      second.close();
      first.close();
    });
  });
});
