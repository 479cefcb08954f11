import { api, demo, expect, expectAccessible, openSimTable, signIn, test } from './fixtures';

test.describe('signing in', () => {
  test('root account lands on the SIM table, with the login page accessible', async ({ page }) => {
    // Two axe runs and the first load of the SIM table: more than the default 30 s when the machine is busy.
    test.slow();
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in to SORACOM' })).toBeVisible();
    await expectAccessible(page);

    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    // Signing in lands on the home dashboard.
    await expect(page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();
    await openSimTable(page);
    await expect(page.getByRole('heading', { name: 'SIMs', exact: true })).toBeVisible();
    await expect(page.getByTestId('signed-in-as')).toContainText(demo.email);
    const table = page.getByRole('table', { name: 'SIMs' });
    const rows = table.locator('tbody tr');
    await expect(table).toHaveAttribute('aria-rowcount', '51');
    await expect(rows.first().getByRole('link')).toBeVisible();
    await expectAccessible(page);
  });

  test('goes back to the page that was asked for', async ({ page }) => {
    await page.goto('/groups');
    await expect(page).toHaveURL(/\/login\?from=%2Fgroups$/);
    await signIn(page);
    await expect(page).toHaveURL(/\/groups$/);
    await expect(page.getByRole('table', { name: 'Groups' }).getByText('Tokyo sensors')).toBeVisible();
  });

  test('a wrong password and an unknown email read the same, and nothing is stored', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, demo.email, 'not-the-password');
    const error = page.getByTestId('login-error');
    await expect(error).toHaveText('Sign-in failed. Check what you entered and try again.');
    await expectAccessible(page);

    await signIn(page, 'nobody-here@example.com', 'not-the-password');
    await expect(error).toHaveText('Sign-in failed. Check what you entered and try again.');
    await expect(page).toHaveURL(/\/login/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  test('fields are checked before anything is sent', async ({ page }) => {
    let authCalls = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/auth')) authCalls++;
    });
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Required').first()).toBeVisible();
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Enter an email address')).toBeVisible();
    expect(authCalls).toBe(0);
  });

  test('a SAM user signs in with operator ID, user name and password', async ({ page, request }) => {
    const root = await request.post(api('/auth'), { data: { email: demo.email, password: demo.password } });
    const auth = (await root.json()) as { apiKey: string; token: string };
    const headers = { 'X-Soracom-API-Key': auth.apiKey, 'X-Soracom-Token': auth.token };
    const userName = `e2e-user-${Date.now()}`;
    expect(
      (await request.post(api(`/operators/${demo.operatorId}/users/${userName}`), { headers, data: {} })).status(),
    ).toBe(201);
    const password = await request.post(api(`/operators/${demo.operatorId}/users/${userName}/password`), {
      headers,
      data: { password: 'sam-user-password' },
    });
    expect(password.status()).toBe(201);

    await page.goto('/login');
    await page.getByRole('button', { name: 'SAM user' }).click();
    await page.getByLabel('Operator ID').fill(demo.operatorId);
    await page.getByLabel('User name').fill(userName);
    await page.getByLabel('Password', { exact: true }).fill('sam-user-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in as ${demo.operatorId} / ${userName}`);

    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('heading', { name: 'SAM user' })).toBeVisible();
    await expect(page.getByText(userName, { exact: true })).toBeVisible();
    await expectAccessible(page);
  });
});
