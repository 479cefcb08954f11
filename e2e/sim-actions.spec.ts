import { api, authHeaders, expect, expectAccessible, newOperator, signIn, test } from './fixtures';

/** A fresh operator with one new SIM (status ready), signed in on its SIM page. */
async function simPage(page: import('@playwright/test').Page, request: import('@playwright/test').APIRequestContext) {
  const operator = await newOperator(request, 'sim-actions');
  const headers = authHeaders(operator.auth);
  expect((await request.post(api('/sandbox/subscribers/create'), { headers, data: {} })).status()).toBe(200);
  const [sim] = (await (await request.get(api('/sims'), { headers })).json()) as { simId: string }[];
  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/sims/${sim?.simId}`);
  await expect(page.getByText('Ready', { exact: true })).toBeVisible();
  return { simId: sim?.simId as string, headers };
}

async function act(page: import('@playwright/test').Page, item: string, confirm = item) {
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  return dialog;
}

test.describe('SIM actions', () => {
  test('status changes, with SORACOM refusing a transition it does not allow', async ({ page, request }) => {
    await simPage(page, request);
    const dialog = await act(page, 'Activate');
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();

    // An active SIM cannot go to standby: SORACOM's answer is shown, and nothing changes.
    const refused = await act(page, 'Set to standby');
    await expect(refused.getByRole('alert')).toContainText('SIM0001');
    await refused.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();

    await act(page, 'Deactivate');
    await expect(page.getByText('Inactive', { exact: true }).first()).toBeVisible();

    // The history shows both changes, newest first; the refused one left no trace.
    const history = page.getByRole('table', { name: 'Status history' }).locator('tbody tr');
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toContainText('Inactive');
    await expect(history.nth(1)).toContainText('Active');
    await expect(page.getByText('No session events yet.')).toBeVisible();
    await expectAccessible(page);
  });

  test('terminating: protection first, the name typed, and one request however fast the button is pressed', async ({
    page,
    request,
  }) => {
    const { simId } = await simPage(page, request);
    await page.getByRole('button', { name: 'Actions' }).click();
    await expect(page.getByRole('menuitem', { name: 'Terminate…' })).toBeDisabled();
    await expect(page.getByText('Termination protection is on', { exact: false })).toBeVisible();
    await page.keyboard.press('Escape');

    await act(page, 'Turn termination protection off', 'Turn protection off');
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Terminate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terminate this SIM?' });
    const confirm = dialog.getByRole('button', { name: 'Terminate', exact: true });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/^Type .* to confirm$/).fill('not-it');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/^Type .* to confirm$/).fill(simId);
    await expectAccessible(page);

    const terminations: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/terminate')) terminations.push(r.url());
    });
    await confirm.dblclick();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Terminated', { exact: true }).first()).toBeVisible();
    expect(terminations).toHaveLength(1);
    // Nothing more can be done to it: every action is offered disabled, saying why.
    await page.getByRole('button', { name: 'Actions' }).click();
    await expect(page.getByRole('menuitem', { name: 'Activate', exact: true })).toBeDisabled();
    await expect(page.getByRole('menuitem', { name: 'Set tags…', exact: true })).toBeDisabled();
    await expect(page.getByText('The SIM is terminated.').first()).toBeVisible();
  });

  test('pressing Enter twice on terminate sends one request', async ({ page, request }) => {
    const { simId, headers } = await simPage(page, request);
    expect((await request.post(api(`/sims/${simId}/enable_termination`), { headers })).status()).toBe(200);
    await page.reload();
    const terminations: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/terminate')) terminations.push(r.url());
    });
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Terminate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terminate this SIM?' });
    await dialog.getByLabel(/^Type .* to confirm$/).fill(simId);
    await dialog.getByRole('button', { name: 'Terminate', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Terminated', { exact: true }).first()).toBeVisible();
    expect(terminations).toHaveLength(1);
  });

  test('offline, a destructive action fails at once instead of waiting to be sent', async ({
    page,
    request,
    context,
  }) => {
    await simPage(page, request);
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/sims/')) sent.push(r.url());
    });
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Suspend', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(/could not be reached/);
    expect(sent).toEqual([]);
    await context.setOffline(false);
  });
});
