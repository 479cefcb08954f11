import { enableMfa, expect, expectAccessible, newOperator, nextCode, openSimTable, signIn, test } from './fixtures';

test.describe('signing in with MFA', () => {
  test('asks for the code after the password, refuses a wrong one, accepts the right one', async ({
    page,
    request,
  }) => {
    const operator = await newOperator(request, 'mfa');
    const totp = await enableMfa(request, operator.auth);

    await page.goto('/login');
    await signIn(page, operator.email, operator.password);
    const code = page.getByLabel('MFA code');
    await expect(code).toBeVisible();
    await expect(page.getByText('Enter the 6-digit code from your authenticator app.')).toBeVisible();
    await expectAccessible(page);

    const valid = new Set([-30_000, 0, 30_000].map((shift) => totp.generate({ timestamp: Date.now() + shift })));
    const wrong = ['123456', '654321', '111111'].find((c) => !valid.has(c)) as string;
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('Sign-in failed. Check the code and try again.');

    await code.fill(nextCode(totp));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page).toHaveURL(/\/$/);
    await openSimTable(page);
    await expect(page.getByText('No SIMs yet.', { exact: false })).toBeVisible();

    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByText('Enabled', { exact: true })).toBeVisible();
  });

  test('"I have an MFA code" sends the code with the password', async ({ page, request }) => {
    const operator = await newOperator(request, 'mfa-upfront');
    const totp = await enableMfa(request, operator.auth);
    let authBodies: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/auth')) authBodies = [...authBodies, r.postData() ?? ''];
    });

    await page.goto('/login');
    await page.getByRole('button', { name: 'I have an MFA code' }).click();
    await page.getByLabel('MFA code').fill(nextCode(totp));
    await signIn(page, operator.email, operator.password);
    await expect(page).toHaveURL(/\/$/);
    expect(authBodies).toHaveLength(1);
    expect(JSON.parse(authBodies[0] as string)).toMatchObject({
      email: operator.email,
      mfaOTPCode: expect.any(String),
    });
  });
});
