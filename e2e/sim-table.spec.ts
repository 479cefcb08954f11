import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { parseCsv } from '../src/lib/csv';
import { api, apiSignIn, authHeaders, demo, expect, expectAccessible, openSimTable, signIn, test } from './fixtures';
import { type ApiSim, table } from './sim-helpers';

// Tall enough that a page of 25 rows is all rendered by the virtualised table.
test.use({ viewport: { width: 1400, height: 1600 } });
// These journeys load many pages and walk the fleet through the API as well.
test.describe.configure({ timeout: 120_000 });

async function demoHeaders(request: APIRequestContext) {
  return authHeaders(await apiSignIn(request, { email: demo.email, password: demo.password }));
}

/** Every SIM of a listing or search, walking the pages. */
async function walk(request: APIRequestContext, headers: Record<string, string>, path: string): Promise<ApiSim[]> {
  const sims: ApiSim[] = [];
  let key = '';
  for (;;) {
    const separator = path.includes('?') ? '&' : '?';
    const response = await request.get(
      api(`${path}${separator}limit=100${key ? `&last_evaluated_key=${encodeURIComponent(key)}` : ''}`),
      { headers },
    );
    expect(response.status()).toBe(200);
    sims.push(...((await response.json()) as ApiSim[]));
    key = response.headers()['x-soracom-next-key'] ?? '';
    if (!key) return sims;
  }
}

/** The SIM IDs of the rows shown (column 4: after the checkbox, the row menu and the name). */
async function shownIds(page: Page): Promise<string[]> {
  return table(page).locator('tbody tr td:nth-child(4)').allTextContents();
}

async function openTable(page: Page, query = '') {
  await page.goto('/login');
  await signIn(page);
  await expect(page).toHaveURL(/\/$/);
  if (query) await page.goto(`/sims?${query}`);
  else await openSimTable(page);
  await expect(table(page).locator('tbody tr td:nth-child(4)').first()).toHaveText(/^\d{19}$/);
}

