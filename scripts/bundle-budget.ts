/**
 * Fails when the JavaScript a first visit to /login loads is over budget (gzip): the scripts dist/index.html loads
 * (the login page is in them), the English catalogue's first part, and every chunk they import statically
 * (from dist/.vite/manifest.json).
 * Writes the figures to bench/results/bundle.json.
 *
 *   npm run build && npm run budget
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
}

export const loginBudgetBytes = 130 * 1024;
const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(resolve(root, 'dist/.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

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

function measure(keys: string[]) {
  const files = [...closure(keys)].map((key) => (manifest[key] as Chunk).file);
  const sizes = files.map((file) => {
    const body = readFileSync(resolve(root, 'dist', file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return { files: sizes, gzip: sizes.reduce((n, s) => n + s.gzip, 0), bytes: sizes.reduce((n, s) => n + s.bytes, 0) };
}

// What index.html loads (module scripts and preloads), as manifest keys.
const html = readFileSync(resolve(root, 'dist/index.html'), 'utf8');
const loaded = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map(
  (m) => m[1],
);
const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
const boot = loaded.map((file) => {
  const key = byFile.get(file as string);
  if (!key) throw new Error(`index.html loads ${file}, which the manifest does not list`);
  return key;
});
if (boot.length === 0) throw new Error('index.html loads no module script');
// The English catalogue's first part is what a first visit loads before rendering (src/app/i18n.ts).
const login = measure([...boot, 'src/locales/en/start.json']);
const sims = measure([
  ...boot,
  'src/locales/en/start.json',
  'src/locales/en/console.json',
  'src/components/layout/SignedInLayout.tsx',
  'src/pages/sims/SimsPage.tsx',
]);
const report = {
  measuredAt: new Date().toISOString(),
  budgetGzipBytes: loginBudgetBytes,
  login: { gzip: login.gzip, bytes: login.bytes, files: login.files },
  sims: { gzip: sims.gzip, bytes: sims.bytes },
};
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, 'bench/results/bundle.json'), `${JSON.stringify(report, null, 2)}\n`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `JavaScript for /login: ${kb(login.gzip)} gzip (${kb(login.bytes)} raw) in ${login.files.length} files; budget ${kb(loginBudgetBytes)}`,
);
console.log(`JavaScript for /sims: ${kb(sims.gzip)} gzip`);
if (login.gzip > loginBudgetBytes) {
  console.error('Over budget. Largest files:');
  for (const f of [...login.files].sort((a, b) => b.gzip - a.gzip).slice(0, 8))
    console.error(`  ${f.file} ${kb(f.gzip)}`);
  process.exit(1);
}
