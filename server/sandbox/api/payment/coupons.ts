/**
 * Coupons (guesses.coupons): the Sandbox API makes codes, an operator registers one, and closing a month spends
 * the balance on the bill (guesses.billClosing).
 */
import { randomBytes } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler } from '../../context';
import { caller } from '../../context';
import type { Db } from '../../db';
import { badRequest } from '../../errors';
import { billing, coupons } from '../../guesses';
import { addMonths, billItemNames, monthDays, yearMonthOf } from '../../store/billing';
import { billingOf } from '../billing/bills';

type CreateCoupon = components['schemas']['sandboxCreateCouponRequest'];
type CouponResponse = components['schemas']['CouponResponse'];

/** The sandbox's coupon error codes (SORACOM publishes none). */
export const couponCodes = { unknown: 'CPN0001', registered: 'CPN0002', expired: 'CPN0003' } as const;

interface CouponRow {
  coupon_code: string;
  operator_id: string | null;
  amount: number;
  balance: number;
  currency: string;
  bill_item_name: string | null;
  expiry_year_month: string;
  order_id: string | null;
  registered_at: number | null;
}

const view = (row: CouponRow): CouponResponse => ({
  couponCode: row.coupon_code,
  amount: row.amount,
  balance: row.balance,
  currency: row.currency as CouponResponse['currency'],
  expiryYearMonth: row.expiry_year_month,
  ...(row.bill_item_name ? { billItemName: row.bill_item_name } : {}),
  ...(row.order_id ? { orderId: row.order_id } : {}),
});

/** Adds an unregistered coupon code (the Sandbox API, and the demo seed). */
export function insertCoupon(
  db: Db,
  input: { code: string; amount: number; billItemName?: string | null; expiryYearMonth: string; now: number },
) {
  db.prepare(
    `INSERT INTO coupons (coupon_code, amount, balance, currency, bill_item_name, expiry_year_month, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.code,
    input.amount,
    input.amount,
    billing.currency,
    input.billItemName ?? null,
    input.expiryYearMonth,
    input.now,
  );
}

export const sandboxCreateCoupon: Handler = (ctx: Ctx<CreateCoupon>) => {
  caller(ctx);
  const { amount, applicableBillItemName, expiryYearMonth } = ctx.body;
  if (!Number.isSafeInteger(amount) || (amount as number) < 1 || (amount as number) > coupons.maxAmount) {
    throw badRequest(`Request body: 'amount' must be a whole number of yen from 1 to ${coupons.maxAmount}.`);
  }
  const current = yearMonthOf(ctx.now);
  const expiry = expiryYearMonth ?? addMonths(current, coupons.defaultExpiryMonths);
  if (!monthDays(expiry) || expiry < current) {
    throw badRequest("Request body: 'expiryYearMonth' must be this month or a later one, as yyyyMM.");
  }
  if (applicableBillItemName && !(billItemNames as string[]).includes(applicableBillItemName)) {
    throw badRequest("Request body: 'applicableBillItemName' is not a bill item.");
  }
  const code = `${coupons.codePrefix}${randomBytes(9)
    .toString('base64url')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X')}`;
  insertCoupon(ctx.db, {
    code,
    amount: amount as number,
    billItemName: applicableBillItemName,
    expiryYearMonth: expiry,
    now: ctx.now,
  });
  return {
    status: 200,
    body: {
      couponCode: code,
      amount,
      balance: amount,
      expiryYearMonth: expiry,
      ...(applicableBillItemName ? { billItemName: applicableBillItemName } : {}),
    },
  };
};

export const listCoupons: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  // Balances include what the months closed so far spent.
  billingOf(ctx.db).closePastMonths(operatorId, ctx.now);
  const rows = ctx.db
    .prepare<[string], CouponRow>(
      'SELECT * FROM coupons WHERE operator_id = ? ORDER BY expiry_year_month, registered_at, coupon_code',
    )
    .all(operatorId);
  return { status: 200, body: { couponList: rows.map(view) } };
};

export const registerCoupon: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const code = ctx.path.coupon_code ?? '';
  return ctx.db.transaction(() => {
    // Months that ended before the registration close first, so the coupon pays only for later ones.
    billingOf(ctx.db).closePastMonths(operatorId, ctx.now);
    const row = ctx.db.prepare<[string], CouponRow>('SELECT * FROM coupons WHERE coupon_code = ?').get(code);
    if (!row) throw badRequest('No such coupon code.', couponCodes.unknown);
    if (row.operator_id !== null) throw badRequest('This coupon code is already registered.', couponCodes.registered);
    if (row.expiry_year_month < yearMonthOf(ctx.now)) throw badRequest('This coupon has expired.', couponCodes.expired);
    ctx.db
      .prepare('UPDATE coupons SET operator_id = ?, registered_at = ? WHERE coupon_code = ?')
      .run(operatorId, ctx.now, code);
    return { status: 200, body: view({ ...row, operator_id: operatorId, registered_at: ctx.now }) };
  })();
};
