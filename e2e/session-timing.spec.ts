import { api, authHeaders, expect, newOperator, openSimTable, signIn, test } from './fixtures';

const sessionKey = 'soracom-console.session';

test.describe('session timing', () => {
  test('idle: a warning a minute before, "stay signed in", then signed out', async ({ page }) => {
    // An hour of fake time runs every timer of the console (polls, refreshes) in the page.
    test.slow();
    await page.clock.install();
    await page.goto('/login');
    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    await openSimTable(page);

    await page.clock.runFor('29:01');
    const warning = page.getByRole('dialog', { name: 'Are you still there?' });
    await expect(warning).toBeVisible();
    await expect(warning.getByText(/you will be signed out in \d+ s/)).toBeVisible();
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(warning).toBeHidden();

    await page.clock.runFor('29:30');
    await expect(warning).toBeVisible();
    await page.clock.runFor('01:05');
    await expect(page).toHaveURL(/\/login\?from=%2Fsims$/);
    await expect(page.getByText('You were signed out after a period of inactivity.', { exact: false })).toBeVisible();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), sessionKey)).toBeNull();
  });

  test('the token is refreshed a little before it expires', async ({ page, request }) => {
    await page.clock.install();
    await page.goto('/login');
    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    await openSimTable(page);
    // As if the token had been issued long ago: six minutes of it left.
    await page.evaluate((key) => {
      const session = JSON.parse(sessionStorage.getItem(key) ?? '{}');
      sessionStorage.setItem(key, JSON.stringify({ ...session, expiresAt: Date.now() + 6 * 60_000 }));
    }, sessionKey);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'SIMs' })).toBeVisible();
    const before = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}'), sessionKey);

    const refresh = page.waitForRequest((r) => r.method() === 'POST' && /\/operators\/[^/]+\/token$/.test(r.url()));
    await page.clock.runFor('01:05');
    await refresh;
    await expect
      .poll(
        async () => (await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}'), sessionKey)).token,
      )
      .not.toBe(before.token);
    const after = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}'), sessionKey);
    expect(after.apiKey).toBe(before.apiKey);
    const works = await request.get(api('/sims?limit=1'), { headers: authHeaders(after) });
    expect(works.status()).toBe(200);
  });

  test('calls refused together with 401 lead to a single refresh, then succeed', async ({ page }) => {
    // The header reads the account once (its coverages) after signing in: that read is over before the token lapses.
    const accountRead = page.waitForResponse((r) => /\/v1\/operators\/[^/]+$/.test(new URL(r.url()).pathname));
    await page.goto('/login');
    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    await accountRead;
    // The Account page asks for several things at once (the operator itself may already be cached by the header's
    // coverage read); each is refused once, as if the token had just lapsed.
    // Only calls still carrying the lapsed token are refused: one made after the refresh has the new token.
    const lapsed = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('soracom-console.session') ?? '{}') as { token?: string }).token,
    );
    const refusedPaths = new Set<string>();
    await page.route(/\/api\/local\/v1\/operators\/[^/]+(\/mfa|\/auth_keys)?$/, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const token = await route.request().headerValue('x-soracom-token');
      if (route.request().method() === 'GET' && token === lapsed && !refusedPaths.has(path)) {
        refusedPaths.add(path);
        // Answered a little late, so that the calls the page makes together are all out before the first refusal.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: '{"code":"AUM0005","message":"expired"}',
        });
        return;
      }
      await route.continue();
    });
    const refreshes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/token$/.test(r.url())) refreshes.push(r.url());
    });
    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByTestId('mfa-status')).toHaveText('Not enabled');
    await expect(page.getByText('demo@example.com').last()).toBeVisible();
    expect(refusedPaths.size).toBeGreaterThanOrEqual(2);
    expect(refreshes).toHaveLength(1);
    await expect(page).toHaveURL(/\/account$/);
  });

  test('a session that ends during an edit: sign in again in place, and the edit is saved', async ({
    page,
    request,
  }) => {
    // An operator and a SIM of its own: renaming one of the demo fleet would change what other journeys see.
    const operator = await newOperator(request, 'relogin');
    const created = await request.post(api('/sandbox/subscribers/create'), {
      headers: authHeaders(operator.auth),
      data: {},
    });
    expect(created.status()).toBe(200);
    await page.goto('/login');
    await signIn(page, operator.email, operator.password);
    await expect(page).toHaveURL(/\/$/);
    await openSimTable(page);
    const link = page.getByRole('table', { name: 'SIMs' }).locator('tbody tr').first().getByRole('link');
    await link.click();
    await expect(page).toHaveURL(/\/sims\/\d+$/);
    const simId = page.url().split('/sims/')[1] as string;
    await page.getByRole('button', { name: 'Rename SIM' }).click();
    const newName = `renamed-after-relogin-${Date.now()}`;
    await page.getByRole('form', { name: 'Rename SIM' }).getByLabel('Name', { exact: true }).fill(newName);

    // The session ends meanwhile (here: revoked elsewhere).
    const session = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}'), sessionKey);
    expect((await request.post(api('/auth/logout'), { headers: authHeaders(session) })).status()).toBe(204);

    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(operator.email)).toBeVisible();
    await dialog.getByLabel('Password', { exact: true }).fill(operator.password);
    await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: newName })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/sims/${simId}$`));

    const fresh = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}'), sessionKey);
    const sim = await request.get(api(`/sims/${simId}`), { headers: authHeaders(fresh) });
    expect(((await sim.json()) as { tags: Record<string, string> }).tags.name).toBe(newName);
  });

  test('while rate-limited, sign-in says how long to wait and waits', async ({ page }) => {
    let answered = 0;
    await page.route('**/api/local/v1/auth', async (route) => {
      answered++;
      await route.fulfill({
        status: 429,
        contentType: 'application/json',
        headers: {
          'X-Soracom-Ratelimit-Limit': '20',
          'X-Soracom-Ratelimit-Remaining': '0',
          'X-Soracom-Ratelimit-Seconds-Before-Refresh': '3',
        },
        body: '{"code":"COM0429","message":"Too many requests"}',
      });
    });
    await page.goto('/login');
    await signIn(page);
    await expect(page.getByTestId('login-error')).toHaveText(/Too many attempts\. You can try again in [1-3] s\./);
    const button = page.getByRole('button', { name: 'Sign in', exact: true });
    await expect(button).toBeDisabled();
    await expect(button).toBeEnabled({ timeout: 6_000 });
    expect(answered).toBe(1);
  });
});
