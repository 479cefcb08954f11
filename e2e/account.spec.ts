/**
 * The account area (issue 16): contact information kept across a reload, an address added through the token mailed
 * to it and set for billing mails, a contract turned on, the support token, and what a limited SAM user sees.
 * Each root journey uses an operator of its own, so nothing it changes reaches another spec.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import {
  type AuthResult,
  api,
  apiSignIn,
  authHeaders,
  demo,
  expect,
  expectAccessible,
  mailLink,
  newOperator,
  signIn,
  signInAsSamUser,
  test,
  uniqueEmail,
} from './fixtures';

async function call(request: APIRequestContext, auth: AuthResult, method: string, path: string, data?: unknown) {
  const response = await request.fetch(api(path), { method, headers: authHeaders(auth), data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
}

/** A fresh operator signed in through the form. */
async function signedInOperator(page: Page, request: APIRequestContext, label: string) {
  const operator = await newOperator(request, label);
  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page).not.toHaveURL(/\/login/);
  return operator;
}

test('company information is checked next to its fields, saved, and there after a reload', async ({
  page,
  request,
}) => {
  await signedInOperator(page, request, 'account-profile');
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contact information' }).click();
  await expect(page).toHaveURL(/\/account\/profile$/);
  await expect(page.getByRole('heading', { name: 'Contact information' })).toBeVisible();

  await page.getByRole('button', { name: 'Save' }).click();
  const companyName = page.getByRole('textbox', { name: 'Company name' });
  await expect(companyName).toBeFocused();
  await expect(companyName).toHaveAccessibleDescription(/Required\./);
  await expectAccessible(page);

  await companyName.fill('Example Devices K.K.');
  await page.getByRole('textbox', { name: 'Department' }).fill('IoT');
  await page.getByRole('textbox', { name: 'Contact person' }).fill('Hanako Example');
  await page.getByRole('textbox', { name: 'Postal code' }).fill('100-0001');
  await page.getByRole('textbox', { name: 'City' }).fill('Chiyoda');
  await page.getByRole('textbox', { name: 'Phone number' }).fill('call me');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('textbox', { name: 'Phone number' })).toHaveAccessibleDescription(/6 to 20 digits/);
  await page.getByRole('textbox', { name: 'Phone number' }).fill('03-0000-0000');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Contact information saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Company name' })).toHaveValue('Example Devices K.K.');
  await expect(page.getByRole('textbox', { name: 'Contact person' })).toHaveValue('Hanako Example');
  await expect(page.getByRole('radio', { name: 'A company' })).toBeChecked();
});

test('an address added through the mailed token gets the billing mails', async ({ page, request }) => {
  const operator = await signedInOperator(page, request, 'account-emails');
  await page.goto('/account/emails');
  const table = page.getByRole('table', { name: 'Email addresses' });
  await expect(table.getByRole('row').filter({ hasText: operator.email })).toContainText('Primary');
  await expectAccessible(page);

  const added = uniqueEmail('account-billing');
  await page.getByRole('textbox', { name: 'New address' }).fill(added);
  await page.getByLabel('Your password').fill('not-the-password-1');
  await page.getByRole('button', { name: 'Mail a token' }).click();
  await expect(page.getByRole('alert')).toContainText('password');
  await page.getByLabel('Your password').fill(operator.password);
  await page.getByRole('button', { name: 'Mail a token' }).click();
  await expect(page.getByText(`A token was mailed to ${added}.`)).toBeVisible();

  // The mail's link opens the page with its token filled in.
  const link = await mailLink(request, added, 'addEmail');
  expect(link).toMatch(/^\/account\/emails\?token=/);
  await page.goto(link);
  await expect(page.getByRole('textbox', { name: 'Token from the mail' })).not.toHaveValue('');
  await page.getByRole('button', { name: 'Add the address' }).click();
  await expect(page.getByText('Email address added.')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: added })).toBeVisible();

  // Used once: the same link again is refused.
  await page.goto(link);
  await page.getByRole('button', { name: 'Add the address' }).click();
  await expect(page.getByRole('alert')).toContainText('COM0006');

  // Each box is sent at once and shows what the API answers back.
  const billing = page.getByRole('checkbox', { name: `Billing mails to ${added}` });
  await billing.click();
  await expect(billing).toBeChecked();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: `Billing mails to ${added}` })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: `Recovery mails to ${added}` })).not.toBeChecked();
  await expectAccessible(page);
});

