/**
 * Billing: every figure on the dashboards is what the API answers for the same period, and exported CSVs add up to
 * the bill (payments.spec.ts has payment statements, coupons and payer information).
 */
import {
  client,
  csvTotal,
  dayName,
  downloaded,
  type MonthlyBill,
  money,
  monthName,
  openBilling,
  rows,
  type Summary,
} from './billing-helpers';
import { expect, expectAccessible, test } from './fixtures';

test.describe('billing', () => {
  test('this month so far and the monthly bills are what the API says', async ({ page, request }) => {
    // Two pages, a chart and an axe run: more than the default 30 s when the machine is busy.
    test.slow();
    const soracom = await client(request);
    const { billList } = await soracom.get<{ billList: MonthlyBill[] }>('/bills');
    const bills = [...billList].sort((a, b) => b.yearMonth.localeCompare(a.yearMonth));
    expect(bills.length).toBeGreaterThan(1);

    // The preliminary bill moves as the month goes on: the page is checked against the answer it got.
    const latestAnswer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/local/v1/bills/latest' && r.request().method() === 'GET',
    );
    await openBilling(page);
    const latest = (await (await latestAnswer).json()) as {
      amount: number;
      currency: string;
      lastEvaluatedTime: string;
    };
    const month = latest.lastEvaluatedTime.slice(0, 6);
    await expect(page.getByRole('heading', { name: 'This month so far', level: 3 })).toBeVisible();
    await expect(page.getByTestId('latest-month')).toHaveText(monthName(month));
    await expect(page.getByTestId('latest-amount')).toHaveText(money(latest.amount, latest.currency));
    // The calculation time, in the browser's zone (Asia/Tokyo), with the zone named.
    const at = new Date(
      `${latest.lastEvaluatedTime.replace(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3T$4:$5:$6')}Z`,
    );
    const when = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: 'Asia/Tokyo',
    }).format(at);
    await expect(page.getByText(`Calculated ${when}`)).toBeVisible();
    expect(when).toContain('GMT+9');

    const previousMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4)) - 2, 1));
    const previousYm = `${previousMonth.getUTCFullYear()}${String(previousMonth.getUTCMonth() + 1).padStart(2, '0')}`;
    const previous = bills.find((b) => b.yearMonth === previousYm);
    if (previous) {
      const difference = latest.amount - previous.amount;
      const percent = new Intl.NumberFormat('en-US', {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(difference / previous.amount);
      const sign = difference > 0 ? '+' : difference < 0 ? '-' : '';
      await expect(page.getByTestId('latest-comparison')).toHaveText(
        `${sign}${money(Math.abs(difference), latest.currency)} (${percent}) compared with ${monthName(previousYm)} (${money(previous.amount, previous.currency)})`,
      );
    } else {
      await expect(page.getByTestId('latest-comparison')).toHaveText(
        `No bill for ${monthName(previousYm)} to compare with.`,
      );
    }

    expect(await rows(page, 'Monthly bills')).toEqual(
      bills.map((b) => [
        monthName(b.yearMonth),
        money(b.amount, b.currency),
        b.state === 'closed' ? 'Closed' : 'Preliminary',
        b.paymentStatus === 'paid' ? 'Paid' : expect.any(String),
        b.appliedCouponAmount ? money(b.appliedCouponAmount, b.currency) : '—',
      ]),
    );
    // The chart shows the same months (up to twelve), its figures in its readable summary.
    const chart = page.getByRole('group', { name: 'Monthly bills' });
    await expect(chart).toBeVisible();
    await expectAccessible(page);

    // Each month opens its page.
    const first = bills[0] as MonthlyBill;
    await page.getByRole('link', { name: monthName(first.yearMonth), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/billing/${first.yearMonth}$`));
    await expect(page.getByTestId('month-amount')).toHaveText(money(first.amount, first.currency));
  });

  test('a month: days, bill items and SIMs are what the API says, and its CSV adds up to the bill', async ({
    page,
    request,
  }) => {
    // Four API reads, three tables, an axe run and two exports (one prepared in the background).
    test.slow();
    const soracom = await client(request);
    const { billList } = await soracom.get<{ billList: MonthlyBill[] }>('/bills');
    const bill = [...billList].sort((a, b) => b.yearMonth.localeCompare(a.yearMonth))[0] as MonthlyBill;
    const month = bill.yearMonth;
    const daily = await soracom.get<{ billList: { date: string; amount: number; currency: string }[] }>(
      `/bills/${month}/daily`,
    );
    const items = await soracom.get<Summary<{ billItemName: string; amount: number }>[]>('/bills/summaries/bill_items');
    const sims = await soracom.get<Summary<{ simId: string; amount: number }>[]>('/bills/summaries/sims');
    const digits = bill.currency === 'JPY' ? 0 : 2;

    await openBilling(page);
    await page.goto(`/billing/${month}`);
    await expect(page.getByRole('heading', { name: `Bill for ${monthName(month)}`, level: 2 })).toBeVisible();
    await expect(page.getByTestId('month-amount')).toHaveText(money(bill.amount, bill.currency));

    const days = [...daily.billList].sort((a, b) => a.date.localeCompare(b.date));
    expect(await rows(page, 'Daily amounts')).toEqual(days.map((d) => [dayName(d.date), money(d.amount, d.currency)]));
    // The days add up to the month.
    const dayTotal = days.reduce((sum, d) => sum + Math.round(d.amount * 10 ** digits), 0) / 10 ** digits;
    expect(dayTotal).toBe(bill.amount);
    await expect(page.getByTestId('daily-total')).toHaveText(money(bill.amount, bill.currency));
    await expect(
      page
        .getByRole('group', { name: `Daily amounts in ${monthName(month)}` })
        .or(page.getByRole('img', { name: `Daily amounts in ${monthName(month)}` })),
    ).toBeVisible();

    // Bill items by month: every cell is the API's figure, and each month's total is that month's bill.
    const months = [...items].sort((a, b) => a.yearMonth.localeCompare(b.yearMonth));
    const itemRows = await rows(page, 'Cost by bill item');
    const names: Record<string, string> = {
      dailyChargeTotal: 'Basic fees',
      dailyDataTrafficChargeTotal: 'Data traffic',
      dailySoracomBeamRequestChargeTotal: 'SORACOM Beam requests',
    };
    for (const row of itemRows) {
      const [label, ...cells] = row;
      const name = Object.entries(names).find(([, text]) => text === label)?.[0] ?? label;
      expect(cells).toEqual(
        months.map((m) => {
          const cost = m.costBreakdownList.find((c) => c.billItemName === name);
          return cost ? money(cost.amount, m.currency) : '—';
        }),
      );
    }
    expect(itemRows.length).toBe(new Set(months.flatMap((m) => m.costBreakdownList.map((c) => c.billItemName))).size);
    const [, ...totals] = (await rows(page, 'Cost by bill item', 'tfoot'))[0] ?? [];
    const monthTotals = months.map((m) => m.costBreakdownList.reduce((sum, c) => sum + c.amount, 0));
    expect(totals).toEqual(months.map((m, i) => money(monthTotals[i] as number, m.currency)));
    const billed = months.findIndex((m) => m.yearMonth === month);
    if (billed >= 0) expect(monthTotals[billed]).toBe(bill.amount);

    // Cost per SIM: the API's list, largest first, at most 100, each linking to its SIM.
    const simSummary = sims.find((s) => s.yearMonth === month);
    const expected = [...(simSummary?.costBreakdownList ?? [])].sort((a, b) => b.amount - a.amount).slice(0, 100);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rows(page, 'Cost per SIM')).toEqual(
      expected.map((c, i) => [String(i + 1), c.simId, money(c.amount, simSummary?.currency ?? bill.currency)]),
    );
    await expectAccessible(page);

    // Sync export: the file downloads at once; its amounts add up to the bill.
    const sync = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export detailed CSV' }).click();
    const syncCsv = await downloaded(await sync);
    expect(csvTotal(syncCsv, digits)).toBe(Math.round(bill.amount * 10 ** digits));
    await expect(page.getByRole('link', { name: 'Download the CSV again' })).toBeVisible();

    // Async export: SORACOM prepares the file; the page shows it waiting, then downloads it.
    await page.getByRole('radio', { name: 'Prepare in the background' }).check();
    const async = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export detailed CSV' }).click();
    await expect(page.getByText(/Preparing the file… \(check \d+\)/)).toBeVisible();
    const asyncCsv = await downloaded(await async);
    expect(csvTotal(asyncCsv, digits)).toBe(Math.round(bill.amount * 10 ** digits));

    // A SIM of the list opens its page.
    const top = expected[0] as { simId: string };
    await page.getByRole('link', { name: top.simId, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/sims/${top.simId}$`));
  });

  test('an async export can be cancelled, and nothing downloads', async ({ page }) => {
    // SORACOM keeps the file "processing" for as long as this test needs: cancelling cannot come too late.
    let polls = 0;
    await page.route('**/api/local/v1/files/exported/*', async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      polls++;
      // The console aborts a look in flight when cancelled: fulfilling it then fails, which is expected.
      await route.fulfill({ status: 200, json: { status: 'processing' } }).catch(() => {});
    });
    await openBilling(page);
    let downloads = 0;
    page.on('download', () => {
      downloads++;
    });
    await page.getByRole('radio', { name: 'Prepare in the background' }).check();
    await page.getByRole('button', { name: "Export this month's CSV" }).click();
    await expect(page.getByText(/Preparing the file… \(check \d+\)/)).toBeVisible();
    // The console has looked more than once, and would go on looking.
    await expect.poll(() => polls).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Cancel export' }).click();
    await expect(page.getByText(/Preparing the file…/)).toBeHidden();
    // A look already on its way when cancelling may still reach the route: counted before the count is taken.
    await page.waitForTimeout(500);
    const pollsAtCancel = polls;
    // Longer than the longest pause between two looks (5 s, exportBackoff): had the cancel not stopped it, the
    // console would have looked again by now.
    await page.waitForTimeout(6_000);
    expect(polls, 'looks at the export after it was cancelled').toBe(pollsAtCancel);
    expect(downloads).toBe(0);
    await expect(page.getByText(/Preparing the file…/)).toBeHidden();
  });

  test("this month's CSV adds up to this month so far", async ({ page, request }) => {
    const soracom = await client(request);
    await openBilling(page);
    type Latest = { amount: number; currency: string };
    // This month's amounts only grow as the month goes on: the file's total lies between the bill before and after.
    const before = await soracom.get<Latest>('/bills/latest');
    const sync = page.waitForEvent('download');
    await page.getByRole('button', { name: "Export this month's CSV" }).click();
    const text = await downloaded(await sync);
    const after = await soracom.get<Latest>('/bills/latest');
    const digits = before.currency === 'JPY' ? 0 : 2;
    const total = csvTotal(text, digits);
    expect(total).toBeGreaterThanOrEqual(Math.round(before.amount * 10 ** digits));
    expect(total).toBeLessThanOrEqual(Math.round(after.amount * 10 ** digits));
  });
});
