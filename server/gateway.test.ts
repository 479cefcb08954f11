/**
 * Gateway only: the console and the gateway to SORACOM's API, with no sandbox and nothing on disk, so that any number
 * of instances can serve behind a load balancer. Two instances share nothing, yet a session signed in through one
 * works through the other, because the session is the key and token SORACOM issued, which the browser holds.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type ServerProcess, startServer } from './test/process';
import { startUpstream, type Upstream, upstreamOperator } from './test/upstream';

let upstream: Upstream;
let dir = '';
let a: ServerProcess;
let b: ServerProcess;

const gatewayOnly = (dataDir: string, more: string[] = []) =>
  startServer(['--gateway-only', '--db', join(dataDir, 'sandbox.db'), '--log-format', 'json', ...more], {
    ENDPOINT_URL_JP: upstream.url,
    DIST_DIR: dataDir,
    SANDBOX_DB: join(dataDir, 'from-env.db'),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-only-'));
  upstream = await startUpstream();
  [a, b] = await Promise.all([gatewayOnly(dir), gatewayOnly(dir)]);
}, 60_000);

afterAll(async () => {
  for (const instance of [a, b]) if (instance?.child.exitCode === null) instance.child.kill('SIGKILL');
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two gateway-only instances', () => {
  it('share a session: signed in through one, the key and token work through the other', async () => {
    const signIn = await fetch(`${a.base}/api/jp/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: upstreamOperator.email, password: upstreamOperator.password }),
    });
    expect(signIn.status).toBe(200);
    const { apiKey, token } = (await signIn.json()) as { apiKey: string; token: string };

    const sims = await fetch(`${b.base}/api/jp/v1/sims?limit=10`, {
      headers: { 'X-Soracom-API-Key': apiKey, 'X-Soracom-Token': token },
    });
    expect(sims.status).toBe(200);
    expect(await sims.json()).toEqual([{ simId: '8981100000000000001', status: 'active' }]);
    // The upstream saw the credentials through instance B, as the browser sent them.
    expect(upstream.received.at(-1)).toMatchObject({ method: 'GET', path: '/v1/sims?limit=10' });
    expect(upstream.received.at(-1)?.headers['x-soracom-token']).toBe(token);

    const wrong = await fetch(`${b.base}/api/jp/v1/sims`, {
      headers: { 'X-Soracom-API-Key': apiKey, 'X-Soracom-Token': 'not-the-token' },
    });
    expect(wrong.status).toBe(401);
  }, 20_000);

  it('create no database file, whatever --db or SANDBOX_DB name', () => {
    // The folder holds what the test put there and nothing more: no sandbox.db, no -wal, no from-env.db.
    expect(readdirSync(dir)).toEqual([]);
  }, 20_000);

  it('offer no local sandbox: not in the endpoint list, not behind its paths, not in the health check', async () => {
    for (const instance of [a, b]) {
      const listed = (await (await fetch(`${instance.base}/api/endpoints`)).json()) as { endpoints: { id: string }[] };
      expect(listed.endpoints.map((e) => e.id)).toEqual(['jp', 'g', 'sandbox-jp', 'sandbox-g']);
      const local = await fetch(`${instance.base}/api/local/v1/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(local.status).toBe(404);
      expect(await local.json()).toEqual({ code: 'COM0004', message: expect.stringContaining('local') });
      expect((await fetch(`${instance.base}/api/local/mailbox`)).status).toBe(404);
      const health = await fetch(`${instance.base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', sandbox: 'off' });
    }
    expect(a.stderr()).toContain('Gateway only: no local sandbox');
  }, 20_000);

  it('log each request with no credential, and stop with 0 on SIGTERM', async () => {
    expect(a.stdout()).not.toContain(upstreamOperator.password);
    expect(a.stdout()).not.toContain(upstreamOperator.email);
    expect(b.requestLines().some((line) => line.path === '/api/jp/v1/sims?limit=10' && line.status === 200)).toBe(true);
    a.child.kill('SIGTERM');
    b.child.kill('SIGINT');
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    expect(readdirSync(dir)).toEqual([]);
  }, 20_000);
});

describe('a request still running when the grace period ends', () => {
  it('is cut off, and the process exits 1', async () => {
    const graceDir = mkdtempSync(join(tmpdir(), 'gateway-grace-'));
    onTestFinished(() => rmSync(graceDir, { recursive: true, force: true }));
    const instance = await gatewayOnly(graceDir, ['--shutdown-grace', '1']);
    const waiting = upstream.received.length;
    const slow = fetch(`${instance.base}/api/jp/v1/slow`).then(
      (r) => r.status,
      () => 'cut off',
    );
    while (upstream.received.length === waiting) await new Promise((resume) => setTimeout(resume, 25));
    const signalled = Date.now();
    instance.child.kill('SIGTERM');
    expect(await instance.exited).toBe(1);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(900);
    expect(await slow).toBe('cut off');
    expect(instance.stderr()).toContain('cutting off requests in flight');
  }, 30_000);
});
