/** Server configuration from the command line and the environment. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultBodyLimits } from './body';
import { guessSessionSimulator, rateLimit, type SandboxOpsMode, sandboxOpsModes } from './sandbox/guesses';
import { passwordCost } from './sandbox/store/secrets';

export interface Endpoint {
  id: string;
  /** Base URL of the SORACOM API this endpoint proxies to; null for the embedded sandbox. */
  upstream: string | null;
}

export const knownEndpoints: readonly Endpoint[] = [
  { id: 'local', upstream: null },
  { id: 'local-g', upstream: null },
  { id: 'jp', upstream: 'https://api.soracom.io/v1' },
  { id: 'g', upstream: 'https://g.api.soracom.io/v1' },
  { id: 'sandbox-jp', upstream: 'https://api-sandbox.soracom.io/v1' },
  { id: 'sandbox-g', upstream: 'https://g.api-sandbox.soracom.io/v1' },
];

/**
 * The coverage each known endpoint serves and the same account's endpoint in the other coverage: a token got from
 * one works on its twin (SORACOM's accounts span both; the local sandbox's two endpoints share one database,
 * sandbox/coverage.ts). An endpoint not listed serves Japan coverage and has no twin.
 */
export const endpointCoverage: Readonly<Record<string, { coverage: 'jp' | 'g'; twin: string }>> = {
  local: { coverage: 'jp', twin: 'local-g' },
  'local-g': { coverage: 'g', twin: 'local' },
  jp: { coverage: 'jp', twin: 'g' },
  g: { coverage: 'g', twin: 'jp' },
  'sandbox-jp': { coverage: 'jp', twin: 'sandbox-g' },
  'sandbox-g': { coverage: 'g', twin: 'sandbox-jp' },
};

/** The coverage an endpoint serves. */
export const coverageOfEndpoint = (id: string): 'jp' | 'g' => endpointCoverage[id]?.coverage ?? 'jp';

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
  /** Seconds after which the sandbox ships a confirmed order by itself; 0 for never (ship with the API). */
  autoShip: number;
  /** Milliseconds the sandbox waits before answering each API call, to stand in for a network; 0 for none. */
  latency: number;
  /** The largest request body in bytes, for the sandbox and everything but the gateway. */
  bodyLimit: number;
  /** The largest request body in bytes the gateway passes to an upstream. */
  gatewayBodyLimit: number;
  /** Host names answered besides the loopback names and `host` (see hosts.ts). */
  allowedHosts: string[];
  /** Who may call the sandbox-only operations that need no sign-in (guesses.sandboxOpsModes). */
  sandboxOps: SandboxOpsMode;
  /** scrypt's N for new password hashes in the sandbox (r and p as in store/secrets.passwordCost). */
  passwordCost: number;
  /** How each request's log line is written: one JSON object, or words for a person at a terminal. */
  logFormat: LogFormat;
  /** Whether a reverse proxy in front sets X-Forwarded-For and X-Forwarded-Proto (forwarded.ts). */
  trustProxy: boolean;
  /** Seconds a stopping server waits for requests in flight before it cuts them off. */
  shutdownGraceSeconds: number;
}

export type LogFormat = 'json' | 'text';

/** Whether the server runs the local sandbox (and so opens its database): it does when an endpoint has no upstream. */
export const hasSandbox = (config: Pick<Config, 'endpoints'>): boolean =>
  config.endpoints.some((e) => e.upstream === null);

/** A benchmark's stand-in for a network: a minute's wait per call would only look like a hang. */
export const maxLatencyMs = 10_000;

