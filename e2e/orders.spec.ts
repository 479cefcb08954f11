import type { APIRequestContext, Page } from '@playwright/test';
import {
  type AuthResult,
  api,
  apiSignIn,
  authHeaders,
  demo,
  expect,
  expectAccessible,
  newOperator,
  signIn,
  signInAsSamUser,
  test,
} from './fixtures';

/** ORDER_SHOTS=folder keeps a picture of each screen, to look at. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.ORDER_SHOTS)
    await page.screenshot({ path: `${process.env.ORDER_SHOTS}/${name}.png`, fullPage: true });
}

const tokyo = {
  zipCode: '100-0001',
  state: '東京都',
  city: '千代田区',
  addressLine1: 'サンプル町 1-2-3',
  fullName: '見本太郎',
  phoneNumber: '03-0000-0000',
};
const km1 = '4573326590273';

async function call(request: APIRequestContext, auth: AuthResult, method: string, path: string, data?: unknown) {
  const response = await request.fetch(api(path), { method, headers: authHeaders(auth), data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** A confirmed order through the API, to an address made for it. */
async function confirmedOrder(request: APIRequestContext, auth: AuthResult, quantity = 1): Promise<string> {
  const address = await call(request, auth, 'POST', `/operators/${auth.operatorId}/shipping_addresses`, tokyo);
  const quoted = await call(request, auth, 'POST', '/orders', {
    orderItemList: [{ productCode: km1, quantity }],
    shippingAddressId: address.shippingAddressId,
  });
  await call(request, auth, 'PUT', `/orders/${quoted.orderId}/confirm`);
  return quoted.orderId;
}

async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/$/);
}

