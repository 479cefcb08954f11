import { expect, expectAccessible, mailLink, openSimTable, signIn, test, uniqueEmail } from './fixtures';

test('signing up: form rules, the mailed link, then signing in', async ({ page, request }) => {
  const email = uniqueEmail('signup');
  const password = 'Signup-pass-1234';
  await page.goto('/login');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByRole('heading', { name: 'Create a SORACOM account' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('New password', { exact: true }).fill('short1');
  await page.getByLabel('Confirm new password').fill('short2');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 8 characters')).toBeVisible();
  await expect(page.getByText('The two passwords differ')).toBeVisible();

  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  await expect(page.getByText(/^Strength: /)).toBeVisible();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Check your mail')).toBeVisible();
  await expect(page.getByText(`We sent a link to ${email}.`, { exact: false })).toBeVisible();

  // Not confirmed yet: signing in fails, with the same words as any other failure.
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page.getByTestId('login-error')).toHaveText('Sign-in failed. Check what you entered and try again.');

  const link = await mailLink(request, email, 'signup');
  expect(link).toMatch(/^\/verify\?token=/);
  await page.goto(link);
  await expect(page.getByText('Your email address is confirmed. You can sign in now.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/$/);
  await openSimTable(page);
  await expect(page.getByText('No SIMs yet.', { exact: false })).toBeVisible();

  // The link works once.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.goto(link);
  await expect(page.getByText('This link is not valid', { exact: false })).toBeVisible();
});
