/**
 * A reverse proxy's X-Forwarded-For and X-Forwarded-Proto: believed with --trust-proxy (the client's address for rate
 * limits, the mailbox and the log; HSTS over HTTPS), ignored without, so that a client cannot pick its own address.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { Endpoint } from './config';
import { cameOverHttps, clientAddress } from './forwarded';
import { createListener } from './listener';
import { logRequests } from './requestLog';
import { createContractSandbox } from './test/contract';

const request = (headers: IncomingMessage['headers'], remoteAddress = '127.0.0.1') =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the socket address unless a proxy is trusted', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }, '10.0.0.2'), false)).toBe('10.0.0.2');
  });

  it('behind a trusted proxy, is the address the proxy appended, not one the client wrote before it', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), true)).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), true)).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-forwarded-for': '2001:db8::1' }), true)).toBe('2001:db8::1');
  });

  it('is the socket address for a request the proxy did not forward, and unknown for a forwarded non-address', () => {
    expect(clientAddress(request({}, '10.0.0.9'), true)).toBe('10.0.0.9');
    expect(clientAddress(request({ 'x-forwarded-for': 'localhost' }), true)).toBe('unknown');
    expect(clientAddress(request({ 'x-forwarded-for': ' , ' }), true)).toBe('unknown');
  });
});

describe('cameOverHttps', () => {
  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(cameOverHttps(request({ 'x-forwarded-proto': 'https' }), false)).toBe(false);
    expect(cameOverHttps(request({ 'x-forwarded-proto': 'https' }), true)).toBe(true);
    expect(cameOverHttps(request({ 'x-forwarded-proto': 'HTTPS' }), true)).toBe(true);
    expect(cameOverHttps(request({ 'x-forwarded-proto': 'http' }), true)).toBe(false);
    expect(cameOverHttps(request({}), true)).toBe(false);
  });
});

const endpoints: Endpoint[] = [{ id: 'local', upstream: null }];

/** The whole server in this process, with or without a trusted proxy: answers, and the clients the log saw. */
async function serve(trustProxy: boolean) {
  const s = createContractSandbox({ fleet: 3, rateLimit: { limit: 2, windowSeconds: 60 } });
  const app = createApp({
    endpoints,
    sandbox: s.sandbox,
    distDir: '/nonexistent',
    upstreamTimeoutMs: 1000,
    trustProxy,
  });
  const logged: { client: string; path: string }[] = [];
  const server: Server = createServer(
    logRequests(createListener(app.fetch, s.sandbox, endpoints, { trustProxy }), {
      format: 'json',
      trustProxy,
      write: (line) => logged.push(JSON.parse(line)),
    }),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signIn = (forwardedFor?: string) =>
    fetch(`${base}/api/local/v1/auth`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' }),
    }).then((r) => r.status);
  return { server, base, logged, signIn };
}

describe('behind a trusted proxy', () => {
  let trusted: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    trusted = await serve(true);
  });
  afterAll(() => new Promise((done) => trusted.server.close(done)));

  it('rate-limits each forwarded client on its own, and a client cannot step out by writing its own entry', async () => {
    expect(await trusted.signIn('203.0.113.1')).toBe(401);
    expect(await trusted.signIn('203.0.113.1')).toBe(401);
    expect(await trusted.signIn('203.0.113.1')).toBe(429);
    expect(await trusted.signIn('198.51.100.99, 203.0.113.1')).toBe(429);
    expect(await trusted.signIn('203.0.113.2')).toBe(401);
  });

  it('logs the forwarded client', () => {
    expect(trusted.logged.map((line) => line.client)).toContain('203.0.113.2');
    expect(trusted.logged.map((line) => line.client)).not.toContain('198.51.100.99');
  });

  it('answers with Strict-Transport-Security when the client came over HTTPS, on every path', async () => {
    for (const path of ['/healthz', '/api/local/v1/sims', '/api/endpoints']) {
      const https = await fetch(`${trusted.base}${path}`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
      expect(https.headers.get('x-content-type-options'), path).toBe('nosniff');
      const http = await fetch(`${trusted.base}${path}`, { headers: { 'x-forwarded-proto': 'http' } });
      expect(http.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('keeps the mailbox from a forwarded client that is not this machine', async () => {
    const remote = await fetch(`${trusted.base}/api/local/mailbox`, { headers: { 'x-forwarded-for': '203.0.113.1' } });
    expect(remote.status).toBe(404);
    expect((await fetch(`${trusted.base}/api/local/mailbox`)).status).toBe(200);
  });
});

describe('without a trusted proxy', () => {
  let direct: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    direct = await serve(false);
  });
  afterAll(() => new Promise((done) => direct.server.close(done)));

  it('ignores X-Forwarded-For: a client naming other addresses is still limited as itself', async () => {
    expect(await direct.signIn('203.0.113.1')).toBe(401);
    expect(await direct.signIn('203.0.113.2')).toBe(401);
    expect(await direct.signIn('203.0.113.3')).toBe(429);
    expect(direct.logged.map((line) => line.client)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });

  it('ignores X-Forwarded-Proto: no Strict-Transport-Security over plain HTTP', async () => {
    const answer = await fetch(`${direct.base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  });
});
