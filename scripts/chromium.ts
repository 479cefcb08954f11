/**
 * Which Chromium the journeys and benchmarks use, and how: Playwright's own when it is installed, else CHROMIUM_PATH,
 * else Debian's /usr/bin/chromium; always with the flags a container without a display or network needs.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Playwright's own Chromium, when it is installed on this machine. */
export function ownChromium(): string | undefined {
  try {
    const own = chromium.executablePath();
    return existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}

/** The browser to run: Playwright's own, else CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return ownChromium() ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
