import type { BillItemSummary } from '../../api/resources/billing';
import type { ChartDatum, ChartSeries } from '../../components/charts';
import { sumMoney } from '../../lib/money';

/** Mantine colour tokens for bill items, distinct enough side by side in both colour schemes. */
const palette = [
  'brand.7',
  'orange.7',
  'grape.6',
  'teal.8',
  'blue.7',
  'pink.7',
  'lime.8',
  'indigo.5',
  'red.8',
  'gray.6',
];

export interface BillItemTable {
  months: string[];
  currency: string | undefined;
  /** One row per bill item, in order of its total cost (largest first), with its amount per month. */
  items: { name: string; category: string | undefined; amounts: (number | undefined)[] }[];
  totals: number[];
}

/** The summaries by month, turned around into bill items by month. */
export function billItemTable(summaries: BillItemSummary[]): BillItemTable {
  const months = summaries.map((s) => s.yearMonth ?? '');
  const currency = summaries.find((s) => s.currency)?.currency;
  const byName = new Map<string, { name: string; category: string | undefined; amounts: (number | undefined)[] }>();
  summaries.forEach((summary, m) => {
    for (const cost of summary.costBreakdownList ?? []) {
      const name = cost.billItemName ?? cost.billItemCategory ?? '';
      let item = byName.get(name);
      if (!item) {
        item = { name, category: cost.billItemCategory, amounts: months.map(() => undefined) };
        byName.set(name, item);
      }
      item.amounts[m] = sumMoney([item.amounts[m], cost.amount], currency);
    }
  });
  const items = [...byName.values()].sort(
    (a, b) => sumMoney(b.amounts, currency) - sumMoney(a.amounts, currency) || a.name.localeCompare(b.name),
  );
  const totals = months.map((_, m) =>
    sumMoney(
      items.map((i) => i.amounts[m]),
      currency,
    ),
  );
  return { months, currency, items, totals };
}

export function billItemChart(
  table: BillItemTable,
  monthLabel: (yyyyMM: string) => string,
  itemLabel: (name: string) => string,
): { data: ChartDatum[]; series: ChartSeries[] } {
  const series = table.items.map((item, i) => ({
    key: item.name,
    label: itemLabel(item.name),
    color: palette[i % palette.length] as string,
  }));
  const data = table.months.map((month, m) => ({
    label: monthLabel(month),
    values: Object.fromEntries(table.items.map((item) => [item.name, item.amounts[m] ?? 0])),
  }));
  return { data, series };
}
