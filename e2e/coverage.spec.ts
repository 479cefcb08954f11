/**
 * Japan and Global coverage side by side (issue 16): an operator adds Global coverage, switches to it without signing
 * in again, keeps each coverage's groups apart, and lists the SIMs of both in one table. Each journey has an operator
 * of its own: `local` serves its Japan coverage, `local-g` its Global one, over the same sign-in.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { type AuthResult, authHeaders, expect, expectAccessible, newOperator, signIn, test } from './fixtures';

const on = (endpoint: 'local' | 'local-g', path: string) => `/api/${endpoint}/v1${path}`;

async function call(request: APIRequestContext, auth: AuthResult, method: string, url: string, data?: unknown) {
  const response = await request.fetch(url, { method, headers: authHeaders(auth), data });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response;
}

/** A new SIM in the endpoint's coverage (the API Sandbox operation), named so the table shows it by name. */
async function simIn(request: APIRequestContext, auth: AuthResult, endpoint: 'local' | 'local-g', name: string) {
  const before = (await (await call(request, auth, 'GET', on(endpoint, '/sims'))).json()) as { simId: string }[];
  await call(request, auth, 'POST', on(endpoint, '/sandbox/subscribers/create'), {});
  const after = (await (await call(request, auth, 'GET', on(endpoint, '/sims'))).json()) as { simId: string }[];
  const sim = after.find((s) => !before.some((b) => b.simId === s.simId));
  if (!sim) throw new Error(`no new SIM on ${endpoint}`);
  await call(request, auth, 'PUT', on(endpoint, `/sims/${sim.simId}/tags`), [{ tagName: 'name', tagValue: name }]);
  return sim.simId;
}

const header = (page: Page) => page.getByRole('banner');
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();

test('Global coverage is added, switched to without signing in again, and keeps its groups apart', async ({
  page,
  request,
}) => {
  const operator = await newOperator(request, 'coverage-switch');
  const japanGroup = `e2e-japan-group-${Date.now()}`;
  await call(request, operator.auth, 'POST', on('local', '/groups'), { tags: { name: japanGroup } });
  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page).toHaveURL(/\/$/);
  // One coverage: the header says which, and offers no switch.
  await expect(header(page).getByText('Japan coverage')).toBeVisible();
  await expect(header(page).getByRole('button', { name: /coverage/ })).toHaveCount(0);

  await page.goto('/account/coverage');
  await page.getByRole('button', { name: 'Add Global coverage' }).click();
  await page.getByRole('dialog', { name: 'Add Global coverage?' }).getByRole('button', { name: 'Add' }).click();
  const toGlobal = header(page).getByRole('button', { name: 'Switch to Global coverage' });
  await expect(toGlobal).toBeVisible();

  // The page stays (groups exist in both coverages), and so does the session.
  await nav(page, 'Groups');
  await expect(page.getByRole('heading', { name: 'Groups', level: 2 })).toBeVisible();
  await toGlobal.click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(header(page).getByText('Global coverage')).toBeVisible();
  const name = `e2e-global-group-${Date.now()}`;
  await page.getByRole('button', { name: 'Create group' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create group' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/\/groups\/[^/]+$/);
  await expectAccessible(page);

  // The group's page does not exist in Japan coverage: the switch lands on the group list, where it is absent.
  await header(page).getByRole('button', { name: 'Switch to Japan coverage' }).click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(header(page).getByText('Japan coverage')).toBeVisible();
  const groups = page.getByRole('table', { name: 'Groups' });
  await expect(groups.getByRole('link', { name: japanGroup })).toBeVisible();
  await expect(groups.getByRole('link', { name })).toHaveCount(0);

  // Still there in Global coverage (without the Japan group), still signed in.
  await header(page).getByRole('button', { name: 'Switch to Global coverage' }).click();
  await expect(groups.getByRole('link', { name })).toBeVisible();
  await expect(groups.getByRole('link', { name: japanGroup })).toHaveCount(0);
  await expect(page).not.toHaveURL(/\/login/);
  await expectAccessible(page);
});

test('the SIM table lists both coverages together, with their coverage, a filter, and links that open in it', async ({
  page,
  request,
}) => {
  const operator = await newOperator(request, 'coverage-sims');
  await call(request, operator.auth, 'POST', on('local', `/operators/${operator.auth.operatorId}/coverage_type/g`));
  const japanSim = await simIn(request, operator.auth, 'local', 'jp-pump');
  const globalSim = await simIn(request, operator.auth, 'local-g', 'g-pump');
  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page).toHaveURL(/\/$/);
  await nav(page, 'SIMs');
  const table = page.getByRole('table', { name: 'SIMs' });
  await expect(table.getByRole('link', { name: 'jp-pump' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'g-pump' })).toHaveCount(0);

  await page.getByText('Both coverages', { exact: true }).click();
  await expect(page).toHaveURL(/scope=both/);
  const japanRow = table.getByRole('row').filter({ hasText: japanSim });
  const globalRow = table.getByRole('row').filter({ hasText: globalSim });
  await expect(japanRow).toContainText('Japan coverage');
  await expect(globalRow).toContainText('Global coverage');
  await expect(table.getByRole('columnheader', { name: 'Coverage' })).toBeVisible();
  // Actions and selection are this coverage's: the Global SIM is opened in its own coverage to act on it.
  await expect(globalRow.getByRole('checkbox')).toBeDisabled();
  await expect(japanRow.getByRole('checkbox')).toBeEnabled();
  await expectAccessible(page);

  await page.getByLabel('Coverage', { exact: true }).selectOption({ label: 'Global coverage' });
  await expect(japanRow).toHaveCount(0);
  await expect(globalRow).toBeVisible();

  await globalRow.getByRole('link', { name: 'g-pump' }).click();
  await expect(page).toHaveURL(new RegExp(`/sims/${globalSim}$`));
  await expect(header(page).getByText('Global coverage')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText(globalSim).first()).toBeVisible();
});

