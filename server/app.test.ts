/** The app around the sandbox: the local mailbox listing, and the client IP handed to the sandbox. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { Endpoint } from './config';
import { createContractSandbox } from './test/contract';

function app(endpoints: Endpoint[] = [{ id: 'local', upstream: null }], limit = 20): Hono {
  return createApp({
    endpoints,
    sandbox: createContractSandbox({ fleet: 0, rateLimit: { limit, windowSeconds: 60 } }).sandbox,
    distDir: '/nonexistent',
    upstreamTimeoutMs: 1_000,
  });
}

const post = (a: Hono, path: string, body: unknown, env?: unknown) =>
  a.request(
    `/api/local/v1${path}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    env,
  );

interface Listed {
  to: string;
  kind: string;
  subject: string;
  link: string | null;
  createdAt: number;
}
/** A request from this machine: the mailbox answers only loopback addresses. */
const loopback = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const mailbox = async (a: Hono, query = '') => {
  const res = await a.request(`/api/local/mailbox${query}`, undefined, loopback);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return ((await res.json()) as { mails: Listed[] }).mails;
};

describe('GET /api/local/mailbox', () => {
  it('lists the mails the sandbox sent, newest first, filtered by email', async () => {
    const a = app();
    expect(await mailbox(a)).toEqual([]);
    expect((await post(a, '/operators', { email: 'first@example.com', password: 'first-passw0rd' })).status).toBe(201);
    expect((await post(a, '/operators', { email: 'second@example.com', password: 'second-passw0rd' })).status).toBe(
      201,
    );
    await post(a, '/auth/password_reset_token/issue', { email: 'demo@example.com' });

    const all = await mailbox(a);
    expect(all.map((m) => [m.to, m.kind])).toEqual([
      ['demo@example.com', 'passwordReset'],
      ['second@example.com', 'signup'],
      ['first@example.com', 'signup'],
    ]);
    for (const mail of all) {
      expect(Object.keys(mail).sort()).toEqual(['createdAt', 'kind', 'link', 'subject', 'to']);
      expect(typeof mail.createdAt).toBe('number');
    }

    const first = await mailbox(a, '?email=FIRST%40example.com');
    expect(first).toEqual([all[2]]);
    expect(first[0]?.link).toMatch(/^\/verify\?token=/);
    const token = new URL(first[0]?.link ?? '', 'http://x').searchParams.get('token');
    expect((await post(a, '/operators/verify', { token })).status).toBe(200);

    expect(await mailbox(a, '?email=nobody%40example.com')).toEqual([]);
    expect(await mailbox(a, '?email=')).toEqual(all);
  });

  it('answers no one whose address is unknown or not this machine', async () => {
    const a = app();
    for (const env of [
      undefined,
      {},
      { incoming: { socket: {} } },
      { incoming: { socket: { remoteAddress: '10.0.0.2' } } },
    ]) {
      const res = await a.request('/api/local/mailbox', undefined, env);
      expect(res.status, JSON.stringify(env)).toBe(404);
      expect(await res.json()).toEqual({ code: 'COM0004', message: 'No such API.' });
    }
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await a.request('/api/local/mailbox', undefined, { incoming: { socket: { remoteAddress } } });
      expect(res.status, remoteAddress).toBe(200);
    }
  });

  it('is not offered without the local endpoint', async () => {
    const a = app([{ id: 'jp', upstream: 'http://127.0.0.1:9/v1' }]);
    const res = await a.request('/api/local/mailbox');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ code: 'COM0004', message: expect.any(String) });
  });
});

describe('the client IP', () => {
  const bad = { authKeyId: 'keyId-x', authKey: 'secret-x' };
  const from = (address?: string) => (address ? { incoming: { socket: { remoteAddress: address } } } : undefined);

  it('comes from the socket, so that each address has its own rate limit', async () => {
    const a = app(undefined, 1);
    expect((await post(a, '/auth', bad, from('198.51.100.1'))).status).toBe(401);
    const limited = await post(a, '/auth', bad, from('198.51.100.1'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-soracom-ratelimit-remaining')).toBe('0');
    expect((await post(a, '/auth', bad, from('198.51.100.2'))).status).toBe(401);
  });

  it('is "unknown" when there is no socket, and all such requests share a limit', async () => {
    const a = app(undefined, 1);
    expect((await post(a, '/auth', bad)).status).toBe(401);
    expect((await post(a, '/auth', bad, {})).status).toBe(429);
    expect((await post(a, '/auth', bad, from('198.51.100.3'))).status).toBe(401);
  });

  it('is the peer address of a real connection through @hono/node-server', async () => {
    const a = app(undefined, 1);
    // Spend the budget of requests without a socket first: a real request must not fall under it.
    expect((await post(a, '/auth', bad)).status).toBe(401);
    const server = serve({ fetch: a.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      const { port } = server.address() as AddressInfo;
      const send = () =>
        fetch(`http://127.0.0.1:${port}/api/local/v1/auth`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bad),
        });
      expect((await send()).status).toBe(401);
      expect((await send()).status).toBe(429);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
