/**
 * A group's configuration: the namespace forms, field errors, the JSON view, changes made elsewhere meanwhile,
 * unsaved changes, export and import. Every key the console does not know is kept.
 */
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { api, apiSignIn, authHeaders, demo, expect, expectAccessible, signIn, test } from './fixtures';

type Config = Record<string, Record<string, unknown>>;

async function rootApi(request: APIRequestContext) {
  const auth = await apiSignIn(request, { email: demo.email, password: demo.password });
  const headers = authHeaders(auth);
  return {
    async create(name: string, configuration: Config = {}) {
      const response = await request.post(api('/groups'), { headers, data: { tags: { name }, configuration } });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { groupId: string }).groupId;
    },
    async configuration(groupId: string): Promise<Config> {
      const response = await request.get(api(`/groups/${groupId}`), { headers });
      return ((await response.json()) as { configuration: Config }).configuration;
    },
    async put(groupId: string, namespace: string, values: Record<string, unknown>) {
      const body = Object.entries(values).map(([key, value]) => ({ key, value }));
      const response = await request.put(api(`/groups/${groupId}/configuration/${namespace}`), { headers, data: body });
      expect(response.status()).toBe(200);
    },
  };
}

async function openGroup(page: Page, groupId: string) {
  await page.goto('/login');
  await signIn(page);
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/groups/${groupId}`);
  await expect(page.getByRole('tab', { name: 'SoracomAir', exact: true })).toBeVisible();
}

async function reviewAndSave(page: Page) {
  await page.getByRole('button', { name: 'Review and save' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Your changes' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
}

const unknown = { futureSetting: { nested: [1, 'two', { three: true }] }, '__keep me__': 'as is' };

test.describe('group configuration', () => {
  test('each namespace form saves what is entered, and keeps every key it does not know', async ({ page, request }) => {
    // Nine namespaces saved one after the other: a long journey.
    test.slow();
    const root = await rootApi(request);
    const groupId = await root.create(`e2e-forms-${Date.now()}`, { SoracomAir: { ...unknown, useCustomDns: false } });
    await openGroup(page, groupId);

    // SoracomAir: DNS servers (validated), custom DNS, metadata.
    await page.getByLabel('Use custom DNS servers').check();
    await page.getByLabel('DNS servers (IP addresses)').fill('8.8.8.8\n1.1.1.999');
    await expect(page.getByText('"1.1.1.999" is not an IP address')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Review and save' })).toBeDisabled();
    await page.getByLabel('DNS servers (IP addresses)').fill('8.8.8.8\n2001:4860:4860::8888');
    await page.getByLabel('Metadata service').check();
    await reviewAndSave(page);

    const forms: [string, (p: Page) => Promise<void>][] = [
      ['SoracomHarvest', async (p) => await p.getByRole('tabpanel').getByLabel('Enabled').check()],
      [
        'SoracomFunnel',
        async (p) => {
          const panel = p.getByRole('tabpanel');
          await panel.getByLabel('Destination: provider').selectOption('aws');
          await panel.getByLabel('Destination: resource URL').fill('https://kinesis.example.com/stream');
          await panel.getByLabel('Add the SIM ID').check();
        },
      ],
      [
        'SoracomFunk',
        async (p) =>
          p.getByRole('tabpanel').getByLabel('Destination: resource URL').fill('https://functions.example.com/f'),
      ],
      [
        'UnifiedEndpoint',
        async (p) => {
          await p.getByRole('tabpanel').getByLabel('Response format').selectOption('SoracomHarvest');
        },
      ],
      [
        'SoracomEndorse',
        async (p) => await p.getByRole('tabpanel').getByLabel('Token lifetime (seconds)').fill('3600'),
      ],
      ['SoracomHarvestFiles', async (p) => await p.getByRole('tabpanel').getByLabel('Enabled').check()],
      ['SoracomOrbit', async (p) => await p.getByRole('tabpanel').getByLabel('Enabled').check()],
      [
        'SoracomBeam',
        async (p) => {
          const panel = p.getByRole('tabpanel');
          await panel.getByLabel('New entry point').fill('mqtt://beam.soracom.io:1883');
          await panel.getByRole('button', { name: 'Add entry point' }).click();
          await panel.getByLabel('Destination URL').fill('mqtts://broker.example.com:8883');
        },
      ],
    ];
    for (const [namespace, fill] of forms) {
      await page.getByRole('tab', { name: namespace, exact: true }).click();
      await fill(page);
      await reviewAndSave(page);
    }
    await expectAccessible(page);

    await page.reload();
    await expect(page.getByLabel('DNS servers (IP addresses)')).toHaveValue('8.8.8.8\n2001:4860:4860::8888');
    await page.getByRole('tab', { name: 'SoracomEndorse', exact: true }).click();
    await expect(page.getByRole('tabpanel').getByLabel('Token lifetime (seconds)')).toHaveValue('3600');
    await page.getByRole('tab', { name: 'SoracomFunnel', exact: true }).click();
    await expect(page.getByRole('tabpanel').getByLabel('Destination: resource URL')).toHaveValue(
      'https://kinesis.example.com/stream',
    );

    const saved = await root.configuration(groupId);
    expect(saved.SoracomAir).toEqual({
      ...unknown,
      useCustomDns: true,
      dnsServers: ['8.8.8.8', '2001:4860:4860::8888'],
      metadata: { enabled: true },
    });
    expect(saved.SoracomHarvest).toEqual({ enabled: true });
    expect(saved.SoracomFunnel).toEqual({
      destination: { provider: 'aws', resourceUrl: 'https://kinesis.example.com/stream' },
      addSimId: true,
    });
    expect(saved.SoracomFunk).toEqual({ destination: { resourceUrl: 'https://functions.example.com/f' } });
    expect(saved.UnifiedEndpoint).toEqual({ response: { format: 'SoracomHarvest' } });
    expect(saved.SoracomEndorse).toEqual({ tokenTimeoutSeconds: 3600 });
    expect(saved.SoracomHarvestFiles).toEqual({ enabled: true });
    expect(saved.SoracomOrbit).toEqual({ enabled: true });
    expect(saved.SoracomBeam).toEqual({
      'mqtt://beam.soracom.io:1883': { enabled: true, destination: 'mqtts://broker.example.com:8883' },
    });
  });

  test('invalid values are explained at the field, and nothing is sent', async ({ page, request }) => {
    const root = await rootApi(request);
    const groupId = await root.create(`e2e-invalid-${Date.now()}`);
    await openGroup(page, groupId);
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/configuration/')) writes.push(`${r.method()} ${r.url()}`);
    });
    const save = page.getByRole('button', { name: 'Review and save' });

    await page.getByLabel('DNS servers (IP addresses)').fill('10.0.0.1\nnot-an-ip');
    await expect(page.getByText('"not-an-ip" is not an IP address')).toBeVisible();
    await expect(save).toBeDisabled();

    await page.getByRole('tab', { name: 'SoracomFunnel', exact: true }).click();
    const funnel = page.getByRole('tabpanel');
    await funnel.getByLabel('Destination: resource URL').fill('ftp://files.example.com');
    await expect(funnel.getByText('Enter a URL (https, http, mqtts, amqps)')).toBeVisible();

    await page.getByRole('tab', { name: 'SoracomEndorse', exact: true }).click();
    const endorse = page.getByRole('tabpanel');
    await endorse.getByLabel('Token lifetime (seconds)').fill('59');
    await expect(endorse.getByText('Enter a whole number from 60 to 86400')).toBeVisible();
    await expect(endorse.getByRole('button', { name: 'Review and save' })).toBeDisabled();
    await endorse.getByLabel('Authorized redirect URLs').fill('https://ok.example.com\njavascript:alert(1)');
    await expect(endorse.getByText('"javascript:alert(1)" is not a valid URL')).toBeVisible();
    await expectAccessible(page);

    await endorse.getByText('JSON', { exact: true }).click();
    await endorse.getByLabel('Settings as JSON').fill('[1, 2]');
    await endorse.getByRole('button', { name: 'Apply JSON' }).click();
    await expect(endorse.getByText('The settings must be a JSON object.', { exact: false })).toBeVisible();

    expect(writes).toEqual([]);
    expect(await root.configuration(groupId)).toEqual({});
  });

  test('the JSON view round-trips, and refuses malformed JSON', async ({ page, request }) => {
    const root = await rootApi(request);
    const groupId = await root.create(`e2e-json-${Date.now()}`);
    await openGroup(page, groupId);
    await page.getByRole('tab', { name: 'SoracomKrypton', exact: true }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText('JSON', { exact: true }).click();
    const editor = panel.getByLabel('Settings as JSON');
    await editor.fill('{ "bootstrap": ');
    await panel.getByRole('button', { name: 'Apply JSON' }).click();
    await expect(panel.getByText('This is not valid JSON', { exact: false })).toBeVisible();
    const value = { bootstrap: { provider: 'aws', region: 'ap-northeast-1' }, flags: [1, 2] };
    await editor.fill(JSON.stringify(value));
    await panel.getByRole('button', { name: 'Apply JSON' }).click();
    await reviewAndSave(page);
    expect((await root.configuration(groupId)).SoracomKrypton).toEqual(value);
    await page.reload();
    await page.getByRole('tab', { name: 'SoracomKrypton', exact: true }).click();
    await page.getByRole('tabpanel').getByText('JSON', { exact: true }).click();
    // What the editor holds once the saved configuration has loaded (until then it may be empty or `{}`).
    const reloaded = page.getByRole('tabpanel').getByLabel('Settings as JSON');
    await expect
      .poll(async () => {
        try {
          return JSON.parse(await reloaded.inputValue());
        } catch {
          return undefined;
        }
      })
      .toEqual(value);
  });

  test('a change made elsewhere meanwhile is shown before overwriting it', async ({ browser, page, request }) => {
    const root = await rootApi(request);
    const groupId = await root.create(`e2e-conflict-${Date.now()}`, { SoracomHarvest: { enabled: false } });
    await openGroup(page, groupId);
    await page.getByRole('tab', { name: 'SoracomHarvest', exact: true }).click();
    await page.getByRole('tabpanel').getByLabel('Custom timestamp: value').fill('/ts');

    // Someone else, in another browser, changes the same namespace.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await openGroup(otherPage, groupId);
    await otherPage.getByRole('tab', { name: 'SoracomHarvest', exact: true }).click();
    await otherPage.getByRole('tabpanel').getByLabel('Enabled').check();
    await reviewAndSave(otherPage);
    await other.close();

    await page.getByRole('button', { name: 'Review and save' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByText('This namespace changed meanwhile')).toBeVisible();
    const theirs = dialog.getByRole('list', { name: 'Changed by someone else since you opened it' });
    await expect(theirs.getByText('enabled')).toBeVisible();
    await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
    await expect(dialog).toBeHidden();
    expect((await root.configuration(groupId)).SoracomHarvest).toEqual({
      enabled: false,
      customTimestamp: { value: '/ts' },
    });
  });

  test('leaving with unsaved changes asks first', async ({ page, request }) => {
    const root = await rootApi(request);
    const groupId = await root.create(`e2e-leave-${Date.now()}`);
    await openGroup(page, groupId);
    await page.getByLabel('Use custom DNS servers').check();
    await page.getByRole('link', { name: 'SIMs', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/${groupId}$`));
    await expect(page.getByLabel('Use custom DNS servers')).toBeChecked();

    const asked = page.waitForEvent('dialog');
    // Dismissing the prompt cancels the reload, so its promise never settles.
    page.reload().catch(() => {});
    const beforeUnload = await asked;
    expect(beforeUnload.type()).toBe('beforeunload');
    await beforeUnload.dismiss();
    await expect(page.getByLabel('Use custom DNS servers')).toBeChecked();

    await page.getByRole('link', { name: 'SIMs', exact: true }).click();
    await dialog.getByRole('button', { name: 'Leave and discard' }).click();
    await expect(page).toHaveURL(/\/sims$/);
  });

  test('export, then import into another group, gives the same configuration', async ({ page, request }) => {
    const root = await rootApi(request);
    const source = await root.create(`e2e-export-${Date.now()}`, {
      SoracomAir: { useCustomDns: true, dnsServers: ['1.1.1.1'], ...unknown },
      UnifiedEndpoint: { enabled: true, response: { format: 'SoracomHarvest' } },
    });
    const target = await root.create(`e2e-import-${Date.now()}`, { SoracomHarvest: { enabled: true } });
    await openGroup(page, source);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const file = await (await download).path();

    await page.goto(`/groups/${target}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import JSON…' }).click();
    await (await chooser).setFiles(file as string);
    const dialog = page.getByRole('dialog');
    const changes = dialog.getByRole('list', { name: 'Your changes' });
    await expect(changes.getByText('SoracomHarvest', { exact: true })).toBeVisible();
    await expect(changes.getByText('SoracomAir', { exact: true })).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();
    expect(await root.configuration(target)).toEqual(await root.configuration(source));
    expect(JSON.parse(readFileSync(file as string, 'utf8')).configuration).toEqual(await root.configuration(source));
  });
});
