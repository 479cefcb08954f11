/**
 * Fails when the JavaScript a first visit to /login loads is over budget (gzip), reading dist/.vite/manifest.json:
 * the entry chunk, the login route's chunk, and every chunk they import statically.
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
  isEntry?: boolean;
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

const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
if (!entry) throw new Error('no entry chunk in the manifest');
// The English catalogue is what a first visit loads before rendering (src/app/i18n.ts).
const login = measure([entry, 'src/pages/login/LoginPage.tsx', 'src/locales/en/start.json']);
const sims = measure([
  entry,
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
