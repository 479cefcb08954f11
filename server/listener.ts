/**
 * Node's request listener for the server: calls to the local sandbox (`/api/<endpoint>/v1/*` of an endpoint with no
 * upstream) go from Node's request straight to the sandbox and back, with the headers app.ts gives every answer;
 * everything else goes through the Hono app. The sandbox's answers are the same either way (listener.test.ts
 * compares them), but this way a request costs no Fetch API Request, Response or Headers: about a fifth of a small
 * answer's time under load (scripts/bench-load.ts).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { answerHeaders } from './app';
import type { Endpoint } from './config';
import { codes, SoracomError } from './sandbox/errors';
import { type ApiAnswer, type ApiCall, errorAnswer, type Sandbox } from './sandbox/sandbox';

const readText = (request: IncomingMessage): Promise<string> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => done(new TextDecoder().decode(Buffer.concat(chunks))));
    request.once('error', fail);
  });

function send(response: ServerResponse, answer: ApiAnswer) {
  response.writeHead(answer.status, { ...answer.headers, ...answerHeaders });
  response.end(answer.body ?? undefined);
}

/** `fetch` is the Hono app's, for everything but sandbox calls. */
export function createListener(
  fetch: Parameters<typeof getRequestListener>[0],
  sandbox: Sandbox,
  endpoints: Endpoint[],
): RequestListener {
  const viaHono = getRequestListener(fetch);
  const prefixes = endpoints.filter((e) => e.upstream === null).map((e) => `/api/${e.id}/v1`);
  return (request, response) => {
    const raw = request.url ?? '/';
    const prefix = prefixes.find((p) => raw.startsWith(p));
    // The same parse as app.ts's route (dot segments resolved), so a path can only be the sandbox's if it is there.
    const url = prefix === undefined ? null : new URL(raw, 'http://server.local');
    if (prefix === undefined || url === null || !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) {
      return viaHono(request, response);
    }
    const call: ApiCall = {
      method: request.method ?? 'GET',
      pathname: url.pathname.slice(prefix.length) || '/',
      query: url.searchParams,
      header: (name) => {
        const value = request.headers[name];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
      text: () => readText(request),
      clientIp: request.socket.remoteAddress ?? 'unknown',
    };
    sandbox.answer(call).then(
      (answer) => send(response, answer),
      (error: unknown) => {
        // Only a request that broke off on the way in gets here; its client is usually gone.
        if (response.headersSent) return response.destroy();
        const failure = errorAnswer(
          new SoracomError(400, codes.badRequest, `The request could not be read: ${(error as Error).message}`),
        );
        send(response, failure);
      },
    );
  };
}
