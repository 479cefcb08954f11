/**
 * Signing in with the local sandbox's demo account, for the benchmarks that measure signed-in screens: through the
 * console's login form (written against what Playwright's and Puppeteer's pages have in common, so either can use
 * it), or through the API.
 */

/** The demo root account every new sandbox database is seeded with (fake, local-only credentials). */
export const demoAccount = { email: 'demo@example.com', password: 'demo-password' } as const;

/** The part of a Playwright or Puppeteer page that signing in needs. */
export interface SignInPage {
  goto(url: string): Promise<unknown>;
  locator(selector: string): { fill(value: string): Promise<unknown>; click(): Promise<unknown> };
  waitForFunction(predicate: () => boolean): Promise<unknown>;
}

/** Signs in through the form at `${base}/login` and waits for the console to land on its first signed-in screen. */
export async function signInWithForm(page: SignInPage, base: string, account = demoAccount): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('input[type="email"]').fill(account.email);
  await page.locator('input[type="password"]').fill(account.password);
  await Promise.all([
    // An arrow written here, not a named function: tsx would wrap a named one in a helper the page does not have.
    page.waitForFunction(() => location.pathname === '/' || location.pathname === '/sims'),
    page.locator('form button[type="submit"]').click(),
  ]);
}

/** Signs in through the sandbox's API (`POST /auth`): the headers that make a call as the account. */
export async function apiHeaders(base: string, account = demoAccount): Promise<Record<string, string>> {
  const answer = await fetch(`${base}/api/local/v1/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!answer.ok) throw new Error(`signing in through the API failed: ${answer.status}`);
  const auth = (await answer.json()) as { apiKey: string; token: string };
  return { 'X-Soracom-API-Key': auth.apiKey, 'X-Soracom-Token': auth.token };
}
