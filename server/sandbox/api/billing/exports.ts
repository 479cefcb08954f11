/** A month's bill as CSV (guesses.exportedFiles): one line per SIM and bill item; the lines add up to its amount. */
import type { Ctx, Handlers, Reply } from '../../context';
import { caller } from '../../context';
import { billItems, yearMonthOf } from '../../store/billing';
import { csv, exportFile } from '../files/exportedFiles';
import { billOf, pathMonth } from './bills';

const billHeader = [
  'yearMonth',
  'simId',
  'imsi',
  'subscription',
  'billItemName',
  'billItemCategory',
  'quantity',
  'unit',
  'amount',
  'currency',
];

function billCsv(ctx: Ctx<unknown>, yearMonth: string): Reply {
  const { operatorId } = caller(ctx);
  const bill = billOf(ctx, yearMonth);
  const now = ctx.now;
  const content = () =>
    csv(
      billHeader,
      ctx.stores.billing
        .lines(operatorId, bill, now)
        .map((l) => [
          bill.yearMonth,
          l.simId,
          l.imsi,
          l.subscription,
          l.item,
          billItems[l.item].category,
          l.quantity,
          billItems[l.item].unit,
          l.amount,
          bill.currency,
        ]),
    );
  return exportFile(ctx, `${operatorId}-billing-${bill.yearMonth}.csv`, content);
}

export const billExportHandlers = {
  exportBilling: (ctx) => billCsv(ctx, pathMonth(ctx)),
  exportLatestBilling: (ctx) => billCsv(ctx, yearMonthOf(ctx.now)),
} satisfies Handlers;
