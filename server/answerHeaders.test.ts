/**
 * Every kind of answer the server gives, through the real listener (as `npm start` runs it), carries the security
 * headers; API answers are not to be cached; build metadata and dot-paths are not served.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { Endpoint } from './config';
import { allowedHosts } from './hosts';
import { answerClientError, createListener } from './listener';
import type { Sandbox } from './sandbox/sandbox';
import { createContractSandbox, demo } from './test/contract';

const s = createContractSandbox({ fleet: 0, rateLimit: { limit: 1000, windowSeconds: 60 } });

interface Seen {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let root: string;
let upstream: Server;
let server: Server;
let broken: Server;
let port: number;

async function listen(target: Server): Promise<number> {
  await new Promise<void>((done) => target.listen(0, '127.0.0.1', done));
  return (target.address() as AddressInfo).port;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'answer-headers-'));
  mkdirSync(join(root, 'assets'));
  mkdirSync(join(root, '.vite'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><meta name="csp-nonce" content="__CSP_NONCE__">');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(root, 'assets', 'app.js.map'), '{"version":3,"sources":["src/secret.ts"]}');
  writeFileSync(join(root, '.vite', 'manifest.json'), '{"src/main.tsx":{"file":"assets/app.js"}}');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

  // An upstream that asks to be cached: the gateway must not pass that on.
  upstream = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
    response.end('{"ok":true}');
  });
  const upstreamPort = await listen(upstream);
  const closed = createServer();
  const closedPort = await listen(closed);
  await new Promise((done) => closed.close(done));

  const endpoints: Endpoint[] = [
    { id: 'local', upstream: null },
    { id: 'jp', upstream: `http://127.0.0.1:${upstreamPort}/v1` },
    { id: 'g', upstream: `http://127.0.0.1:${closedPort}/v1` },
  ];
  const app = createApp({ endpoints, sandbox: s.sandbox, distDir: root, upstreamTimeoutMs: 2_000 });
  server = createServer(
    createListener(app.fetch, s.sandbox, endpoints, { allowedHosts: allowedHosts('127.0.0.1'), bodyLimit: 1000 }),
  );
  server.on('clientError', answerClientError);
  port = await listen(server);

  // A sandbox whose dispatch fails: the listener's own 500.
  const failing: Sandbox = {
    ...s.sandbox,
    answer: () => {
      throw new Error('dispatch broke');
    },
  };
  broken = createServer(createListener(app.fetch, failing, endpoints));
  await listen(broken);
});

afterAll(async () => {
  for (const target of [server, broken, upstream]) await new Promise((done) => target.close(done));
  rmSync(root, { recursive: true, force: true });
});

function ask(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; to?: Server } = {},
): Promise<Seen> {
  return new Promise((done, fail) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: ((options.to ?? server).address() as AddressInfo).port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', fail);
    request.end(options.body);
  });
}

/** Bytes Node's HTTP parser refuses: the answer comes from the server's `clientError` path, not from a route. */
function raw(bytes: string): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('close', () => done(text));
    socket.on('error', fail);
  });
}

/** The headers every answer must carry, whatever made it. */
function expectSecurityHeaders(headers: IncomingHttpHeaders, what: string) {
  const csp = String(headers['content-security-policy'] ?? '');
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("object-src 'none'");
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(headers['permissions-policy'], what).toContain('camera=()');
}

const json = { 'content-type': 'application/json' };
const credentials = JSON.stringify({ email: demo.email, password: demo.password });

