import { expect, test } from './fixtures';

test.describe('security headers', () => {
  test('the console refuses to be framed and sends a strict policy', async ({ page, request, baseURL }) => {
    const response = await request.get('/login');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');

    expect(response.headers()['x-frame-options']).toMatch(/^deny$/i);

    // Another origin's page frames the console and, as a control, a page of its own: the control shows; the console,
    // which the same browser loads on its own (below), is refused in the frame and replaced by the browser's error page.
    await page.route('http://framer.test/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe id="control" src="/control"></iframe><iframe id="console" src="${baseURL}/login"></iframe>`,
      }),
    );
    await page.route('http://framer.test/control', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Control frame</h1>' }),
    );
    await page.goto('http://framer.test/');
    await expect(page.frameLocator('#control').getByRole('heading', { name: 'Control frame' })).toBeVisible();
    const consoleFrame = await (await page.locator('#console').elementHandle())?.contentFrame();
    await expect.poll(() => consoleFrame?.url()).toBe('chrome-error://chromewebdata/');
    await expect(page.frameLocator('#console').getByLabel('Email')).toHaveCount(0);
    expect(page.frames().map((f) => f.url())).not.toContain(`${baseURL}/login`);

    const direct = await page.goto('/login');
    expect(direct?.status()).toBe(200);
    await expect(page.getByLabel('Email')).toBeVisible();
  });
});
