/**
 * Payments: the payment method and statements are what the API says, coupons register (or are refused next to the
 * field), payer information makes a round trip.
 */
import { client, csvTotal, downloaded, money, monthName, openBilling, rows } from './billing-helpers';
import { expect, expectAccessible, newOperator, signIn, test } from './fixtures';

test.describe('payments', () => {
  test('payment method, statements and their export are what the API says', async ({ page, request }) => {
    const soracom = await client(request);
    const { paymentStatementsList } = await soracom.get<{
      paymentStatementsList: {
        paymentStatementId: string;
        amount: number;
        currency: string;
        chargedYearMonths?: string[];
        paymentDateTime: number;
      }[];
    }>('/payment_statements');
    const statements = [...paymentStatementsList].sort((a, b) => b.paymentDateTime - a.paymentDateTime);

    await openBilling(page);
    await page.getByRole('navigation', { name: 'Billing sections' }).getByRole('link', { name: 'Payments' }).click();
    await expect(page.getByRole('heading', { name: 'Payments', level: 2 })).toBeVisible();
    await expect(page.getByTestId('payment-method-status')).toHaveText('Valid');
    const shown = await rows(page, 'Payment statements');
    expect(shown.map((r) => [r[0], r[2], r[3]])).toEqual(
      statements.map((s) => [
        s.paymentStatementId,
        (s.chargedYearMonths ?? []).map((m) => monthName(m)).join(', ') || '—',
        money(s.amount, s.currency),
      ]),
    );
    await expectAccessible(page);

    const first = statements[0] as (typeof statements)[number];
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export statement ${first.paymentStatementId}` }).click();
    const text = await downloaded(await download);
    const digits = first.currency === 'JPY' ? 0 : 2;
    expect(csvTotal(text, digits)).toBe(Math.round(first.amount * 10 ** digits));
  });

  test('register a coupon code; a refused code is explained at the field', async ({ page, request }) => {
    const { email, password, auth } = await newOperator(request, 'coupon');
    const soracom = await client(request, auth);
    const created = await soracom.post<{ couponCode: string; amount: number }>('/sandbox/coupons/create', {
      amount: 1500,
      applicableBillItemName: 'dailyChargeTotal',
    });

    await page.goto('/login');
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/billing/payments');
    await expect(page.getByText('No coupons. Register a coupon code above.')).toBeVisible();
    const field = page.getByLabel('Coupon code');

    await page.getByRole('button', { name: 'Register coupon' }).click();
    await expect(field).toHaveAccessibleDescription('Enter a coupon code.');

    await field.fill('NOT-A-REAL-CODE');
    await page.getByRole('button', { name: 'Register coupon' }).click();
    await expect(field).toHaveAccessibleDescription(/^No such coupon code\./);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue('NOT-A-REAL-CODE');
    await expectAccessible(page);

    await field.fill(created.couponCode);
    await page.getByRole('button', { name: 'Register coupon' }).click();
    await expect(page.getByText(`Coupon ${created.couponCode} registered.`)).toBeVisible();
    await expect(field).toHaveValue('');
    const { couponList } = await soracom.get<{
      couponList: { couponCode: string; amount: number; balance: number; currency: string }[];
    }>('/coupons');
    const registered = couponList.find((c) => c.couponCode === created.couponCode);
    expect(registered).toBeTruthy();
    expect(await rows(page, 'Coupons')).toContainEqual([
      created.couponCode,
      'Basic fees',
      money(1500, registered?.currency ?? 'JPY'),
      money(registered?.balance ?? 0, registered?.currency ?? 'JPY'),
      expect.any(String),
    ]);

    // The same code a second time is refused, next to the field.
    await field.fill(created.couponCode);
    await page.getByRole('button', { name: 'Register coupon' }).click();
    await expect(field).toHaveAccessibleDescription(/already registered/);
  });

  test('payer information: validated at the fields, saved, read back; a refused save keeps what was typed', async ({
    page,
    request,
  }) => {
    const { email, password, auth } = await newOperator(request, 'payer');
    const soracom = await client(request, auth);
    await page.goto('/login');
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/billing/payments');
    const form = page.getByRole('form', { name: 'Payer information' });
    await expect(form.getByLabel('Full name')).toHaveValue('');
    // No payment method registered for a new operator.
    await expect(page.getByText(/No payment method is registered/)).toBeVisible();

    await form.getByLabel('Department').fill('IoT Platform');
    await form.getByRole('button', { name: 'Save payer information' }).click();
    await expect(form.getByLabel('Full name')).toHaveAccessibleDescription('Enter a full name or a company name.');

    // SORACOM refuses the save: the message is shown, and nothing typed is lost.
    await form.getByLabel('Company name').fill('Example KK');
    await form.getByLabel('Full name').fill('Taro Mihon');
    await page.route('**/v1/payment_statements/payer_information', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({ code: 'PAY0001', message: 'Payer information could not be registered.' }),
          })
        : route.fallback(),
    );
    await form.getByRole('button', { name: 'Save payer information' }).click();
    await expect(form.getByRole('alert')).toHaveText('Payer information could not be registered. (PAY0001)');
    await expect(form.getByLabel('Company name')).toHaveValue('Example KK');
    await expect(form.getByLabel('Department')).toHaveValue('IoT Platform');
    await expect(form.getByLabel('Full name')).toHaveValue('Taro Mihon');
    await expectAccessible(page);
    await page.unroute('**/v1/payment_statements/payer_information');

    await form.getByRole('button', { name: 'Save payer information' }).click();
    await expect(page.getByText('Payer information saved.')).toBeVisible();
    expect(await soracom.get('/payment_statements/payer_information')).toEqual({
      companyName: 'Example KK',
      department: 'IoT Platform',
      fullName: 'Taro Mihon',
    });
    await page.reload();
    await expect(form.getByLabel('Company name')).toHaveValue('Example KK');
    await expect(form.getByLabel('Department')).toHaveValue('IoT Platform');
    await expect(form.getByLabel('Full name')).toHaveValue('Taro Mihon');
  });
});
