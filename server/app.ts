/** The one HTTP application: console, API gateway (`/api/<endpoint>/v1/*`) and the local sandbox behind it. */
import type { IncomingMessage } from 'node:http';
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { defaultBodyLimits } from './body';
import { coverageOfEndpoint, type Endpoint, endpointCoverage } from './config';
import { clientAddress } from './forwarded';
import { type HealthState, health } from './health';
import { isLoopbackAddress } from './hosts';
import { languageOf } from './preload';
import { createProxy } from './proxy';
import type { CoverageType } from './sandbox/coverage';
import type { Sandbox } from './sandbox/sandbox';
import { contentSecurityPolicy, newNonce, securityHeaders } from './security';
import { createStatic, isBuildMetadata } from './static';

export interface AppOptions {
  endpoints: Endpoint[];
  /** The local sandbox; none when no endpoint is local (gateway only). */
  sandbox?: Sandbox;
  distDir: string;
  upstreamTimeoutMs: number;
  /** The largest request body the gateway passes to an upstream (default 16 MiB). */
  gatewayBodyLimit?: number;
  /** Where an error no route answered is logged (default: nowhere). */
  log?: (line: string) => void;
  /** Whether X-Forwarded-For names the client (forwarded.ts; default: no). */
  trustProxy?: boolean;
  /** What `GET /healthz` reports (default: running, with a sandbox when one is given). */
  health?: HealthState;
}

type Gateway = (request: Request, rest: string, clientIp: string) => Promise<Response>;

/**
 * The caller's address, from the socket (@hono/node-server puts the Node request in `c.env.incoming`), or from a
 * trusted proxy's X-Forwarded-For; 'unknown' when there is none, as with `app.request()` in tests.
 */
function clientIp(c: Context, trustProxy: boolean): string {
  const incoming = (c.env as { incoming?: Pick<IncomingMessage, 'socket' | 'headers'> } | undefined)?.incoming;
  return incoming ? clientAddress(incoming, trustProxy) : 'unknown';
}

