/**
 * Bills from the sandbox's own data: every view of a month adds up to the same amount (days, items, SIMs, the CSV,
 * the payment statement), closed months stay as they were, the preliminary bill moves with the month, and coupons
 * pay what guesses.billClosing says. Every response is checked against the description by the contract sandbox.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../app';
import { type ContractSandbox, type Credentials, createContractSandbox } from '../../../test/contract';
import { billing } from '../../guesses';
import { demoCoupons } from '../../seed';

const day = 86_400_000;
const start = Date.UTC(2026, 0, 10, 9);

const appOf = (s: ContractSandbox): Hono =>
  createApp({
    endpoints: [{ id: 'local', upstream: null }],
    sandbox: s.sandbox,
    distDir: '/nonexistent',
    upstreamTimeoutMs: 1_000,
  });

/** The amount column of a bill CSV, summed (the sandbox's CSV has no quoted fields here). */
function csvTotal(text: string, column = 'amount'): number {
  const [header, ...rows] = text.trim().split('\r\n');
  const index = (header ?? '').split(',').indexOf(column);
  expect(index).toBeGreaterThanOrEqual(0);
  return rows.reduce((n, row) => n + Number(row.split(',')[index]), 0);
}

async function download(s: ContractSandbox, url: string) {
  expect(url).toMatch(/^\/api\/local\/downloads\/[\w-]{32}$/);
  const res = await appOf(s).request(url);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Every angle of one month agrees with `GET /bills/{yyyyMM}`; answers the bill. */
async function checkMonth(s: ContractSandbox, auth: Credentials, yearMonth: string) {
  const bill = await s.call('GET', `/bills/${yearMonth}`, { auth });
  expect(bill.status).toBe(200);
  const amount = bill.body.amount as number;
  expect(Number.isInteger(amount)).toBe(true);

  const daily = await s.call('GET', `/bills/${yearMonth}/daily`, { auth });
  expect(daily.status).toBe(200);
  const days = daily.body.billList as { date: string; amount: number }[];
  expect(days.every((d) => d.date.startsWith(yearMonth) && Number.isInteger(d.amount))).toBe(true);
  expect(days.reduce((n, d) => n + d.amount, 0)).toBe(amount);

  const items = (await s.call('GET', '/bills/summaries/bill_items', { auth })).body as {
    yearMonth: string;
    costBreakdownList: { billItemName: string; amount: number }[];
  }[];
  const itemMonth = items.find((m) => m.yearMonth === yearMonth);
  // Orders are charged to the account, not to a SIM.
  const orders = itemMonth?.costBreakdownList.find((i) => i.billItemName === 'orderChargeTotal')?.amount ?? 0;
  if (itemMonth) {
    expect(itemMonth.costBreakdownList.reduce((n, i) => n + i.amount, 0)).toBe(amount);
    const amounts = itemMonth.costBreakdownList.map((i) => i.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  }

  const sims = (await s.call('GET', '/bills/summaries/sims', { auth })).body as {
    yearMonth: string;
    costBreakdownList: { simId: string; amount: number }[];
  }[];
  const simMonth = sims.find((m) => m.yearMonth === yearMonth);
  if (simMonth) {
    const amounts = simMonth.costBreakdownList.map((i) => i.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(amounts.length).toBeLessThanOrEqual(100);
    if (amounts.length < 100) expect(amounts.reduce((n, a) => n + a, 0)).toBe(amount - orders);
  }

  const exported = await s.call('POST', `/bills/${yearMonth}/export?export_mode=sync`, { auth });
  expect(exported.status).toBe(200);
  const file = await download(s, exported.body.url);
  expect(file.status).toBe(200);
  expect(csvTotal(file.text)).toBe(amount);
  return bill.body as { amount: number; appliedCouponAmount?: number; state: string };
}

describe('bills of the demo operator', () => {
  it('closed months, the current month and every summary agree', async () => {
    const s = createContractSandbox({ fleet: 40, now: start });
    const root = await s.loginRoot();
    const history = await s.call('GET', '/bills', { auth: root });
    expect(history.status).toBe(200);
    const months = history.body.billList as {
      yearMonth: string;
      state: string;
      paymentStatus: string;
      appliedCouponAmount: number;
      amount: number;
    }[];
    expect(months.length).toBeGreaterThan(6);
    expect(months.length).toBeLessThanOrEqual(18);
    expect(months.map((m) => m.yearMonth)).toEqual(
      months
        .map((m) => m.yearMonth)
        .sort()
        .reverse(),
    );
    expect(months[0]?.yearMonth).toBe('202512');
    expect(months.every((m) => m.state === 'closed' && m.paymentStatus === 'paid')).toBe(true);
    // The demo's registered coupon (20,000 yen, registered 75 days before) paid for the first months after it.
    expect(months.reduce((n, m) => n + m.appliedCouponAmount, 0)).toBe(20_000);
    const coupons = await s.call('GET', '/coupons', { auth: root });
    expect(coupons.body.couponList).toEqual([
      expect.objectContaining({ couponCode: demoCoupons.registered, amount: 20_000, balance: 0, currency: 'JPY' }),
    ]);

    for (const m of ['202601', '202512', '202511', '202510']) await checkMonth(s, root, m);
    const current = await s.call('GET', '/bills/202601', { auth: root });
    expect(current.body.state).toBe('temporary');
    expect(current.body.paymentStatus).toBeUndefined();

    const statements = await s.call('GET', '/payment_statements', { auth: root });
    expect(statements.status).toBe(200);
    for (const st of statements.body.paymentStatementsList) {
      const month = months.find((m) => m.yearMonth === st.chargedYearMonths[0]);
      expect(st.amount).toBe((month?.amount ?? Number.NaN) - (month?.appliedCouponAmount ?? 0));
      const exported = await s.call('POST', `/payment_statements/${st.paymentStatementId}/export`, { auth: root });
      expect(csvTotal((await download(s, exported.body.url)).text)).toBe(st.amount);
    }
  }, 30_000);

  it('the preliminary bill moves as the month goes on; closed months stay', async () => {
    const s = createContractSandbox({ fleet: 40, now: start });
    let root = await s.loginRoot();
    const first = await s.call('GET', '/bills/latest', { auth: root });
    expect(first.status).toBe(200);
    expect(first.body.currency).toBe('JPY');
    expect(first.body.lastEvaluatedTime).toBe('20260110090000');
    const december = (await s.call('GET', '/bills/202512', { auth: root })).body;
    s.clock.advance(3 * day);
    root = await s.loginRoot();
    const later = await s.call('GET', '/bills/latest', { auth: root });
    expect(later.body.lastEvaluatedTime).toBe('20260113090000');
    expect(later.body.amount).toBeGreaterThan(first.body.amount);
    const days = (await s.call('GET', '/bills/202601/daily', { auth: root })).body.billList;
    expect(days).toHaveLength(13);
    // A status change reprices the current month only.
    const sim = s.db.prepare("SELECT sim_id FROM sims WHERE status = 'active' LIMIT 1").get() as { sim_id: string };
    expect((await s.call('POST', `/sims/${sim.sim_id}/suspend`, { auth: root })).status).toBe(200);
    expect((await s.call('GET', '/bills/202512', { auth: root })).body).toEqual(december);
    expect((await s.call('GET', '/bills/latest', { auth: root })).body.amount).toBeLessThan(later.body.amount);
  }, 30_000);

  it('answers 400 for a malformed month and 404 for a month without a bill', async () => {
    const s = createContractSandbox({ fleet: 5, now: start });
    const root = await s.loginRoot();
    for (const bad of ['2026-1', '202613', 'latest2', '20261']) {
      const res = await s.call('GET', `/bills/${bad}/daily`, { auth: root });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('COM0001');
    }
    expect((await s.call('GET', '/bills/202602', { auth: root })).status).toBe(404);
    expect((await s.call('GET', '/bills/199001', { auth: root })).status).toBe(404);
    expect((await s.call('POST', '/bills/202602/export', { auth: root })).status).toBe(404);
    expect((await s.call('GET', '/bills/latest')).status).toBe(401);
  });
});

describe('prices', () => {
  it('charges the daily fee of the plan and current status for every day since the SIM was created', async () => {
    const s = createContractSandbox({ fleet: 0, now: Date.UTC(2026, 0, 5, 10) });
    let op: Credentials = await s.newOperator();
    const { email, password } = op as Credentials & { email: string; password: string };
    const created = await s.call('POST', '/sandbox/subscribers/create', {
      auth: op,
      body: { subscription: 'plan-DU' },
    });
    const { sim_id } = s.db.prepare('SELECT sim_id FROM sims WHERE imsi = ?').get(created.body.imsi) as {
      sim_id: string;
    };
    expect((await s.call('GET', '/bills/latest', { auth: op })).body.amount).toBe(0); // ready: free
    expect((await s.call('POST', `/sims/${sim_id}/activate`, { auth: op })).status).toBe(200);
    s.clock.advance(2 * day);
    op = (await s.call('POST', '/auth', { body: { email, password } })).body;
    const fees = billing.dailyFee['plan-DU'] as Record<string, number>;
    expect((await s.call('GET', '/bills/latest', { auth: op })).body.amount).toBe(3 * (fees.active ?? 0));
    expect((await s.call('POST', `/sims/${sim_id}/suspend`, { auth: op })).status).toBe(200);
    expect((await s.call('GET', '/bills/latest', { auth: op })).body.amount).toBe(3 * (fees.suspended ?? 0));
    const daily = (await s.call('GET', '/bills/202601/daily', { auth: op })).body.billList;
    expect(daily.map((d: { amount: number }) => d.amount)).toEqual([0, 0, 0, 0, ...Array(3).fill(fees.suspended)]);
  });
});

describe('bills from random usage (property)', () => {
  const usage = fc.record({
    sim: fc.nat(3),
    second: fc.integer({ min: 0, max: 45 * 86_400 }),
    up: fc.nat(3_000_000_000),
    down: fc.nat(3_000_000_000),
    speedClass: fc.constantFrom('s1.minimum', 's1.standard', 's1.fast', 'u1.slow', 'arc.standard'),
    beam: fc.nat(2_000_000),
  });
  const scenario = fc.record({
    active: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    usage: fc.array(usage, { maxLength: 25 }),
    coupon: fc.option(
      fc.record({
        amount: fc.integer({ min: 1, max: 3000 }),
        item: fc.option(fc.constantFrom('dailyChargeTotal', 'dailyDataTrafficChargeTotal'), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    /** An order of plan-KM1 SIMs on a day of January, confirmed, perhaps cancelled. */
    order: fc.option(fc.record({ quantity: fc.integer({ min: 1, max: 30 }), day: fc.nat(20), cancel: fc.boolean() }), {
      nil: undefined,
    }),
  });

  it('days, items, SIMs, CSV and statement add up; coupons pay what they can', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ active, usage, coupon, order }) => {
        const s = createContractSandbox({ fleet: 0, now: Date.UTC(2026, 0, 1, 12) });
        let op: Credentials = await s.newOperator();
        const { email, password } = op as Credentials & { email: string; password: string };
        const sims: { simId: string; imsi: string }[] = [];
        for (const on of active) {
          const created = await s.call('POST', '/sandbox/subscribers/create', { auth: op, body: {} });
          const { sim_id } = s.db.prepare('SELECT sim_id FROM sims WHERE imsi = ?').get(created.body.imsi) as {
            sim_id: string;
          };
          if (on) expect((await s.call('POST', `/sims/${sim_id}/activate`, { auth: op })).status).toBe(200);
          sims.push({ simId: sim_id, imsi: created.body.imsi });
        }
        const base = Date.UTC(2026, 0, 1) / 1000;
        for (const u of usage) {
          const imsi = sims[u.sim]?.imsi as string;
          const at = base + u.second;
          const air = await s.call('POST', `/sandbox/stats/air/subscribers/${imsi}`, {
            auth: op,
            body: {
              unixtime: at,
              dataTrafficStatsMap: {
                [u.speedClass]: {
                  uploadByteSizeTotal: u.up,
                  downloadByteSizeTotal: u.down,
                  uploadPacketSizeTotal: 1,
                  downloadPacketSizeTotal: 1,
                },
              },
            },
          });
          const beam = await s.call('POST', `/sandbox/stats/beam/subscribers/${imsi}`, {
            auth: op,
            body: { unixtime: at, beamStatsMap: { inHttp: { count: u.beam } } },
          });
          expect([200, 400]).toContain(air.status);
          expect(beam.status).toBe(air.status);
        }
        let ordered = 0;
        if (order) {
          s.clock.advance(order.day * day);
          op = (await s.call('POST', '/auth', { body: { email, password } })).body;
          const address = await s.call(
            'POST',
            `/operators/${(op as { operatorId: string } & Credentials).operatorId}/shipping_addresses`,
            {
              auth: op,
              body: {
                zipCode: '100-0001',
                state: '東京都',
                city: '千代田区',
                addressLine1: '1-2-3',
                fullName: 'Test',
                phoneNumber: '03-0000-0000',
              },
            },
          );
          const quoted = await s.call('POST', '/orders', {
            auth: op,
            body: {
              orderItemList: [{ productCode: '4573326590273', quantity: order.quantity }],
              shippingAddressId: address.body.shippingAddressId,
            },
          });
          expect((await s.call('PUT', `/orders/${quoted.body.orderId}/confirm`, { auth: op })).status).toBe(200);
          if (order.cancel)
            expect((await s.call('PUT', `/orders/${quoted.body.orderId}/cancel`, { auth: op })).status).toBe(204);
          else ordered = quoted.body.totalAmount;
        }
        let code: string | undefined;
        if (coupon) {
          const created = await s.call('POST', '/sandbox/coupons/create', {
            auth: op,
            body: { amount: coupon.amount, applicableBillItemName: coupon.item },
          });
          code = created.body.couponCode;
          expect((await s.call('POST', `/coupons/${code}/register`, { auth: op })).status).toBe(200);
        }
        const preliminary = await checkMonth(s, op, '202601');
        expect(preliminary.amount).toBeGreaterThanOrEqual(ordered);

        // February: January closes; it is the same whichever way it is read.
        s.clock.advance(35 * day);
        op = (await s.call('POST', '/auth', { body: { email, password } })).body;
        const january = await checkMonth(s, op, '202601');
        expect(january.state).toBe('closed');
        const items = (await s.call('GET', '/bills/summaries/bill_items', { auth: op })).body.find(
          (m: { yearMonth: string }) => m.yearMonth === '202601',
        ).costBreakdownList as { billItemName: string; amount: number }[];
        const applicable = coupon?.item
          ? (items.find((i) => i.billItemName === coupon.item)?.amount ?? 0)
          : january.amount;
        expect(january.appliedCouponAmount).toBe(coupon ? Math.min(coupon.amount, applicable) : 0);
        if (coupon) {
          const listed = (await s.call('GET', '/coupons', { auth: op })).body.couponList;
          expect(listed[0].balance).toBe(coupon.amount - (january.appliedCouponAmount ?? 0));
        }
        const statements = (await s.call('GET', '/payment_statements', { auth: op })).body.paymentStatementsList;
        const net = january.amount - (january.appliedCouponAmount ?? 0);
        expect(statements.map((st: { amount: number }) => st.amount)).toEqual(net > 0 ? [net] : []);
        await checkMonth(s, op, '202602');
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
