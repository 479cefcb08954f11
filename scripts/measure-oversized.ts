/**
 * The server's memory before and after the oversized requests of issue 18: 600 MB to the sign-in and 300 MB of tags
 * without credentials, each announced by Content-Length and each sent chunked (no length), five times over.
 * Reads the process's resident set from /proc (Linux) and writes bench/results/oversized.json.
 *
 *   npm run bench:oversized
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exchange } from '../server/test/rawHttp';

const root = resolve(import.meta.dirname, '..');
const mebibyte = 1024 * 1024;
const dist = mkdtempSync(join(tmpdir(), 'oversized-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head></head><body>console</body></html>');

const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'server/main.ts', '--port', '0', '--db', ':memory:', '--fleet', '100', '--session-interval', '0'],
  { cwd: root, env: { ...process.env, ENDPOINTS: 'local', DIST_DIR: dist }, stdio: 'pipe' },
);
let output = '';
server.stdout?.on('data', (chunk: Buffer) => (output += chunk));
server.stderr?.on('data', (chunk: Buffer) => (output += chunk));

const port = await new Promise<number>((done, fail) => {
  const timer = setInterval(() => {
    const found = /SORACOM console: http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
    if (found) {
      clearInterval(timer);
      done(Number(found[1]));
    } else if (server.exitCode !== null) {
      clearInterval(timer);
      fail(new Error(`the server exited: ${output}`));
    }
  }, 50);
});

/** Resident memory of the server process in MiB. */
function residentMiB(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kib / 1024) * 10) / 10;
}
function peakMiB(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Math.round((Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024) * 10) / 10;
}

const chunk = Buffer.alloc(64 * 1024, 'a');
const head = (method: string, path: string, length?: number) =>
  `${method} /api/local/v1${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${
    length === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`
  }\r\n\r\n`;
const cases = [
  { name: 'POST /auth, Content-Length 600 MB', head: head('POST', '/auth', 600 * mebibyte), total: 600 * mebibyte },
  { name: 'POST /auth, chunked 600 MB', head: head('POST', '/auth'), total: 600 * mebibyte, chunked: true },
  {
    name: 'PUT /sims/x/tags, Content-Length 300 MB',
    head: head('PUT', '/sims/x/tags', 300 * mebibyte),
    total: 300 * mebibyte,
  },
  { name: 'PUT /sims/x/tags, chunked 300 MB', head: head('PUT', '/sims/x/tags'), total: 300 * mebibyte, chunked: true },
];

await new Promise((wait) => setTimeout(wait, 1000));
const before = residentMiB();
// Per case, each round's status (0: the connection ended before the client read an answer), the most the client
// had sent when the answer came, and the slowest answer.
const results = cases.map((item) => ({ name: item.name, statuses: [] as number[], maxSentMiB: 0, maxMs: 0 }));
for (let round = 0; round < 5; round += 1) {
  for (const [index, item] of cases.entries()) {
    const started = performance.now();
    const answer = await exchange(port, item.head, { chunk, total: item.total, chunked: item.chunked });
    const result = results[index] as (typeof results)[number];
    result.statuses.push(answer.status);
    result.maxSentMiB = Math.max(result.maxSentMiB, Math.round((answer.sent / mebibyte) * 10) / 10);
    result.maxMs = Math.max(result.maxMs, Math.round(performance.now() - started));
  }
}
await new Promise((wait) => setTimeout(wait, 1000));
const after = residentMiB();
const health = await fetch(`http://127.0.0.1:${port}/healthz`);
const figures = {
  measuredAt: new Date().toISOString(),
  rounds: 5,
  residentMiB: { before, after, peak: peakMiB() },
  alive: health.ok,
  cases: results,
};
server.kill('SIGTERM');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/oversized.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log(JSON.stringify(figures, null, 2));
