/**
 * The gateway's two local endpoints (sandbox/coverage.ts): `local` serves Japan coverage and `local-g` Global, both
 * through the Hono app and through the server's own request listener; `/api/endpoints` says which is which.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { Endpoint } from './config';
import { createListener } from './listener';
import { type Credentials, createContractSandbox, demo } from './test/contract';

const endpoints: Endpoint[] = [
  { id: 'local', upstream: null },
  { id: 'local-g', upstream: null },
  { id: 'jp', upstream: 'http://127.0.0.1:9/v1' },
];
const s = createContractSandbox({ fleet: 2 });
const app = createApp({ endpoints, sandbox: s.sandbox, distDir: '/nonexistent', upstreamTimeoutMs: 1_000 });

async function listen(handler: RequestListener): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let servers: { server: Server; base: string }[];
let root: Credentials;
beforeAll(async () => {
  servers = [
    await listen(createListener(app.fetch, s.sandbox, endpoints)),
    await listen(getRequestListener(app.fetch)),
  ];
  root = await s.loginRoot();
});
afterAll(async () => {
  for (const { server } of servers) await new Promise((done) => server.close(done));
});

const headers = () => ({
  'X-Soracom-API-Key': root.apiKey,
  'X-Soracom-Token': root.token,
  'content-type': 'application/json',
});

describe('two local endpoints', () => {
  it('lists each endpoint with its coverage, and a twin only when the other coverage is offered', async () => {
    const res = await fetch(`${servers[0]?.base}/api/endpoints`);
    expect(await res.json()).toEqual({
      endpoints: [
        { id: 'local', upstream: null, coverage: 'jp', twin: 'local-g' },
        { id: 'local-g', upstream: null, coverage: 'g', twin: 'local' },
        { id: 'jp', upstream: 'http://127.0.0.1:9/v1', coverage: 'jp' },
      ],
    });
  });

  it.each([0, 1])('serve one fleet each, with one sign-in (server %i)', async (index) => {
    const base = servers[index]?.base;
    const global = await fetch(`${base}/api/local-g/v1/groups`, { headers: headers() });
    expect([200, 403]).toContain(global.status);
    if (global.status === 403) {
      const added = await fetch(`${base}/api/local/v1/operators/${demo.operatorId}/coverage_type/g`, {
        method: 'POST',
        headers: headers(),
      });
      expect(added.status).toBe(201);
    }
    const made = await fetch(`${base}/api/local-g/v1/groups`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ tags: { name: `global-${index}` } }),
    });
    expect(made.status).toBe(201);
    const { groupId } = (await made.json()) as { groupId: string };
    const ids = async (endpoint: string) =>
      (
        (await (await fetch(`${base}/api/${endpoint}/v1/groups`, { headers: headers() })).json()) as {
          groupId: string;
        }[]
      ).map((group) => group.groupId);
    expect(await ids('local-g')).toContain(groupId);
    expect(await ids('local')).not.toContain(groupId);
  });
});
