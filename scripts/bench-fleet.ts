/**
 * Measures the SIM table in Chromium against a 100,000-SIM local sandbox: time from navigation to the first rows,
 * whole-fleet load time, scroll frame rate in the virtualised table, and time from a search to its rows (both the
 * server search, `/query/sims`, and the whole-fleet quick filter). Writes bench/results/fleet-browser.json. Not a
 * test: figures, to compare over time and against the targets (first rows ≤ 400 ms, scroll ≥ 58 fps, search ≤ 300 ms).
 *
 *   npm run bench:fleet [-- --fleet 100000 --port 8196 --db FILE --runs 3 --latency 60]
 *
 * `--latency N` starts the sandbox with `--latency N`: every API call waits N ms, as over the internet to SORACOM. The
 * figures then go to bench/results/fleet-browser-latencyN.json.
 *
 * It builds nothing: `npm run bench:fleet` runs `vite build` first. `--db FILE` keeps the seeded database between runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';
import { apiHeaders, signInWithForm } from './signIn';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    fleet: { type: 'string', default: '100000' },
    port: { type: 'string', default: '8196' },
    db: { type: 'string' },
    runs: { type: 'string', default: '3' },
    latency: { type: 'string', default: '0' },
    out: { type: 'string' },
  },
});
const latency = Number(args.latency);
const out = args.out ?? join(root, `bench/results/fleet-browser${latency > 0 ? `-latency${latency}` : ''}.json`);
const fleet = Number(args.fleet);
const runs = Number(args.runs);
const base = `http://127.0.0.1:${args.port}`;
const scratch = args.db ? null : mkdtempSync(join(tmpdir(), 'bench-fleet-'));
const db = args.db ?? join(scratch as string, 'sandbox.db');

async function startServer(): Promise<ChildProcess> {
  const started = Date.now();
  const server = spawn(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      join(root, 'server/main.ts'),
      '--port',
      String(args.port),
      '--db',
      db,
      '--fleet',
      String(fleet),
      '--latency',
      String(latency),
    ],
    { env: { ...process.env, SANDBOX_RATE_LIMIT: '100000' }, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    try {
      if ((await fetch(`${base}/api/endpoints`)).ok) break;
    } catch {
      // Not listening yet: seeding 100,000 SIMs takes a few seconds.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return server;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (n: number) => Math.round(n * 10) / 10;

/** Milliseconds from now until `done()` holds in the page, checked every animation frame. */
async function timeUntil(page: Page, done: string): Promise<number> {
  return page.evaluate(
    (body) =>
      new Promise<number>((resolvePromise) => {
        const started = performance.now();
        const check = new Function(`return (${body})`) as () => boolean;
        const tick = () => (check() ? resolvePromise(performance.now() - started) : requestAnimationFrame(tick));
        tick();
      }),
    done,
  );
}