test.describe('SIM table', () => {
  test('pages through the fleet, each page in the URL', async ({ page, request }) => {
    const headers = await demoHeaders(request);
    const first = (await (await request.get(api('/sims?limit=25'), { headers })).json()) as ApiSim[];
    await openTable(page, 'limit=25');
    await expect.poll(() => shownIds(page)).toEqual(first.map((s) => s.simId));
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/after=/);
    const after = new URL(page.url()).searchParams.get('after') ?? '';
    const second = (await (
      await request.get(api(`/sims?limit=25&last_evaluated_key=${encodeURIComponent(after)}`), { headers })
    ).json()) as ApiSim[];
    await expect.poll(() => shownIds(page)).toEqual(second.map((s) => s.simId));
    await expect(page.getByText('Page 2')).toBeVisible();
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => shownIds(page)).toEqual(first.map((s) => s.simId));
    await expectAccessible(page);
  });

  test('every search filter shows what /query/sims answers', async ({ page, request }) => {
    const headers = await demoHeaders(request);
    const all = await walk(request, headers, '/sims');
    const sample = all.find((s) => s.groupId && s.tags?.env && s.status === 'active') as ApiSim;
    const profile = Object.values(sample.profiles ?? {})[0];
    const imsi = Object.keys(profile?.subscribers ?? {})[0] ?? '';
    const subscriber = profile?.subscribers?.[imsi];
    const groups = (await (await request.get(api('/groups'), { headers })).json()) as {
      groupId: string;
      tags?: { name?: string };
    }[];
    const groupName = groups.find((g) => g.groupId === sample.groupId)?.tags?.name ?? '';
    const bundled = all.flatMap((s) =>
      Object.values(s.profiles ?? {}).flatMap((p) =>
        Object.values(p.subscribers ?? {}).flatMap((x) => (x as { bundles?: string[] }).bundles ?? []),
      ),
    );
    const filters: [string, string][] = [
      ['name', (sample.tags?.name ?? '').slice(0, 6)],
      ['group', groupName.slice(0, 5)],
      ['group_id', sample.groupId ?? ''],
      ['sim_id', sample.simId.slice(-6)],
      ['imsi', imsi.slice(0, 6)],
      ['msisdn', (subscriber?.msisdn ?? '').slice(-5)],
      ['iccid', (profile?.iccid ?? '').slice(-5)],
      ['serial_number', (sample.serialNumber ?? '').slice(-5)],
      ['tag', sample.tags?.env ?? ''],
      ['bundles', bundled[0] ?? 'D-300MB'],
      ['status', 'active'],
      ['subscription', subscriber?.subscription ?? ''],
      ['module_type', sample.moduleType ?? ''],
    ];
    await openTable(page, 'limit=25');
    for (const [field, value] of filters) {
      const query = `${field}=${encodeURIComponent(value)}`;
      const expected = (await (
        await request.get(api(`/query/sims?${query}&limit=25`), { headers })
      ).json()) as ApiSim[];
      await page.goto(`/sims?${query}&limit=25`);
      if (expected.length === 0) {
        await expect(page.getByText('No SIMs match this view.')).toBeVisible();
      } else {
        await expect.poll(() => shownIds(page), { message: field }).toEqual(expected.map((s) => s.simId));
      }
    }
    // The session filter: every SIM shown is online (another journey may end a session meanwhile: not the exact list).
    await page.goto('/sims?session_status=ONLINE&limit=25');
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Session: Online');
    const sessions = table(page).locator('tbody tr td:nth-child(8)');
    await expect(sessions.first()).toContainText('Online');
    await expect(sessions.filter({ hasNotText: 'Online' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('filters added in the form combine with AND or OR, survive a reload and are saved as a view', async ({
    page,
    request,
  }) => {
    const headers = await demoHeaders(request);
    await openTable(page, 'limit=25');
    const form = page.getByRole('form', { name: 'Search SIMs' });
    // Too short a value is refused next to the field, before anything is sent.
    await form.getByLabel('Value').fill('a');
    await form.getByRole('button', { name: 'Add filter' }).click();
    await expect(page.getByText('Each value needs at least 2 characters.')).toBeVisible();
    await form.getByLabel('Value').fill('tokyo');
    await form.getByRole('button', { name: 'Add filter' }).click();
    await form.getByLabel('Search by').selectOption('tag');
    await form.getByLabel('Value').fill('staging');
    await form.getByRole('button', { name: 'Add filter' }).click();
    await page.getByText('OR', { exact: true }).first().click();
    await expect(page).toHaveURL(/name=tokyo/);
    await expect(page).toHaveURL(/tag=staging/);
    await expect(page).toHaveURL(/search_type=or/);
    const expected = (await (
      await request.get(api('/query/sims?name=tokyo&tag=staging&search_type=or&limit=25'), { headers })
    ).json()) as ApiSim[];
    await expect.poll(() => shownIds(page)).toEqual(expected.map((s) => s.simId));
    await expectAccessible(page);

    await page.reload();
    const chips = page.getByRole('list', { name: 'Active filters' });
    await expect(chips).toContainText('Name: tokyo');
    await expect(chips).toContainText('Tag value: staging');
    await expect.poll(() => shownIds(page)).toEqual(expected.map((s) => s.simId));

    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('menuitem', { name: 'Save this view…' }).click();
    await page.getByRole('dialog').getByLabel('Name of the view').fill('Tokyo or staging');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect(page).toHaveURL(/\/sims(\?limit=25)?$/);
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('menuitem', { name: 'Tokyo or staging' }).click();
    await expect(page).toHaveURL(/search_type=or/);
    await expect.poll(() => shownIds(page)).toEqual(expected.map((s) => s.simId));
  });

  test('the column choice is remembered', async ({ page }) => {
    await openTable(page);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'ICCID' }).check();
    await page.getByRole('checkbox', { name: 'Tags' }).uncheck();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(table(page).getByRole('columnheader', { name: 'ICCID' })).toBeVisible();
    await expect(table(page).getByRole('columnheader', { name: 'Tags' })).toHaveCount(0);
  });

  test('exports every page of the current view to CSV', async ({ page, request }) => {
    const headers = await demoHeaders(request);
    const expected = await walk(request, headers, '/query/sims?name=tokyo');
    expect(expected.length).toBeGreaterThan(25);
    await openTable(page, 'name=tokyo&limit=25');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    expect(header?.slice(0, 3)).toEqual(['Name', 'SIM ID', 'IMSI']);
    expect(rows.map((r) => r[1]).sort()).toEqual(expected.map((s) => s.simId).sort());
    const byId = new Map(expected.map((s) => [s.simId, s]));
    for (const row of rows) expect(row[0]).toBe(byId.get(row[1] ?? '')?.tags?.name);
  });

  test('whole-fleet mode loads every SIM, sorts, filters and finds dormant SIMs', async ({ page, request }) => {
    const headers = await demoHeaders(request);
    const all = await walk(request, headers, '/sims');
    await openTable(page);
    await page.getByText('Whole fleet', { exact: true }).click();
    await expect(page.getByText(`${all.length.toLocaleString('en-US')} SIMs loaded`)).toBeVisible();
    await expect(page).toHaveURL(/mode=fleet/);

    await table(page).getByRole('button', { name: 'Name', exact: true }).click();
    await expect(page).toHaveURL(/sort=name/);
    // The table compares lower-cased names character by character (not by locale collation).
    const names = all
      .map((s) => s.tags?.name ?? '')
      .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    await expect(table(page).locator('tbody tr td:nth-child(3)').first()).toHaveText(names[0] || '(no name)');
    await expect(table(page).getByRole('columnheader', { name: 'Name', exact: true })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await page.getByLabel('Filter the loaded SIMs').fill('sendai');
    await expect(page).toHaveURL(/q=sendai/);
    const sendai = all.filter((s) => JSON.stringify(s).toLowerCase().includes('sendai'));
    await expect(page.getByText(`Showing ${sendai.length.toLocaleString('en-US')}.`)).toBeVisible();
    await page.getByLabel('Filter the loaded SIMs').fill('');

    // Dormant: offline and not seen for 30 days. The export writes exactly the rows shown.
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Last seen' }).check();
    await page.keyboard.press('Escape');
    await page.getByLabel('Dormant SIMs only').click();
    await expect(page).toHaveURL(/dormant=30/);
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const [header, ...rows] = parseCsv(readFileSync(await (await download).path(), 'utf8'));
    const session = header?.indexOf('Session') ?? -1;
    const lastSeen = header?.indexOf('Last seen') ?? -1;
    expect(rows.length).toBeGreaterThan(0);
    const cutoff = Date.now() - 30 * 86_400_000;
    for (const row of rows) {
      // Offline, or never connected at all.
      expect(['offline', '']).toContain(row[session]);
      if (row[lastSeen]) expect(Date.parse(row[lastSeen] ?? '')).toBeLessThan(cutoff);
    }
    await expect(page.getByText(`Showing ${rows.length.toLocaleString('en-US')}.`)).toBeVisible();
  });

  test('session status refreshes by itself every 30 seconds', async ({ page }) => {
    await page.clock.install();
    await openTable(page);
    const updated = page.getByText(/^Updated /);
    const before = await updated.textContent();
    await page.clock.fastForward(31_000);
    await expect(updated).not.toHaveText(before ?? '');
  });
});