test('a SAM user limited to SIMs is offered the switch and reads the Global fleet with the same sign-in', async ({
  browser,
  request,
}) => {
  const operator = await newOperator(request, 'coverage-sam');
  const root = operator.auth;
  await call(request, root, 'POST', on('local', `/operators/${root.operatorId}/coverage_type/g`));
  const globalSim = await simIn(request, root, 'local-g', 'g-meter');
  const userName = 'fleet-viewer';
  const password = 'fleet-viewer-pass-1';
  const user = on('local', `/operators/${root.operatorId}/users/${userName}`);
  await call(request, root, 'POST', user, { description: 'SIM viewer' });
  await call(request, root, 'POST', `${user}/password`, { password });
  const statements = [
    {
      effect: 'allow',
      api: ['User:getUser', 'User:getUserPermission', 'Role:listUserRoles', 'User:getDefaultPermissions'],
    },
    { effect: 'allow', api: ['Sim:listSims', 'Sim:getSim', 'Query:searchSims', 'Group:listGroups'] },
  ];
  await call(request, root, 'PUT', `${user}/permission`, { permission: JSON.stringify({ statements }) });

  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByRole('button', { name: 'SAM user' }).click();
  await page.getByLabel('Operator ID').fill(root.operatorId);
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await nav(page, 'SIMs');
  await expect(page.getByRole('heading', { name: 'SIMs', level: 2 })).toBeVisible();
  await expect(header(page).getByText('Japan coverage')).toBeVisible();
  await header(page).getByRole('button', { name: 'Switch to Global coverage' }).click();
  await expect(page).toHaveURL(/\/sims$/);
  await expect(header(page).getByText('Global coverage')).toBeVisible();
  await expect(page.getByRole('table', { name: 'SIMs' }).getByRole('row').filter({ hasText: globalSim })).toContainText(
    'g-meter',
  );
  await expectAccessible(page);
});
