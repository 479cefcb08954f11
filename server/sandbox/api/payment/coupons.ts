/**
 * Coupons (guesses.coupons): the Sandbox API makes codes, an operator registers one, and closing a month spends
 * the balance on the bill (guesses.billClosing).
 */
import type { components } from '../../../../src/api/schema';
import type { Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest } from '../../errors';
import { yearMonthOf } from '../../store/billing';
import type { CouponRow } from '../../store/coupons';

type CouponResponse = components['schemas']['CouponResponse'];

/** The sandbox's coupon error codes (SORACOM publishes none). */
export const couponCodes = { unknown: 'CPN0001', registered: 'CPN0002', expired: 'CPN0003' } as const;

const view = (row: CouponRow): CouponResponse => ({
  couponCode: row.coupon_code,
  amount: row.amount,
  balance: row.balance,
  currency: row.currency as CouponResponse['currency'],
  expiryYearMonth: row.expiry_year_month,
  ...(row.bill_item_name ? { billItemName: row.bill_item_name } : {}),
  ...(row.order_id ? { orderId: row.order_id } : {}),
});

const listCoupons: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  // Balances include what the months closed so far spent.
  ctx.stores.billing.closePastMonths(operatorId, ctx.now);
  return { status: 200, body: { couponList: ctx.stores.coupons.ofOperator(operatorId).map(view) } };
};

const registerCoupon: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const code = ctx.path.coupon_code ?? '';
  return ctx.transaction(() => {
    // Months that ended before the registration close first, so the coupon pays only for later ones.
    ctx.stores.billing.closePastMonths(operatorId, ctx.now);
    const row = ctx.stores.coupons.get(code);
    if (!row) throw badRequest('No such coupon code.', couponCodes.unknown);
    if (row.operator_id !== null) throw badRequest('This coupon code is already registered.', couponCodes.registered);
    if (row.expiry_year_month < yearMonthOf(ctx.now)) throw badRequest('This coupon has expired.', couponCodes.expired);
    ctx.stores.coupons.register(code, operatorId, ctx.now);
    return { status: 200, body: view({ ...row, operator_id: operatorId, registered_at: ctx.now }) };
  });
};

export const couponHandlers = { listCoupons, registerCoupon } satisfies Handlers;
