import { readFileSync } from 'node:fs';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { formatByteCount, formatBytes } from '../src/lib/bytes';
import { api, apiSignIn, authHeaders, expect, expectAccessible, newOperator, signIn, test } from './fixtures';

type Headers = ReturnType<typeof authHeaders>;
interface Bucket {
  unixtime: number;
  upload: number;
  download: number;
}

const minute = 60;
const hour = 3_600;
const day = 86_400;

/** The ranges the pickers make (src/pages/usage/range.ts): UTC months, days and 5-minute slots up to now. */
function rangeOf(period: 'month' | 'day' | 'minutes', span: number, nowMs = Date.now()) {
  const to = Math.floor(nowMs / 1000);
  if (period === 'month') {
    const now = new Date(nowMs);
    return { period, from: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (span - 1), 1) / 1000, to };
  }
  if (period === 'day') return { period, from: Math.floor(to / day) * day - (span - 1) * day, to };
  return { period, from: Math.floor(to / 300) * 300 - (span * 12 - 1) * 300, to };
}

/** What the API answers for a subject and a range, as buckets of upload and download bytes. */
async function apiUsage(request: APIRequestContext, headers: Headers, path: string, range: ReturnType<typeof rangeOf>) {
  const response = await request.get(api(`${path}?from=${range.from}&to=${range.to}&period=${range.period}`), {
    headers,
  });
  expect(response.status(), path).toBe(200);
  const body = (await response.json()) as {
    unixtime: number;
    uploadByteSizeTotal?: number;
    downloadByteSizeTotal?: number;
    dataTrafficStatsMap?: Record<string, { uploadByteSizeTotal?: number; downloadByteSizeTotal?: number }>;
  }[];
  return body.map((b): Bucket => {
    const classes = Object.values(b.dataTrafficStatsMap ?? {});
    return {
      unixtime: b.unixtime,
      upload: b.uploadByteSizeTotal ?? classes.reduce((n, c) => n + (c.uploadByteSizeTotal ?? 0), 0),
      download: b.downloadByteSizeTotal ?? classes.reduce((n, c) => n + (c.downloadByteSizeTotal ?? 0), 0),
    };
  });
}

const sum = (buckets: Bucket[]) =>
  buckets.reduce((s, b) => ({ upload: s.upload + b.upload, download: s.download + b.download }), {
    upload: 0,
    download: 0,
  });

/** The chart's totals and table in `area` show exactly the API's buckets. */
async function expectFigures(area: Locator, buckets: Bucket[]) {
  const totals = sum(buckets);
  expect(totals.upload + totals.download, 'the API has data for this range').toBeGreaterThan(0);
  const figures = area.getByRole('group', { name: 'Totals' });
  await expect(figures).toContainText(
    `Upload${formatBytes(totals.upload, 'en')}${formatByteCount(totals.upload, 'en')}`,
  );
  await expect(figures).toContainText(
    `Download${formatBytes(totals.download, 'en')}${formatByteCount(totals.download, 'en')}`,
  );
  await expect(figures).toContainText(formatByteCount(totals.upload + totals.download, 'en'));
  const rows = area.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(buckets.length);
  for (const [i, b] of buckets.entries()) {
    await expect(rows.nth(i).getByRole('cell')).toHaveText([
      formatBytes(b.upload, 'en'),
      formatBytes(b.download, 'en'),
      formatBytes(b.upload + b.download, 'en'),
    ]);
  }
  await expect(area.getByRole('table').locator('tfoot td')).toHaveText([
    formatBytes(totals.upload, 'en'),
    formatBytes(totals.download, 'en'),
    formatBytes(totals.upload + totals.download, 'en'),
  ]);
}

/**
 * A fresh operator with two SIMs and known traffic: SIM A a few minutes, 3 days and 45 days ago, SIM B a day and
 * 70 days ago; SIM A in a group.
 */