export const usage = `Usage: npm start [-- options]   (after npm run build; or npm run serve -- options, from the sources)

Serves the SORACOM console, a same-origin gateway to the SORACOM API, and a local SORACOM API sandbox.

Options (each also read from the environment variable shown):
  --port N          PORT              port to listen on (default 8080)
  --host ADDR       HOST              address to listen on (default 127.0.0.1)
  --db FILE         SANDBOX_DB        sandbox database file, or :memory: (default .data/sandbox.db)
  --fleet N         SANDBOX_FLEET     SIMs in the demo fleet seeded into a new database, up to 100000 (default 1000)
  --endpoints LIST  ENDPOINTS         endpoints to offer, comma-separated (default local,local-g,jp,g,sandbox-jp,sandbox-g);
                                      without local and local-g, the sandbox database is never opened
  --gateway-only    GATEWAY_ONLY=1    no local sandbox: the console and the gateway only, keeping nothing on disk, so
                                      any number of instances can serve behind a load balancer (the default
                                      endpoints without local and local-g)
                    ENDPOINT_URL_<ID> another upstream for an endpoint, e.g. ENDPOINT_URL_SANDBOX_JP=http://127.0.0.1:9000/v1
                    UPSTREAM_TIMEOUT_MS  how long to wait for an upstream answer (default 30000)
  --rate-limit N    SANDBOX_RATE_LIMIT  requests per minute per client IP to each of the sandbox's sign-in, sign-up,
                                      password-reset and MFA-recovery operations and the --sandbox-ops ones, at least 1
                                      (default ${rateLimit.limit})
  --session-interval N  SANDBOX_SESSION_INTERVAL  seconds between simulated session changes (a few SIMs go online or
                                      offline), 0 for none (default ${guessSessionSimulator.intervalMs / 1000})
  --auto-ship N     SANDBOX_AUTO_SHIP  seconds after which the sandbox ships a confirmed order by itself, as
                                      POST /sandbox/orders/ship would; 0 for never (default 0)
  --latency N       SANDBOX_LATENCY   milliseconds the sandbox waits before answering each API call, to stand in
                                      for the internet between a browser and SORACOM (benchmarks); at most
                                      ${maxLatencyMs} (default 0)
  --body-limit N    BODY_LIMIT        largest request body in bytes (or with k/m: 64k, 2m) for the sandbox and
                                      everything but the gateway; larger ones get 413 (default 1m)
  --gateway-body-limit N  GATEWAY_BODY_LIMIT  largest request body the gateway passes to an upstream (default 16m)
  --allowed-hosts LIST  ALLOWED_HOSTS  more host names to answer, comma-separated (e.g. console.example.com); the
                                      server always answers 127.0.0.1, localhost, [::1] and the --host address, any
                                      port, and refuses other names with 421 (a page rebinding its name to this
                                      machine cannot read it)
  --sandbox-ops MODE  SANDBOX_OPS     who may call POST /sandbox/init and POST /sandbox/operators/token/{email},
                                      which need no sign-in: open (anyone), loopback (this machine only; others get
                                      403) or off (404 for everyone) (default loopback); rate-limited like sign-in
  --password-cost N  SANDBOX_PASSWORD_COST  scrypt's N for the sandbox's password hashes, a power of two from
                                      1024 to 1048576 (default ${passwordCost.N}, OWASP's figure); a hash made at a
                                      lower N is made again at the next sign-in
  --trust-proxy     TRUST_PROXY=1     a reverse proxy in front sets X-Forwarded-For (the client address for logs
                                      and rate limits: the last address in it) and X-Forwarded-Proto (https: answers
                                      get Strict-Transport-Security); without it both headers are ignored
  --log-format F    LOG_FORMAT        json or text: one line per request, on standard output (default json, or text
                                      when the output is a terminal)
  --shutdown-grace N  SHUTDOWN_GRACE  seconds to let requests in flight finish on SIGTERM or SIGINT before closing
                                      (default 10)
                    SANDBOX_VALIDATE_ANSWERS=FILE  for test runs: checks every sandbox answer against the description
                                      and reports each that does not fit on stderr and as a JSON line in FILE
  --help            print this help

GET /healthz answers 200 {"status":"ok",...} while the server takes requests, 503 once it is stopping.
`;

