/**
 * Contract testing for the local sandbox: every request goes through the sandbox dispatcher exactly as the gateway
 * would hand it over, and every response is checked against openapi/soracom.json before a test sees it (the rules
 * are in sandbox/answerContract.ts). A violation throws a ContractViolation, which fails the test with the request,
 * the status and the body.
 */
import { AnswerContract as Contract } from '../sandbox/answerContract';
import { type Db, openDb, openDbImage } from '../sandbox/db';
import type { RateLimitOptions } from '../sandbox/rateLimit';
import { createSandbox, type Sandbox } from '../sandbox/sandbox';
import { demo, seedDemo } from '../sandbox/seed';
import { loadSpec, type OpenApiDocument, SpecRouter } from '../sandbox/spec';
import type { Mail } from '../sandbox/store/mailbox';
import type { ScryptCost } from '../sandbox/store/secrets';

export interface Credentials {
  apiKey: string;
  token: string;
}

export interface CallOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, instead of `body` (for malformed JSON and the like). */
  raw?: string;
  headers?: Record<string, string>;
  /** Adds `X-Soracom-API-Key` and `X-Soracom-Token`. */
  auth?: Credentials;
  /** The client IP the gateway hands over (default 'unknown', as for a request without a socket). */
  ip?: string;
  /** The coverage of the endpoint called: `g` as the gateway's `local-g` (default `jp`, `local`). */
  coverage?: 'jp' | 'g';
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when the response has none. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields; the contract check already typed them.
  body: any;
  text: string;
  /** The operation the request matched in the description, if any. */
  operationId: string | undefined;
}

export { AnswerContract as Contract, ContractViolation } from '../sandbox/answerContract';

const base = 'http://sandbox.test/api/local/v1';

// One description, one request router and one response validator for all sandboxes of a test run: compiling them
// is the slow part of starting a sandbox.
let shared: { spec: OpenApiDocument; router: SpecRouter; contract: Contract } | undefined;
function resources() {
  if (!shared) {
    const spec = loadSpec();
    shared = { spec, router: new SpecRouter(spec), contract: new Contract(spec) };
  }
  return shared;
}

export interface Clock {
  now: number;
  advance(ms: number): void;
}

export interface ContractSandboxOptions {
  /** SIMs in the seeded demo fleet (default 30). */
  fleet?: number;
  /** Start time of the controllable clock (default 2026-01-15T00:00:00Z). */
  now?: number;
  /** Use this database instead of a fresh in-memory one. */
  db?: Db;
  /** Seed the demo data (default true). */
  seed?: boolean;
  /** Rate limits of the sandbox (default guesses.rateLimit). */
  rateLimit?: RateLimitOptions;
  /** Base of the links in mails (default the sandbox's). */
  publicUrl?: string;
  /** scrypt's cost for passwords (default testPasswordCost). */
  passwordCost?: ScryptCost;
}

/**
 * Tests hash passwords at a low cost: at the server's (OWASP's, store/secrets.passwordCost) each sign-in would take
 * most of a second. secrets.test.ts and passwordRehash.test.ts test the server's cost itself.
 */
export const testPasswordCost: ScryptCost = { N: 2 ** 12, r: 8, p: 1 };

export interface ContractSandbox {
  db: Db;
  clock: Clock;
  sandbox: Sandbox;
  fleet: number;
  /** Log lines the sandbox wrote (internal errors end up here). */
  logs: string[];
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** The local mailbox, newest first. */
  mailbox(email?: string): Mail[];
  /** The token of the newest mail of `kind` to `email` that has a link; fails the test when there is none. */
  mailedToken(email: string, kind: Mail['kind']): string;
  /** POST /auth as the demo root account; fails the test unless it answers 200. */
  loginRoot(): Promise<Credentials & { operatorId: string }>;
  /** POST /sandbox/init with fresh, unique credentials; fails the test unless it answers 201. */
  newOperator(): Promise<
    Credentials & { operatorId: string; email: string; password: string; authKeyId: string; authKey: string }
  >;
}

let unique = 0;

