import { readFileSync } from 'node:fs';
import {
  api,
  apiSignIn,
  authHeaders,
  demo,
  expect,
  expectAccessible,
  newOperator,
  nextCode,
  signIn,
  test,
  totpFor,
} from './fixtures';

test.describe('Account › Security', () => {
  test('root turns MFA on (QR code, secret, code, backup codes) and off again', async ({ page, request }) => {
    // Sign-up, two sign-ins and two axe runs: heavy on a 2-core machine.
    test.slow();
    const operator = await newOperator(request, 'mfa-ui');
    await page.goto('/login');
    await signIn(page, operator.email, operator.password);
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByTestId('mfa-status')).toHaveText('Not enabled');
    await page.getByRole('button', { name: 'Turn on MFA' }).click();

    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    const secret = (await page.getByTestId('copy-Secret key').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await expectAccessible(page);
    const totp = totpFor(secret);
    await page.getByLabel('MFA code').fill(totp.generate());
    await page.getByRole('button', { name: 'Verify and turn on' }).click();

    const codes = page.getByRole('list', { name: 'Save your backup codes now' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const shown = await codes.allTextContents();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download codes' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`soracom-backup-codes-${operator.auth.operatorId}.txt`);
    const text = readFileSync((await file.path()) as string, 'utf8');
    for (const code of shown) expect(text).toContain(code);
    await page.getByRole('button', { name: 'I have saved these codes' }).click();
    await expect(page.getByText('MFA is on.')).toBeVisible();
    await expect(page.getByTestId('mfa-status')).toHaveText('Enabled');
    await expect(page.getByText('Consider signing out your other sessions', { exact: false })).toBeVisible();

    // Signing in now asks for the code.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, operator.email, operator.password);
    await page.getByLabel('MFA code').fill(nextCode(totp));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page).toHaveURL(/\/$/);

    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Turn off MFA' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn off MFA?' });
    await dialog.getByLabel('Password', { exact: true }).fill('not-my-password');
    await dialog.getByRole('button', { name: 'Turn off MFA' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The password is not correct. (AUM0003)');
    await expect(page.getByTestId('mfa-status')).toHaveText('Enabled');
    await dialog.getByLabel('Password', { exact: true }).fill(operator.password);
    await dialog.getByRole('button', { name: 'Turn off MFA' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('mfa-status')).toHaveText('Not enabled');
  });

  test('changing the password, then signing out everywhere else', async ({ page, request }) => {
    const operator = await newOperator(request, 'password-ui');
    const elsewhere = await apiSignIn(request, { email: operator.email, password: operator.password });
    await page.goto('/login');
    await signIn(page, operator.email, operator.password);
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('link', { name: 'Account' }).click();

    const form = page.getByRole('form', { name: 'Password' });
    await form.getByLabel('Current password').fill('wrong-current-1');
    await form.getByLabel('New password', { exact: true }).fill('Changed-pass-77');
    await form.getByLabel('Confirm new password').fill('Changed-pass-77');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByRole('alert')).toContainText('The current password is not correct. (AUM0003)');
    // What was typed is still there after the failure.
    await expect(form.getByLabel('New password', { exact: true })).toHaveValue('Changed-pass-77');
    await form.getByLabel('Current password').fill(operator.password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your password has been changed.')).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere else' }).click();
    await expect(page.getByText('Every other session has been signed out.')).toBeVisible();
    const other = await request.get(api('/sims'), { headers: authHeaders(elsewhere) });
    expect(other.status()).toBe(401);
    // This session goes on.
    await page.getByRole('link', { name: 'SIMs' }).click();
    await expect(page.getByRole('heading', { name: 'SIMs' })).toBeVisible();
    await apiSignIn(request, { email: operator.email, password: 'Changed-pass-77' });
  });

  test('auth keys: generated (secret shown once), used, deleted', async ({ page, request }) => {
    const operator = await newOperator(request, 'keys-ui');
    await page.goto('/login');
    await signIn(page, operator.email, operator.password);
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Generate auth key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New auth key' });
    const authKeyId = (await dialog.getByTestId('copy-Auth key ID').textContent()) ?? '';
    const authKey = (await dialog.getByTestId('copy-Auth key secret').textContent()) ?? '';
    expect(authKeyId).toMatch(/^keyId-/);
    expect(authKey).toMatch(/^secret-/);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'I have saved the secret' }).click();

    await apiSignIn(request, { authKeyId, authKey });
    const table = page.getByRole('table', { name: 'Auth keys' });
    await expect(table.getByRole('row', { name: new RegExp(authKeyId) })).toBeVisible();
    await page.getByRole('button', { name: `Delete ${authKeyId}` }).click();
    await page.getByRole('dialog', { name: 'Delete auth key?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(table.getByRole('row', { name: new RegExp(authKeyId) })).toHaveCount(0);
    const refused = await request.post(api('/auth'), { data: { authKeyId, authKey } });
    expect(refused.status()).toBe(401);
  });

  test('a SAM user turns on their own MFA and changes their password', async ({ page, request }) => {
    const root = await apiSignIn(request, { email: demo.email, password: demo.password });
    const userName = `e2e-sam-${Date.now()}`;
    const headers = authHeaders(root);
    expect(
      (await request.post(api(`/operators/${demo.operatorId}/users/${userName}`), { headers, data: {} })).status(),
    ).toBe(201);
    expect(
      (
        await request.post(api(`/operators/${demo.operatorId}/users/${userName}/password`), {
          headers,
          data: { password: 'Sam-user-pass-1' },
        })
      ).status(),
    ).toBe(201);
    // A SAM user may do nothing until a permission allows it, not even manage their own account: give them the
    // self-service statement SORACOM documents (their own user only).
    const selfService = {
      statements: [{ effect: 'allow', api: 'User:*', condition: "pathVariable('user_name') == samUserName" }],
    };
    expect(
      (
        await request.put(api(`/operators/${demo.operatorId}/users/${userName}/permission`), {
          headers,
          data: { permission: JSON.stringify(selfService) },
        })
      ).status(),
    ).toBe(200);

    await page.goto('/login');
    await page.getByRole('button', { name: 'SAM user' }).click();
    await page.getByLabel('Operator ID').fill(demo.operatorId);
    await page.getByLabel('User name').fill(userName);
    await page.getByLabel('Password', { exact: true }).fill('Sam-user-pass-1');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Turn on MFA' }).click();
    const secret = (await page.getByTestId('copy-Secret key').textContent()) ?? '';
    const totp = totpFor(secret);
    await page.getByLabel('MFA code').fill(totp.generate());
    await page.getByRole('button', { name: 'Verify and turn on' }).click();
    await expect(page.getByText('MFA is on.')).toBeVisible();
    await expect(page.getByTestId('mfa-status')).toHaveText('Enabled');

    const form = page.getByRole('form', { name: 'Password' });
    await form.getByLabel('Current password').fill('Sam-user-pass-1');
    await form.getByLabel('New password', { exact: true }).fill('Sam-user-pass-2');
    await form.getByLabel('Confirm new password').fill('Sam-user-pass-2');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your password has been changed.')).toBeVisible();

    const login = await request.post(api('/auth'), {
      data: { operatorId: demo.operatorId, userName, password: 'Sam-user-pass-2', mfaOTPCode: nextCode(totp) },
    });
    expect(login.status()).toBe(200);
  });
});
