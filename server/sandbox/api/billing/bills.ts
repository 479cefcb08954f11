/**
 * Bills: the monthly history, one month, its days, the preliminary bill, and the summaries by bill item and by SIM,
 * all read from the billing store (guesses.billing, guesses.billClosing).
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, notFound } from '../../errors';
import { billing } from '../../guesses';
import { addMonths, type Bill, billItems, monthDays, yearMonthOf } from '../../store/billing';

type MonthlyBill = components['schemas']['MonthlyBill'];
type Currency = NonNullable<MonthlyBill['currency']>;

/** `yyyyMMddHHmmss` in UTC. */
export const compactTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/[-T:]/g, '');

/** The month in the path: 400 when it is not `yyyyMM`. */
export function pathMonth(ctx: Ctx<unknown>): string {
  const yearMonth = ctx.path.yyyyMM ?? '';
  if (!monthDays(yearMonth)) throw badRequest("Path: 'yyyyMM' must be a year and month such as 202601.");
  return yearMonth;
}

/** A month's bill, or 404 when the operator has none for it (before its creation, or in the future). */
export function billOf(ctx: Ctx<unknown>, yearMonth: string, parts: { topSims?: boolean } = {}) {
  const { operatorId } = caller(ctx);
  const bill = ctx.stores.billing.month(operatorId, yearMonth, ctx.now, parts);
  if (!bill) throw notFound(`No bill for ${yearMonth}.`);
  return bill;
}

export const monthlyBill = (bill: Bill): MonthlyBill => ({
  yearMonth: bill.yearMonth,
  amount: bill.amount,
  currency: bill.currency as Currency,
  state: bill.state,
  ...(bill.state === 'closed'
    ? {
        appliedCouponAmount: bill.couponAmount,
        paymentStatus: bill.paymentStatus as MonthlyBill['paymentStatus'],
        paymentTransactionId: bill.transactionId,
      }
    : {}),
});

const getBillingHistory: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: { billList: ctx.stores.billing.history(operatorId, ctx.now).map(monthlyBill) } };
};

const getBilling: Handler = (ctx) => ({ status: 200, body: monthlyBill(billOf(ctx, pathMonth(ctx))) });

const getBillingPerDay: Handler = (ctx) => {
  const bill = billOf(ctx, pathMonth(ctx));
  return {
    status: 200,
    body: {
      billList: bill.daily.map((d) => ({ date: d.date, amount: d.amount, currency: bill.currency as Currency })),
    },
  };
};

const getLatestBilling: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const bill = ctx.stores.billing.preliminary(operatorId, ctx.now);
  return {
    status: 200,
    body: { amount: bill.amount, currency: bill.currency as Currency, lastEvaluatedTime: compactTime(bill.time) },
  };
};

/** This month and the three before it that have a bill, newest first. */
function summaryMonths(ctx: Ctx<unknown>, parts: { topSims?: boolean }): Bill[] {
  const { operatorId } = caller(ctx);
  const store = ctx.stores.billing;
  const current = yearMonthOf(ctx.now);
  const bills: Bill[] = [];
  for (let i = 0; i < billing.summaryMonths; i++) {
    const bill = store.month(operatorId, addMonths(current, -i), ctx.now, parts);
    if (bill) bills.push(bill);
  }
  return bills;
}

const getBillingSummaryOfBillItems: Handler = (ctx) => ({
  status: 200,
  body: summaryMonths(ctx, {}).map((bill) => ({
    yearMonth: bill.yearMonth,
    currency: bill.currency as Currency,
    updatedTime: Math.floor(bill.time / 1000),
    costBreakdownList: bill.items.map((i) => ({
      billItemName: i.item,
      billItemCategory: billItems[i.item].category,
      amount: i.amount,
    })),
  })),
});

const getBillingSummaryOfSims: Handler = (ctx) => ({
  status: 200,
  body: summaryMonths(ctx, { topSims: true }).map((bill) => ({
    yearMonth: bill.yearMonth,
    currency: bill.currency as Currency,
    updatedTime: Math.floor(bill.time / 1000),
    costBreakdownList: bill.topSims.map((s) => ({ simId: s.simId, amount: s.amount })),
  })),
});

export const billingHandlers = {
  getBillingHistory,
  getBilling,
  getBillingPerDay,
  getLatestBilling,
  getBillingSummaryOfBillItems,
  getBillingSummaryOfSims,
} satisfies Handlers;
