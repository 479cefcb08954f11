/**
 * Measures a first visit to /login in Chromium, against a running server (default http://127.0.0.1:8080):
 * JavaScript transferred (compressed, as on the wire) and decoded, and the time until the sign-in form is usable.
 * Writes bench/results/login-browser.json. Not a test: figures, to compare over time.
 *
 *   npm run build && npm run serve &   then   npm run bench:login [-- http://127.0.0.1:8080]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const runs = 5;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const samples: { transferredJs: number; decodedJs: number; scripts: number; formReadyMs: number }[] = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  const formReadyMs = Date.now() - started;
  const js = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
      .map((e) => ({
        transfer: (e as PerformanceResourceTiming).encodedBodySize,
        decoded: (e as PerformanceResourceTiming).decodedBodySize,
      })),
  );
  samples.push({
    transferredJs: js.reduce((n, e) => n + e.transfer, 0),
    decodedJs: js.reduce((n, e) => n + e.decoded, 0),
    scripts: js.length,
    formReadyMs,
  });
  await context.close();
}
await browser.close();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const report = {
  measuredAt: new Date().toISOString(),
  base,
  runs,
  transferredJsBytes: median(samples.map((s) => s.transferredJs)),
  decodedJsBytes: median(samples.map((s) => s.decodedJs)),
  scripts: median(samples.map((s) => s.scripts)),
  formReadyMsMedian: median(samples.map((s) => s.formReadyMs)),
  samples,
};
mkdirSync(resolve(import.meta.dirname, '../bench/results'), { recursive: true });
writeFileSync(
  resolve(import.meta.dirname, '../bench/results/login-browser.json'),
  `${JSON.stringify(report, null, 2)}\n`,
);
console.log(
  `/login in Chromium: ${(report.transferredJsBytes / 1024).toFixed(1)} KB of JavaScript transferred (${(report.decodedJsBytes / 1024).toFixed(1)} KB decoded) in ${report.scripts} files; form ready in ${report.formReadyMsMedian} ms (median of ${runs})`,
);