describe('security headers', () => {
  it.each<[string, string, Parameters<typeof ask>[1], number]>([
    ['the console page', '/', {}, 200],
    ['a route of the console', '/sims', {}, 200],
    ['a static asset', '/assets/app.js', {}, 200],
    ['a static file', '/favicon.svg', {}, 200],
    ['a missing asset', '/assets/missing.js', {}, 404],
    ['a method no route takes', '/sims', { method: 'POST' }, 404],
    ['an unknown API', '/api/nope', {}, 404],
    ['an unknown endpoint', '/api/xx/v1/sims', {}, 404],
    ['the endpoint list', '/api/endpoints', {}, 200],
    ['the local mailbox', '/api/local/mailbox', {}, 200],
    ['a sandbox success', '/api/local/v1/auth', { method: 'POST', headers: json, body: credentials }, 200],
    ['a sandbox refusal', '/api/local/v1/sims', {}, 401],
    ['a sandbox 415', '/api/local/v1/auth', { method: 'POST', body: credentials }, 415],
    [
      'a body over the limit',
      '/api/local/v1/auth',
      { method: 'POST', headers: json, body: 'x'.repeat(1_100_000) },
      413,
    ],
    ['a declared body over the limit', '/sims', { method: 'POST', headers: { 'content-length': '5000' } }, 413],
    ['a foreign Host', '/', { headers: { host: 'evil.example' } }, 421],
    ['the gateway', '/api/jp/v1/sims', {}, 200],
    ['the gateway to an unreachable upstream', '/api/g/v1/sims', {}, 502],
  ])('on %s (%s)', async (what, path, options, status) => {
    const seen = await ask(path, options);
    expect(seen.status, what).toBe(status);
    expectSecurityHeaders(seen.headers, what);
  });

  it('on the listener’s own 500', async () => {
    const seen = await ask('/api/local/v1/sims', { to: broken });
    expect(seen.status).toBe(500);
    expect(JSON.parse(seen.body)).toEqual({ code: 'COM0500', message: expect.any(String) });
    expectSecurityHeaders(seen.headers, 'listener 500');
    expect(seen.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['malformed HTTP', 'NOT HTTP AT ALL\r\n\r\n', 400],
    ['headers too large', `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ])('on Node’s own refusal of %s', async (_what, bytes, status) => {
    const text = await raw(bytes);
    const [head = '', body] = text.split('\r\n\r\n');
    const [statusLine, ...lines] = head.split('\r\n');
    expect(statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    expectSecurityHeaders(headers, statusLine ?? '');
    expect(headers['cache-control']).toBe('no-store');
    expect(JSON.parse(body ?? '')).toEqual({ code: expect.any(String), message: expect.any(String) });
  });

  it('answers a POST that no route takes in SORACOM’s shape', async () => {
    const seen = await ask('/sims', { method: 'POST' });
    expect(JSON.parse(seen.body)).toEqual({ code: 'COM0004', message: expect.any(String) });
  });
});

describe('Cache-Control', () => {
  it.each<[string, string, Parameters<typeof ask>[1]]>([
    ['a sandbox success', '/api/local/v1/auth', { method: 'POST', headers: json, body: credentials }],
    ['a sandbox refusal', '/api/local/v1/sims', {}],
    ['the gateway, though the upstream allows caching', '/api/jp/v1/sims', {}],
    ['a gateway error', '/api/g/v1/sims', {}],
    ['the endpoint list', '/api/endpoints', {}],
    ['an unknown API', '/api/nope', {}],
    ['the mailbox', '/api/local/mailbox', {}],
  ])('keeps %s out of every cache', async (what, path, options) => {
    const seen = await ask(path, options);
    expect(seen.headers['cache-control'], what).toBe('no-store');
  });

  it('lets hashed assets be cached, and not the page', async () => {
    expect((await ask('/assets/app.js')).headers['cache-control']).toContain('immutable');
    expect((await ask('/')).headers['cache-control']).toBe('no-store');
  });
});

describe('build metadata', () => {
  it.each([
    '/.vite/manifest.json',
    '/%2evite/manifest.json',
    '/%2Evite%2Fmanifest.json',
    '/assets/app.js.map',
    '/.env',
    '/.git/config',
    '/assets/.hidden',
    '/.well-known/anything',
  ])('%s is a 404 with the security headers, not the file or the page', async (path) => {
    const seen = await ask(path);
    expect(seen.status).toBe(404);
    expect(seen.body).not.toContain('assets/app.js');
    expect(seen.body).not.toContain('SECRET');
    expect(seen.body).not.toContain('csp-nonce');
    expect(seen.body).not.toContain('sources');
    expectSecurityHeaders(seen.headers, path);
  });
});
