/** Bulk actions on the SIM table: progress, failures and rate limits, retry, typed confirmation, skipped SIMs. */
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { parseCsv } from '../src/lib/csv';
import { api, authHeaders, expect, expectAccessible, newOperator, openSimTable, signIn, test } from './fixtures';
import { type ApiSim, table } from './sim-helpers';

// Tall enough that a page of 25 rows is all rendered by the virtualised table.
test.use({ viewport: { width: 1400, height: 1600 } });
test.describe.configure({ timeout: 120_000 });

/** A fresh operator with `count` new SIMs, signed in on the SIM table. */
async function operatorWithSims(page: Page, request: APIRequestContext, count: number) {
  const operator = await newOperator(request, 'bulk');
  const headers = authHeaders(operator.auth);
  for (let i = 0; i < count; i++) {
    expect((await request.post(api('/sandbox/subscribers/create'), { headers, data: {} })).status()).toBe(200);
  }
  const sims = (await (await request.get(api('/sims'), { headers })).json()) as ApiSim[];
  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page).toHaveURL(/\/$/);
  await openSimTable(page);
  await expect(table(page).locator('tbody tr')).toHaveCount(count);
  return { headers, ids: sims.map((s) => s.simId).sort() };
}

test.describe('bulk actions', () => {
  test('a failure and a rate limit on the way, then "retry failed" finishes the job', async ({ page, request }) => {
    const { headers, ids } = await operatorWithSims(page, request, 6);
    const failing = ids[1] as string;
    const limited = ids[2] as string;
    const sent = new Map<string, number>();
    let limitedOnce = false;
    await page.route(/\/api\/local\/v1\/sims\/[^/]+\/activate$/, async (route) => {
      const simId = new URL(route.request().url()).pathname.split('/').at(-2) ?? '';
      sent.set(simId, (sent.get(simId) ?? 0) + 1);
      if (simId === failing) {
        await route.fulfill({ status: 500, json: { code: 'INT0001', message: 'Injected failure' } });
      } else if (simId === limited && !limitedOnce) {
        limitedOnce = true;
        await route.fulfill({
          status: 429,
          headers: { 'X-Soracom-Ratelimit-Seconds-Before-Refresh': '1' },
          json: { code: 'COM0008', message: 'Too many requests' },
        });
      } else {
        await route.continue();
      }
    });

    await table(page)
      .getByRole('checkbox', { name: /Select all/ })
      .check();
    await expect(page.getByText('6 of 6 selected')).toBeVisible();
    await page.getByLabel('Choose an action…').selectOption({ label: 'Activate' });
    await page.getByRole('button', { name: 'Apply to selected' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('It will be applied to 6 SIMs; 0 skipped.');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Apply to 6 SIMs' }).click();
    await expect(dialog).toContainText('6 of 6 done: 5 succeeded, 1 failed');
    await expect(dialog.getByRole('table', { name: 'Failed SIMs' })).toContainText('Injected failure');
    expect(sent.get(limited)).toBe(2);
    expect(sent.get(failing)).toBe(1);

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download results (CSV)' }).click();
    const [, ...results] = parseCsv(readFileSync(await (await download).path(), 'utf8'));
    expect(results.map((r) => [r[0], r[2]]).sort()).toEqual(ids.map((id) => [id, id === failing ? 'failed' : 'ok']));

    await page.unroute(/\/api\/local\/v1\/sims\/[^/]+\/activate$/);
    await dialog.getByRole('button', { name: 'Retry 1 failed' }).click();
    await expect(dialog).toContainText('6 of 6 done: 6 succeeded, 0 failed');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const after = (await (await request.get(api('/sims'), { headers })).json()) as ApiSim[];
    expect(after.map((s) => s.status)).toEqual(ids.map(() => 'active'));
  });

  test('a destructive bulk action needs the count typed, and sends each SIM once', async ({ page, request }) => {
    const { headers, ids } = await operatorWithSims(page, request, 3);
    for (const id of ids) await request.post(api(`/sims/${id}/enable_termination`), { headers });
    await page.reload();
    const terminates: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/terminate')) terminates.push(r.url());
    });
    await table(page)
      .getByRole('checkbox', { name: /Select all/ })
      .check();
    await page.getByLabel('Choose an action…').selectOption({ label: 'Terminate…' });
    await page.getByRole('button', { name: 'Apply to selected' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    const run = dialog.getByRole('button', { name: 'Apply to 3 SIMs' });
    await expect(run).toBeDisabled();
    await dialog.getByLabel('Type 3 to confirm').fill('2');
    await expect(run).toBeDisabled();
    await dialog.getByLabel('Type 3 to confirm').fill('3');
    await expectAccessible(page);
    await run.dblclick();
    await expect(dialog).toContainText('3 of 3 done: 3 succeeded');
    expect(terminates).toHaveLength(3);
    const after = (await (await request.get(api('/sims'), { headers })).json()) as ApiSim[];
    expect(after.map((s) => s.status)).toEqual(['terminated', 'terminated', 'terminated']);
  });

  test('SIMs an action does not apply to are skipped, with the reason', async ({ page, request }) => {
    await operatorWithSims(page, request, 2);
    await table(page)
      .getByRole('checkbox', { name: /Select all/ })
      .check();
    await page.getByLabel('Choose an action…').selectOption({ label: 'Remove IMEI lock' });
    await page.getByRole('button', { name: 'Apply to selected' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('It will be applied to 0 SIMs; 2 skipped.');
    await expect(dialog.getByRole('button', { name: /Apply to 0 SIMs/ })).toBeDisabled();
  });

  test('an action from a row menu updates the row, in whole-fleet mode too', async ({ page, request }) => {
    const { ids } = await operatorWithSims(page, request, 2);
    await page.getByText('Whole fleet', { exact: true }).click();
    await expect(page.getByText('2 SIMs loaded')).toBeVisible();
    const row = table(page)
      .locator('tbody tr')
      .filter({ hasText: ids[0] as string });
    await row.getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('renamed-from-the-table');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByRole('link', { name: 'renamed-from-the-table' })).toBeVisible();
    await expectAccessible(page);
  });
});
