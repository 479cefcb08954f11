import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContractSandbox, demo } from '../test/contract';
import { type Db, openDb } from './db';
import { isSeeded } from './seed';

let dir: string;
const open: Db[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const openFile = (file: string) => {
  const db = openDb(file);
  open.push(db);
  return db;
};

describe('a file database', () => {
  it('keeps data and issued tokens across a close and reopen', async () => {
    const file = join(dir, 'nested', 'sandbox.db');
    const first = createContractSandbox({ db: openFile(file), fleet: 12 });
    const root = await first.loginRoot();
    const op = await first.newOperator();
    const created = await first.call('POST', '/sandbox/subscribers/create', { auth: op, body: {} });
    expect(created.status).toBe(200);
    const user = await first.call('POST', `/operators/${demo.operatorId}/users/kept`, { auth: root, body: {} });
    expect(user.status).toBe(201);
    const sims = (await first.call('GET', '/sims?limit=100', { auth: root })).body;
    expect(sims).toHaveLength(12);
    first.db.close();

    const db = openFile(file);
    expect(isSeeded(db)).toBe(true);
    const second = createContractSandbox({ db, seed: false, now: first.clock.now + 60_000 });
    const again = await second.call('GET', '/sims?limit=100', { auth: root });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(sims);
    expect((await second.call('GET', '/sims', { auth: op })).body).toHaveLength(1);
    expect((await second.call('GET', `/operators/${demo.operatorId}/users/kept`, { auth: root })).status).toBe(200);
    const login = await second.call('POST', '/auth', { body: { email: op.email, password: op.password } });
    expect(login.status).toBe(200);
    const byKey = await second.call('POST', '/auth', { body: { authKeyId: op.authKeyId, authKey: op.authKey } });
    expect(byKey.status).toBe(200);
  });

  it('keeps token expiry: a token issued before the restart still expires on time', async () => {
    const file = join(dir, 'sandbox.db');
    const first = createContractSandbox({ db: openFile(file), fleet: 0 });
    const login = await first.call('POST', '/auth', {
      body: { email: demo.email, password: demo.password, tokenTimeoutSeconds: 600 },
    });
    first.db.close();
    const second = createContractSandbox({ db: openFile(file), seed: false, now: first.clock.now + 599_000 });
    expect((await second.call('GET', '/sims', { auth: login.body })).status).toBe(200);
    second.clock.advance(1_000);
    expect((await second.call('GET', '/sims', { auth: login.body })).status).toBe(401);
  });

  it('keeps a logout across a restart', async () => {
    const file = join(dir, 'sandbox.db');
    const first = createContractSandbox({ db: openFile(file), fleet: 0 });
    const auth = await first.loginRoot();
    expect((await first.call('POST', '/auth/logout', { auth })).status).toBe(204);
    first.db.close();
    const second = createContractSandbox({ db: openFile(file), seed: false, now: first.clock.now });
    expect((await second.call('GET', '/sims', { auth })).status).toBe(401);
  });

  it('is migrated once: reopening an up-to-date database changes nothing', () => {
    const file = join(dir, 'sandbox.db');
    const db = openFile(file);
    const version = db.pragma('user_version', { simple: true });
    expect(version).toBeGreaterThan(0);
    db.close();
    const reopened = openFile(file);
    expect(reopened.pragma('user_version', { simple: true })).toBe(version);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(isSeeded(reopened)).toBe(false);
  });
});
