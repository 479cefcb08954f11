/** The Sandbox API's coupons: `POST /sandbox/coupons/create` makes a code any operator can register once. */
import { randomBytes } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest } from '../../errors';
import { coupons } from '../../guesses';
import { addMonths, billItemNames, monthDays, yearMonthOf } from '../../store/billing';

type CreateCoupon = components['schemas']['sandboxCreateCouponRequest'];

const sandboxCreateCoupon: Handler = (ctx: Ctx<CreateCoupon>) => {
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
  ctx.stores.coupons.insert({
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

export const sandboxCouponHandlers = { sandboxCreateCoupon } satisfies Handlers;
