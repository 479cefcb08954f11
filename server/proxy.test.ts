/** The same-origin gateway against a real local HTTP server standing in for the SORACOM API. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { Endpoint } from './config';
import { createContractSandbox, demo } from './test/contract';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const seen: Seen[] = [];
const openServers: Server[] = [];

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  openServers.push(server);
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: bound once, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const upstream = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    switch (path) {
      case '/v1/sims':
        return send(200, [{ simId: 'upstream-sim' }], {
          'x-soracom-next-key': 'upstream-sim',
          link: '</v1/sims?last_evaluated_key=upstream-sim>; rel=next',
          'x-soracom-ratelimit-limit': '100',
          'x-soracom-ratelimit-remaining': '99',
          'x-soracom-ratelimit-reset': '1767225600',
          'set-cookie': 'session=upstream; HttpOnly',
          'x-powered-by': 'upstream',
          'x-internal-trace': 'secret',
          'access-control-allow-origin': '*',
        });
      case '/v1/echo':
        return send(201, { method: req.method, body });
      case '/v1/bad':
        return send(400, { code: 'SEM0001', message: 'Upstream says no.' });
      case '/v1/busy':
        return send(429, { code: 'COM0007', message: 'Too many requests.' }, { 'retry-after': '7' });
      case '/v1/empty':
        return send(204, undefined);
      case '/v1/redirect':
        return send(302, undefined, { location: '/v1/redirect-target' });
      case '/v1/slow':
        // Answers long after the gateway's timeout; closed in afterAll.
        setTimeout(() => send(200, { late: true }), 5_000).unref();
        return;
      default:
        return send(404, { code: 'COM0004', message: 'No such upstream API.' });
    }
  });
});

let app: Hono;
let endpoints: Endpoint[];
const timeoutMs = 300;

beforeAll(async () => {
  const port = await listen(upstream);
  endpoints = [
    { id: 'local', upstream: null },
    { id: 'sandbox-jp', upstream: `http://127.0.0.1:${port}/v1` },
    { id: 'sandbox-g', upstream: `http://127.0.0.1:${await closedPort()}/v1` },
  ];
  app = createApp({
    endpoints,
    sandbox: createContractSandbox({ fleet: 2 }).sandbox,
    distDir: '/nonexistent-dist',
    upstreamTimeoutMs: timeoutMs,
  });
});

afterAll(async () => {
  for (const server of openServers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

beforeEach(() => {
  seen.length = 0;
});

const lastSeen = (): Seen => {
  const request = seen.at(-1);
  if (!request) throw new Error('the upstream got no request');
  return request;
};

describe('the gateway to an upstream SORACOM API', () => {
  it('passes method, path, query and body through', async () => {
    const body = JSON.stringify({ email: 'a@example.com', password: 'p', unicode: 'ソラコム' });
    const res = await app.request('/api/sandbox-jp/v1/echo?limit=3&last_evaluated_key=a%2Fb&x=1&x=2', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(201);
    const request = lastSeen();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/echo?limit=3&last_evaluated_key=a%2Fb&x=1&x=2');
    expect(request.body).toBe(body);
    expect(request.headers['content-type']).toBe('application/json');
    expect(await res.json()).toEqual({ method: 'POST', body });
  });

  it.each(['PUT', 'DELETE', 'PATCH'])('passes %s through', async (method) => {
    const res = await app.request('/api/sandbox-jp/v1/echo', { method, body: '{"n":1}' });
    expect(res.status).toBe(201);
    expect(lastSeen()).toMatchObject({ method, body: '{"n":1}' });
  });

  it('keeps percent-encoding in the path', async () => {
    await app.request('/api/sandbox-jp/v1/sims/a%20b%2Fc');
    expect(lastSeen().url).toBe('/v1/sims/a%20b%2Fc');
  });

  it('passes the SORACOM headers and no cookies, credentials or other headers', async () => {
    await app.request('/api/sandbox-jp/v1/sims', {
      headers: {
        'X-Soracom-API-Key': 'api-key-1',
        'X-Soracom-Token': 'token-1',
        'X-Soracom-Lang': 'ja',
        Accept: 'application/json',
        Cookie: 'console-session=secret',
        Authorization: 'Bearer secret',
        'X-Forwarded-For': '203.0.113.7',
        'X-Custom-Header': 'secret',
        Origin: 'http://127.0.0.1:8080',
        Referer: 'http://127.0.0.1:8080/sims',
        'User-Agent': 'test-agent/1.0',
      },
    });
    const { headers } = lastSeen();
    expect(headers['x-soracom-api-key']).toBe('api-key-1');
    expect(headers['x-soracom-token']).toBe('token-1');
    expect(headers['x-soracom-lang']).toBe('ja');
    expect(headers.accept).toBe('application/json');
    for (const name of ['cookie', 'authorization', 'x-forwarded-for', 'x-custom-header', 'origin', 'referer']) {
      expect(headers[name], name).toBeUndefined();
    }
    expect(headers['user-agent']).not.toBe('test-agent/1.0');
  });

  it('passes status, body and the SORACOM response headers back, and no others', async () => {
    const res = await app.request('/api/sandbox-jp/v1/sims');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ simId: 'upstream-sim' }]);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(res.headers.get('x-soracom-next-key')).toBe('upstream-sim');
    expect(res.headers.get('link')).toBe('</v1/sims?last_evaluated_key=upstream-sim>; rel=next');
    expect(res.headers.get('x-soracom-ratelimit-limit')).toBe('100');
    expect(res.headers.get('x-soracom-ratelimit-remaining')).toBe('99');
    expect(res.headers.get('x-soracom-ratelimit-reset')).toBe('1767225600');
    for (const name of ['set-cookie', 'x-powered-by', 'x-internal-trace', 'access-control-allow-origin']) {
      expect(res.headers.get(name), name).toBeNull();
    }
    // The console's own security headers are on proxied answers too.
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('passes upstream errors through unchanged', async () => {
    const bad = await app.request('/api/sandbox-jp/v1/bad', { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: 'SEM0001', message: 'Upstream says no.' });
    const busy = await app.request('/api/sandbox-jp/v1/busy');
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('7');
    const missing = await app.request('/api/sandbox-jp/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'COM0004', message: 'No such upstream API.' });
  });

  it('passes an empty 204 through', async () => {
    const res = await app.request('/api/sandbox-jp/v1/empty', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('does not follow upstream redirects', async () => {
    const res = await app.request('/api/sandbox-jp/v1/redirect');
    expect(res.status).toBe(302);
    expect(seen.map((r) => r.url)).toEqual(['/v1/redirect']);
  });

  it('never leaves the upstream’s /v1 through dot segments', async () => {
    for (const path of [
      '/api/sandbox-jp/v1/../secret',
      '/api/sandbox-jp/v1/%2e%2e/secret',
      '/api/sandbox-jp/v1/./../x',
    ]) {
      await app.request(path);
    }
    for (const request of seen) expect(request.url.startsWith('/v1/'), request.url).toBe(true);
  });

  it('answers 502 {code, message} when the upstream cannot be reached', async () => {
    const res = await app.request('/api/sandbox-g/v1/sims');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ code: expect.any(String), message: expect.any(String) });
  });

  it('answers 504 {code, message} soon after the timeout when the upstream is slow', async () => {
    const started = performance.now();
    const res = await app.request('/api/sandbox-jp/v1/slow');
    const elapsed = performance.now() - started;
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ code: expect.any(String), message: expect.any(String) });
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(elapsed).toBeLessThan(timeoutMs + 1_500);
  });
});

describe('endpoints', () => {
  it('GET /api/endpoints lists exactly the configured endpoints', async () => {
    const res = await app.request('/api/endpoints');
    expect(res.status).toBe(200);
    // With the coverage each serves; sandbox-jp and sandbox-g are each other's twin, local's (local-g) is not offered.
    expect(await res.json()).toEqual({
      endpoints: [
        { ...endpoints[0], coverage: 'jp' },
        { ...endpoints[1], coverage: 'jp', twin: 'sandbox-g' },
        { ...endpoints[2], coverage: 'g', twin: 'sandbox-jp' },
      ],
    });
  });

  it.each(['/api/jp/v1/sims', '/api/unknown/v1/sims', '/api/nothing', '/api/local/v2/sims'])(
    'answers %s, an endpoint or API not offered, with 404 JSON',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ code: expect.any(String), message: expect.any(String) });
      expect(seen).toEqual([]);
    },
  );

  it('routes the local endpoint to the embedded sandbox', async () => {
    const login = await app.request('/api/local/v1/auth', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demo.email, password: demo.password }),
    });
    expect(login.status).toBe(200);
    const auth = (await login.json()) as { apiKey: string; token: string };
    const sims = await app.request('/api/local/v1/sims?limit=1', {
      headers: { 'X-Soracom-API-Key': auth.apiKey, 'X-Soracom-Token': auth.token },
    });
    expect(sims.status).toBe(200);
    expect(await sims.json()).toHaveLength(1);
    expect(sims.headers.get('x-soracom-next-key')).not.toBeNull();
    expect(seen).toEqual([]);
  });
});
