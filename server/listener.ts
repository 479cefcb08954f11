/**
 * Node's request listener for the server: calls to the local sandbox (`/api/<endpoint>/v1/*` of an endpoint with no
 * upstream) go from Node's request straight to the sandbox and back, with the headers app.ts gives every answer;
 * everything else goes through the Hono app. A client sees the same answer either way (listener.test.ts compares
 * them), except that a client taking deflate but not gzip gets a large answer uncompressed here, where app.ts's
 * compress() would deflate it (browsers all take gzip). This way a request costs no Fetch API Request, Response or
 * Headers, a good part of a small answer's time under load (scripts/bench-load.ts measures it).
 *
 * Before either, the listener refuses a Host it does not answer to (421) and a declared body over the limit (413);
 * no request, whatever it holds, gets past it without an answer or brings the process down.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { answerHeaders } from './app';
import { declaredTooLarge, defaultBodyLimits, readNodeBody, tooLarge } from './body';
import { coverageOfEndpoint, type Endpoint } from './config';
import { cameOverHttps, clientAddress, strictTransportSecurity } from './forwarded';
import { allowedHosts, hostAllowed } from './hosts';
import { type ApiAnswer, type ApiCall, errorAnswer } from './sandbox/answers';
import { codes, SoracomError } from './sandbox/errors';
import type { Sandbox } from './sandbox/sandbox';

/** How long, and for how many bytes, a connection closing on an unread body is drained first (see `send`). */
const linger = { ms: 1000, bytes: 4 * 1024 * 1024 };

/**
 * Sends an answer. When the request's body has not all arrived (refused unread, or cut off at the limit), the
 * connection closes after the answer, so that the client stops sending. It closes after a short drain of what the
 * client still sends, bounded in time and bytes and kept nowhere: a socket closed with unread bytes is reset, and a
 * reset can make the client drop the answer it has not read yet.
 */
function send(request: IncomingMessage, response: ServerResponse, answer: ApiAnswer) {
  // Sandbox answers and the listener's own refusals: API answers, never kept in a cache (as app.ts does for its own).
  const headers = { 'cache-control': 'no-store', ...answer.headers, ...answerHeaders };
  if (request.complete) {
    response.writeHead(answer.status, headers);
    response.end(answer.body ?? undefined);
    return;
  }
  response.writeHead(answer.status, { ...headers, connection: 'close' });
  if (answer.body) response.write(answer.body);
  let drained = 0;
  const close = () => {
    clearTimeout(timer);
    request.off('data', discard);
    if (!response.writableEnded) response.end();
  };
  const discard = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > linger.bytes) close();
  };
  const timer = setTimeout(close, linger.ms);
  request.on('data', discard);
  request.once('end', close);
  request.once('close', close);
  request.resume();
  // A client that already went away (its body broke off) has nothing left to drain.
  if (request.destroyed) close();
}

export interface ListenerOptions {
  /** The host of requests that name none (HTTP/1.0), for the Hono app's URLs. */
  hostname?: string;
  log?: (line: string) => void;
  /** The Host names answered, any port (default: the loopback names, hosts.ts); others get 421. */
  allowedHosts?: ReadonlySet<string>;
  /** The largest body of a request to anything but the sandbox and the gateway (default 1 MiB). */
  bodyLimit?: number;
  /** The largest body of a request the gateway passes to an upstream (default 16 MiB). */
  gatewayBodyLimit?: number;
  /** Whether a reverse proxy's X-Forwarded-For and X-Forwarded-Proto are believed (forwarded.ts; default no). */
  trustProxy?: boolean;
}

