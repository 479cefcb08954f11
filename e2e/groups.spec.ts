/** Groups: create, rename, tag and delete one, and open a group's SIMs in the SIM table. */
import { expect, expectAccessible, signIn, test } from './fixtures';

test.describe('groups', () => {
  test('create, rename, tag, and delete a group', async ({ page }) => {
    const name = `e2e-group-${Date.now()}`;
    await page.goto('/login');
    await signIn(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('button', { name: 'Create group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create group' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Tags').fill('env=staging\nnot a tag');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByText('Write "not a tag" as name=value.')).toBeVisible();
    await dialog.getByLabel('Tags').fill('env=staging');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Value of tag name').fill(`${name}-renamed`);
    await page
      .getByLabel('Value of tag name')
      .locator('xpath=ancestor::tr')
      .getByRole('button', { name: 'Save' })
      .click();
    await expect(page.getByRole('heading', { name: `${name}-renamed`, level: 2 })).toBeVisible();
    await page.getByLabel('Tag name', { exact: true }).fill('owner');
    await page.getByLabel('Tag value', { exact: true }).fill('ops');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect(page.getByLabel('Value of tag owner')).toHaveValue('ops');
    await page.getByRole('button', { name: 'Remove tag env' }).click();
    await expect(page.getByLabel('Value of tag env')).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByLabel('Search by name').fill(`${name}-renamed`);
    await expect(page.getByRole('table', { name: 'Groups' }).getByRole('link')).toHaveCount(1);
    await page.getByRole('link', { name: `${name}-renamed` }).click();
    await page.getByRole('button', { name: 'Delete group' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this group?' });
    await expect(confirm.getByText(/has 0 SIMs/)).toBeVisible();
    await confirm.getByRole('button', { name: 'Delete group' }).click();
    await expect(page).toHaveURL(/\/groups$/);
    await page.getByLabel('Search by name').fill(`${name}-renamed`);
    await expect(page.getByText('No group matches these filters.')).toBeVisible();
  });

  test('the SIMs of a group open in the SIM table, filtered to that group', async ({ page }) => {
    // The group page, the SIM table and an axe run: more than the default 30 s when the machine is busy.
    test.slow();
    await page.goto('/login');
    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/groups/00000000-0000-4000-8000-000000000001');
    await page.getByRole('link', { name: 'Open in the SIM table' }).click();
    await expect(page.getByText('Group: Tokyo sensors')).toBeVisible();
    const groupCells = page.getByRole('table', { name: 'SIMs' }).locator('tbody tr td:nth-child(11)');
    await expect(groupCells.first()).toHaveText('Tokyo sensors');
    await expect(groupCells.filter({ hasNotText: /^Tokyo sensors$/ })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect(page.getByText('Group: Tokyo sensors')).toHaveCount(0);
    await expect(page).toHaveURL(/\/sims$/);
  });
});
