import { expect, expectAccessible, openSimTable, signIn, test } from './fixtures';

test.describe('every screen', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/login');
    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    await openSimTable(page);
  });

  test('SIM table pages forward and back through the API', async ({ page }) => {
    const table = page.getByRole('table', { name: 'SIMs' });
    await expect(table.locator('tbody tr').first().getByRole('link')).toBeVisible();
    const firstId = (await table.locator('tbody tr').first().locator('td').nth(3).textContent()) ?? '';
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/after=/);
    await expect(page.getByText('Page 2')).toBeVisible();
    await expect(table.locator('tbody tr').first().locator('td').nth(3)).not.toHaveText(firstId);
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(page.getByText('Page 1')).toBeVisible();
    await expect(table.locator('tbody tr').first().locator('td').nth(3)).toHaveText(firstId);
    await page.getByLabel('Rows per page').selectOption('25');
    // The table is virtualised: it says how many rows it has (and a header row) rather than rendering all.
    await expect(table).toHaveAttribute('aria-rowcount', '26');
  });

  test('SIM page, groups, billing, account and not-found pass axe', async ({ page }) => {
    // Five pages, each with an axe run: more than the default 30 s when the machine is busy.
    test.slow();
    // The rows settle first: another journey may change the demo fleet while the first page is being answered.
    await page.waitForLoadState('networkidle');
    const link = page.getByRole('table', { name: 'SIMs' }).locator('tbody tr').first().getByRole('link');
    // The link's address names the SIM by its ID: the page it opens is that SIM's, headed by its name.
    await expect(link).toHaveAttribute('href', /^\/sims\/\d+$/);
    const href = (await link.getAttribute('href')) as string;
    const simId = href.slice('/sims/'.length);
    const name = (await link.textContent()) ?? '';
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    const shownId = page
      .locator('dl > div')
      .filter({ has: page.getByText('SIM ID', { exact: true }) })
      .locator('dd');
    await expect(shownId).toHaveText(simId);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(name);
    await expectAccessible(page);

    for (const [nav, heading] of [
      ['Groups', 'Groups'],
      ['Billing', 'Billing'],
      ['Account', 'Account'],
    ] as const) {
      await page.getByRole('link', { name: nav }).click();
      await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
    }
    await expect(page.getByText('demo@example.com').last()).toBeVisible();

    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectAccessible(page);
  });

  test('Japanese and dark mode, also accessible', async ({ page }) => {
    // Two axe runs and a reload of the whole console.
    test.slow();
    await page.getByLabel('Language').selectOption('ja');
    await expect(page.getByRole('heading', { name: 'SIM', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'ダークモードに切り替え' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expectAccessible(page);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'SIM', exact: true })).toBeVisible();
  });
});
