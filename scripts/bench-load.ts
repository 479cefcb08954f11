/**
 * Load benchmark of the local sandbox: starts the server on a temporary database seeded with a 100,000-SIM fleet,
 * signs in as the demo root account, then loads SIM list pages, deep pages, single SIMs and `/query/sims` searches
 * with autocannon (50 connections, a warm-up, then a fixed duration per scenario). Writes
 * bench/results/load.json and prints a table. Not a test: it fails only when the run itself cannot be done.
 *
 *   npm run bench:load [-- --fleet 100000 --connections 50 --duration 10 --warmup 2 --port 8190 --db FILE
 *                          --only list,search --profile --server-root DIR --accept-encoding identity --out FILE]
 *
 * `--db FILE` reuses (or creates and keeps) a seeded database, which saves the seeding time between runs;
 * `--profile` runs the server with `--cpu-prof` and prints where the profile went.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demo } from '../server/sandbox/seed';
import { type Scenario, samples, scenarios } from './bench-load-scenarios';

/** The part of autocannon's API used here (the package ships no types). */
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface Histogram {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  average: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  throughput: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    fleet: { type: 'string', default: '100000' },
    /** SIMs per list or search page (the description's default for /query/sims is 10, its maximum 100). */
    limit: { type: 'string', default: '100' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    port: { type: 'string', default: '8190' },
    db: { type: 'string' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'bench/results/load.json') },
    /** Another checkout's server to load (its `server/main.ts`), to compare before and after a change. */
    'server-root': { type: 'string', default: root },
    /** The Accept-Encoding header sent (`identity`: answers come uncompressed). */
    'accept-encoding': { type: 'string', default: 'gzip, deflate, br' },
  },
});
const fleet = Number(args.fleet);
const pageSize = String(Number(args.limit));
const connections = Number(args.connections);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
/** By default what the console's browser sends: answers over 1 KB come gzipped, as in real use. */
const acceptEncoding = args['accept-encoding'];

