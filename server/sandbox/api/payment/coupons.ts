/**
 * Coupons (guesses.coupons): the Sandbox API makes codes, an operator registers one, and closing a month spends
 * the balance on the bill (guesses.billClosing).
 */
import type { components } from '../../../../src/api/schema';
import type { Handler, Handlers } from '../../context';
import { caller } from '../../context';
import type { Db } from '../../db';
import { badRequest } from '../../errors';
import { billing } from '../../guesses';
import { yearMonthOf } from '../../store/billing';
import { billingOf } from '../billing/bills';

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

const listCoupons: Handler = (ctx) => {
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

const registerCoupon: Handler = (ctx) => {
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

export const couponHandlers = { listCoupons, registerCoupon } satisfies Handlers;