test('a contract turned on is shown on, with its plan, and charged in the bill; the support token is given', async ({
  page,
  request,
}) => {
  await signedInOperator(page, request, 'account-contracts');
  await page.goto('/account/contracts');
  const harvest = page.getByRole('region', { name: 'Harvest Data' });
  await expect(harvest).toContainText('Off');
  await harvest.getByRole('button', { name: 'Turn on Harvest Data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Turn on Harvest Data?' });
  await expect(dialog.getByRole('checkbox', { name: 'Extended plan: keep data 731 days' })).toBeChecked();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Turn on' }).click();
  await expect(dialog).toBeHidden();
  await expect(harvest).toContainText('On');
  await expect(harvest).toContainText('Extended plan: data is kept 731 days.');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Harvest Data' })).toContainText('Extended plan');
  await expect(page.getByRole('region', { name: 'Napter audit log' })).toContainText('Off');
  await expectAccessible(page);

  // The contract is charged in the bill preview as an item of its own.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Billing' }).click();
  await page.getByRole('link', { name: /^Details of / }).click();
  const items = page.getByRole('table', { name: 'Cost by bill item' });
  await expect(items.getByRole('rowheader', { name: 'Contracts' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Support' }).click();
  await expect(page.getByText(/lets SORACOM's support console open this account/)).toBeVisible();
  await page.getByRole('button', { name: 'Get a support token' }).click();
  await expect(page.getByText(/^support-/)).toBeVisible();
  await expectAccessible(page);
});

test('Global coverage is added once, confirmed, and the header then offers the switch the page explains', async ({
  page,
  request,
}) => {
  await signedInOperator(page, request, 'account-coverage');
  await page.goto('/account');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Coverage' }).click();
  const table = page.getByRole('table', { name: 'Coverage types' });
  await expect(table.getByRole('row', { name: /Japan coverage/ })).toContainText('In use');
  await expect(table.getByRole('row', { name: /Global coverage/ })).toContainText('Not added');
  await expect(page.getByText(/switches to the other one without signing in again/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Switch to Global coverage' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Add Global coverage' }).click();
  await page.getByRole('dialog', { name: 'Add Global coverage?' }).getByRole('button', { name: 'Add' }).click();
  await expect(table.getByRole('row', { name: /Global coverage/ })).toContainText('In use');
  await expect(page.getByRole('button', { name: 'Add Global coverage' })).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Switch to Global coverage' })).toBeVisible();
  await expectAccessible(page);
});

test('a SAM user sees what their permissions allow, with the reason for the rest', async ({ browser, request }) => {
  const root = await apiSignIn(request, { email: demo.email, password: demo.password });
  const userName = `e2e-account-${Date.now()}`;
  const password = 'account-pass-123';
  const user = `/operators/${demo.operatorId}/users/${userName}`;
  await call(request, root, 'POST', user, { description: 'Contract viewer' });
  await call(request, root, 'POST', `${user}/password`, { password });
  const statements = [
    {
      effect: 'allow',
      api: ['User:getUser', 'User:getUserPermission', 'Role:listUserRoles', 'User:getDefaultPermissions'],
    },
    { effect: 'allow', api: ['Operator:getOperator'] },
  ];
  await call(request, root, 'PUT', `${user}/permission`, { permission: JSON.stringify({ statements }) });

  const page = await signInAsSamUser(browser, userName, password);
  await page.getByRole('link', { name: 'Account' }).click();
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await expect(sections.getByRole('link', { name: 'Contracts' })).toBeVisible();
  await expect(sections.getByRole('link', { name: 'Email addresses' })).toHaveCount(0);

  await sections.getByRole('link', { name: 'Contracts' }).click();
  const turnOn = page.getByRole('button', { name: 'Turn on Harvest Data' });
  await expect(turnOn).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('Your permissions do not allow Operator:addOperatorContract.').first()).toBeAttached();
  await expectAccessible(page);

  await sections.getByRole('link', { name: 'Contact information' }).click();
  await expect(page.getByText('Your permissions do not allow Operator:getCompanyInformation.')).toBeVisible();
  await page.goto('/account/emails');
  await expect(page.getByText('Only the root account manages the account')).toBeVisible();
  await page.goto('/support');
  await expect(page.getByRole('button', { name: 'Get a support token' })).toHaveAttribute('aria-disabled', 'true');
  await expectAccessible(page);

  // A user who may not even read their own permission: the console cannot know, so the API's 403 is said plainly.
  const nobody = await signInAsSamUser(browser, 'demo-user', 'demo-user-password');
  await nobody.goto('/account/contracts');
  await expect(nobody.getByRole('alert')).toContainText(
    "Your permissions do not allow this. Ask the account's administrator",
  );
});

test('the account overview keeps its layout while the operator and its MFA status load, on a phone', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  const operator = await signedInOperator(page, request, 'layout');
  // Every layout shift from the next page load on, as Lighthouse counts them (none caused by the user).
  await page.addInitScript({
    content: `window.__shifted = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifted += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });`,
  });
  // The operator and its MFA status come late, as over a slow network: what shows first must already leave their room.
  await page.route(/\/api\/local\/v1\/operators\/OP\d+(\/mfa)?$/, async (route) => {
    await new Promise((done) => setTimeout(done, 500));
    await route.continue();
  });
  await page.goto('/account');
  await expect(page.getByTestId('mfa-status')).toHaveText('Not enabled');
  await expect(page.getByRole('definition').filter({ hasText: operator.email })).toBeVisible();
  // One more frame, for a shift the last answer caused.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate('window.__shifted')).toBeLessThan(0.01);
});