/** `fetch` is the Hono app's, for everything but sandbox calls; `sandbox` is null when no endpoint is local. */
export function createListener(
  fetch: Parameters<typeof getRequestListener>[0],
  sandbox: Sandbox | null,
  endpoints: Endpoint[],
  options: ListenerOptions = {},
): RequestListener {
  const viaHono = getRequestListener(fetch, { hostname: options.hostname });
  const locals = sandbox ? endpoints.filter((e) => e.upstream === null) : [];
  const prefixes = locals.map((e) => `/api/${e.id}/v1`);
  const coverages = new Map(locals.map((e) => [`/api/${e.id}/v1`, coverageOfEndpoint(e.id)]));
  const gateways = endpoints.filter((e) => e.upstream !== null).map((e) => `/api/${e.id}/`);
  const hosts = options.allowedHosts ?? allowedHosts('');
  const bodyLimit = options.bodyLimit ?? defaultBodyLimits.sandbox;
  const gatewayBodyLimit = options.gatewayBodyLimit ?? defaultBodyLimits.gateway;
  const trustProxy = options.trustProxy ?? false;

  function failed(request: IncomingMessage, response: ServerResponse, error: unknown) {
    options.log?.(`server: could not answer ${request.method} ${request.url}: ${(error as Error)?.stack ?? error}`);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    try {
      send(
        request,
        response,
        errorAnswer(new SoracomError(500, codes.internal, 'Internal error in the local sandbox.')),
      );
    } catch {
      response.destroy();
    }
  }

  /** Everything but sandbox calls: the Hono app, once a declared body is known to be within the path's limit. */
  function toApp(request: IncomingMessage, response: ServerResponse, path: string) {
    const limit = gateways.some((g) => path.startsWith(g)) ? gatewayBodyLimit : bodyLimit;
    if (declaredTooLarge(request.headers['content-length'], limit)) {
      return send(request, response, errorAnswer(tooLarge(limit)));
    }
    viaHono(request, response).catch((error: unknown) => failed(request, response, error));
  }

  function route(request: IncomingMessage, response: ServerResponse) {
    // Merged into whatever headers the answer is written with, on either path.
    if (cameOverHttps(request, trustProxy)) response.setHeader('strict-transport-security', strictTransportSecurity);
    if (!hostAllowed(request.headers.host, hosts)) {
      const message = 'This server does not answer to that host name (see --allowed-hosts).';
      return send(request, response, errorAnswer(new SoracomError(421, codes.misdirected, message)));
    }
    const raw = request.url ?? '/';
    const path = raw.split('?', 1)[0] as string;
    const prefix = prefixes.find((p) => raw.startsWith(p));
    // A backslash in the path is refused by the Hono side (400): leave such requests to it.
    // The same URL parse as app.ts's route (dot segments resolved), so a path is the sandbox's only if it is there.
    const url = prefix !== undefined && !path.includes('\\') ? new URL(raw, 'http://server.local') : null;
    if (
      sandbox === null ||
      prefix === undefined ||
      url === null ||
      !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))
    ) {
      return toApp(request, response, path);
    }
    const call: ApiCall = {
      method: request.method ?? 'GET',
      pathname: url.pathname.slice(prefix.length) || '/',
      query: url.searchParams,
      header: (name) => {
        const value = request.headers[name];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
      text: (limit) => readNodeBody(request, limit),
      clientIp: clientAddress(request, trustProxy),
      coverage: coverages.get(prefix),
    };
    // The sandbox answers every error itself; what can still fail is writing the answer out.
    sandbox
      .answer(call)
      .then((answer) => send(request, response, answer))
      .catch((error: unknown) => failed(request, response, error));
  }

  return (request, response) => {
    try {
      route(request, response);
    } catch (error) {
      failed(request, response, error);
    }
  };
}

/**
 * For the server's `clientError` event: a request Node's HTTP parser refuses (malformed, headers too large, too slow)
 * gets SORACOM's `{code, message}` and the security headers, like every other answer, instead of Node's bare 400.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request took too long to arrive.']
        : [400, 'Bad Request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ code: status === 400 ? codes.badRequest : `COM0${status}`, message });
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    ...answerHeaders,
    connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head.join('')}\r\n${body}`);
}
