import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContractSandbox, demo } from '../test/contract';
import { type Db, openDb } from './db';
import { migrations } from './migrations';
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

  it('migrates a database of the first schema version, keeping its data', async () => {
    const file = join(dir, 'v1.db');
    const old = new Database(file);
    old.exec(migrations[0] as string);
    old.pragma('user_version = 1');
    old
      .prepare(
        `INSERT INTO operators (operator_id, email, password_hash, created_at, updated_at)
         VALUES ('OP0000000001', 'old@example.com', 'scrypt$x$y', 0, 0)`,
      )
      .run();
    old
      .prepare("INSERT INTO users (operator_id, user_name, created_at, updated_at) VALUES ('OP0000000001', 'u', 0, 0)")
      .run();
    old
      .prepare(
        "INSERT INTO auth_keys (auth_key_id, secret_hash, operator_id, created_at) VALUES ('keyId-old', 'h', 'OP0000000001', 0)",
      )
      .run();
    old.close();

    const db = openFile(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT mfa_failures, mfa_locked_until FROM operators').get()).toEqual({
      mfa_failures: 0,
      mfa_locked_until: 0,
    });
    expect(db.prepare('SELECT mfa_status, mfa_secret, mfa_last_counter FROM users').get()).toEqual({
      mfa_status: 'INACTIVE',
      mfa_secret: null,
      mfa_last_counter: 0,
    });
    expect(db.prepare('SELECT auth_key_id, last_used_at FROM auth_keys').get()).toEqual({
      auth_key_id: 'keyId-old',
      last_used_at: null,
    });
    expect(db.prepare('SELECT count(*) AS n FROM mailbox').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM one_time_tokens').get()).toEqual({ n: 0 });
  });

  it('keeps the mailbox and one-time tokens across a restart', async () => {
    const file = join(dir, 'sandbox.db');
    const first = createContractSandbox({ db: openFile(file), fleet: 0 });
    await first.call('POST', '/operators', { body: { email: 'kept@example.com', password: 'kept-passw0rd' } });
    const token = first.mailedToken('kept@example.com', 'signup');
    first.db.close();
    const second = createContractSandbox({ db: openFile(file), seed: false, now: first.clock.now + 60_000 });
    expect(second.mailbox('kept@example.com')).toHaveLength(1);
    expect((await second.call('POST', '/operators/verify', { body: { token } })).status).toBe(200);
  });
});
