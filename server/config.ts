/** Server configuration from the command line and the environment. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultBodyLimits } from './body';
import { guessSessionSimulator, rateLimit } from './sandbox/guesses';

export interface Endpoint {
  id: string;
  /** Base URL of the SORACOM API this endpoint proxies to; null for the embedded sandbox. */
  upstream: string | null;
}

export const knownEndpoints: readonly Endpoint[] = [
  { id: 'local', upstream: null },
  { id: 'jp', upstream: 'https://api.soracom.io/v1' },
  { id: 'g', upstream: 'https://g.api.soracom.io/v1' },
  { id: 'sandbox-jp', upstream: 'https://api-sandbox.soracom.io/v1' },
  { id: 'sandbox-g', upstream: 'https://g.api-sandbox.soracom.io/v1' },
];

export interface Config {
  port: number;
  host: string;
  sandboxDb: string;
  fleet: number;
  endpoints: Endpoint[];
  upstreamTimeoutMs: number;
  distDir: string;
  /** Requests per minute per client IP to each rate-limited sandbox operation (sign-in, sign-up, resets). */
  rateLimit: number;
  /** Seconds between the sandbox's simulated session changes on the demo fleet; 0 for none. */
  sessionInterval: number;
  /** The largest request body in bytes, for the sandbox and everything but the gateway. */
  bodyLimit: number;
  /** The largest request body in bytes the gateway passes to an upstream. */
  gatewayBodyLimit: number;
  /** Host names answered besides the loopback names and `host` (see hosts.ts). */
  allowedHosts: string[];
}

export const usage = `Usage: npm start [-- options]   (or: npm run serve -- options, to skip the build)

Serves the SORACOM console, a same-origin gateway to the SORACOM API, and a local SORACOM API sandbox.

Options (each also read from the environment variable shown):
  --port N          PORT              port to listen on (default 8080)
  --host ADDR       HOST              address to listen on (default 127.0.0.1)
  --db FILE         SANDBOX_DB        sandbox database file, or :memory: (default .data/sandbox.db)
  --fleet N         SANDBOX_FLEET     SIMs in the demo fleet seeded into a new database, up to 100000 (default 1000)
  --endpoints LIST  ENDPOINTS         endpoints to offer, comma-separated (default local,jp,g,sandbox-jp,sandbox-g)
                    ENDPOINT_URL_<ID> another upstream for an endpoint, e.g. ENDPOINT_URL_SANDBOX_JP=http://127.0.0.1:9000/v1
                    UPSTREAM_TIMEOUT_MS  how long to wait for an upstream answer (default 30000)
  --rate-limit N    SANDBOX_RATE_LIMIT  requests per minute per client IP to each of the sandbox's sign-in, sign-up,
                                      password-reset and MFA-recovery operations, at least 1 (default ${rateLimit.limit})
  --session-interval N  SANDBOX_SESSION_INTERVAL  seconds between simulated session changes (a few SIMs go online or
                                      offline), 0 for none (default ${guessSessionSimulator.intervalMs / 1000})
  --body-limit N    BODY_LIMIT        largest request body in bytes (or with k/m: 64k, 2m) for the sandbox and
                                      everything but the gateway; larger ones get 413 (default 1m)
  --gateway-body-limit N  GATEWAY_BODY_LIMIT  largest request body the gateway passes to an upstream (default 16m)
  --allowed-hosts LIST  ALLOWED_HOSTS  more host names to answer, comma-separated (e.g. console.example.com); the
                                      server always answers 127.0.0.1, localhost, [::1] and the --host address, any
                                      port, and refuses other names with 421 (a page rebinding its name to this
                                      machine cannot read it)
                    SANDBOX_VALIDATE_ANSWERS=FILE  for test runs: checks every sandbox answer against the description
                                      and reports each that does not fit on stderr and as a JSON line in FILE
  --help            print this help
`;

function port(n: number): number {
  if (n > 65_535) throw new Error(`port must be at most 65535, not ${n}`);
  return n;
}

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): Config | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      fleet: { type: 'string' },
      endpoints: { type: 'string' },
      'rate-limit': { type: 'string' },
      'session-interval': { type: 'string' },
      'body-limit': { type: 'string' },
      'gateway-body-limit': { type: 'string' },
      'allowed-hosts': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const number = (value: string | undefined, fallback: number, name: string) => {
    const n = value === undefined || value === '' ? fallback : Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
    return n;
  };
  const wanted = (values.endpoints ?? env.ENDPOINTS ?? knownEndpoints.map((e) => e.id).join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const endpoints = wanted.map((id) => {
    const known = knownEndpoints.find((e) => e.id === id);
    if (!known) throw new Error(`unknown endpoint "${id}"; known: ${knownEndpoints.map((e) => e.id).join(', ')}`);
    const override = env[`ENDPOINT_URL_${id.toUpperCase().replaceAll('-', '_')}`];
    return { id, upstream: known.upstream === null ? null : override || known.upstream };
  });
  return {
    port: port(number(values.port ?? env.PORT, 8080, 'port')),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    sandboxDb: values.db ?? env.SANDBOX_DB ?? '.data/sandbox.db',
    fleet: number(values.fleet ?? env.SANDBOX_FLEET, 1000, 'fleet'),
    endpoints,
    upstreamTimeoutMs: number(env.UPSTREAM_TIMEOUT_MS, 30_000, 'UPSTREAM_TIMEOUT_MS'),
    distDir: env.DIST_DIR ? resolve(env.DIST_DIR) : resolve(import.meta.dirname, '../dist'),
    rateLimit: atLeastOne(number(values['rate-limit'] ?? env.SANDBOX_RATE_LIMIT, rateLimit.limit, 'rate limit')),
    sessionInterval: number(
      values['session-interval'] ?? env.SANDBOX_SESSION_INTERVAL,
      guessSessionSimulator.intervalMs / 1000,
      'session interval',
    ),
    bodyLimit: bytes(values['body-limit'] ?? env.BODY_LIMIT, defaultBodyLimits.sandbox, 'body limit'),
    gatewayBodyLimit: bytes(
      values['gateway-body-limit'] ?? env.GATEWAY_BODY_LIMIT,
      defaultBodyLimits.gateway,
      'gateway body limit',
    ),
    allowedHosts: (values['allowed-hosts'] ?? env.ALLOWED_HOSTS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** A size in bytes: a whole number, optionally with k or m (KiB, MiB); at least 1. */
function bytes(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const match = /^(\d+)\s*([km]?)i?b?$/i.exec(value.trim());
  const n = match ? Number(match[1]) * ({ '': 1, k: 1024, m: 1024 * 1024 }[match[2]?.toLowerCase() ?? ''] ?? 1) : 0;
  if (!match || n < 1 || !Number.isSafeInteger(n)) {
    throw new Error(`${name} must be a number of bytes (such as 1048576, 64k or 2m), not "${value}"`);
  }
  return n;
}

function atLeastOne(n: number): number {
  if (n < 1) throw new Error(`rate limit must be at least 1, not ${n}`);
  return n;
}

/** The address the server is reached at, for links (in mails): a wildcard listen address is reached at loopback. */
export function publicUrl(config: Pick<Config, 'host' | 'port'>): string {
  const host =
    config.host === '0.0.0.0' || config.host === '' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}
