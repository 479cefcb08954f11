import { api, authHeaders, expect, newOperator, openSimTable, signIn, test } from './fixtures';

test('names and tags holding markup or javascript: URLs are shown as text, never run', async ({ page, request }) => {
  const operator = await newOperator(request, 'xss');
  const headers = authHeaders(operator.auth);
  const created = await request.post(api('/sandbox/subscribers/create'), { headers, data: {} });
  expect(created.status()).toBe(200);
  const list = await request.get(api('/sims'), { headers });
  const [sim] = (await list.json()) as { simId: string }[];
  const payloads = {
    name: '<img src=x onerror="window.__xss=1">',
    homepage: 'javascript:window.__xss=2',
    note: '"><script>window.__xss=3</script>',
  };
  const tagged = await request.put(api(`/sims/${sim?.simId}/tags`), {
    headers,
    data: Object.entries(payloads).map(([tagName, tagValue]) => ({ tagName, tagValue })),
  });
  expect(tagged.status()).toBe(200);

  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page).toHaveURL(/\/$/);
  await openSimTable(page);
  const table = page.getByRole('table', { name: 'SIMs' });
  await expect(table.getByText(payloads.name)).toBeVisible();
  await table.getByRole('link', { name: payloads.name }).click();
  await expect(page.getByRole('heading', { name: payloads.name })).toBeVisible();
  await expect(page.getByText(payloads.homepage)).toBeVisible();
  await expect(page.getByText(payloads.note)).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