async function fleetWithTraffic(request: APIRequestContext) {
  const operator = await newOperator(request, 'usage');
  const headers = authHeaders(operator.auth);
  const imsis: string[] = [];
  for (let i = 0; i < 2; i++) {
    const created = await request.post(api('/sandbox/subscribers/create'), { headers, data: {} });
    expect(created.status()).toBe(200);
    imsis.push(((await created.json()) as { imsi: string }).imsi);
  }
  const [imsiA = '', imsiB = ''] = imsis;
  const now = Math.floor(Date.now() / 1000);
  const traffic: [string, number, number, number][] = [
    [imsiA, now - 10 * minute, 1_234_567, 7_654_321],
    [imsiA, now - 3 * day, 2_500_000, 12_000_000],
    [imsiA, now - 45 * day, 40_000_000, 310_000_000],
    [imsiB, now - day - hour, 900_000, 4_100_000],
    [imsiB, now - 70 * day, 5_500_000, 61_000_000],
  ];
  for (const [imsi, unixtime, up, down] of traffic) {
    const inserted = await request.post(api(`/sandbox/stats/air/subscribers/${imsi}`), {
      headers,
      data: {
        unixtime,
        dataTrafficStatsMap: {
          's1.standard': {
            uploadByteSizeTotal: up,
            downloadByteSizeTotal: down,
            uploadPacketSizeTotal: 10,
            downloadPacketSizeTotal: 20,
          },
        },
      },
    });
    expect(inserted.status()).toBe(200);
  }
  const group = await request.post(api('/groups'), { headers, data: { tags: { name: 'Usage meters' } } });
  expect(group.status()).toBe(201);
  const { groupId } = (await group.json()) as { groupId: string };
  const joined = await request.post(api(`/subscribers/${imsiA}/set_group`), { headers, data: { groupId } });
  expect(joined.status()).toBe(200);
  const sims = (await (await request.get(api('/sims'), { headers })).json()) as { simId: string }[];
  const simOf = (imsi: string) => sims.find((s) => JSON.stringify(s).includes(imsi))?.simId ?? '';
  return { operator, headers, groupId, simA: simOf(imsiA), simB: simOf(imsiB) };
}

async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/$/);
}

