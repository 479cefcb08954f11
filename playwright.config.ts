import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath, ownChromium } from './scripts/chromium';

const port = Number(process.env.E2E_PORT ?? 8181);
export const baseURL = `http://127.0.0.1:${port}`;
// One database for the whole run, made once: workers re-read this file but inherit the variable.
process.env.E2E_DB ??= join(mkdtempSync(join(tmpdir(), 'soracom-e2e-')), 'sandbox.db');
// Every sandbox answer of the run is checked against the description; a mismatch lands here and fails the run
// (e2e/globalTeardown.ts).
process.env.E2E_ANSWER_VIOLATIONS ??= join(dirname(process.env.E2E_DB), 'answer-violations.jsonl');
// Where the console is built for the run: dist/ unless E2E_DIST names another folder (two runs side by side).
const distDir = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  // Each run empties its output folder first: a run on another port keeps its own.
  outputDir: port === 8181 ? 'test-results' : `test-results/port-${port}`,
  // Journeys of many steps (groups, configuration) take 20-30 s on a 2-core machine that also runs the server and
  // a second worker; 60 s leaves room without hiding a hang.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  globalSetup: './e2e/globalSetup.ts',
  globalTeardown: './e2e/globalTeardown.ts',
  use: {
    baseURL,
    locale: 'en-US',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    launchOptions: {
      // Playwright's own Chromium when installed (undefined lets it pick), else CHROMIUM_PATH, else Debian's.
      executablePath: ownChromium() ? undefined : chromiumPath(),
      args: chromiumArgs,
    },
  },
  webServer: {
    // Builds first (about 2 s) so that `npm run test:e2e` alone tests the current code.
    command: `npx vite build --logLevel error --outDir ${distDir} --emptyOutDir && npx tsx server/main.ts --port ${port} --db ${process.env.E2E_DB} --fleet 300`,
    url: `${baseURL}/api/endpoints`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Many sign-ins from one address in a short time: the journeys are not what the rate limit is for.
    // Sessions stay as seeded: a journey that ends a demo SIM's session must not see the simulation end it first.
    // Passwords at scrypt N=2^14, as before issue 18: at the server's default (2^17) each hash blocks the one server
    // for 0.5 to 1.3 s on a loaded 2-core machine, and journeys that sign in several times ran out of time.
    env: {
      SANDBOX_RATE_LIMIT: '10000',
      SANDBOX_SESSION_INTERVAL: '0',
      SANDBOX_PASSWORD_COST: '16384',
      DIST_DIR: distDir,
      SANDBOX_VALIDATE_ANSWERS: process.env.E2E_ANSWER_VIOLATIONS,
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
