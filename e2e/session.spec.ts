import { expect, signIn, test } from './fixtures';

test.describe('the session', () => {
  test('signing out revokes the token and forgets it', async ({ page, request }) => {
    await page.goto('/login');
    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('soracom-console.session') ?? '{}'));
    expect(session.apiKey).toMatch(/^api-/);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect(await page.evaluate(() => sessionStorage.getItem('soracom-console.session'))).toBeNull();

    const after = await request.get('/api/local/v1/sims', {
      headers: { 'X-Soracom-API-Key': session.apiKey, 'X-Soracom-Token': session.token },
    });
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });

    await page.goto('/sims');
    await expect(page).toHaveURL(/\/login\?from=%2Fsims$/);
  });

  test('a 401 from any call returns to the login page, remembering where the user was', async ({ page }) => {
    await page.goto('/login');
    await signIn(page);
    await page.getByRole('link', { name: 'Groups' }).click();
    await expect(page).toHaveURL(/\/groups$/);
    // The token is no longer good (revoked elsewhere, expired): the next call answers 401.
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('soracom-console.session') ?? '{}');
      sessionStorage.setItem('soracom-console.session', JSON.stringify({ ...session, token: 'revoked' }));
    });
    await page.reload();
    await expect(page).toHaveURL(/\/login\?from=%2Fgroups$/);
    await expect(page.getByText('Your session has ended. Sign in again to continue.')).toBeVisible();
    await signIn(page);
    await expect(page).toHaveURL(/\/groups$/);
  });

  test('no key, token or password is ever written to localStorage', async ({ page }) => {
    await page.goto('/login');
    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toMatch(/api-|token|password|demo-password/i);
  });
});
