/**
 * Lighthouse (mobile form factor, default simulated throttling) on signed-in routes, signed in with the demo account.
 * Writes bench/results/lighthouse.json with each route's performance and accessibility scores (every run's, and the
 * median run's key metrics). Not a test: figures to compare over time; it exits non-zero when a route is below its
 * target (performance 95 on the home page and the SIM table, 90 elsewhere; accessibility 100 everywhere).
 *
 *   npm run bench:lighthouse                                  builds into dist/ and starts a server on port 8193
 *   npm run bench:lighthouse -- --base http://127.0.0.1:8080  measures a server that is already running
 *   options: --port <n> (started server), --dist <dir> (build output, or DIST_DIR), --no-build,
 *            --paths /sims,/billing (default: every kind of signed-in screen; `:simId` and `:groupId` are replaced by
 *            the demo fleet's first SIM and group), --path /billing (one route: bench/results/lighthouse-billing.json),
 *            --runs <n> (default 3; the run with the median performance score is reported, all scores are kept),
 *            --full-report <file> (Lighthouse's whole report of the last route's median run, as JSON)
 *
 * The session lives in the tab's sessionStorage, so Lighthouse runs in the very tab that signed in, with its
 * storage reset turned off; the HTTP cache is cleared by hand first so the page's code loads as on a first visit.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { apiHeaders, signInWithForm } from './signIn';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string' },
    port: { type: 'string', default: '8193' },
    dist: { type: 'string', default: process.env.DIST_DIR ?? 'dist' },
    'no-build': { type: 'boolean', default: false },
    path: { type: 'string' },
    paths: { type: 'string' },
    /** Also keep Lighthouse's whole report (JSON), to see what costs time. */
    'full-report': { type: 'string' },
    /** Lighthouse varies from run to run (more so on a busy machine): the run with the median score is kept. */
    runs: { type: 'string', default: '3' },
  },
});
/** The screens people open most are held higher. */
const targetsFor = (path: string) => ({
  performance: path === '/' || path === '/sims' ? 95 : 90,
  accessibility: 100,
});
const defaultPaths = [
  '/',
  '/sims',
  '/sims/:simId',
  '/groups',
  '/groups/:groupId',
  '/usage',
  '/billing',
  '/billing/payments',
  '/account',
  '/account/users',
  '/orders',
  '/credentials',
];
const root = resolve(import.meta.dirname, '..');

async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/endpoints`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`no server at ${base} after 60 s`);
}

/** A server of our own on a fresh sandbox database, after a production build. */
async function startServer(): Promise<{ base: string; stop: () => void }> {
  const dist = resolve(root, options.dist);
  if (!options['no-build']) {
    const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('the build failed');
  }
  const dbDir = mkdtempSync(join(tmpdir(), 'soracom-lighthouse-'));
  const base = `http://127.0.0.1:${options.port}`;
  const server = spawn('npx', ['tsx', 'server/main.ts', '--port', options.port, '--db', join(dbDir, 'sandbox.db')], {
    cwd: root,
    env: { ...process.env, DIST_DIR: dist, SANDBOX_RATE_LIMIT: '1000' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      // Already gone.
    }
    rmSync(dbDir, { recursive: true, force: true });
  };
  try {
    await waitForServer(base, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

const own = options.base ? null : await startServer();
const base = options.base ?? (own as { base: string }).base;
const browser = await puppeteer.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });

/** Signs in in a new tab, then runs Lighthouse in that tab. */
async function measure(path: string) {
  const page = await browser.newPage();
  await signInWithForm(page, base);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  const result = await lighthouse(
    `${base}${path}`,
    { logLevel: 'error', output: 'json', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true },
    undefined,
    page,
  );
  await page.close();
  if (!result) throw new Error('Lighthouse gave no result');
  const { lhr } = result;
  if (lhr.runtimeError)
    throw new Error(`Lighthouse could not measure: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const broken = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time']
    .map((id) => lhr.audits[id])
    .find((audit) => audit?.errorMessage);
  if (broken) throw new Error(`Lighthouse could not measure ${broken.id}: ${broken.errorMessage}`);
  if (new URL(lhr.finalDisplayedUrl).pathname !== path) {
    throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${path}: was the session lost?`);
  }
  return lhr;
}

/** The demo fleet's first SIM and group, for the item pages. */
async function placeholders(): Promise<Record<string, string>> {
  const headers = await apiHeaders(base);
  const first = async (path: string, field: string) => {
    const list = (await (await fetch(`${base}/api/local/v1${path}`, { headers })).json()) as Record<string, string>[];
    return list[0]?.[field] ?? '';
  };
  return { ':simId': await first('/sims?limit=1', 'simId'), ':groupId': await first('/groups?limit=1', 'groupId') };
}

