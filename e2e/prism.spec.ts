/**
 * The whole console against an upstream that answers anything the description allows: a Prism mock of
 * `openapi/soracom.json` as the Japan endpoint. Every screen renders (no error boundary) and logs no error.
 */
import type { Page } from '@playwright/test';
import { expect, openSimTable, test } from './fixtures';
import { type PrismConsole, startPrismConsole } from './prism-upstream';

/** What the page logged as errors, and what it threw without catching. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** The screen is there, settled, and shows neither the route's error page nor a card's (a cell's logs an error). */
async function expectShown(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 2, name: heading }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('This page could not be shown')).toHaveCount(0);
  await expect(page.getByText('This part could not be shown')).toHaveCount(0);
}

/** A link of the main navigation. */
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });

/** The value a description list shows under a label. */
const shownValue = (page: Page, label: string) =>
  page
    .locator('dl > div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

async function visitEveryScreen(page: Page, upstream: PrismConsole, examples: 'static' | 'generated') {
  const errors = recordErrors(page);
  await page.goto(`${upstream.baseURL}/login`);
  await page.getByLabel('Endpoint').selectOption({ label: 'Japan coverage' });
  await page.getByLabel('Email').fill('prism@example.com');
  await page.getByLabel('Password', { exact: true }).fill('any-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The first signed-in screen's code comes from a server sharing two cores with Prism and another journey.
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await openSimTable(page);
  await expectShown(page, 'SIMs');

  const simLink = page.getByRole('table', { name: 'SIMs' }).locator('tbody tr').first().getByRole('link').first();
  await simLink.click();
  await expect(page).toHaveURL(/\/sims\/[^/]+$/);
  await expectShown(page, /./);
  if (examples === 'static') {
    // The mock's times are -(2^53 - 1): not a moment, so unknown.
    await expect(shownValue(page, 'Created')).toHaveText('—');
    // A status this console does not know is shown as the API wrote it, not as a catalogue key.
    const history = page.getByRole('table', { name: 'Status history' });
    await expect(history.getByText('string', { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText(/sims\.status\./i)).toHaveCount(0);

  await nav(page, 'Groups').click();
  await expectShown(page, 'Groups');
  await page.getByRole('table').locator('tbody tr').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/groups\/[^/]+$/);
  await expectShown(page, /./);

  await nav(page, 'Usage').click();
  await expectShown(page, 'Usage');

  await nav(page, 'Billing').click();
  await expectShown(page, 'Billing');
  const month = page
    .locator('a[href^="/billing/"]')
    .filter({ hasNotText: /payments/i })
    .first();
  if ((await month.count()) > 0) {
    await month.click();
    await expect(page).toHaveURL(/\/billing\/[^/]+$/);
    await expectShown(page, /./);
  }
  await nav(page, 'Billing').click();
  await page.locator('a[href="/billing/payments"]').first().click();
  await expect(page).toHaveURL(/\/billing\/payments$/);
  await expectShown(page, /./);

  await nav(page, 'Account').click();
  await expectShown(page, 'Account');

  await page.goto(`${upstream.baseURL}/no-such-page`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  expect(errors).toEqual([]);
}

// Static: Prism's examples built from the schema, with its extremes. Generated: random answers within the schema,
// seeded so that a failure can be replayed.
for (const [examples, seed] of [
  ['static', undefined],
  ['generated', '18'],
] as const) {
  test.describe(`with ${examples} answers`, () => {
    let upstream: PrismConsole;

    test.beforeAll(async () => {
      // Prism reads the whole description and our server starts besides the shared one: slow on a busy machine.
      test.setTimeout(120_000);
      upstream = await startPrismConsole(process.env.E2E_DIST ?? 'dist', seed);
    });

    test.afterAll(async () => {
      await upstream?.stop();
    });

    test('every screen renders and logs no error', async ({ page }) => {
      test.slow();
      await visitEveryScreen(page, upstream, examples);
    });
  });
}
