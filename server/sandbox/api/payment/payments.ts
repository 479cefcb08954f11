/**
 * Payments: the payment method (a fake card for the demo operator), the payment statements of the closed months
 * (guesses.billClosing) and their export, and the payer information (guesses.payerInformation).
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, notFound } from '../../errors';
import { billClosing, payerInformation } from '../../guesses';
import { addMonths, type Bill, billItems } from '../../store/billing';
import type { CardProperties } from '../../store/payments';
import { compactTime } from '../billing/bills';
import { csv, exportFile } from '../files/exportedFiles';

type Statement = components['schemas']['PaymentStatementResponse'];
type PayerInformation = components['schemas']['RegisterPayerInformationModel'];
type Currency = NonNullable<Statement['currency']>;

const getPaymentMethod: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const method = ctx.stores.payments.method(operatorId);
  if (!method) throw notFound('No payment method is registered.');
  return {
    status: 200,
    body: { providerType: 'WebPay', properties: method.properties, updateDate: compactTime(method.updated_at) },
  };
};

const statementId = (yearMonth: string) => `${billClosing.statementPrefix}${yearMonth}`;

function statementOf(bill: Bill, instrument: string | undefined): Statement {
  const next = addMonths(bill.yearMonth, 1);
  return {
    paymentStatementId: statementId(bill.yearMonth),
    amount: bill.amount - bill.couponAmount,
    currency: bill.currency as Currency,
    chargedYearMonths: [bill.yearMonth],
    paymentDateTime: Date.UTC(Number(next.slice(0, 4)), Number(next.slice(4, 6)) - 1, billClosing.paymentDay),
    paymentMethod: 'CreditCard',
    ...(instrument ? { paymentInstrument: instrument } : {}),
    paymentStatementInfo: `Usage charges for ${bill.yearMonth}`,
  };
}

/** The closed months that charged something, newest first. */
function statements(ctx: Ctx<unknown>): { bill: Bill; statement: Statement }[] {
  const { operatorId } = caller(ctx);
  const method = ctx.stores.payments.method(operatorId);
  const card = method ? (JSON.parse(method.properties) as CardProperties) : undefined;
  const instrument = card ? `${card.brand} ending ${card.last4}` : undefined;
  return ctx.stores.billing
    .history(operatorId, ctx.now)
    .filter((bill) => bill.amount - bill.couponAmount > 0)
    .map((bill) => ({ bill, statement: statementOf(bill, instrument) }));
}

const listPaymentStatements: Handler = (ctx) => ({
  status: 200,
  body: { paymentStatementsList: statements(ctx).map((s) => s.statement) },
});

const exportPaymentStatement: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const id = ctx.path.payment_statement_id ?? '';
  const found = statements(ctx).find((s) => s.statement.paymentStatementId === id);
  if (!found) throw notFound('No such payment statement.');
  const { bill } = found;
  const rows: (string | number)[][] = bill.items.map((i) => [
    id,
    bill.yearMonth,
    i.item,
    billItems[i.item].category,
    i.amount,
    bill.currency,
  ]);
  if (bill.couponAmount > 0) rows.push([id, bill.yearMonth, 'coupon', 'Coupon', -bill.couponAmount, bill.currency]);
  const content = csv(
    ['paymentStatementId', 'yearMonth', 'billItemName', 'billItemCategory', 'amount', 'currency'],
    rows,
  );
  return exportFile(ctx, `${operatorId}-payment-statement-${bill.yearMonth}.csv`, content);
};

const getPayerInformation: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: ctx.stores.payments.payer(operatorId) ?? {} };
};

const registerPayerInformation: Handler = (ctx: Ctx<PayerInformation>) => {
  const { operatorId } = caller(ctx);
  const info: PayerInformation = {};
  for (const field of ['companyName', 'department', 'fullName'] as const) {
    const value = ctx.body[field];
    if (value === undefined) continue;
    if (value.length > payerInformation.maxLength) {
      throw badRequest(`Request body: '${field}' must be at most ${payerInformation.maxLength} characters.`);
    }
    info[field] = value;
  }
  if (!info.companyName?.trim() && !info.fullName?.trim()) {
    throw badRequest("Request body: 'companyName' or 'fullName' is required.");
  }
  ctx.stores.payments.setPayer(operatorId, info, ctx.now);
  return { status: 201 };
};

export const paymentHandlers = {
  getPaymentMethod,
  listPaymentStatements,
  exportPaymentStatement,
  getPayerInformation,
  registerPayerInformation,
} satisfies Handlers;
