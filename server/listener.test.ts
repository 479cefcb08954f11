/**
 * The server's request listener: sandbox calls go straight from Node's request to the sandbox, everything else
 * through the Hono app. Both ways must give a client the same answer: status, headers and body.
 */
import { createServer, request as httpRequest, type RequestListener, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from './app';
import type { Endpoint } from './config';
import { createListener } from './listener';
import type { ApiAnswer } from './sandbox/answers';
import type { Sandbox } from './sandbox/sandbox';
import { type Credentials, createContractSandbox } from './test/contract';

const endpoints: Endpoint[] = [
  { id: 'local', upstream: null },
  { id: 'jp', upstream: 'http://127.0.0.1:9/v1' },
];
const s = createContractSandbox({ fleet: 40, rateLimit: { limit: 1000, windowSeconds: 60 } });
const app = createApp({ endpoints, sandbox: s.sandbox, distDir: '/nonexistent', upstreamTimeoutMs: 1_000 });
/** Requests the listener handed to the Hono app. */
let viaApp = 0;
const listener = createListener(
  (request, env) => {
    viaApp++;
    return app.fetch(request, env);
  },
  s.sandbox,
  endpoints,
);

async function listen(handler: RequestListener): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let direct: { server: Server; base: string };
let throughHono: { server: Server; base: string };
let root: Credentials;
beforeAll(async () => {
  direct = await listen(listener);
  throughHono = await listen(getRequestListener(app.fetch));
  root = await s.loginRoot();
});
afterAll(async () => {
  for (const { server } of [direct, throughHono]) await new Promise((done) => server.close(done));
});

const auth = () => ({ 'X-Soracom-API-Key': root.apiKey, 'X-Soracom-Token': root.token });

interface Sent {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * The answer as a client sees it, bytes as sent; headers that differ from one request to the next are left out.
 * Node's http.request with the path apart, so that it goes as written (a URL would have `.` and `..` resolved).
 */
function seen(base: string, path: string, sent: Sent = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
    const { hostname, port } = new URL(base);
    const options = { hostname, port, path, method: sent.method ?? 'GET', headers: sent.headers };
    const request = httpRequest(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(res.headers).filter(
            ([name]) =>
              !['date', 'x-soracom-ratelimit-remaining', 'x-soracom-ratelimit-seconds-before-refresh'].includes(name),
          ),
        );
        done({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('base64') });
      });
      res.on('error', fail);
    });
    request.setTimeout(5_000, () => request.destroy(new Error(`${path}: no answer in 5 s`)));
    request.on('error', fail);
    request.end(sent.body);
  });
}