/**
 * Seeding hashes the demo passwords (slow on purpose) and builds the fleet: done once per fleet size and start time,
 * and every fresh in-memory sandbox starts from a copy. The seed is deterministic, so a copy is what seeding gives.
 */
const seededImages = new Map<string, Buffer>();
function seededImage(fleet: number, now: number): Buffer {
  const key = `${fleet}@${now}`;
  let image = seededImages.get(key);
  if (!image) {
    const db = openDb(':memory:');
    seedDemo(db, { fleet, now, passwordCost: testPasswordCost });
    image = db.serialize();
    db.close();
    seededImages.set(key, image);
  }
  return image;
}

export function createContractSandbox(options: ContractSandboxOptions = {}): ContractSandbox {
  const { router, contract } = resources();
  const fleet = options.fleet ?? 30;
  const clock: Clock = {
    now: options.now ?? Date.UTC(2026, 0, 15),
    advance(ms) {
      this.now += ms;
    },
  };
  const seed = options.seed ?? true;
  let db: Db;
  if (options.db) {
    db = options.db;
    if (seed) seedDemo(db, { fleet, now: clock.now, passwordCost: options.passwordCost ?? testPasswordCost });
  } else {
    db = seed ? openDbImage(seededImage(fleet, clock.now)) : openDb(':memory:');
  }
  const logs: string[] = [];
  const sandbox = createSandbox({
    db,
    router,
    now: () => clock.now,
    log: (line) => logs.push(line),
    rateLimit: options.rateLimit,
    publicUrl: options.publicUrl,
    passwordCost: options.passwordCost ?? testPasswordCost,
  });

  async function call(method: string, path: string, callOptions: CallOptions = {}): Promise<CallResult> {
    const headers = new Headers(callOptions.headers);
    if (callOptions.auth) {
      headers.set('X-Soracom-API-Key', callOptions.auth.apiKey);
      headers.set('X-Soracom-Token', callOptions.auth.token);
    }
    let payload: string | undefined = callOptions.raw;
    if (payload === undefined && callOptions.body !== undefined) payload = JSON.stringify(callOptions.body);
    if (payload !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    const request = new Request(`${base}${path}`, { method, headers, body: payload });
    // The same cut the gateway makes: the raw (still percent-encoded) path after `/v1`.
    const pathname = new URL(request.url).pathname.slice(new URL(base).pathname.length);
    const response = await sandbox.handle(request, pathname, callOptions.ip, callOptions.coverage);
    const text = await response.text();
    contract.check(method, pathname, { status: response.status, headers: response.headers, text });
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? undefined : JSON.parse(text),
      text,
      operationId: contract.find(method, pathname)?.operation.operationId,
    };
  }

  const expectStatus = (result: CallResult, status: number, what: string) => {
    if (result.status !== status) throw new Error(`${what}: expected ${status}, got ${result.status} ${result.text}`);
  };

  return {
    db,
    clock,
    sandbox,
    fleet,
    logs,
    call,
    mailbox: (email) => sandbox.mailbox(email),
    mailedToken(email, kind) {
      const mail = sandbox.mailbox(email).find((m) => m.kind === kind && m.link !== null);
      const token = mail?.link ? new URL(mail.link, 'http://console.test').searchParams.get('token') : null;
      if (!token) throw new Error(`no ${kind} mail with a token to ${email}`);
      return token;
    },
    async loginRoot() {
      const result = await call('POST', '/auth', { body: { email: demo.email, password: demo.password } });
      expectStatus(result, 200, 'root login');
      return result.body;
    },
    async newOperator() {
      unique += 1;
      const id = `${process.pid}-${unique}-${Math.random().toString(36).slice(2, 8)}`;
      const input = {
        email: `operator-${id}@example.com`,
        password: `password-${id}`,
        authKeyId: `keyId-${id}`,
        authKey: `secret-${id}`,
      };
      const result = await call('POST', '/sandbox/init', { body: input });
      expectStatus(result, 201, 'sandbox init');
      return { ...input, ...result.body };
    },
  };
}

export { demo };
