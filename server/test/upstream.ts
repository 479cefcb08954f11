/**
 * A stand-in for SORACOM's API, for gateway tests: `POST /v1/auth` signs in one operator and hands out a key and a
 * token, which `GET /v1/sims` then requires; `GET /v1/slow` answers only when the test releases it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const upstreamOperator = { email: 'ops@example.com', password: 'correct horse battery', operatorId: 'OP9' };

export interface Upstream {
  /** The base URL an endpoint takes as its upstream (ENDPOINT_URL_<ID>), ending in /v1. */
  url: string;
  /** Requests received, with the headers they came with. */
  received: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  /** Resolves when a `GET /v1/slow` has arrived. */
  slowArrived: Promise<void>;
  /** Lets the waiting `GET /v1/slow` answers go. */
  releaseSlow(): void;
  close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

export async function startUpstream(): Promise<Upstream> {
  const issued = new Map<string, string>();
  const received: Upstream['received'] = [];
  let arrived: () => void = () => {};
  const slowArrived = new Promise<void>((done) => (arrived = done));
  const waiting: ServerResponse[] = [];
  let released = false;

  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    received.push({ method: request.method ?? '', path, headers: request.headers });
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk;
    });
    request.on('end', () => {
      if (request.method === 'POST' && path === '/v1/auth') {
        const { email, password } = JSON.parse(body || '{}') as { email?: string; password?: string };
        if (email !== upstreamOperator.email || password !== upstreamOperator.password) {
          return json(response, 401, { code: 'AUM0003', message: 'Authentication failed.' });
        }
        const apiKey = `api-${issued.size + 1}`;
        const token = `token-${Math.random().toString(36).slice(2)}`;
        issued.set(apiKey, token);
        return json(response, 200, { apiKey, token, operatorId: upstreamOperator.operatorId });
      }
      if (request.method === 'GET' && path.startsWith('/v1/sims')) {
        const apiKey = String(request.headers['x-soracom-api-key'] ?? '');
        if (!issued.has(apiKey) || issued.get(apiKey) !== request.headers['x-soracom-token']) {
          return json(response, 401, { code: 'COM0001', message: 'Invalid API key or token.' });
        }
        return json(response, 200, [{ simId: '8981100000000000001', status: 'active' }]);
      }
      if (request.method === 'GET' && path === '/v1/slow') {
        arrived();
        if (released) return json(response, 200, { slow: true });
        waiting.push(response);
        return;
      }
      json(response, 404, { code: 'COM0004', message: 'No such API.' });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    received,
    slowArrived,
    releaseSlow() {
      released = true;
      for (const response of waiting.splice(0)) json(response, 200, { slow: true });
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