function port(n: number): number {
  if (n > 65_535) throw new Error(`port must be at most 65535, not ${n}`);
  return n;
}

/** `terminal`: whether standard output is a terminal (then request lines default to text). */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv, terminal = false): Config | 'help' {
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
      'auto-ship': { type: 'string' },
      latency: { type: 'string' },
      'body-limit': { type: 'string' },
      'gateway-body-limit': { type: 'string' },
      'allowed-hosts': { type: 'string' },
      'sandbox-ops': { type: 'string' },
      'password-cost': { type: 'string' },
      'gateway-only': { type: 'boolean' },
      'trust-proxy': { type: 'boolean' },
      'log-format': { type: 'string' },
      'shutdown-grace': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const number = (value: string | undefined, fallback: number, name: string) => {
    const n = value === undefined || value === '' ? fallback : Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
    return n;
  };
  const gatewayOnly = values['gateway-only'] ?? flag(env.GATEWAY_ONLY, 'GATEWAY_ONLY');
  const defaults = knownEndpoints.filter((e) => !gatewayOnly || e.upstream !== null).map((e) => e.id);
  const wanted = (values.endpoints ?? env.ENDPOINTS ?? defaults.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (gatewayOnly && wanted.some((id) => knownEndpoints.some((e) => e.id === id && e.upstream === null))) {
    throw new Error('--gateway-only offers no local endpoint');
  }
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
    autoShip: number(values['auto-ship'] ?? env.SANDBOX_AUTO_SHIP, 0, 'auto ship'),
    latency: atMost(number(values.latency ?? env.SANDBOX_LATENCY, 0, 'latency'), maxLatencyMs, 'latency'),
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
    sandboxOps: sandboxOpsMode(values['sandbox-ops'] ?? env.SANDBOX_OPS),
    passwordCost: powerOfTwo(
      number(values['password-cost'] ?? env.SANDBOX_PASSWORD_COST, passwordCost.N, 'password cost'),
    ),
    logFormat: logFormat(values['log-format'] ?? env.LOG_FORMAT, terminal ? 'text' : 'json'),
    trustProxy: values['trust-proxy'] ?? flag(env.TRUST_PROXY, 'TRUST_PROXY'),
    shutdownGraceSeconds: number(values['shutdown-grace'] ?? env.SHUTDOWN_GRACE, 10, 'shutdown grace'),
  };
}

/**
 * Loopback by default: the sandbox's own operations make accounts without a sign-up mail, which only this machine's
 * tests and scripts need; a server reachable from elsewhere should not offer that to everyone.
 */
function sandboxOpsMode(value: string | undefined): SandboxOpsMode {
  if (value === undefined || value === '') return 'loopback';
  const mode = sandboxOpsModes.find((m) => m === value.trim().toLowerCase());
  if (!mode) throw new Error(`sandbox-ops must be one of ${sandboxOpsModes.join(', ')}, not "${value}"`);
  return mode;
}

function powerOfTwo(n: number): number {
  if (n < 1024 || n > 1_048_576 || !Number.isInteger(Math.log2(n))) {
    throw new Error(`password cost must be a power of two from 1024 to 1048576, not ${n}`);
  }
  return n;
}

function logFormat(value: string | undefined, fallback: LogFormat): LogFormat {
  if (value === undefined || value === '') return fallback;
  if (value !== 'json' && value !== 'text') throw new Error(`log format must be json or text, not "${value}"`);
  return value;
}

/** An on/off environment variable: 1, true, yes or on; 0, false, no, off or empty. */
function flag(value: string | undefined, name: string): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['', '0', 'false', 'no', 'off'].includes(v)) return false;
  throw new Error(`${name} must be 1 or 0 (true or false), not "${value}"`);
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

function atMost(n: number, max: number, what: string): number {
  if (n > max) throw new Error(`${what} must be at most ${max}, not ${n}`);
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
