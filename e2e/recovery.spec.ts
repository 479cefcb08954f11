import {
  apiSignIn,
  enableMfaWithCodes,
  expect,
  expectAccessible,
  mailLink,
  newOperator,
  signIn,
  test,
} from './fixtures';

test('a forgotten password is reset through the mailed link', async ({ page, request }) => {
  const operator = await newOperator(request, 'reset');
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Email', { exact: true }).fill(operator.email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByText(`If an account uses ${operator.email}`, { exact: false })).toBeVisible();

  const link = await mailLink(request, operator.email, 'passwordReset');
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('Brand-new-pass-42');
  await page.getByLabel('Confirm new password').fill('Brand-new-pass-42');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Your password has been changed. Sign in with the new one.')).toBeVisible();

  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page.getByTestId('login-error')).toBeVisible();
  await signIn(page, operator.email, 'Brand-new-pass-42');
  await expect(page).toHaveURL(/\/$/);
});

test('a lost MFA device: MFA is turned off with the mailed link and a backup code', async ({ page, request }) => {
  const operator = await newOperator(request, 'lost-device');
  const { backupCodes } = await enableMfaWithCodes(request, operator.auth);
  await page.goto('/login');
  await signIn(page, operator.email, operator.password);
  await expect(page.getByLabel('MFA code')).toBeVisible();
  await page.getByRole('link', { name: 'Lost your MFA device?' }).click();
  await expect(page.getByRole('heading', { name: 'Lost MFA device' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(operator.email);
  await page.getByLabel('Password', { exact: true }).fill(operator.password);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByText('a link is on its way', { exact: false })).toBeVisible();

  await page.goto(await mailLink(request, operator.email, 'mfaRevoke'));
  await expectAccessible(page);
  await page.getByLabel('Email', { exact: true }).fill(operator.email);
  await page.getByLabel('Password', { exact: true }).fill(operator.password);
  await page.getByLabel('Backup code', { exact: true }).fill('00000000');
  await page.getByRole('button', { name: 'Turn off MFA' }).click();
  await expect(page.getByRole('alert')).toContainText('The backup code is not valid or has been used. (MFA0003)');
  await page.getByLabel('Backup code', { exact: true }).fill(backupCodes[0] as string);
  await page.getByRole('button', { name: 'Turn off MFA' }).click();
  await expect(page.getByText('MFA is now off.', { exact: false })).toBeVisible();

  // Signing in no longer asks for a code.
  await apiSignIn(request, { email: operator.email, password: operator.password });
});
