/**
 * The home dashboard and credentials: the dashboard's figures are what the API answers, a status leads to the SIM
 * table filtered by it, a credential set made inside the Funnel form is saved with the configuration (its secret
 * never comes back in any answer), rotated and, once unused, deleted; a limited SAM user is told what they may not
 * see.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { api, apiSignIn, authHeaders, demo, expect, expectAccessible, signIn, signInAsSamUser, test } from './fixtures';

async function rootHeaders(request: APIRequestContext) {
  return authHeaders(await apiSignIn(request, { email: demo.email, password: demo.password }));
}

async function signInRoot(page: Page) {
  await page.goto('/login');
  await signIn(page);
  await expect(page).toHaveURL(/\/$/);
}

const statuses = ['ready', 'active', 'inactive', 'standby', 'suspended'] as const;

test.describe('home dashboard', () => {
  test('shows the figures the API answers; a status opens the SIM table filtered by it', async ({ page, request }) => {
    test.slow();
    const headers = await rootHeaders(request);
    await signInRoot(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();

    // Other journeys change SIMs and usage meanwhile: compare page and API read at about the same time.
    await expect(async () => {
      await page.reload();
      const summary = await (await request.get(api('/resource_summaries/simsPerStatus'), { headers })).json();
      const values = new Map<string, number>(
        summary.resourceSummaryItems[0].values.map((v: { name: string; value: number }) => [v.name, v.value]),
      );
      for (const status of statuses) {
        await expect(page.getByTestId(`status-count-${status}`)).toHaveText(String(values.get(`${status}Sims`) ?? 0), {
          timeout: 5_000,
        });
      }
    }).toPass({ timeout: 40_000 });

    const now = new Date();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    await expect(async () => {
      await page.reload();
      const ranking = (await (
        await request.get(
          api(`/query/subscribers/traffic_volume/ranking?from=${monthStart}&to=${Date.now()}&limit=5`),
          {
            headers,
          },
        )
      ).json()) as { imsi: string; trafficVolume: number }[];
      expect(ranking.length).toBeGreaterThan(0);
      const rows = page.getByTestId('top-sims').locator('tbody tr');
      await expect(rows).toHaveCount(ranking.length, { timeout: 5_000 });
      for (const [i, row] of ranking.entries()) {
        await expect(rows.nth(i)).toHaveAttribute('data-imsi', row.imsi);
        await expect(rows.nth(i).locator('td').last()).toHaveAttribute('data-bytes', String(row.trafficVolume));
      }
    }).toPass({ timeout: 40_000 });

    const latest = (await (await request.get(api('/bills/latest'), { headers })).json()) as { amount: number };
    await expect(page.getByTestId('bill-so-far')).toHaveAttribute('data-amount', String(latest.amount));
    const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const yyyyMM = `${previous.getUTCFullYear()}${String(previous.getUTCMonth() + 1).padStart(2, '0')}`;
    const daily = (await (await request.get(api(`/bills/${yyyyMM}/daily`), { headers })).json()) as {
      billList: { date: string; amount: number }[];
    };
    const sameDays = daily.billList
      .filter((d) => Number(d.date.slice(6, 8)) <= now.getUTCDate())
      .reduce((sum, d) => sum + d.amount, 0);
    await expect(page.getByTestId('bill-last-month')).toHaveAttribute('data-amount', String(sameDays));
    await expectAccessible(page);

    // A top SIM opens its page.
    const top = page.getByTestId('top-sims').locator('tbody tr').first();
    await top.getByRole('link').click();
    await expect(page).toHaveURL(/\/sims\/\d+$/);
    await expect(page.getByRole('term').filter({ hasText: 'IMSI' }).first()).toBeVisible();
    await page.goBack();

    // A status opens the SIM table filtered by it, showing only SIMs of that status.
    const link = page.getByRole('link', { name: /^Suspended: \d+ SIMs?, show them in the SIM table$/ });
    await link.click();
    await expect(page).toHaveURL(/\/sims\?status=suspended$/);
    const table = page.getByRole('table', { name: 'SIMs' });
    const rows = table.locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const shown = await rows.count();
    for (let i = 0; i < Math.min(shown, 10); i++) await expect(rows.nth(i)).toContainText('Suspended');
  });

  test('a credential set made inside the Funnel form is saved with it; its secret never comes back', async ({
    page,
    request,
  }) => {
    test.slow();
    const headers = await rootHeaders(request);
    const stamp = Date.now();
    const groupName = `e2e-funnel-${stamp}`;
    const created = await request.post(api('/groups'), {
      headers,
      data: {
        tags: { name: groupName },
        configuration: {
          SoracomFunnel: {
            enabled: true,
            destination: { provider: 'aws', service: 'kinesis', resourceUrl: 'https://kinesis.example.com/old' },
            futureSetting: { kept: true },
          },
        },
      },
    });
    expect(created.status()).toBe(201);
    const { groupId } = (await created.json()) as { groupId: string };
    const secret = `e2e-SECRET-${stamp}-${Math.random().toString(36).slice(2)}`;
    const rotatedSecret = `${secret}-rotated`;
    const answers: string[] = [];
    page.on('response', async (response) => {
      if (response.url().includes('/api/')) answers.push(await response.text().catch(() => ''));
    });

    await signInRoot(page);
    await page.goto(`/groups/${groupId}`);
    await page.getByRole('tab', { name: 'SoracomFunnel', exact: true }).click();
    const panel = page.getByRole('tabpanel');
    // An edit made before the credential: it must survive making one.
    await panel.getByLabel('Destination: resource URL').fill('https://kinesis.example.com/new');
    const picker = panel.getByLabel('Credentials ID');
    await expect(picker).toHaveValue('');
    await picker.selectOption({ label: 'Create new…' });
    const dialog = page.getByRole('dialog', { name: 'Create credentials' });
    const credentialsId = `e2e-aws-${stamp}`;
    await dialog.getByLabel('Credentials ID').fill(credentialsId);
    await dialog.getByLabel('Type').selectOption('aws-credentials');
    await dialog.getByLabel('Description').fill('Made in the Funnel form');
    await dialog.getByLabel('accessKeyId').fill('AKIAE2EEXAMPLE');
    await dialog.getByLabel('secretAccessKey').fill(secret);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(picker).toHaveValue(credentialsId);
    await expect(panel.getByLabel('Destination: resource URL')).toHaveValue('https://kinesis.example.com/new');
    await page.getByRole('button', { name: 'Review and save' }).click();
    const review = page.getByRole('dialog');
    await review.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(review).toBeHidden();

    const group = (await (await request.get(api(`/groups/${groupId}`), { headers })).json()) as {
      configuration: { SoracomFunnel: Record<string, unknown> };
    };
    expect(group.configuration.SoracomFunnel).toEqual({
      enabled: true,
      destination: { provider: 'aws', service: 'kinesis', resourceUrl: 'https://kinesis.example.com/new' },
      futureSetting: { kept: true },
      credentialsId,
    });

    // The credentials page lists it with what identifies it, and rotates its secret.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Credentials' }).click();
    await expect(page).toHaveURL(/\/credentials$/);
    const row = page.locator(`tr[data-credentials-id="${credentialsId}"]`);
    await expect(row).toContainText('aws-credentials');
    await expect(row).toContainText('accessKeyId: AKIAE2EEXAMPLE');
    await expect(row).toContainText('Never');
    await expectAccessible(page);
    await row.getByRole('button', { name: `Rotate secret: ${credentialsId}` }).click();
    const rotate = page.getByRole('dialog', { name: `Rotate the secret of ${credentialsId}` });
    await expect(rotate.getByLabel('accessKeyId')).toHaveValue('AKIAE2EEXAMPLE');
    await expect(rotate.getByLabel('secretAccessKey')).toHaveValue('');
    await rotate.getByLabel('secretAccessKey').fill(rotatedSecret);
    await rotate.getByRole('button', { name: 'Replace secret' }).click();
    await expect(rotate).toBeHidden();
    await expect(page.getByText(`The secret of ${credentialsId} has been replaced.`)).toBeVisible();

    // Deleting it is refused while the group uses it: the dialog names the group.
    await row.getByRole('button', { name: `Delete: ${credentialsId}` }).click();
    const confirm = page.getByRole('dialog', { name: `Delete credentials ${credentialsId}?` });
    await expect(confirm.getByTestId('credential-used-by').getByRole('link', { name: groupName })).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    const refused = await request.delete(api(`/credentials/${credentialsId}`), { headers });
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toContain(groupId);

    // Once the group no longer names it, it is deleted after a confirmation.
    const unset = await request.delete(api(`/groups/${groupId}/configuration/SoracomFunnel/credentialsId`), {
      headers,
    });
    expect(unset.status()).toBe(204);
    await page.reload();
    await row.getByRole('button', { name: `Delete: ${credentialsId}` }).click();
    await expect(confirm.getByText("No group's configuration uses them.")).toBeVisible();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toHaveCount(0);

    expect(answers.length).toBeGreaterThan(5);
    for (const answer of answers) {
      expect(answer).not.toContain(secret);
    }
    expect(await page.content()).not.toContain('e2e-SECRET');
  });
});

test('a SAM user who may see bills only is told, card by card, what the dashboard cannot show', async ({ browser }) => {
  test.slow();
  const page = await signInAsSamUser(browser, 'demo-billing', 'demo-billing-password');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByText('Your permissions do not allow ResourceSummary:getResourceSummary.')).toBeVisible();
  await expect(
    page.getByText('Your permissions do not allow Query:searchSubscriberTrafficVolumeRanking.'),
  ).toBeVisible();
  await expect(page.getByTestId('bill-so-far')).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Credentials' })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto('/credentials');
  await expect(page.getByRole('alert').filter({ hasText: 'You cannot open this page' })).toBeVisible();
  await expect(page.getByText(/Credential:listCredentials/)).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});
