import { expect, test } from './fixtures';

test.describe('security headers', () => {
  test('the console refuses to be framed and sends a strict policy', async ({ page, request, baseURL }) => {
    const response = await request.get('/login');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');

    // Another origin's page tries to frame the console: the frame stays empty.
    await page.route('http://framer.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe id="f" src="${baseURL}/login"></iframe>` }),
    );
    await page.goto('http://framer.test/');
    await page.waitForTimeout(1000);
    const frame = page.frames().find((f) => f.url().startsWith(baseURL ?? ''));
    const framedHeading = frame
      ? await frame
          .locator('h1')
          .count()
          .catch(() => 0)
      : 0;
    expect(framedHeading).toBe(0);
  });
});
