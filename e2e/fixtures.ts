/**
 * What every journey shares: a guard that records Content-Security-Policy violations on every page and document of
 * a test (the test fails if any happened), an axe check for WCAG 2.1 AA, and the sandbox's API for set-up.
 */
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, test as base, expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

export const demo = { email: 'demo@example.com', password: 'demo-password', operatorId: 'OP0000000001' };
export const api = (path: string) => `/api/local/v1${path}`;

declare global {
  interface Window {
    __reportCspViolation?: (violation: string) => Promise<void>;
  }
}

/**
 * Every Content-Security-Policy violation of a test, on every page of its browser context and every document each
 * page loads: each document reports its own to the test process through a binding as they happen, so a later
 * navigation or a closed page cannot lose them. The test fails on any.
 */
export const test = base.extend<{ cspGuard: undefined }>({
  cspGuard: [
    async ({ context, page }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCspViolation', ({ frame }, violation: string) => {
        violations.push(`${frame.url()}: ${violation}`);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          void window.__reportCspViolation?.(
            `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });
      await use(undefined);
      // A violation raised in the test's last moments is still on its way through the binding.
      if (!page.isClosed()) await page.evaluate(() => new Promise((settle) => setTimeout(settle, 50))).catch(() => {});
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
      // Whatever the journey did, nothing secret may have been written where it outlives the tab.
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage })).catch(() => '{}');
      expect(stored, 'localStorage after the journey').not.toMatch(/api-[0-9a-f]|token|secret|password|otpauth|mfa/i);
    },
    { auto: true },
  ],
});
export { expect };

/**
 * Fails with the list of WCAG 2.1 A/AA violations axe finds on the page once it is still.
 * Finite animations (a notification sliding in, a modal fading) are waited for first: half-way
 * through a fade, text is translucent and axe would measure a contrast no one reads.
 * Endless ones (loaders) are left running.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email = demo.email, password = demo.password): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export interface AuthResult {
  apiKey: string;
  token: string;
  operatorId: string;
}

export const authHeaders = (auth: AuthResult) => ({
  'X-Soracom-API-Key': auth.apiKey,
  'X-Soracom-Token': auth.token,
});

let counter = 0;
/** A fresh operator of its own (POST /sandbox/init), so a test that changes account state touches nobody else. */
/** A SAM user of the demo operator signed in through the form, in a browser context of their own. */
export async function signInAsSamUser(browser: Browser, userName: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByRole('button', { name: 'SAM user' }).click();
  await page.getByLabel('Operator ID').fill(demo.operatorId);
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}

/** From any signed-in screen (sign-in lands on the home dashboard) to the SIM table, through the main navigation. */
export async function openSimTable(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'SIMs', exact: true })
    .click();
  await expect(page).toHaveURL(/\/sims$/);
}

export async function newOperator(request: APIRequestContext, label: string) {
  const email = uniqueEmail(label);
  const password = 'e2e-password-1';
  const response = await request.post(api('/sandbox/init'), {
    data: { email, password, authKeyId: `keyId-${email}`, authKey: `secret-${email}` },
  });
  expect(response.status()).toBe(201);
  return { email, password, auth: (await response.json()) as AuthResult };
}

/** Enables MFA on the operator through the API and returns a TOTP generator for its secret. */
export async function enableMfa(request: APIRequestContext, auth: AuthResult): Promise<TOTP> {
  return (await enableMfaWithCodes(request, auth)).totp;
}

/** Enables MFA through the API; returns the TOTP generator and the backup codes. */
export async function enableMfaWithCodes(
  request: APIRequestContext,
  auth: AuthResult,
): Promise<{ totp: TOTP; backupCodes: string[] }> {
  const enabled = await request.post(api(`/operators/${auth.operatorId}/mfa`), { headers: authHeaders(auth) });
  expect(enabled.status()).toBe(200);
  const { totpUri } = (await enabled.json()) as { totpUri: string };
  const secret = new URL(totpUri).searchParams.get('secret') ?? '';
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  const verified = await request.post(api(`/operators/${auth.operatorId}/mfa/verify`), {
    headers: authHeaders(auth),
    data: { mfaOTPCode: totp.generate() },
  });
  expect(verified.status()).toBe(200);
  const { backupCodes } = (await verified.json()) as { backupCodes: string[] };
  return { totp, backupCodes };
}

/** A TOTP generator for a secret shown on the page. */
export const totpFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });

export interface Mail {
  to: string;
  kind: string;
  subject: string;
  link: string;
  createdAt: number;
}

/** The newest mail of a kind the local sandbox "sent" to an address (its local-only mailbox). */
export async function mailLink(request: APIRequestContext, email: string, kind: string): Promise<string> {
  let found: Mail | undefined;
  await expect(async () => {
    const response = await request.get(`/api/local/mailbox?email=${encodeURIComponent(email)}`);
    expect(response.status()).toBe(200);
    const { mails } = (await response.json()) as { mails: Mail[] };
    found = mails.find((m) => m.kind === kind && m.link);
    expect(found, `a ${kind} mail to ${email}`).toBeTruthy();
  }).toPass({ timeout: 5_000 });
  return (found as Mail).link;
}

/** A fresh, unique address for a test. */
export const uniqueEmail = (label: string) => `${label}-${Date.now()}-${process.pid}-${counter++}@example.com`;

/** Signs in through the API (for set-up and for checking what a client would see). */
export async function apiSignIn(request: APIRequestContext, body: Record<string, string>): Promise<AuthResult> {
  const response = await request.post(api('/auth'), { data: body });
  expect(response.status(), `POST /auth ${JSON.stringify(Object.keys(body))}`).toBe(200);
  return (await response.json()) as AuthResult;
}

/** A code for the next 30-second step: the current one was spent verifying MFA, and each code works once. */
export const nextCode = (totp: TOTP) => totp.generate({ timestamp: Date.now() + 30_000 });
