import type { Page } from '@playwright/test';
import { expect, expectAccessible, openSimTable, signIn, signInAsSamUser, test } from './fixtures';

/** TEAM_SHOTS=folder keeps a picture of each screen, to look at. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.TEAM_SHOTS) await page.screenshot({ path: `${process.env.TEAM_SHOTS}/${name}.png`, fullPage: true });
}

test('root creates a viewer, who sees what they may do; the tester and the audit log explain it', async ({
  page,
  browser,
}) => {
  // Two sign-ins, five screens and their axe runs.
  test.setTimeout(180_000);
  const userName = `e2e-viewer-${Date.now()}`;
  const password = 'viewer-pass-123';

  await page.goto('/login');
  await signIn(page);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('link', { name: 'Users & roles' }).click();
  await expect(page.getByRole('table', { name: 'SAM users' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'demo-viewer' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Create user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('User name').fill(userName);
  await dialog.getByLabel('Description').fill('Read-only, from the journey');
  await dialog.getByRole('combobox', { name: 'Roles' }).click();
  await page.getByRole('option', { name: 'viewer', exact: true }).click();
  await dialog.getByLabel('New password', { exact: true }).fill(password);
  await dialog.getByLabel('Confirm new password').fill(password);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByText(`User ${userName} has been created.`)).toBeVisible();
  await dialog.getByRole('link', { name: "Open the user's page" }).click();
  await expect(page.getByRole('heading', { name: `User ${userName}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'viewer', exact: true })).toBeVisible();
  await expect(page.getByText('Has a password')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'user');

  // The viewer, in a browser of their own.
  const viewer = await signInAsSamUser(browser, userName, password);
  const nav = viewer.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'SIMs' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users & roles' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await openSimTable(viewer);
  const sims = viewer.getByRole('table', { name: 'SIMs' });
  await expect(sims.locator('tbody tr').first().getByRole('link')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Register SIM' })).toHaveAttribute('aria-disabled', 'true');
  await sims
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /^Actions for/ })
    .click();
  const suspend = viewer.getByRole('menuitem', { name: 'Suspend' });
  await expect(suspend).toBeDisabled();
  await expect(viewer.getByRole('menu').getByText('Your permissions do not allow Sim:suspendSim.')).toBeVisible();
  await shot(viewer, 'viewer-sims');
  // Every item is disabled, so focus stays on the button: close the menu from there.
  await viewer
    .getByRole('button', { name: /^Actions for/ })
    .first()
    .click();
  await expect(viewer.getByRole('menu')).toHaveCount(0);
  await expectAccessible(viewer);

  await viewer.goto('/account/users');
  await expect(viewer.getByRole('alert').getByText('You cannot open this page')).toBeVisible();
  await expect(viewer.getByText(/User:listUsers/)).toBeVisible();
  await shot(viewer, 'viewer-forbidden');
  await expectAccessible(viewer);
  await viewer.context().close();

  // The tester explains the refusal: which statement, or that none allows it.
  await page.getByRole('link', { name: 'Permission tester' }).click();
  await page.getByRole('combobox', { name: 'User', exact: true }).click();
  await page.getByRole('option', { name: userName, exact: true }).click();
  await page.getByLabel('Filter').fill('terminateSim');
  const decisions = page.getByRole('table', { name: 'Decisions' });
  const terminate = decisions.getByRole('row').filter({ hasText: 'Sim:terminateSim' });
  await expect(terminate).toContainText('Refused');
  await expect(terminate).toContainText('No statement allows it');
  await page.getByLabel('Filter').fill('Sim:listSims');
  const list = decisions.getByRole('row').filter({ has: page.getByText('Sim:listSims', { exact: true }) });
  await expect(list).toContainText('Allowed by statement 1 of role viewer');
  await shot(page, 'tester');
  await expectAccessible(page);

  // The audit log has both users' calls.
  await page.getByRole('link', { name: 'Audit log' }).click();
  const log = page.getByRole('table', { name: 'API calls' });
  await expect(log.getByRole('row').filter({ hasText: userName }).first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: 'root' }).first()).toBeVisible();
  await page.getByLabel('User', { exact: true }).fill(userName);
  await expect(log.getByRole('row').filter({ hasText: 'root' })).toHaveCount(0);
  await shot(page, 'audit');
  await expectAccessible(page);
});
