/**
 * Fails when a route loads more than its budget of JavaScript or CSS (gzip). What a route loads is what a first visit
 * to it fetches before the page is usable: the scripts and style sheet dist/index.html loads (the login page is in
 * them), and for any other route what the server's preload hints name for it (server/preload.ts `modulesFor`: the
 * catalogue parts, the signed-in frame, the screens' loaders and the screen), each with every chunk it imports
 * statically (dist/.vite/manifest.json).
 * Writes the figures of every route to bench/results/bundle.json.
 *
 *   npm run build && npm run budget
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Manifest, modulesFor, screenModules } from '../server/preload';

/** /login, the page every visit starts on. */
export const loginBudgetBytes = 130 * 1024;
/**
 * Any signed-in route. A ceiling that keeps what has been won, not the goal: the goal (issue 19) is 170 KB, and the
 * signed-in frame alone is 204 KB today (React DOM, React Router's data router and Mantine's core in the entry; TanStack
 * Query, the app shell and the session services in the frame). See the README's "Performance" section.
 */
export const signedInBudgetBytes = 280 * 1024;
/** Style sheets of any route. */
export const cssBudgetBytes = 30 * 1024;

/**
 * The routes measured: the sign-in page, and for every screen the server knows (server/preload.ts `screenModules`) its
 * list and its item page (`/sims` and `/sims/…`), so that a screen added there is measured without a change here.
 */
export const routes = [
  '/login',
  ...Object.keys(screenModules).flatMap((first) => (first === '' ? ['/'] : [`/${first}`, `/${first}/item`])),
];

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(resolve(root, 'dist/.vite/manifest.json'), 'utf8')) as Manifest;

function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...keys];
  while (pending.length) {
    const key = pending.pop() as string;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    seen.add(key);
    pending.push(...(chunk.imports ?? []));
  }
  return seen;
}

const sizeCache = new Map<string, { bytes: number; gzip: number }>();
function sizeOf(file: string) {
  let size = sizeCache.get(file);
  if (!size) {
    const body = readFileSync(resolve(root, 'dist', file));
    size = { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
    sizeCache.set(file, size);
  }
  return size;
}

function measure(keys: string[]) {
  const chunks = [...closure(keys)].map((key) => manifest[key] as Manifest[string]);
  const scripts = [...new Set(chunks.map((chunk) => chunk.file).filter((file) => file.endsWith('.js')))];
  const styles = [...new Set([...entryStyles, ...chunks.flatMap((chunk) => chunk.css ?? [])])];
  const files = scripts.map((file) => ({ file, ...sizeOf(file) }));
  const sum = (list: string[]) => list.reduce((n, file) => n + sizeOf(file).gzip, 0);
  return {
    gzip: sum(scripts),
    bytes: scripts.reduce((n, file) => n + sizeOf(file).bytes, 0),
    cssGzip: sum(styles),
    files,
  };
}

// What index.html loads (module scripts, preloads and its style sheet), as manifest keys and files.
const html = readFileSync(resolve(root, 'dist/index.html'), 'utf8');
const loaded = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map(
  (m) => m[1],
);
const entryStyles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*\shref="\/([^"]+\.css)"/g)].map(
  (m) => m[1] as string,
);
const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
const boot = loaded.map((file) => {
  const key = byFile.get(file as string);
  if (!key) throw new Error(`index.html loads ${file}, which the manifest does not list`);
  return key;
});
if (boot.length === 0) throw new Error('index.html loads no module script');

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const measured = routes.map((route) => {
  const figures = measure([...boot, ...modulesFor(route, 'en')]);
  const budget = route === '/login' ? loginBudgetBytes : signedInBudgetBytes;
  return { route, budgetGzipBytes: budget, ...figures };
});

const report = {
  measuredAt: new Date().toISOString(),
  budgets: { loginGzipBytes: loginBudgetBytes, signedInGzipBytes: signedInBudgetBytes, cssGzipBytes: cssBudgetBytes },
  routes: measured.map(({ route, gzip, bytes, cssGzip, files }) => ({
    route,
    gzip,
    bytes,
    cssGzip,
    files: route === '/login' ? files : files.length,
  })),
};
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, 'bench/results/bundle.json'), `${JSON.stringify(report, null, 2)}\n`);

let failed = false;
for (const { route, gzip, bytes, cssGzip, files, budgetGzipBytes } of measured) {
  const over = gzip > budgetGzipBytes || cssGzip > cssBudgetBytes;
  console.log(
    `${over ? 'OVER ' : ''}${route}: JavaScript ${kb(gzip)} gzip (${kb(bytes)} raw, ${files.length} files; budget ${kb(budgetGzipBytes)}), CSS ${kb(cssGzip)} gzip (budget ${kb(cssBudgetBytes)})`,
  );
  if (!over) continue;
  failed = true;
  for (const f of [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 6)) console.error(`  ${f.file} ${kb(f.gzip)}`);
}
if (failed) process.exit(1);
