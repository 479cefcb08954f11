/**
 * Event handlers: a handler made in the form slows a SIM down once its day passes 10 MB; Air stats inserted through
 * the Sandbox API set it off, the SIM's speed class changes, the execution is in the handler's history and on the
 * home dashboard, and a dry run over the same days shows the SIM. A limited SAM user sees handlers but may not change
 * them, and is told why.
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
  newOperator,
  signIn,
  signInAsSamUser,
  test,
} from './fixtures';

const MB = 1_048_576;

async function call(request: APIRequestContext, auth: AuthResult, method: string, path: string, data?: unknown) {
  const response = await request.fetch(api(path), { method, headers: authHeaders(auth), data });
  const text = await response.text();
  expect(response.status(), `${method} ${path}: ${text}`).toBeLessThan(300);
  return text ? JSON.parse(text) : undefined;
}

/** Picks an option of a Mantine select by its label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a handler made in the form slows a SIM down after 10 MB a day; history, dashboard and dry run show it', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const operator = await newOperator(request, 'event-handlers');
  await call(request, operator.auth, 'POST', '/sandbox/subscribers/create', {});
  const [sim] = (await call(request, operator.auth, 'GET', '/sims')) as {
    simId: string;
    speedClass: string;
    profiles: Record<string, { primaryImsi: string }>;
  }[];
  const simId = sim?.simId ?? '';
  const imsi = Object.values(sim?.profiles ?? {})[0]?.primaryImsi ?? '';
  // A new SIM starts at s1.minimum: make it faster first.
  await call(request, operator.auth, 'POST', `/sims/${simId}/update_speed_class`, { speedClass: 's1.fast' });

  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Event handlers' }).click();
  await expect(page.getByRole('heading', { name: 'Event handlers', level: 2 })).toBeVisible();
  await expect(page.getByText('No event handlers yet.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Create event handler' }).click();
  await expect(page).toHaveURL(/\/event-handlers\/new$/);
  await page.getByLabel('Name').fill('Slow down after 10 MB a day');
  await page.getByText('IMSI', { exact: true }).click();
  await page.getByRole('textbox', { name: 'IMSI' }).fill(imsi);
  await expect(page.getByRole('combobox', { name: 'Rule type' })).toHaveValue('Daily data of a subscriber');
  // SORACOM's help text is next to the field.
  await expect(page.getByText('Data volume, upload and download together, in MiB')).toBeVisible();
  // Saving without the limit says what is missing.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Limit (MiB): required.' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Limit (MiB)' }).fill('10');
  await choose(page, 'Speed class', 's1.minimum');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/event-handlers\/[0-9a-f-]{36}$/);
  const handlerId = page.url().split('/').pop() ?? '';
  await expect(page.getByRole('heading', { name: 'Slow down after 10 MB a day', level: 2 })).toBeVisible();
  await expect(page.getByText('The handler has not fired yet.')).toBeVisible();

  // 6 MB, then 6 MB more a minute later: the day passes 10 MB.
  const now = Math.floor(Date.now() / 1000);
  for (const [offset, megabytes] of [
    [-120, 6],
    [-60, 6],
  ] as const) {
    await call(request, operator.auth, 'POST', `/sandbox/stats/air/subscribers/${imsi}`, {
      unixtime: now + offset,
      dataTrafficStatsMap: { 's1.standard': { downloadByteSizeTotal: megabytes * MB, uploadByteSizeTotal: 0 } },
    });
  }
  const after = (await call(request, operator.auth, 'GET', `/sims/${simId}`)) as { speedClass: string };
  expect(after.speedClass).toBe('s1.minimum');

  await page.reload();
  const history = page.getByRole('table', { name: 'Executions of the handler' });
  await expect(history.getByRole('link', { name: imsi })).toBeVisible();
  await expect(history.getByText(/Change the speed class \(done/)).toBeVisible();
  await expectAccessible(page);

  // The dry run over the last days finds the same firing.
  await page.getByRole('button', { name: 'Run the dry run' }).click();
  const dryRun = page.getByTestId('dry-run-result');
  await expect(dryRun.getByText('It would have fired 1 time.')).toBeVisible();
  await expect(
    dryRun.getByRole('table', { name: 'Firings of the dry run' }).getByRole('link', { name: imsi }),
  ).toBeVisible();
  await expect(dryRun.getByText(/Change the speed class → s1\.minimum/)).toBeVisible();
  await expectAccessible(page);

  // The SIM page shows the slower speed class and the handler, which can be told to ignore this SIM.
  await page.goto(`/sims/${simId}`);
  await expect(page.getByText('s1.minimum').first()).toBeVisible();
  const watching = page.getByRole('region', { name: 'Event handlers watching this SIM' });
  await expect(watching.getByRole('link', { name: 'Slow down after 10 MB a day' })).toBeVisible();
  await watching.getByRole('button', { name: 'Ignore for this SIM: Slow down after 10 MB a day' }).click();
  await expect(page.getByText('Slow down after 10 MB a day ignores this SIM now.')).toBeVisible();
  await expectAccessible(page);

  // The home dashboard lists the execution.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click();
  const recent = page.getByRole('table', { name: 'Recent executions' });
  await expect(recent.getByRole('link', { name: 'Slow down after 10 MB a day' })).toHaveAttribute(
    'href',
    `/event-handlers/${handlerId}`,
  );
  await expect(recent.getByRole('link', { name: imsi })).toBeVisible();
});

test('a SAM user allowed to read handlers sees them, may not change them, and is told why', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const root = await apiSignIn(request, { email: demo.email, password: demo.password });
  const userName = `e2e-handlers-${Date.now()}`;
  const password = 'handlers-pass-123';
  const user = `/operators/${demo.operatorId}/users/${userName}`;
  await call(request, root, 'POST', user, { description: 'Handler viewer' });
  await call(request, root, 'POST', `${user}/password`, { password });
  const statements = [
    {
      effect: 'allow',
      api: ['User:getUser', 'User:getUserPermission', 'Role:listUserRoles', 'User:getDefaultPermissions'],
    },
    { effect: 'allow', api: ['EventHandler:listEventHandlers', 'EventHandler:getEventHandler', 'Sim:listSims'] },
  ];
  await call(request, root, 'PUT', `${user}/permission`, { permission: JSON.stringify({ statements }) });
  // Off, and only mailing: the demo fleet's traffic from other journeys sets nothing off.
  const handler = (await call(request, root, 'POST', '/event_handlers', {
    name: `Watched by ${userName}`,
    status: 'inactive',
    targetOperatorId: demo.operatorId,
    ruleConfig: {
      type: 'SubscriberMonthlyTrafficRule',
      properties: { limitTotalTrafficMegaByte: '100000', inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_MONTH' },
    },
    actionConfigList: [{ type: 'SendMailToOperatorAction', properties: { executionDateTimeConst: 'IMMEDIATELY' } }],
  })) as { handlerId: string };

  try {
    const page = await signInAsSamUser(browser, userName, password);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Event handlers' })
      .click();
    await expect(page.getByRole('button', { name: 'Create event handler' })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByText('Your permissions do not allow EventHandler:createEventHandler.')).toBeAttached();
    await page.getByRole('link', { name: `Watched by ${userName}` }).click();
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveAttribute('aria-disabled', 'true');
    await expectAccessible(page);
    await page.goto('/event-handlers/new');
    await expect(page.getByRole('alert').getByText('You cannot open this page')).toBeVisible();
    await expectAccessible(page);
  } finally {
    await call(request, root, 'DELETE', `/event_handlers/${handler.handlerId}`);
    await call(request, root, 'DELETE', user);
  }
});

test('error logs show a configuration naming missing credentials, filtered by service, and on the dashboard', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const operator = await newOperator(request, 'error-logs');
  await call(request, operator.auth, 'POST', '/sandbox/subscribers/create', {});
  const [sim] = (await call(request, operator.auth, 'GET', '/sims')) as {
    simId: string;
    profiles: Record<string, { primaryImsi: string }>;
  }[];
  const imsi = Object.values(sim?.profiles ?? {})[0]?.primaryImsi ?? '';
  const group = (await call(request, operator.auth, 'POST', '/groups', { tags: { name: 'Pumps' } })) as {
    groupId: string;
  };
  await call(request, operator.auth, 'PUT', `/groups/${group.groupId}/configuration/SoracomFunnel`, [
    { key: 'enabled', value: true },
    { key: 'destination', value: { provider: 'aws', service: 'kinesis', resourceUrl: 'https://example.com/x' } },
    { key: 'credentialsId', value: 'deleted-credentials' },
  ]);
  await call(request, operator.auth, 'POST', `/sims/${sim?.simId}/set_group`, { groupId: group.groupId });
  await call(request, operator.auth, 'POST', `/sandbox/stats/air/subscribers/${imsi}`, {
    unixtime: Math.floor(Date.now() / 1000) - 30,
    dataTrafficStatsMap: { 's1.standard': { downloadByteSizeTotal: 1000 } },
  });

  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Error logs' }).click();
  const entries = page.getByRole('table', { name: 'Error log entries' });
  await expect(entries.getByText(/deleted-credentials/)).toBeVisible();
  await expect(entries.getByRole('cell', { name: imsi })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('combobox', { name: 'Service' }).click();
  await page.getByRole('option', { name: 'Beam', exact: true }).click();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No error log entries.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click();
  await expect(
    page.getByRole('table', { name: 'Recent error log entries' }).getByText(/deleted-credentials/),
  ).toBeVisible();
  await expect(page.getByText('No executions yet.')).toBeVisible();
  await expectAccessible(page);
});
