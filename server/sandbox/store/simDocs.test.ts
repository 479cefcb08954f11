/**
 * The in-memory SIM documents (store/simDocs.ts) behind list pages, single SIMs and search results: what the API
 * answers is what the database holds, after writes, rolled-back writes and writes by another connection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchFilters } from '../api/query/sims';
import { openDb } from '../db';
import { seedDemo } from '../seed';
import { findSims, simSearch } from './simSearch';
import { type Sim, simStore } from './sims';

const operatorId = 'OP0000000001';
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sim-docs-'));
  file = join(dir, 'sandbox.db');
  const db = openDb(file);
  seedDemo(db, { fleet: 60, now: Date.UTC(2026, 0, 15) });
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The database's own document of a SIM, read past the store. */
const stored = (db: ReturnType<typeof openDb>, simId: string) =>
  db.prepare<[string], { doc: string }>('SELECT doc FROM sims WHERE sim_id = ?').get(simId)?.doc;

describe('SIM documents served from memory', () => {
  it('answers what the database holds after every kind of write', () => {
    const db = openDb(file);
    const store = simStore(db);
    const [first, second] = store.pageJson(operatorId, '', 2).docs.map((doc) => JSON.parse(doc) as Sim);
    const a = first?.simId as string;
    const b = second?.simId as string;
    const now = Date.UTC(2026, 0, 16);

    store.putTags(operatorId, a, { name: 'renamed-in-memory' }, now);
    expect(JSON.parse(store.getJson(operatorId, a) as string).tags.name).toBe('renamed-in-memory');
    expect(store.pageJson(operatorId, '', 1).docs[0]).toBe(stored(db, a));

    // A write rolled back: the answer is the document as it was, also when it was read inside the transaction.
    const before = store.getJson(operatorId, b);
    expect(() =>
      db.transaction(() => {
        store.putTags(operatorId, b, { name: 'never-kept' }, now);
        expect(JSON.parse(store.getJson(operatorId, b) as string).tags.name).toBe('never-kept');
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(store.getJson(operatorId, b)).toBe(before);
    expect(store.getJson(operatorId, b)).toBe(stored(db, b));

    // Search results carry the documents too.
    const found = findSims(db, operatorId, simSearch(searchFilters({ name: 'renamed-in' }), operatorId), '', 5);
    expect(found).toEqual([{ sim_id: a, doc: stored(db, a) }]);
    db.close();
  });

  it('sees what another connection wrote', () => {
    const db = openDb(file);
    const other = openDb(file);
    const store = simStore(db);
    const simId = (JSON.parse(store.pageJson(operatorId, '', 1).docs[0] as string) as Sim).simId as string;
    expect(store.getJson(operatorId, simId)).toBe(stored(db, simId));
    simStore(other).putTags(operatorId, simId, { name: 'written-elsewhere' }, Date.UTC(2026, 0, 16));
    expect(JSON.parse(store.getJson(operatorId, simId) as string).tags.name).toBe('written-elsewhere');
    expect(store.pageJson(operatorId, '', 1).docs[0]).toBe(stored(other, simId));
    other.close();
    db.close();
  });

  it('gives an operator only its own SIMs', () => {
    const db = openDb(file);
    const store = simStore(db);
    const simId = (JSON.parse(store.pageJson(operatorId, '', 1).docs[0] as string) as Sim).simId as string;
    expect(store.getJson('OP9999999999', simId)).toBeUndefined();
    expect(store.pageJson('OP9999999999', '', 10).docs).toEqual([]);
    expect(store.getJson(operatorId, simId)).toBe(stored(db, simId));
    db.close();
  });
});