const notFoundJson = (message: string) =>
  new Response(JSON.stringify({ code: 'COM0004', message }), {
    status: 404,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/**
 * The headers of every answer (lower-case names): the security headers and the Content-Security-Policy. The console's
 * page gets a new style nonce in its policy; every other answer (API, files, errors) has no use for one and gets
 * this policy without it, made once. server/listener.ts gives sandbox answers the same.
 */
export const answerHeaders: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({ ...securityHeaders, 'Content-Security-Policy': contentSecurityPolicy(null) }).map(
    ([name, value]) => [name.toLowerCase(), value],
  ),
);

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const files = createStatic(options.distDir);
  const local = options.sandbox;
  const sandbox =
    (coverage: CoverageType): Gateway =>
    (request, rest, ip) => {
      if (!local) throw new Error('An endpoint without an upstream needs the sandbox.');
      return local.handle(request, rest, ip, coverage);
    };
  const trustProxy = options.trustProxy ?? false;
  const state: HealthState = options.health ?? { stopping: () => false, sandboxOpen: () => (local ? true : null) };
  const gateways = new Map<string, Gateway>(
    options.endpoints.map((e) => [
      e.id,
      e.upstream === null
        ? sandbox(coverageOfEndpoint(e.id))
        : createProxy(e.upstream, options.upstreamTimeoutMs, options.gatewayBodyLimit ?? defaultBodyLimits.gateway),
    ]),
  );

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(answerHeaders)) c.res.headers.set(name, value);
    const nonce = c.get('nonce' as never) as string | undefined;
    if (nonce) c.res.headers.set('content-security-policy', contentSecurityPolicy(nonce));
    // API answers (the sandbox's, an upstream's through the gateway, the mailbox) carry credentials and account data:
    // no cache, shared or private, keeps them. Upstream caching headers are not passed on (proxy.ts).
    if (c.req.path.startsWith('/api/') && !c.res.headers.has('cache-control')) {
      c.res.headers.set('cache-control', 'no-store');
    }
  });

  // No request may bring the process down or get an answer in another shape: what no route caught is a 500 in
  // SORACOM's shape, and logged.
  // What no route takes (a POST to a page, say): 404 in SORACOM's shape rather than Hono's plain text.
  app.notFound(() => notFoundJson('Not found.'));

  app.onError((error, c) => {
    options.log?.(`server: internal error on ${c.req.method} ${c.req.path}: ${error.stack ?? error}`);
    return c.json({ code: 'COM0500', message: 'Internal server error.' }, 500);
  });

  // The console's scripts and styles, and API answers, gzipped for clients that accept it (about a third of the bytes).
  app.use('*', compress());

  app.get('/healthz', (c) => {
    const { code, body } = health(state);
    c.header('Cache-Control', 'no-store');
    return c.json(body, code);
  });

  // Each endpoint with its coverage, and its twin (the same account's other coverage) when that is offered too.
  const offered = new Set(options.endpoints.map((e) => e.id));
  app.get('/api/endpoints', (c) =>
    c.json({
      endpoints: options.endpoints.map((e) => {
        const twin = endpointCoverage[e.id]?.twin;
        return {
          id: e.id,
          upstream: e.upstream,
          coverage: coverageOfEndpoint(e.id),
          ...(twin && offered.has(twin) ? { twin } : {}),
        };
      }),
    }),
  );

  // The local sandbox's mailbox (not a SORACOM operation): the mails it "sent", newest first.
  if (local && options.endpoints.some((e) => e.upstream === null)) {
    app.get('/api/local/mailbox', (c) => {
      // It hands out sign-up and reset links: only to this machine, even when the server listens more widely, and
      // to no one when the caller's address is unknown.
      if (!isLoopbackAddress(clientIp(c, trustProxy))) return notFoundJson('No such API.');
      c.header('Cache-Control', 'no-store');
      return c.json({ mails: local.mailbox(c.req.query('email') || undefined) });
    });

    // Event handler executions (not a SORACOM operation: the description has none; guesses.eventHandlerRuns), for the
    // signed-in caller: same headers and permission as listEventHandlers.
    app.get('/api/local/event_handler_executions', async (c) => {
      const res = await local.executions(c.req.raw, clientIp(c, trustProxy));
      res.headers.set('Cache-Control', 'no-store');
      return res;
    });

    // Files the sandbox exported (bills, statements, usage): the random token in the path is the credential, as in
    // a presigned URL, so the browser can simply navigate to it. Tokens expire (guesses.exportedFiles).
    app.get('/api/local/downloads/:token', (c) => {
      const file = local.download(c.req.param('token'));
      if (!file) return notFoundJson('No such file, or its link has expired.');
      return new Response(file.content, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
          'cache-control': 'private, no-store',
        },
      });
    });
  }

  app.all('/api/:endpoint/v1/*', (c) => {
    const endpoint = c.req.param('endpoint');
    const gateway = gateways.get(endpoint);
    if (!gateway) return notFoundJson(`No API endpoint "${endpoint}" is offered here.`);
    const rest = new URL(c.req.url).pathname.slice(`/api/${endpoint}/v1`.length) || '/';
    return gateway(c.req.raw, rest, clientIp(c, trustProxy));
  });
  app.all('/api/*', () => notFoundJson('No such API.'));

  app.get('*', async (c) => {
    const pathname = new URL(c.req.url).pathname;
    // The build's manifest (/.vite/), source maps and any other dot-path describe the build, not the console.
    if (isBuildMetadata(pathname)) return c.text('Not found', 404);
    if (pathname !== '/' && pathname !== '/index.html') {
      const file = await files.file(pathname, c.req.header('accept-encoding') ?? '');
      if (file) return file;
      if (pathname.startsWith('/assets/')) return c.text('Not found', 404);
    }
    const nonce = newNonce();
    c.set('nonce' as never, nonce as never);
    return files.index(nonce, pathname, languageOf(c.req.header('accept-language')));
  });

  return app;
}