/** The first port from `from` that nothing listens on. */
async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((done) => {
      const probe = createServer();
      probe.once('error', () => done(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${from + 99}`);
}

/** Starts `server/main.ts`; resolves once it listens (seeding a new database first can take a while). */
function startServer(port: number, dbFile: string, profileDir: string | null): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      String(port),
      '--db',
      dbFile,
      '--fleet',
      String(fleet),
      '--endpoints',
      'local',
    ],
    {
      cwd: resolve(args['server-root']),
      env: { ...process.env, SANDBOX_RATE_LIMIT: '1000000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    log.splice(0, Math.max(0, log.length - 40));
  };
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`the server did not start in 10 minutes:\n${log.join('\n')}`)),
      600_000,
    );
    // The banner goes to standard error when standard output is not a terminal (it carries the request log).
    const watch = (chunk: Buffer) => {
      keep(chunk);
      const text = chunk.toString();
      const seeded = /Seeded the demo fleet: .*/.exec(text);
      if (seeded) console.log(seeded[0]);
      if (text.includes('SORACOM console:')) {
        clearTimeout(timer);
        done(child);
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}) before listening:\n${log.join('\n')}`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

interface Figures {
  scenario: string;
  requestsPerSecond: number;
  /** Of the 2xx answers; null when none came back within autocannon's 10 s timeout. */
  latencyMs: { p50: number; p90: number; p99: number; max: number; average: number } | null;
  requests: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  non2xx: number;
  /** Requests that failed without an answer, timeouts (10 s) included. */
  errors: number;
  timeouts: number;
  /** Mean answer size on the wire, in bytes. */
  bytesPerAnswer: number;
}

async function load(base: string, headers: Record<string, string>, scenario: Scenario, seconds: number) {
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: scenario.path() }) }],
  });
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const dbFile = args.db ? resolve(args.db) : join(work, 'sandbox.db');
  const profileDir = args.profile ? join(work, 'profiles') : null;
  const port = await freePort(Number(args.port));
  const base = `http://127.0.0.1:${port}`;
  const startedAt = new Date();
  console.log(`Starting the server on ${base} with ${dbFile} (a new database is seeded with ${fleet} SIMs first)…`);
  const server = await startServer(port, dbFile, profileDir);
  const results: Figures[] = [];
  let size = 0;
  try {
    const signIn = await fetch(`${base}/api/local/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demo.email, password: demo.password, tokenTimeoutSeconds: 86_400 }),
    });
    if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}: ${await signIn.text()}`);
    const { apiKey, token } = (await signIn.json()) as { apiKey: string; token: string };
    const headers = { 'x-soracom-api-key': apiKey, 'x-soracom-token': token, 'accept-encoding': acceptEncoding };

    const picks = samples(dbFile);
    size = picks.size;
    const only = args.only?.split(',');
    const chosen = scenarios(picks, pageSize).filter((s) => !only || only.some((o) => s.name.startsWith(o)));
    for (const scenario of chosen) {
      // One request first: a scenario that cannot answer 200 is a broken run, not a slow one.
      const check = await fetch(`${base}${scenario.path()}`, { headers });
      if (check.status !== 200) {
        throw new Error(`${scenario.name}: ${scenario.path()} answered ${check.status}: ${await check.text()}`);
      }
      process.stdout.write(`${scenario.name}: warm-up ${warmup} s, then ${duration} s… `);
      if (warmup > 0) await load(base, headers, scenario, warmup);
      const r = await load(base, headers, scenario, duration);
      const statuses = Object.fromEntries(
        Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, v.count] as const),
      );
      // autocannon times latency of 2xx answers only: with none (all timed out), there is no latency to give.
      const answered = r['2xx'] > 0;
      const figures: Figures = {
        scenario: scenario.name,
        requestsPerSecond: Math.round(r.requests.total / duration),
        latencyMs: answered
          ? {
              p50: r.latency.p50,
              p90: r.latency.p90,
              p99: r.latency.p99,
              max: r.latency.max,
              average: Math.round(r.latency.average * 100) / 100,
            }
          : null,
        requests: r.requests.total,
        statuses,
        // From the statuses: autocannon's own non2xx also counts the requests that timed out.
        non2xx: Object.entries(statuses).reduce((n, [code, count]) => (code.startsWith('2') ? n : n + count), 0),
        errors: r.errors,
        timeouts: r.timeouts,
        bytesPerAnswer: r.requests.total ? Math.round((r.throughput.average * duration) / r.requests.total) : 0,
      };
      results.push(figures);
      console.log(`p99 ${figures.latencyMs?.p99 ?? '-'} ms, ${figures.requestsPerSecond} req/s`);
    }
  } finally {
    await stopServer(server);
    if (profileDir) console.log(`CPU profile of the server: ${profileDir}`);
    else if (!args.db) rmSync(work, { recursive: true, force: true });
  }

  const report = {
    measuredAt: startedAt.toISOString(),
    fleet: size,
    pageSize: Number(pageSize),
    connections,
    durationSeconds: duration,
    warmupSeconds: warmup,
    acceptEncoding,
    targetP99Ms: 25,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
    },
    scenarios: results,
  };
  mkdirSync(resolve(args.out, '..'), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);

  const cells = (row: (string | number)[]) =>
    row.map((c, i) => (i === 0 ? String(c).padEnd(24) : String(c).padStart(8))).join(' ');
  console.log(
    `\n${size} SIMs, ${connections} connections, ${duration} s per scenario, ${cpus().length} CPUs, Node ${process.version}`,
  );
  console.log(cells(['scenario', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors', 'bytes']));
  for (const f of results) {
    console.log(
      cells([
        f.scenario,
        f.requestsPerSecond,
        f.latencyMs?.p50 ?? '-',
        f.latencyMs?.p90 ?? '-',
        f.latencyMs?.p99 ?? '-',
        f.latencyMs?.max ?? '-',
        f.non2xx,
        f.errors,
        f.bytesPerAnswer,
      ]),
    );
  }
  console.log(`\nWrote ${args.out}`);
}

main().catch((error: unknown) => {
  console.error(`bench:load failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