async function measure(page: Page) {
  // 1. Navigation to first rows, in a signed-in tab.
  await page.goto(`${base}/groups`);
  await page.getByRole('heading', { name: 'Groups' }).waitFor();
  await page.goto(`${base}/sims`);
  await page.waitForFunction(() =>
    /^\d{19}$/.test(document.querySelector('table tbody tr td:nth-child(4)')?.textContent ?? ''),
  );
  const firstRowsMs = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return performance.now() - (nav?.startTime ?? 0);
  });

  // 2. Server search: from pressing "Add filter" to the rows of the search.
  await page.getByLabel('Value', { exact: true }).fill('sendai-0');
  const searchStart = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.waitForFunction(() => {
    const names = [...document.querySelectorAll('table tbody tr td:nth-child(3)')].map((c) => c.textContent ?? '');
    return names.length > 0 && names.every((name) => name.includes('sendai-0'));
  });
  const serverSearchMs = (await page.evaluate(() => performance.now())) - searchStart;
  await page.getByRole('button', { name: 'Clear all filters' }).click();

  // 3. Whole-fleet load.
  const loadStart = Date.now();
  await page.getByText('Whole fleet', { exact: true }).click();
  await page.getByText(/SIMs loaded in/).waitFor({ timeout: 300_000 });
  const fleetLoadMs = Date.now() - loadStart;
  const loaded = await page.getByText(/SIMs loaded in/).textContent();

  // 4. Scrolling the virtualised table: 4 s of steady scrolling, one step per frame.
  const scroll = await page.evaluate(
    () =>
      new Promise<{ frames: number; seconds: number; p95FrameMs: number; longFrames: number }>((resolveScroll) => {
        const scroller = document.querySelector('table')?.parentElement as HTMLElement;
        const times: number[] = [];
        let last = performance.now();
        const started = last;
        const step = () => {
          const now = performance.now();
          times.push(now - last);
          last = now;
          scroller.scrollTop += 120;
          if (now - started < 4000) requestAnimationFrame(step);
          else {
            const sorted = times.slice(1).sort((a, b) => a - b);
            resolveScroll({
              frames: times.length - 1,
              seconds: (now - started) / 1000,
              p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
              longFrames: sorted.filter((t) => t > 20).length,
            });
          }
        };
        requestAnimationFrame(step);
      }),
  );

  // 5. Whole-fleet quick filter: from the last keystroke to the filtered rows (includes its 150 ms debounce).
  const quickStart = await page.evaluate(() => performance.now());
  await page.getByLabel('Filter the loaded SIMs').fill('osaka-0123');
  await page.waitForFunction(() => {
    const names = [...document.querySelectorAll('table tbody tr td:nth-child(3)')].map((c) => c.textContent ?? '');
    return names.length > 0 && names.every((n) => n.includes('osaka-0123'));
  });
  const quickFilterMs = (await page.evaluate(() => performance.now())) - quickStart;
  const sortStart = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('[aria-sort="ascending"]') !== null);
  const sortMs = (await page.evaluate(() => performance.now())) - sortStart;
  await page.getByLabel('Filter the loaded SIMs').fill('');
  const fullSortStart = await page.evaluate(() => performance.now());
  await timeUntil(page, "document.body.textContent.includes('Showing 1')");
  const unfilterMs = (await page.evaluate(() => performance.now())) - fullSortStart;

  return {
    firstRowsMs: round(firstRowsMs),
    serverSearchMs: round(serverSearchMs),
    fleetLoadMs,
    fleetLoadedText: loaded,
    scrollFps: round(scroll.frames / scroll.seconds),
    scrollP95FrameMs: round(scroll.p95FrameMs),
    scrollLongFrames: scroll.longFrames,
    quickFilterMs: round(quickFilterMs),
    sortFilteredMs: round(sortMs),
    clearFilterSorted100kMs: round(unfilterMs),
  };
}

/** A fresh server answers its first searches from a cold database; warm it up as a running one would be. */
async function warmUp(): Promise<void> {
  const headers = await apiHeaders(base);
  for (const path of ['/sims?limit=50', '/query/sims?name=sendai-0&limit=50', '/sims?limit=1000']) {
    for (let i = 0; i < 3; i++) await (await fetch(`${base}/api/local/v1${path}`, { headers })).arrayBuffer();
  }
}

const server = await startServer();
await warmUp();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const samples: Awaited<ReturnType<typeof measure>>[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    // tsx keeps function names with an `__name` helper, which also ends up in the functions sent to the page.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await context.newPage();
    await signInWithForm(page, base);
    samples.push(
      await measure(page).catch(async (error: unknown) => {
        await page.screenshot({ path: join(tmpdir(), 'bench-fleet-failure.png') });
        throw error;
      }),
    );
    console.log(`run ${i + 1}:`, samples.at(-1));
    await context.close();
  }
  const keys = [
    'firstRowsMs',
    'serverSearchMs',
    'fleetLoadMs',
    'scrollFps',
    'scrollP95FrameMs',
    'quickFilterMs',
    'sortFilteredMs',
    'clearFilterSorted100kMs',
  ] as const;
  const medians = Object.fromEntries(keys.map((k) => [k, median(samples.map((s) => s[k]))]));
  const report = {
    date: new Date().toISOString(),
    fleet,
    latencyMs: latency,
    runs,
    targets: { firstRowsMs: 400, scrollFps: 58, searchMs: 300 },
    median: medians,
    samples,
    machine: { cpus: cpus().length, loadavg: loadavg().map(round), node: process.version },
    browser: chromiumPath(),
  };
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.table(medians);
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.kill();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