type Lhr = Awaited<ReturnType<typeof measure>>;
const scoreOf = (lhr: Lhr, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);

/** Every run of one route, and what its median run says. */
async function route(path: string) {
  const runs: Lhr[] = [];
  for (let i = 0; i < Math.max(1, Number(options.runs)); i++) {
    try {
      runs.push(await measure(path));
    } catch (error) {
      // A busy machine sometimes times a run out; one more try before giving up.
      console.error(
        `${path}: run ${i + 1} failed (${error instanceof Error ? error.message : error}); trying once more.`,
      );
      runs.push(await measure(path));
    }
  }
  const sorted = [...runs].sort((a, b) => scoreOf(a, 'performance') - scoreOf(b, 'performance'));
  const lhr = sorted[Math.floor((sorted.length - 1) / 2)] as Lhr;
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const failing = (category: string) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ({ id: ref.id, title: lhr.audits[ref.id]?.title, score: lhr.audits[ref.id]?.score }));
  const targets = targetsFor(path);
  const scores = { performance: scoreOf(lhr, 'performance'), accessibility: scoreOf(lhr, 'accessibility') };
  return {
    lhr,
    report: {
      path,
      url: lhr.finalDisplayedUrl,
      scores,
      targets,
      met: scores.performance >= targets.performance && scores.accessibility >= targets.accessibility,
      runs: runs.map((r) => ({
        performance: scoreOf(r, 'performance'),
        accessibility: scoreOf(r, 'accessibility'),
        benchmarkIndex: r.environment.benchmarkIndex,
        fcpMs: Math.round(r.audits['first-contentful-paint']?.numericValue ?? 0),
        lcpMs: Math.round(r.audits['largest-contentful-paint']?.numericValue ?? 0),
        tbtMs: Math.round(r.audits['total-blocking-time']?.numericValue ?? 0),
      })),
      metricsMs: {
        firstContentfulPaint: metric('first-contentful-paint'),
        largestContentfulPaint: metric('largest-contentful-paint'),
        speedIndex: metric('speed-index'),
        totalBlockingTime: metric('total-blocking-time'),
        timeToInteractive: metric('interactive'),
      },
      cumulativeLayoutShift: metric('cumulative-layout-shift'),
      transferredBytes: metric('total-byte-weight'),
      belowFull: { performance: failing('performance'), accessibility: failing('accessibility') },
    },
  };
}

try {
  const ids = await placeholders();
  const asked = options.path ? [options.path] : (options.paths?.split(',').map((p) => p.trim()) ?? defaultPaths);
  const paths = asked.map((p) => p.replace(/:simId|:groupId/g, (name) => ids[name] ?? name));
  const routes: Awaited<ReturnType<typeof route>>['report'][] = [];
  let last: Lhr | null = null;
  for (const path of paths) {
    const { lhr, report } = await route(path);
    last = lhr;
    routes.push(report);
    const m = report.metricsMs;
    console.log(
      `${report.met ? '' : 'BELOW '}${path}: performance ${report.scores.performance} (runs ${report.runs.map((r) => r.performance).join(', ')}; ` +
        `target ${report.targets.performance}), accessibility ${report.scores.accessibility}; ` +
        `FCP ${Math.round(m.firstContentfulPaint ?? 0)} ms, LCP ${Math.round(m.largestContentfulPaint ?? 0)} ms, ` +
        `TBT ${Math.round(m.totalBlockingTime ?? 0)} ms, CLS ${(report.cumulativeLayoutShift ?? 0).toFixed(3)}`,
    );
  }
  const lhr = last as Lhr;
  const report = {
    measuredAt: new Date().toISOString(),
    command: `npm run bench:lighthouse${options.path ? ` -- --path ${options.path}` : ''}`,
    lighthouseVersion: lhr.lighthouseVersion,
    browser: lhr.environment.hostUserAgent,
    /** Lighthouse's CPU benchmark of this machine at the time (higher is faster; a quiet desktop is ~1000-2000). */
    benchmarkIndex: lhr.environment.benchmarkIndex,
    formFactor: lhr.configSettings.formFactor,
    throttlingMethod: lhr.configSettings.throttlingMethod,
    throttling: lhr.configSettings.throttling,
    routes,
  };
  if (options['full-report']) writeFileSync(options['full-report'], JSON.stringify(lhr, null, 2));
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  const file = options.path
    ? `lighthouse-${options.path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}.json`
    : 'lighthouse.json';
  writeFileSync(resolve(root, 'bench/results', file), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote bench/results/${file}`);
  if (routes.some((r) => !r.met)) {
    console.error(
      'Below target on: ' +
        routes
          .filter((r) => !r.met)
          .map((r) => r.path)
          .join(', '),
    );
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  own?.stop();
}
