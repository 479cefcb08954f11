/**
 * The server process from start to stop, as a deployment sees it: one JSON line per request on standard output that
 * gives away no credential, a health check, and a SIGTERM that lets the request in flight finish, takes no new
 * connection, leaves the database whole in its file, and exits 0.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../package.json' with { type: 'json' };
import { demo } from './sandbox/seed';
import { eventually, type ServerProcess, startServer } from './test/process';
import { startUpstream, type Upstream } from './test/upstream';

let upstream: Upstream;
let server: ServerProcess;
let dir = '';
const dbFile = () => join(dir, 'sandbox.db');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
  upstream = await startUpstream();
  server = await startServer(
    ['--db', dbFile(), '--fleet', '3', '--session-interval', '0', '--log-format', 'json', '--endpoints', 'local,jp'],
    { ENDPOINT_URL_JP: upstream.url, DIST_DIR: dir },
  );
}, 60_000);

afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Whether a new connection to the server is refused. */
const refused = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(true));
  });

describe('the request log', () => {
  let credentials: { apiKey: string; token: string };

  it('has one JSON line per request, with no password, key, token or secret query value in it', async () => {
    const signIn = await fetch(`${server.base}/api/local/v1/auth?email=${demo.email}&token=query-secret&limit=5`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demo.email, password: demo.password }),
    });
    expect(signIn.status).toBe(200);
    credentials = (await signIn.json()) as { apiKey: string; token: string };
    const sims = await fetch(`${server.base}/api/local/v1/sims?limit=1`, {
      headers: { 'X-Soracom-API-Key': credentials.apiKey, 'X-Soracom-Token': credentials.token },
    });
    expect(sims.status).toBe(200);
    const page = await fetch(`${server.base}/password-reset?token=reset-link-secret&endpoint=local`);
    await page.arrayBuffer();

    await eventually(() => server.requestLines().length >= 3, 10_000, 'three request lines');
    const [auth, list, reset] = server.requestLines();
    expect(auth).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      method: 'POST',
      path: '/api/local/v1/auth?email=[redacted]&token=[redacted]&limit=5',
      status: 200,
      ms: expect.any(Number),
      client: '127.0.0.1',
    });
    expect(list).toMatchObject({ method: 'GET', path: '/api/local/v1/sims?limit=1', status: 200 });
    expect(reset).toMatchObject({ method: 'GET', path: '/password-reset?token=[redacted]&endpoint=local' });

    const log = server.stdout();
    for (const secret of [demo.password, demo.email, credentials.apiKey, credentials.token, 'query-secret']) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain('reset-link-secret');
    expect(server.stderr()).not.toContain(credentials.token);
    // Standard output is the request log only: every line of it parses.
    expect(log.trim().split('\n').length).toBe(server.requestLines().length);
  }, 20_000);

  it('logs the client address and status of a refused request too', async () => {
    const before = server.requestLines().length;
    const answer = await fetch(`${server.base}/api/local/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ email: demo.email, password: demo.password }),
    });
    expect(answer.status).toBe(415);
    await eventually(() => server.requestLines().length > before, 10_000, 'the line');
    expect(server.requestLines().at(-1)).toMatchObject({ method: 'POST', status: 415, client: '127.0.0.1' });
    expect(server.stdout()).not.toContain(demo.password);
  }, 20_000);
});

describe('GET /healthz', () => {
  it('says the server runs, with its version and an open sandbox, under the security headers', async () => {
    const answer = await fetch(`${server.base}/healthz`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: 'ok', version, sandbox: 'open' });
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  }, 20_000);
});

describe('SIGTERM', () => {
  it('lets the request in flight finish, takes no new connection, closes the database whole and exits 0', async () => {
    const slow = fetch(`${server.base}/api/jp/v1/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await upstream.slowArrived;
    server.child.kill('SIGTERM');
    await eventually(() => server.stderr().includes('SIGTERM'), 10_000, 'the server to start stopping');
    expect(await refused(server.port)).toBe(true);
    // A request slower than a moment: the process waits for it, well past the signal.
    await new Promise((resume) => setTimeout(resume, 2500));
    expect(server.child.exitCode).toBeNull();

    upstream.releaseSlow();
    expect(await slow).toEqual({ status: 200, body: { slow: true } });
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toMatch(/server: stopped\.\n/);
    expect(server.requestLines().at(-1)).toMatchObject({ method: 'GET', path: '/api/jp/v1/slow', status: 200 });

    // Checkpointed: the write-ahead log is empty or gone, and the file alone has the sign-in's key.
    const wal = `${dbFile()}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new Database(dbFile(), { readonly: true });
    try {
      const keys = db.prepare('SELECT count(*) AS n FROM api_keys').get() as { n: number };
      expect(keys.n).toBeGreaterThanOrEqual(1);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 30_000);
});
