/**
 * Node's request listener for the server: calls to the local sandbox (`/api/<endpoint>/v1/*` of an endpoint with no
 * upstream) go from Node's request straight to the sandbox and back, with the headers app.ts gives every answer;
 * everything else goes through the Hono app. A client sees the same answer either way (listener.test.ts compares
 * them), except that a client taking deflate but not gzip gets a large answer uncompressed here, where app.ts's
 * compress() would deflate it (browsers all take gzip). This way a request costs no Fetch API Request, Response or
 * Headers, a good part of a small answer's time under load (scripts/bench-load.ts measures it).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { answerHeaders } from './app';
import type { Endpoint } from './config';
import { type ApiAnswer, type ApiCall, errorAnswer } from './sandbox/answers';
import { codes, SoracomError } from './sandbox/errors';
import type { Sandbox } from './sandbox/sandbox';

/** The body as text; a body that breaks off is the client's fault (400), not the sandbox's. */
const readText = (request: IncomingMessage): Promise<string> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    const cut = () => fail(new SoracomError(400, codes.badRequest, 'The request body could not be read.'));
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => done(new TextDecoder().decode(Buffer.concat(chunks))));
    request.once('error', cut);
    // A client that goes away mid-body: no 'end' comes, and nothing would settle this otherwise.
    request.once('close', () => {
      if (!request.complete) cut();
    });
  });

function send(response: ServerResponse, answer: ApiAnswer) {
  response.writeHead(answer.status, { ...answer.headers, ...answerHeaders });
  response.end(answer.body ?? undefined);
}

export interface ListenerOptions {
  /** The host of requests that name none (HTTP/1.0), for the Hono app's URLs. */
  hostname?: string;
  log?: (line: string) => void;
}

/** `fetch` is the Hono app's, for everything but sandbox calls. */
export function createListener(
  fetch: Parameters<typeof getRequestListener>[0],
  sandbox: Sandbox,
  endpoints: Endpoint[],
  options: ListenerOptions = {},
): RequestListener {
  const viaHono = getRequestListener(fetch, { hostname: options.hostname });
  const prefixes = endpoints.filter((e) => e.upstream === null).map((e) => `/api/${e.id}/v1`);
  return (request, response) => {
    const raw = request.url ?? '/';
    const prefix = prefixes.find((p) => raw.startsWith(p));
    // A backslash in the path is refused by the Hono side (400): leave such requests to it.
    const path = raw.split('?', 1)[0] as string;
    if (prefix === undefined || path.includes('\\')) return viaHono(request, response);
    // The same URL parse as app.ts's route (dot segments resolved), so a path is the sandbox's only if it is there.
    const url = new URL(raw, 'http://server.local');
    if (!(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return viaHono(request, response);
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
    // The sandbox answers every error itself; what can still fail is writing the answer out.
    sandbox
      .answer(call)
      .then((answer) => send(response, answer))
      .catch((error: unknown) => {
        options.log?.(`server: could not answer ${call.method} ${raw}: ${(error as Error).stack ?? error}`);
        if (response.headersSent) return response.destroy();
        send(response, errorAnswer(new SoracomError(500, codes.internal, 'Internal error in the local sandbox.')));
      });
  };
}
