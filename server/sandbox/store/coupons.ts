/** Coupon codes: made unregistered, registered once by an operator; closing a month spends them (billing.ts). */
import type { Db } from '../db';
import { billing } from '../guesses';

export interface CouponRow {
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

export interface NewCoupon {
  code: string;
  amount: number;
  billItemName?: string | null;
  expiryYearMonth: string;
  now: number;
}

export function couponStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO coupons (coupon_code, amount, balance, currency, bill_item_name, expiry_year_month, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const ofOperator = db.prepare<[string], CouponRow>(
    'SELECT * FROM coupons WHERE operator_id = ? ORDER BY expiry_year_month, registered_at, coupon_code',
  );
  const byCode = db.prepare<[string], CouponRow>('SELECT * FROM coupons WHERE coupon_code = ?');
  const register = db.prepare('UPDATE coupons SET operator_id = ?, registered_at = ? WHERE coupon_code = ?');

  return {
    /** Adds an unregistered coupon code, its whole amount as balance. */
    insert(coupon: NewCoupon) {
      insert.run(
        coupon.code,
        coupon.amount,
        coupon.amount,
        billing.currency,
        coupon.billItemName ?? null,
        coupon.expiryYearMonth,
        coupon.now,
      );
    },
    /** The operator's coupons, the one expiring first first. */
    ofOperator: (operatorId: string) => ofOperator.all(operatorId),
    get: (code: string) => byCode.get(code),
    register(code: string, operatorId: string, at: number) {
      register.run(operatorId, at, code);
    },
  };
}
export type CouponStore = ReturnType<typeof couponStore>;