test('a new operator orders 20 SIMs, ships them, registers them into a group and finds them and the bill', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const { email, password, auth } = await newOperator(request, 'orders');
  const group = await call(request, auth, 'POST', '/groups', { tags: { name: 'Field sensors' } });
  await signInAs(page, email, password);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page.getByText('No orders yet.')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'orders-empty');

  // The address book starts empty; an address with mistakes is refused next to each field.
  await page.getByRole('link', { name: 'Address book' }).click();
  await expect(page.getByText('No addresses yet.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add an address' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Add the address' }).click();
  await expect(dialog.getByLabel('Postal code')).toHaveAccessibleDescription(/Required/);
  await expect(dialog.getByLabel('Prefecture')).toHaveAccessibleDescription(/Required/);
  await expect(dialog.getByLabel("Recipient's name")).toHaveAccessibleDescription(
    /Give the recipient's name or the company/,
  );
  await expect(dialog.getByLabel('Postal code')).toBeFocused();
  await dialog.getByLabel('Postal code').fill('1000-01');
  await dialog.getByLabel('Phone number').fill('call me');
  await expect(dialog.getByLabel('Postal code')).toHaveAccessibleDescription(/Not a postal code/);
  await expect(dialog.getByLabel('Phone number')).toHaveAccessibleDescription(/A phone number/);
  await expectAccessible(page);
  await shot(page, 'address-errors');
  await dialog.getByLabel('Postal code').fill('1000001');
  await dialog.getByLabel('Prefecture').selectOption('東京都');
  await dialog.getByLabel('City, ward, town or village').fill(tokyo.city);
  await dialog.getByLabel('Street address').fill(tokyo.addressLine1);
  await dialog.getByLabel('Building, floor, room').fill('サンプルビル 1階');
  await dialog.getByLabel('Company').fill('株式会社サンプル');
  await dialog.getByLabel("Recipient's name").fill(tokyo.fullName);
  await dialog.getByLabel('Phone number').fill(tokyo.phoneNumber);
  await dialog.getByRole('button', { name: 'Add the address' }).click();
  await expect(dialog).toHaveCount(0);
  const addresses = page.getByRole('table', { name: 'Shipping addresses' });
  await expect(addresses.getByText('〒100-0001')).toBeVisible();
  await expect(addresses.getByText('Kanto')).toBeVisible();
  await shot(page, 'addresses');

  // New order: 2 packs of 10 plan01s SIMs, to that address; the quotation first.
  await page.getByRole('link', { name: 'All orders' }).click();
  await page.getByRole('link', { name: 'New order' }).click();
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();
  await page.getByRole('button', { name: 'Get a quotation' }).click();
  await expect(page.getByText('Choose a quantity for at least one product.')).toBeVisible();
  const tenPack = page.getByLabel(/^Quantity of .*plan01s .*\(for data\) 10 SIM pack10$/);
  await tenPack.fill('5000');
  await expect(page.getByText('A whole number from 0 to 50')).toBeVisible();
  await tenPack.fill('2');
  await expect(page.getByLabel('Ship to')).toHaveValue(/.+/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Get a quotation' }).click();
  const quotation = page.getByRole('region', { name: '3. Quotation' });
  await expect(quotation.getByTestId('order-total')).toHaveText('¥40,507');
  await expect(quotation.getByText('¥3,600')).toBeVisible();
  await expect(quotation.getByText('¥907')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'quotation');

  // Confirming is deliberate (a box to tick), and a double click sends it once.
  const place = quotation.getByRole('button', { name: 'Place the order' });
  await expect(place).toBeDisabled();
  await quotation.getByLabel('I have checked the products, the shipping address and the total').check();
  const confirms: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT' && r.url().endsWith('/confirm')) confirms.push(r.url());
  });
  await place.dblclick();
  await expect(page).toHaveURL(/\/orders\/\d{14}_[0-9a-f]{8}$/);
  const orderId = decodeURIComponent(page.url().split('/').at(-1) ?? '');
  await expect(page.getByRole('heading', { name: `Order ${orderId}` })).toBeVisible();
  expect(confirms).toHaveLength(1);
  await expect(page.getByText('The SIMs can be registered once the order has shipped.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Ordered' })).toHaveAttribute('aria-current', 'step');
  await expectAccessible(page);
  await shot(page, 'order-ordered');

  // The sandbox ships it; the page offers to register the 20 SIMs.
  await call(request, auth, 'POST', '/sandbox/orders/ship', { orderId, operatorId: auth.operatorId });
  await page.reload();
  const register = page.getByRole('region', { name: 'Register these SIMs' });
  await expect(register.getByRole('button', { name: 'Register 20 SIM(s)' })).toBeEnabled();
  await expect(page.getByRole('table', { name: 'SIMs in this order' }).locator('tbody tr')).toHaveCount(20);
  await register.getByLabel('Group').selectOption(group.groupId);
  await register.getByLabel('Tags').fill('site=tokyo');
  await expectAccessible(page);
  await shot(page, 'order-shipped');
  await register.getByRole('button', { name: 'Register 20 SIM(s)' }).click();
  await expect(page.getByText('The SIMs of this order are in your fleet.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Received' })).toContainText('Received');
  await expectAccessible(page);
  await shot(page, 'order-received');

  await page.getByRole('link', { name: 'Show these SIMs in the SIM table' }).click();
  await expect(page).toHaveURL(new RegExp(`/sims\\?tag=${orderId}`));
  const sims = page.getByRole('table', { name: 'SIMs' });
  await expect(sims.locator('tbody tr').first().getByRole('link').first()).toBeVisible();
  const found = await call(request, auth, 'GET', `/query/sims?tag=${orderId}&limit=100`);
  expect(found).toHaveLength(20);
  for (const sim of found)
    expect(sim).toMatchObject({ status: 'ready', groupId: group.groupId, tags: { site: 'tokyo' } });

  // The order is listed, and billed this month as its own item.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Orders' }).click();
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.getByRole('link', { name: orderId })).toBeVisible();
  await expect(orders.getByText('Received')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('region', { name: 'This month so far' })).toContainText('¥40,507');
  await page.getByRole('link', { name: /^Details of / }).click();
  const items = page.getByRole('table', { name: 'Cost by bill item' });
  await expect(items.getByRole('row').filter({ hasText: 'Orders' })).toContainText('40,507');
});

