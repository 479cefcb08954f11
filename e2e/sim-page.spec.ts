import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
  api,
  apiSignIn,
  authHeaders,
  demo,
  expect,
  expectAccessible,
  newOperator,
  openSimTable,
  signIn,
  test,
} from './fixtures';

interface Sim {
  simId: string;
  status: string;
  tags?: Record<string, string>;
  sessionStatus?: { online?: boolean; imei?: string };
  profiles?: Record<string, { iccid: string; primaryImsi: string; subscribers: Record<string, { msisdn: string }> }>;
}

/** A fresh operator with one new SIM (ready, plan01s, protected) and one group, signed in on that SIM's page. */
async function freshSim(page: Page, request: APIRequestContext) {
  const operator = await newOperator(request, 'sim-page');
  const headers = authHeaders(operator.auth);
  const created = await request.post(api('/sandbox/subscribers/create'), { headers, data: {} });
  expect(created.status()).toBe(200);
  const group = await request.post(api('/groups'), { headers, data: { tags: { name: 'Field pumps' } } });
  expect(group.status()).toBe(201);
  const [sim] = (await (await request.get(api('/sims'), { headers })).json()) as Sim[];
  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/sims/${sim?.simId}`);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  return {
    sim: sim as Sim,
    headers,
    groupId: ((await group.json()) as { groupId: string }).groupId,
  };
}

/** Opens an action from the SIM page's menu; answers its dialog. */
async function openAction(page: Page, item: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function confirm(dialog: Locator, label: string) {
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** The value shown for `label` in the page's description lists. */
const shown = (page: Page, label: string) =>
  page
    .locator('dl > div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');

test.describe('SIM page', () => {
  // Long journeys with an accessibility check at each dialog, on a machine shared with other runs.
  test.describe.configure({ timeout: 120_000 });

  test('an online SIM: profiles, session details, and ending the session', async ({ page, request }) => {
    const auth = await apiSignIn(request, { email: demo.email, password: demo.password });
    const sims = (await (await request.get(api('/sims?limit=300'), { headers: authHeaders(auth) })).json()) as Sim[];
    const online = sims.find((s) => s.status === 'active' && s.sessionStatus?.online && s.sessionStatus.imei);
    expect(online, 'an online SIM in the demo fleet').toBeTruthy();
    const sim = online as Sim;
    const profile = Object.values(sim.profiles ?? {})[0];
    const imsi = profile?.primaryImsi ?? '';

    await page.goto('/login');
    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    await page.goto(`/sims/${sim.simId}`);

    const profiles = page.getByRole('table', { name: 'Profiles and subscribers' });
    await expect(profiles.getByRole('row')).toHaveCount(2);
    await expect(profiles.getByRole('row').nth(1)).toContainText(profile?.iccid ?? '');
    await expect(profiles.getByRole('row').nth(1)).toContainText(imsi);
    await expect(profiles.getByRole('row').nth(1)).toContainText(profile?.subscribers[imsi]?.msisdn ?? '');
    await expect(profiles.getByRole('row').nth(1)).toContainText('plan');
    await expect(shown(page, 'IMEI')).toHaveText(sim.sessionStatus?.imei ?? '');
    await expect(shown(page, 'Cell')).toContainText('MCC');
    await expect(shown(page, 'Device IP address')).not.toHaveText('—');
    await expectAccessible(page);

    const dialog = await openAction(page, 'End session');
    await expect(dialog).toContainText('The device may connect again.');
    await expectAccessible(page);
    await confirm(dialog, 'End session');
    await expect(shown(page, 'Session').first()).toContainText('Offline');
    await expect(page.getByRole('table', { name: 'Session events' }).getByRole('row').nth(1)).toContainText('Deleted');
    // Offline now: ending the session again is offered disabled, saying why.
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await expect(page.getByRole('menuitem', { name: 'End session', exact: true })).toBeDisabled();
    await expect(page.getByText('The SIM is not in a session.')).toBeVisible();
  });

  test('settings: speed class, group, name, IMEI lock and expiry', async ({ page, request }) => {
    const { groupId } = await freshSim(page, request);
    await expect(shown(page, 'Speed class')).toHaveText('s1.minimum');
    // The menu, with what does not apply disabled and the reason given.
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await expect(page.getByRole('menuitem', { name: 'Remove from group', exact: true })).toBeDisabled();
    await expect(page.getByRole('menuitem', { name: 'Remove from group', exact: true })).toHaveAccessibleDescription(
      'The SIM is in no group.',
    );
    await expectAccessible(page);
    await page.keyboard.press('Escape');

    let dialog = await openAction(page, 'Change speed class…');
    // Only the classes plan01s offers.
    await expect(dialog.getByLabel('Speed class').locator('option')).toHaveText([
      'Choose…',
      's1.minimum (current)',
      's1.slow',
      's1.standard',
      's1.fast',
      's1.4xfast',
    ]);
    await expectAccessible(page);
    await dialog.getByLabel('Speed class').selectOption('s1.fast');
    await confirm(dialog, 'Change speed class');
    await expect(shown(page, 'Speed class')).toHaveText('s1.fast');
    await expect(page.getByRole('table', { name: 'Status history' }).getByRole('row').nth(1)).toContainText('s1.fast');

    dialog = await openAction(page, 'Set group…');
    await dialog.getByLabel('Group').selectOption({ label: 'Field pumps' });
    await confirm(dialog, 'Set group');
    await expect(shown(page, 'Group').getByRole('link', { name: 'Field pumps' })).toHaveAttribute(
      'href',
      `/groups/${groupId}`,
    );
    dialog = await openAction(page, 'Remove from group');
    await confirm(dialog, 'Remove from group');
    await expect(shown(page, 'Group')).toHaveText('No group');

    dialog = await openAction(page, 'Rename…');
    await dialog.getByLabel('Name').fill('Pump 7');
    await confirm(dialog, 'Rename');
    await expect(page.getByRole('heading', { name: 'Pump 7', level: 2 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tags' })).toContainText('Pump 7');

    dialog = await openAction(page, 'Set IMEI lock…');
    await dialog.getByLabel('IMEI').fill('12345');
    await expect(dialog.getByText('Enter 15 digits, optionally followed by |ANONYMOUS.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Set IMEI lock', exact: true })).toBeDisabled();
    await expectAccessible(page);
    await dialog.getByLabel('IMEI').fill('353875090123456|ANONYMOUS');
    await confirm(dialog, 'Set IMEI lock');
    await expect(shown(page, 'IMEI lock')).toHaveText('353875090123456|ANONYMOUS');
    dialog = await openAction(page, 'Remove IMEI lock');
    await confirm(dialog, 'Remove IMEI lock');
    await expect(shown(page, 'IMEI lock')).toHaveText('None');

    dialog = await openAction(page, 'Set expiry…');
    await expect(dialog.getByText('In your time zone (Asia/Tokyo).')).toBeVisible();
    await dialog.getByLabel('Expires at').fill('2020-01-01T09:00');
    await expect(dialog.getByText('Choose a time in the future.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Set expiry', exact: true })).toBeDisabled();
    await dialog.getByLabel('Expires at').fill('2099-01-15T09:30');
    await dialog.getByLabel('At expiry').selectOption({ label: 'Suspend' });
    await expectAccessible(page);
    await confirm(dialog, 'Set expiry');
    await expect(shown(page, 'Expiry')).toHaveText('Jan 15, 2099, 9:30 AM, then: Suspend');
    dialog = await openAction(page, 'Remove expiry');
    await confirm(dialog, 'Remove expiry');
    await expect(shown(page, 'Expiry')).toHaveText('None');
  });

  test('tags: add, change and delete in place; a refused change is undone', async ({ page, request }) => {
    await freshSim(page, request);
    const tags = page.getByRole('table', { name: 'Tags' });
    const add = page.getByRole('form', { name: 'Add tag' });
    await add.getByLabel('Name').fill('site');
    await add.getByLabel('Value').fill('Osaka');
    await add.getByRole('button', { name: 'Add tag' }).click();
    await expect(tags.getByRole('row', { name: /site/ })).toContainText('Osaka');

    await page.getByRole('button', { name: 'Edit tag site' }).click();
    await page.getByRole('form', { name: 'Edit tag site' }).getByLabel('Value').fill('Kyoto');
    await page.getByRole('button', { name: 'Save tag' }).click();
    await expect(tags.getByRole('row', { name: /site/ })).toContainText('Kyoto');
    await expect(page.getByText('Tag site saved.').first()).toBeVisible();

    // SORACOM fails the next change: it shows at once, then goes back, with the error.
    await page.route('**/sims/*/tags', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'INJECTED500', message: 'injected' }),
      });
    });
    await page.getByRole('button', { name: 'Edit tag site' }).click();
    await page.getByRole('form', { name: 'Edit tag site' }).getByLabel('Value').fill('Nara');
    await page.getByRole('button', { name: 'Save tag' }).click();
    await expect(tags.getByRole('row', { name: /site/ })).toContainText('Nara');
    await expect(page.getByRole('alert').filter({ hasText: 'INJECTED500' })).toBeVisible();
    await expect(tags.getByRole('row', { name: /site/ })).toContainText('Kyoto');
    await expect(page.getByText('The change was undone.')).toBeVisible();
    await page.unroute('**/sims/*/tags');
    await expectAccessible(page);

    // The name tag is the SIM's name.
    await add.getByLabel('Name').fill('name');
    await add.getByLabel('Value').fill('Meter 3');
    await add.getByRole('button', { name: 'Add tag' }).click();
    await expect(page.getByRole('heading', { name: 'Meter 3', level: 2 })).toBeVisible();

    await page.getByRole('button', { name: 'Delete tag site' }).click();
    await expect(tags.getByRole('row', { name: /site/ })).toHaveCount(0);
    await expect(page.getByText('Tag site deleted.').first()).toBeVisible();

    // The same through the actions menu.
    let dialog = await openAction(page, 'Set tags…');
    await dialog.getByLabel('Tag 1 name').fill('line');
    await dialog.getByLabel('Tag 1 value').fill('A');
    await dialog.getByRole('button', { name: 'Add another tag' }).click();
    await dialog.getByLabel('Tag 2 name').fill('line');
    await expect(dialog.getByText('This tag name is used twice.')).toBeVisible();
    await dialog.getByLabel('Tag 2 name').fill('shift');
    await dialog.getByLabel('Tag 2 value').fill('night');
    await expectAccessible(page);
    await confirm(dialog, 'Set tags');
    await expect(tags.getByRole('row', { name: /shift/ })).toContainText('night');
    dialog = await openAction(page, 'Delete a tag…');
    await dialog.getByLabel('Tag to delete').selectOption('line');
    await confirm(dialog, 'Delete tag');
    await expect(tags.getByRole('row', { name: /line/ })).toHaveCount(0);
  });

  test('SMS: counted as its encoding counts, too long refused, then sent', async ({ page, request }) => {
    const { sim } = await freshSim(page, request);
    const dialog = await openAction(page, 'Send SMS…');
    const message = dialog.getByLabel('Message');
    const send = dialog.getByRole('button', { name: 'Send', exact: true });
    await dialog.getByRole('radio', { name: /GSM 7-bit/ }).check();
    await message.fill('Reset [now]');
    await expect(dialog.getByText('13 / 160 characters')).toBeVisible();
    await message.fill(`${'x'.repeat(159)}€`);
    await expect(dialog.getByText('161 / 160 characters')).toBeVisible();
    await expect(dialog.getByText('161 characters: at most 160 in this encoding.')).toBeVisible();
    await expect(send).toBeDisabled();
    await dialog.getByRole('radio', { name: /UCS-2/ }).check();
    await message.fill('再起動してください');
    await expect(dialog.getByText('9 / 70 characters')).toBeVisible();
    await expectAccessible(page);

    const bodies: unknown[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/send_sms')) bodies.push(r.postDataJSON());
    });
    await confirm(dialog, 'Send');
    await expect(page.getByText(`SMS sent to ${sim.simId}.`)).toBeVisible();
    expect(bodies).toEqual([{ payload: '再起動してください', encodingType: 2 }]);
  });
});

test.describe('register a SIM', () => {
  test('with its registration secret, a group and a name; a wrong secret is refused', async ({ page, request }) => {
    test.setTimeout(90_000);
    const operator = await newOperator(request, 'sim-register');
    const headers = authHeaders(operator.auth);
    const created = (await (await request.post(api('/sandbox/subscribers/create'), { headers, data: {} })).json()) as {
      imsi: string;
      registrationSecret: string;
    };
    const group = await request.post(api('/groups'), { headers, data: { tags: { name: 'Field pumps' } } });
    const groupId = ((await group.json()) as { groupId: string }).groupId;
    const sims = (await (await request.get(api('/sims'), { headers })).json()) as Sim[];
    const simId = sims.find((s) => Object.values(s.profiles ?? {}).some((p) => p.primaryImsi === created.imsi))?.simId;
    expect(simId).toBeTruthy();

    await page.goto('/login');
    await signIn(page, operator.email, operator.password);
    await expect(page).toHaveURL(/\/$/);
    await openSimTable(page);
    await page.getByRole('button', { name: 'Register SIM', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Register a SIM' });
    await dialog.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(dialog.getByText('Required')).toHaveCount(2);
    await dialog.getByLabel('SIM ID').fill(simId ?? '');
    await dialog.getByLabel('Registration secret').fill('WRONG');
    await dialog.getByLabel('Group (optional)').selectOption({ label: 'Field pumps' });
    await dialog.getByRole('button', { name: 'Add another tag' }).click();
    await dialog.getByLabel('Tag 1 name').fill('name');
    await dialog.getByLabel('Tag 1 value').fill('Meter 9');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('The registration secret is wrong.');

    await dialog.getByLabel('Registration secret').fill(created.registrationSecret);
    await dialog.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`SIM ${simId} registered.`)).toBeVisible();
    // The notification closes itself after 4 s: its link is checked while it is there, then its address is opened.
    await expect(page.getByRole('link', { name: `Open SIM ${simId}` })).toHaveAttribute('href', `/sims/${simId}`);
    await page.goto(`/sims/${simId}`);
    await expect(page).toHaveURL(new RegExp(`/sims/${simId}$`));
    await expect(page.getByRole('heading', { name: 'Meter 9', level: 2 })).toBeVisible();
    await expect(shown(page, 'Group').getByRole('link', { name: 'Field pumps' })).toHaveAttribute(
      'href',
      `/groups/${groupId}`,
    );
  });
});
