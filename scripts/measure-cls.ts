/**
 * Measures a signed-in screen's cumulative layout shift in Chromium, as Lighthouse's mobile run sees it (a 412 × 823
 * viewport, the CPU slowed 4×, an empty HTTP cache), against a running server (default http://127.0.0.1:8080), and
 * names the elements that moved. CLS is the largest session window of shifts (shifts less than 1 s apart, at most
 * 5 s in all), as Lighthouse and web-vitals count it. Writes bench/results/cls-<path>.json. Not a test: figures.
 *
 *   npm run build && npm run serve &   then   npm run bench:cls [-- --base URL --path /account --runs 5]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';
import { signInWithForm } from './signIn';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:8080' },
    path: { type: 'string', default: '/account' },
    runs: { type: 'string', default: '5' },
    cpu: { type: 'string', default: '4' },
  },
});
const runs = Number(options.runs);

interface Shift {
  value: number;
  startTime: number;
  hadRecentInput: boolean;
  sources: { node: string; from: number[]; to: number[] }[];
}

/**
 * Runs in the page before its own code, so no shift is missed: each shift with a short description of what moved
 * (written as text, not a function, so that tsx's helpers do not end up in the page).
 */
const recordShifts = `
  window.__shifts = [];
  const describe = (node) => {
    if (!node || !node.tagName) return String(node && node.nodeName);
    const label = node.getAttribute('aria-label') || node.textContent.trim().slice(0, 40);
    return node.tagName.toLowerCase() + (node.className ? '.' + String(node.className).split(' ')[0] : '') + ' "' + label + '"';
  };
  const rect = (r) => [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        startTime: entry.startTime,
        hadRecentInput: entry.hadRecentInput,
        sources: (entry.sources || []).map((s) => ({ node: describe(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** The largest session window: shifts less than 1 s apart, a window at most 5 s long. */
function cls(shifts: Shift[]): number {
  let largest = 0;
  let window = 0;
  let first = 0;
  let previous = 0;
  for (const shift of shifts.filter((s) => !s.hadRecentInput)) {
    if (window > 0 && shift.startTime - previous < 1000 && shift.startTime - first < 5000) {
      window += shift.value;
    } else {
      window = shift.value;
      first = shift.startTime;
    }
    previous = shift.startTime;
    largest = Math.max(largest, window);
  }
  return largest;
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const samples: { cls: number; shifts: Shift[] }[] = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  });
  const page = await context.newPage();
  await signInWithForm(page, options.base);
  await page.addInitScript({ content: recordShifts });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(options.cpu) });
  await page.goto(`${options.base}${options.path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(2000);
  const shifts = (await page.evaluate('window.__shifts')) as Shift[];
  samples.push({ cls: cls(shifts), shifts });
  console.log(`run ${i + 1}: CLS ${cls(shifts).toFixed(3)}`);
  for (const shift of shifts) {
    console.log(`  ${shift.value.toFixed(4)} at ${Math.round(shift.startTime)} ms`);
    for (const source of shift.sources) console.log(`    ${source.node}: ${source.from} -> ${source.to}`);
  }
  await context.close();
}
await browser.close();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const report = {
  measuredAt: new Date().toISOString(),
  base: options.base,
  path: options.path,
  runs,
  cpuSlowdown: Number(options.cpu),
  clsMedian: Number(median(samples.map((s) => s.cls)).toFixed(4)),
  samples,
};
const name = options.path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
mkdirSync(resolve(import.meta.dirname, '../bench/results'), { recursive: true });
writeFileSync(resolve(import.meta.dirname, `../bench/results/cls${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
console.log(`${options.path}: CLS ${report.clsMedian} (median of ${runs})`);
