/**
 * What the listener refuses before anything else runs (foreign Host names, declared bodies over the limit), the
 * gateway's own body limit, and the 500 in SORACOM's shape for any failure, through the listener or the app.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { Endpoint } from './config';
import { allowedHosts } from './hosts';
import { createListener } from './listener';
import type { Sandbox } from './sandbox/sandbox';
import { createContractSandbox } from './test/contract';

const s = createContractSandbox({ fleet: 0, rateLimit: { limit: 1000, windowSeconds: 60 } });

async function listen(handler: RequestListener): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
const close = (server: Server) => new Promise((done) => server.close(done));

/** An upstream that counts the requests reaching it. */
let upstream: { server: Server; base: string };
let upstreamCalls = 0;
let guarded: { server: Server; base: string };
const lines: string[] = [];

beforeAll(async () => {
  upstream = await listen((_request, response) => {
    upstreamCalls++;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  const endpoints: Endpoint[] = [
    { id: 'local', upstream: null },
    { id: 'jp', upstream: `${upstream.base}/v1` },
  ];
  const app = createApp({
    endpoints,
    sandbox: s.sandbox,
    distDir: '/nonexistent',
    upstreamTimeoutMs: 2_000,
    gatewayBodyLimit: 1000,
  });
  guarded = await listen(
    createListener(app.fetch, s.sandbox, endpoints, {
      allowedHosts: allowedHosts('127.0.0.1', ['console.example.com']),
      bodyLimit: 100,
      gatewayBodyLimit: 1000,
      log: (line) => lines.push(line),
    }),
  );
});
afterAll(async () => {
  await close(guarded.server);
  await close(upstream.server);
});

/** A GET with the Host header as given (fetch does not let a caller set it). */
function getAs(host: string, path: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((done, fail) => {
    const { port } = new URL(guarded.base);
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk;
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    request.on('error', fail);
    request.end();
  });
}

describe('Host names', () => {
  it('answers the configured names and refuses others with 421 {code, message} and the security headers', async () => {
    for (const path of ['/api/local/mailbox', '/api/local/v1/sims', '/api/endpoints', '/']) {
      const refused = await getAs('rebound.example', path);
      expect(refused.status, path).toBe(421);
      expect(JSON.parse(refused.body)).toEqual({ code: 'COM0421', message: expect.any(String) });
      expect(refused.headers['x-frame-options']).toBe('DENY');
    }
    expect((await getAs('console.example.com', '/api/local/mailbox')).status).toBe(200);
    expect((await getAs('Console.Example.com:8443', '/api/endpoints')).status).toBe(200);
    expect((await getAs('localhost', '/api/endpoints')).status).toBe(200);
  });
});

describe('bodies over the limit', () => {
  it('are refused with 413 from their Content-Length on the app’s paths, at the listener', async () => {
    const before = upstreamCalls;
    for (const [path, size] of [
      ['/api/endpoints', 101],
      ['/', 101],
      ['/api/jp/v1/sims', 1001],
    ] as const) {
      const res = await fetch(`${guarded.base}${path}`, { method: 'POST', body: 'x'.repeat(size) });
      expect(res.status, path).toBe(413);
      expect(await res.json()).toEqual({ code: 'COM0413', message: expect.any(String) });
    }
    expect(upstreamCalls).toBe(before);
  });

  it('are counted while streaming on the gateway, and never reach the upstream', async () => {
    const before = upstreamCalls;
    const chunks = (n: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < n; i++) controller.enqueue(new Uint8Array(100).fill(120));
          controller.close();
        },
      });
    const send = (n: number) =>
      fetch(`${guarded.base}/api/jp/v1/sims`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunks(n),
        duplex: 'half',
      } as RequestInit);
    const refused = await send(11);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ code: 'COM0413', message: expect.any(String) });
    expect(upstreamCalls).toBe(before);
    expect((await send(10)).status).toBe(200);
    expect(upstreamCalls).toBe(before + 1);
  });

  it('apply the gateway’s limit to a gateway path and the other limit elsewhere', async () => {
    const res = await fetch(`${guarded.base}/api/jp/v1/sims`, { method: 'POST', body: 'x'.repeat(500) });
    expect(res.status).toBe(200);
  });
});

describe('a failure anywhere', () => {
  it('in the sandbox’s dispatch, even thrown at once, is a 500 {code, message}, logged', async () => {
    const broken: Sandbox = {
      ...s.sandbox,
      answer: () => {
        throw new Error('dispatch broke');
      },
    };
    const { server, base } = await listen(
      createListener(
        createApp({
          endpoints: [{ id: 'local', upstream: null }],
          sandbox: broken,
          distDir: '/nonexistent',
          upstreamTimeoutMs: 1000,
        }).fetch,
        broken,
        [{ id: 'local', upstream: null }],
        { log: (line) => lines.push(line) },
      ),
    );
    try {
      const res = await fetch(`${base}/api/local/v1/sims`);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ code: 'COM0500', message: expect.any(String) });
      expect(lines.join('\n')).toContain('dispatch broke');
      expect((await fetch(`${base}/api/endpoints`)).status).toBe(200);
    } finally {
      await close(server);
    }
  });

  it('in the app is a 500 {code, message} with the security headers, logged', async () => {
    const appLines: string[] = [];
    const broken: Sandbox = {
      ...s.sandbox,
      mailbox: () => {
        throw new Error('mailbox broke');
      },
    };
    const endpoints: Endpoint[] = [{ id: 'local', upstream: null }];
    const app = createApp({
      endpoints,
      sandbox: broken,
      distDir: '/nonexistent',
      upstreamTimeoutMs: 1000,
      log: (line) => appLines.push(line),
    });
    const { server, base } = await listen(createListener(app.fetch, broken, endpoints));
    try {
      const res = await fetch(`${base}/api/local/mailbox`);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ code: 'COM0500', message: expect.any(String) });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(appLines.join('\n')).toContain('mailbox broke');
      expect((await fetch(`${base}/api/endpoints`)).status).toBe(200);
    } finally {
      await close(server);
    }
  });
});