test('an order is cancelled from its page, once confirmed; an address abroad is written the other way round', async ({
  page,
  request,
}) => {
  const { email, password, auth } = await newOperator(request, 'orders-cancel');
  const orderId = await confirmedOrder(request, auth, 3);
  await signInAs(page, email, password);
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole('heading', { name: `Order ${orderId}` })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel order ${orderId}?` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel order' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('This order has been cancelled.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: 'Cancelled' })).toHaveAttribute('aria-current', 'step');
  await expectAccessible(page);
  await shot(page, 'order-cancelled');

  await page.goto('/orders/addresses');
  await page.getByRole('button', { name: 'Add an address' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Outside Japan').check();
  await form.getByLabel("Recipient's name").fill('Sam Example');
  await form.getByLabel('Street address').fill('1 Market St');
  await form.getByRole('textbox', { name: /^City/ }).fill('San Francisco');
  await form.getByLabel('State or region').fill('CA');
  await form.getByLabel('Postal code').fill('94105');
  await form.getByLabel('Phone number').fill('+1 415 000 0000');
  await form.getByRole('button', { name: 'Add the address' }).click();
  await expect(form.getByLabel('Country code')).toHaveAccessibleDescription(/Two capital letters/);
  await form.getByLabel('Country code').fill('US');
  await form.getByRole('button', { name: 'Add the address' }).click();
  await expect(form).toHaveCount(0);
  const table = page.getByRole('table', { name: 'Shipping addresses' });
  await expect(table.getByText('San Francisco CA 94105')).toBeVisible();
  await expect(table.getByText('Outside Japan')).toBeVisible();

  // The address of the cancelled order can go; the dialog asks first.
  await page.getByRole('button', { name: 'Delete the address of 見本太郎' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(table.getByText('〒100-0001')).toHaveCount(0);
});

test('a SAM user sees only the order screens and buttons their permission allows, and a refusal said plainly', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const root = await apiSignIn(request, { email: demo.email, password: demo.password });
  const userName = `e2e-orders-${Date.now()}`;
  const password = 'orders-pass-123';
  const user = `/operators/${demo.operatorId}/users/${userName}`;
  await call(request, root, 'POST', user, { description: 'Order viewer' });
  await call(request, root, 'POST', `${user}/password`, { password });
  const permission = (...statements: object[]) => ({ permission: JSON.stringify({ statements }) });
  const ownAccount = {
    effect: 'allow',
    api: ['User:getUser', 'User:getUserPermission', 'Role:listUserRoles', 'User:getDefaultPermissions'],
  };
  await call(
    request,
    root,
    'PUT',
    `${user}/permission`,
    permission(ownAccount, {
      effect: 'allow',
      api: ['Order:listOrders', 'Order:getOrder', 'Order:listOrderedSubscribers', 'ShippingAddress:list*'],
    }),
  );
  const orderId = await confirmedOrder(request, root);

  const page = await signInAsSamUser(browser, userName, password);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: orderId })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New order' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('Your permissions do not allow Order:createQuotation.')).toBeAttached();
  await expectAccessible(page);
  await page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: orderId }).click();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveAttribute('aria-disabled', 'true');
  await page.goto('/orders/addresses');
  await expect(page.getByRole('button', { name: 'Add an address' })).toHaveAttribute('aria-disabled', 'true');
  await page.goto('/orders/new');
  await expect(page.getByRole('alert').getByText('You cannot open this page')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'sam-refused');

  // Allowed to cancel when the page loaded, refused by the time they press it: the 403 is said in their words.
  await call(request, root, 'PUT', `${user}/permission`, permission(ownAccount, { effect: 'allow', api: ['Order:*'] }));
  const allowed = await signInAsSamUser(browser, userName, password);
  await allowed.goto(`/orders/${orderId}`);
  await allowed.getByRole('button', { name: 'Cancel order' }).click();
  await call(
    request,
    root,
    'PUT',
    `${user}/permission`,
    permission(ownAccount, { effect: 'allow', api: ['Order:*'] }, { effect: 'deny', api: 'Order:cancelOrder' }),
  );
  const dialog = allowed.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Cancel order' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    "Your permissions do not allow this. Ask the account's administrator",
  );
  await expect(dialog.getByRole('alert')).toContainText('AUM0002');

  // A user who may not even read their own permission: the console cannot know, so the 403 of each call is said.
  const nobody = await signInAsSamUser(browser, 'demo-user', 'demo-user-password');
  await nobody.goto('/orders');
  await expect(nobody.getByRole('alert')).toContainText(
    "Your permissions do not allow this. Ask the account's administrator",
  );
  await expectAccessible(nobody);
});