test.describe('usage', () => {
  test('the dashboard shows what the API answers for all SIMs, by month and by day', async ({ page, request }) => {
    // A fleet made through the API, three ranges compared with the API and an axe run.
    test.slow();
    const { operator } = await fleetWithTraffic(request);
    // What any client of the API would see, signed in on its own.
    const auth = await apiSignIn(request, { email: operator.email, password: operator.password });
    const headers = authHeaders(auth);
    const operatorPath = `/stats/air/operators/${auth.operatorId}`;

    await signInAs(page, operator.email, operator.password);
    await page.getByRole('link', { name: 'Usage', exact: true }).click();
    await expect(page).toHaveURL(/\/usage$/);
    const all = page.getByRole('region', { name: 'All SIMs' });
    await expect(all.getByRole('img', { name: 'All SIMs: upload and download' })).toBeVisible();
    const months = await apiUsage(request, headers, operatorPath, rangeOf('month', 12));
    expect(months.length).toBeGreaterThanOrEqual(2);
    await expectFigures(all, months);
    await expectAccessible(page);

    // Daily, last 30 days: the 45- and 70-day-old traffic drops out; last 90 days brings it back.
    await all.getByLabel('Period', { exact: true }).selectOption({ label: 'Daily' });
    await expect(all.getByLabel('Range', { exact: true })).toHaveValue('30');
    await expectFigures(all, await apiUsage(request, headers, operatorPath, rangeOf('day', 30)));
    await all.getByLabel('Range', { exact: true }).selectOption({ label: 'Last 90 days' });
    const ninety = await apiUsage(request, headers, operatorPath, rangeOf('day', 90));
    expect(ninety).toHaveLength(5);
    await expectFigures(all, ninety);
  });

  test("the dashboard shows a group's usage as the API answers it", async ({ page, request }) => {
    // A fleet made through the API, then the dashboard and an axe run.
    test.slow();
    const { operator, headers, groupId } = await fleetWithTraffic(request);
    await signInAs(page, operator.email, operator.password);
    await page.goto('/usage');
    // The group holds SIM A only.
    const byGroup = page.getByRole('region', { name: 'By group' });
    await expect(byGroup.getByText('Choose a group to see the data usage of its SIMs.')).toBeVisible();
    await byGroup.getByLabel('Group', { exact: true }).selectOption({ label: 'Usage meters' });
    await expect(byGroup.getByRole('img', { name: 'Usage meters: upload and download' })).toBeVisible();
    const groupMonths = await apiUsage(request, headers, `/stats/air/groups/${groupId}`, rangeOf('month', 12));
    expect(sum(groupMonths).upload).toBe(1_234_567 + 2_500_000 + 40_000_000);
    await expectFigures(byGroup, groupMonths);
    await expectAccessible(page);
  });

  test('exports the usage as a CSV in both modes, holding the same figures', async ({ page, request }) => {
    // Two exports and their downloads, and axe: more than the default 30 s when the machine is busy.
    test.slow();
    const { operator, headers } = await fleetWithTraffic(request);
    await signInAs(page, operator.email, operator.password);
    await page.goto('/usage');
    const section = page.getByRole('region', { name: 'Export' });
    const total = sum(
      await apiUsage(request, headers, `/stats/air/operators/${operator.auth.operatorId}`, rangeOf('month', 12)),
    );

    for (const mode of ['Wait for the file', 'Prepare it in the background']) {
      await section.getByRole('radio', { name: mode }).check();
      const downloading = page.waitForEvent('download');
      await section.getByRole('button', { name: 'Export usage as CSV' }).click();
      const download = await downloading;
      const text = readFileSync(await download.path(), 'utf8');
      const [header = '', ...rows] = text.trim().split(/\r?\n/);
      const columns = header.split(',');
      const column = (name: string) => {
        const index = columns.indexOf(name);
        expect(index, `${name} in ${header}`).toBeGreaterThanOrEqual(0);
        return rows.reduce((n, row) => n + Number(row.split(',')[index]), 0);
      };
      expect(column('uploadByteSizeTotal'), mode).toBe(total.upload);
      expect(column('downloadByteSizeTotal'), mode).toBe(total.download);
      await expect(section.getByRole('status')).toContainText('The file is ready and is downloading.');
    }
    await expectAccessible(page);
  });

  test("a SIM's page charts its usage by day, month and 5 minutes, and says when there is none", async ({
    page,
    request,
  }) => {
    // Two SIM pages, four periods and two axe runs.
    test.slow();
    const { operator, headers, simA, simB } = await fleetWithTraffic(request);
    await signInAs(page, operator.email, operator.password);
    await page.goto(`/sims/${simA}`);
    const usage = page.getByRole('region', { name: 'Data usage' });
    await expect(usage.getByRole('img', { name: 'Data usage: upload and download' })).toBeVisible();
    await expectFigures(usage, await apiUsage(request, headers, `/stats/air/sims/${simA}`, rangeOf('day', 30)));

    await usage.getByLabel('Period', { exact: true }).selectOption({ label: 'Every 5 minutes' });
    await expect(usage.getByLabel('Range', { exact: true })).toHaveValue('6');
    const slots = await apiUsage(request, headers, `/stats/air/sims/${simA}`, rangeOf('minutes', 6));
    expect(slots).toEqual([expect.objectContaining({ upload: 1_234_567, download: 7_654_321 })]);
    await expectFigures(usage, slots);
    await expect(usage.getByRole('group', { name: 'Totals' })).toContainText('1.23 MB');
    await expectAccessible(page);

    await usage.getByLabel('Period', { exact: true }).selectOption({ label: 'Monthly' });
    await expectFigures(usage, await apiUsage(request, headers, `/stats/air/sims/${simA}`, rangeOf('month', 12)));

    // SIM B sent nothing in the last 6 hours.
    await page.goto(`/sims/${simB}`);
    const other = page.getByRole('region', { name: 'Data usage' });
    await other.getByLabel('Period', { exact: true }).selectOption({ label: 'Every 5 minutes' });
    await expect(other.getByText('No data in this period')).toBeVisible();
    await expect(other.getByText('Pick a longer range or another period, or send data from this SIM.')).toBeVisible();
    await expect(other.getByRole('img', { name: 'Data usage: upload and download' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