describe('the server’s request listener', () => {
  it('answers sandbox calls exactly as the Hono app does, without it', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: [string, Sent][] = [
      ['/api/local/v1/sims?limit=20', { headers: { ...auth(), 'accept-encoding': 'gzip' } }],
      ['/api/local/v1/sims?limit=20', { headers: auth() }],
      ['/api/local/v1/sims?limit=2', { headers: { ...auth(), 'accept-encoding': 'gzip' } }],
      ['/api/local/v1/sims?limit=2', { method: 'HEAD', headers: auth() }],
      ['/api/local/v1/query/sims?name=sensor&limit=3', { headers: auth() }],
      ['/api/local/v1/query/sims?name=s', { headers: auth() }],
      ['/api/local/v1/sims/no-such-sim', { headers: auth() }],
      ['/api/local/v1/sims', {}],
      ['/api/local/v1/sims', { method: 'DELETE', headers: auth() }],
      ['/api/local/v1/no/such/operation', { headers: auth() }],
      ['/api/local/v1', {}],
      ['/api/local/v1/auth', { method: 'POST', headers: json, body: '{"email": ' }],
      ['/api/local/v1/auth', { method: 'POST', headers: json, body: '{"email":"x@example.com","password":"wrong"}' }],
      ['/api/local/v1/./sims/../sims?limit=1', { headers: auth() }],
    ];
    for (const [path, init] of cases) {
      const before = viaApp;
      const answer = await seen(direct.base, path, init);
      expect(viaApp, `${init.method ?? 'GET'} ${path} went through the app`).toBe(before);
      expect(answer, `${init.method ?? 'GET'} ${path}`).toEqual(await seen(throughHono.base, path, init));
    }
  });

  it('gives sandbox answers the security headers of every answer', async () => {
    const response = await fetch(`${direct.base}/api/local/v1/sims?limit=1`, { headers: auth() });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('nonce-');
  });

  it('leaves everything else to the app: other endpoints, the mailbox, paths that only looked like the sandbox’s', async () => {
    for (const path of [
      '/api/endpoints',
      '/api/local/mailbox',
      '/api/local/v1/../mailbox',
      '/api/local/v1/%2e%2e/mailbox',
      '/api/local/v1x/sims',
      '/api/jp/v1/sims',
      '/api/unknown/v1/sims',
    ]) {
      const before = viaApp;
      const answer = await seen(direct.base, path, { headers: auth() });
      expect(viaApp, path).toBe(before + 1);
      expect(answer, path).toEqual(await seen(throughHono.base, path, { headers: auth() }));
    }
  });

  it('hands the sandbox the caller’s address, for its rate limits', async () => {
    const limited = createContractSandbox({ fleet: 0, rateLimit: { limit: 1, windowSeconds: 60 } });
    const { server, base } = await listen(createListener(app.fetch, limited.sandbox, endpoints));
    try {
      const attempt = () =>
        fetch(`${base}/api/local/v1/auth`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ authKeyId: 'keyId-x', authKey: 'secret-x' }),
        });
      expect((await attempt()).status).toBe(401);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('x-soracom-ratelimit-remaining')).toBe('0');
      // Only the caller's address is limited: an in-process call (no address) still has its budget.
      const inProcess = await limited.sandbox.handle(
        new Request('http://sandbox.test/v1/auth', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ authKeyId: 'keyId-x', authKey: 'secret-x' }),
        }),
        '/auth',
      );
      expect(inProcess.status).toBe(401);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('leaves a path with a backslash to the app, which refuses it', async () => {
    const path = '/api/local/v1\\sims';
    const answer = await seen(direct.base, path, { headers: auth() });
    expect(answer.status).toBe(400);
    expect(answer).toEqual(await seen(throughHono.base, path, { headers: auth() }));
  });

  it('answers a body cut short with 400 (the client’s fault), not an internal error, and goes on serving', async () => {
    const answers: ApiAnswer[] = [];
    const recording: Sandbox = {
      ...s.sandbox,
      answer: async (call) => {
        const answer = await s.sandbox.answer(call);
        answers.push(answer);
        return answer;
      },
    };
    const { server, base } = await listen(createListener(app.fetch, recording, endpoints));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((done, fail) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.end(
            'POST /api/local/v1/auth HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 80\r\n\r\n{"em',
          );
        });
        socket.resume();
        socket.on('close', () => done());
        socket.on('error', fail);
      });
      await vi.waitFor(() => expect(answers).toHaveLength(1));
      expect(answers[0]?.status).toBe(400);
      expect(JSON.parse(String(answers[0]?.body))).toEqual({
        code: 'COM0001',
        message: 'The request body could not be read.',
      });
      expect(s.logs.join('\n')).not.toContain('internal error');
      expect((await seen(base, '/api/local/v1/sims?limit=1', { headers: auth() })).status).toBe(200);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('answers 500 in SORACOM’s shape when an answer cannot be written, and logs it', async () => {
    const lines: string[] = [];
    const broken: Sandbox = {
      ...s.sandbox,
      answer: async () => ({ status: 200, headers: { 'x-broken': 'line\nbreak' }, body: null }),
    };
    const { server, base } = await listen(createListener(app.fetch, broken, endpoints, { log: (l) => lines.push(l) }));
    try {
      const answer = await seen(base, '/api/local/v1/sims');
      expect(answer.status).toBe(500);
      expect(JSON.parse(Buffer.from(answer.body, 'base64').toString())).toEqual({
        code: 'COM0500',
        message: 'Internal error in the local sandbox.',
      });
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(lines.join('\n')).toContain('could not answer GET /api/local/v1/sims');
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
