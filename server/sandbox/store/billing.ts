/**
 * Bills from the sandbox's own data (guesses.billing): one SQL definition of the month's charges, one line per SIM
 * and bill item, that the preliminary bill reads live and a closed month materialises once into `bills` and
 * `bill_lines`. Amounts are whole yen throughout, so every view of a month adds up to the same number.
 */
import type { Db } from '../db';
import { billClosing, billing, contractDailyFee, type SimStatus } from '../guesses';

export const billItems = {
  dailyChargeTotal: { category: 'SORACOM Air', unit: 'days' },
  dailyDataTrafficChargeTotal: { category: 'SORACOM Air', unit: 'bytes' },
  dailySoracomBeamRequestChargeTotal: { category: 'SORACOM Beam', unit: 'requests' },
  /** Confirmed orders (guesses: orders): one line a month, with no SIM, its quantity the number of orders. */
  orderChargeTotal: { category: 'SORACOM Order', unit: 'orders' },
  /** The operator's contracts (guesses: the account): one line a month, with no SIM, its quantity contract-days. */
  contractChargeTotal: { category: 'SORACOM Contracts', unit: 'days' },
} as const;
export type BillItem = keyof typeof billItems;
export const billItemNames = Object.keys(billItems) as BillItem[];

const dayMs = 86_400_000;
const daySeconds = 86_400;

/** `yyyyMM` → its first day and the day after its last (UTC day numbers); undefined when not a month. */
export function monthDays(yearMonth: string): { start: number; end: number } | undefined {
  const m = /^(\d{4})(\d{2})$/.exec(yearMonth);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 1970) return undefined;
  return { start: Date.UTC(year, month - 1, 1) / dayMs, end: Date.UTC(year, month, 1) / dayMs };
}

export const yearMonthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7).replace('-', '');
export const dateOfDay = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10).replaceAll('-', '');

/** The month `delta` months after `yearMonth`. */
export function addMonths(yearMonth: string, delta: number): string {
  const year = Number(yearMonth.slice(0, 4));
  const month = Number(yearMonth.slice(4, 6)) - 1 + delta;
  return yearMonthOf(Date.UTC(year, month, 1));
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
/**
 * The daily fee as a CASE on status, then subscription (a subscription not in the table is charged as plan01s).
 * A join with a price table made SQLite scan the fleet once per price; CASE on a concatenation cost a string per SIM.
 */
const fallbackPlan = 'plan01s';
const feeStatuses = [...new Set(Object.values(billing.dailyFee).flatMap((byStatus) => Object.keys(byStatus)))];
const feeCase = `CASE b.status ${feeStatuses
  .map((status) => {
    const fee = (plan: string) => Number(billing.dailyFee[plan]?.[status as SimStatus] ?? 0);
    const plans = Object.keys(billing.dailyFee).filter((plan) => plan !== fallbackPlan);
    const inner = plans.map((plan) => `WHEN ${quote(plan)} THEN ${fee(plan)}`).join(' ');
    return `WHEN ${quote(status)} THEN CASE b.subscription ${inner} ELSE ${fee(fallbackPlan)} END`;
  })
  .join(' ')} ELSE 0 END`;
const dataRows = Object.entries(billing.dataPerGb).map(([sc, price]) => `(${quote(sc)}, ${Number(price)})`);
const standardDataPrice = billing.dataPerGb['s1.standard'] ?? 0;
const contractFeeRows = Object.entries(contractDailyFee).map(([name, fee]) => `(${quote(name)}, ${Number(fee)})`);

/**
 * The charges of one operator between two UTC days (`@start` inclusive, `@end` exclusive): CTEs `basic` (per SIM:
 * charged days and daily fee), `data_charges` (per SIM, day and speed class), `beam_charges` (per SIM and day),
 * `order_charges` (per confirmed order, on its day), `contract_charges` (per contract period: its days in the month)
 * and `lines` (per SIM and item; the orders' and contracts' lines have SIM ''). Parameters: @op, @start, @end.
 */
const chargesSql = `
  WITH data_price(speed_class, per_gb) AS (VALUES ${dataRows.join(', ')}),
  contract_fee(contract_name, fee) AS (VALUES ${contractFeeRows.join(', ')}),
  basic AS (
    SELECT sim_id, first_day, days, fee FROM (
      SELECT b.sim_id, max(b.created_day, @start) AS first_day, @end - max(b.created_day, @start) AS days,
        ${feeCase} AS fee
      FROM sim_billing b WHERE b.operator_id = @op AND b.created_day < @end)
    WHERE fee > 0
  ),
  raw_days AS (
    SELECT sim_id, unixtime / ${daySeconds} AS day, speed_class AS raw_class,
      sum(upload_bytes + download_bytes) AS bytes
    FROM air_stats
    WHERE operator_id = @op AND unixtime >= @start * ${daySeconds} AND unixtime < @end * ${daySeconds}
    GROUP BY sim_id, day, raw_class
  ),
  data_days AS (
    SELECT sim_id, day, sc, sum(bytes) AS bytes FROM (
      SELECT r.sim_id, r.day, r.bytes, CASE WHEN r.raw_class = '' THEN coalesce(
          (SELECT b.speed_class FROM sim_billing b WHERE b.operator_id = @op AND b.sim_id = r.sim_id), '')
        ELSE r.raw_class END AS sc
      FROM raw_days r)
    GROUP BY sim_id, day, sc
  ),
  data_charges AS (
    SELECT d.sim_id, d.day, d.bytes,
      CAST((d.bytes * coalesce(p.per_gb, ${standardDataPrice}) + 500000000) / 1000000000 AS INTEGER) AS amount
    FROM data_days d LEFT JOIN data_price p ON p.speed_class = d.sc
  ),
  beam_charges AS (
    SELECT sim_id, unixtime / ${daySeconds} AS day, sum(count) AS requests,
      CAST((sum(count) * ${Number(billing.beamPerMillion)} + 500000) / 1000000 AS INTEGER) AS amount
    FROM beam_stats
    WHERE operator_id = @op AND unixtime >= @start * ${daySeconds} AND unixtime < @end * ${daySeconds}
    GROUP BY sim_id, day
  ),
  order_charges AS (
    SELECT confirmed_at / ${dayMs} AS day, total_amount AS amount FROM orders
    WHERE operator_id = @op AND confirmed_at IS NOT NULL AND status != 'cancelled'
      AND confirmed_at >= @start * ${dayMs} AND confirmed_at < @end * ${dayMs}
  ),
  contract_days AS (
    SELECT max(c.started_at / ${dayMs}, @start) AS day,
      min(coalesce(c.ended_at / ${dayMs}, @end), @end) - max(c.started_at / ${dayMs}, @start) AS days, f.fee
    FROM contract_periods c JOIN contract_fee f ON f.contract_name = c.contract_name
    WHERE c.operator_id = @op
  ),
  contract_charges AS (SELECT day, days, days * fee AS amount FROM contract_days WHERE days > 0),
  lines AS (
    SELECT sim_id, 'dailyChargeTotal' AS item, days AS quantity, days * fee AS amount FROM basic WHERE days > 0
    UNION ALL
    SELECT sim_id, 'dailyDataTrafficChargeTotal', sum(bytes), sum(amount) FROM data_charges GROUP BY sim_id
    UNION ALL
    SELECT sim_id, 'dailySoracomBeamRequestChargeTotal', sum(requests), sum(amount) FROM beam_charges GROUP BY sim_id
    UNION ALL
    SELECT '', 'orderChargeTotal', count(*), sum(amount) FROM order_charges HAVING count(*) > 0
    UNION ALL
    SELECT '', 'contractChargeTotal', sum(days), sum(amount) FROM contract_charges HAVING count(*) > 0
  )`;

export interface ItemAmount {
  item: BillItem;
  amount: number;
}
export interface SimAmount {
  simId: string;
  amount: number;
}
export interface DayAmount {
  date: string;
  amount: number;
}
export interface Line {
  simId: string;
  imsi: string;
  subscription: string;
  item: BillItem;
  quantity: number;
  amount: number;
}
/** A month's bill: closed (materialised) or preliminary (computed now). */
export interface Bill {
  yearMonth: string;
  currency: string;
  amount: number;
  couponAmount: number;
  state: 'closed' | 'temporary';
  paymentStatus?: string;
  transactionId?: string;
  items: ItemAmount[];
  daily: DayAmount[];
  topSims: SimAmount[];
  /** When it was closed or computed (ms). */
  time: number;
}

interface BillRow {
  year_month: string;
  currency: string;
  amount: number;
  coupon_amount: number;
  payment_status: string;
  transaction_id: string;
  items: string;
  daily: string;
  top_sims: string;
  closed_at: number;
}

const byAmount = <T extends { amount: number }>(a: T, b: T) => b.amount - a.amount;

export function billingStore(db: Db) {
  const range = (op: string, start: number, end: number) => ({ op, start, end });
  // The basic fee by first charged day and daily fee: a few hundred groups, whatever the fleet size.
  // The basic fee of the SIMs charged from the first day, and of those created later by day and fee: SQLite sorts
  // every row of a GROUP BY, so the fleet is only summed and the sort is left to the few SIMs new this month.
  const basicFromStart = db.prepare<ReturnType<typeof range>, { fees: number | null }>(
    `${chargesSql} SELECT sum(fee) AS fees FROM basic WHERE first_day = @start`,
  );
  const basicLater = db.prepare<ReturnType<typeof range>, { first_day: number; fees: number }>(
    `${chargesSql} SELECT first_day, sum(fee) AS fees FROM basic WHERE first_day > @start GROUP BY first_day`,
  );
  const version = db.prepare<[], { v: number }>('SELECT total_changes() AS v');
  /**
   * Results computed from the current data, kept until the database changes: a dashboard asks for the same month
   * several ways at once (latest, items, SIMs, days).
   */
  const memo = new Map<string, unknown>();
  let memoVersion = '';
  function remember<T>(key: string, compute: () => T): T {
    const now = `${version.get()?.v}/${db.pragma('data_version', { simple: true })}`;
    if (now !== memoVersion) {
      memo.clear();
      memoVersion = now;
    }
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  }
  const usageByDay = db.prepare<ReturnType<typeof range>, { day: number; item: BillItem; amount: number }>(
    `${chargesSql} SELECT day, item, sum(amount) AS amount FROM (
       SELECT day, 'dailyDataTrafficChargeTotal' AS item, amount FROM data_charges
       UNION ALL SELECT day, 'dailySoracomBeamRequestChargeTotal', amount FROM beam_charges
       UNION ALL SELECT day, 'orderChargeTotal', amount FROM order_charges
       UNION ALL SELECT min(day), 'contractChargeTotal', sum(amount) FROM contract_charges HAVING count(*) > 0)
     GROUP BY day, item`,
  );
  // The top SIMs are among the top by basic fee and those with usage charges (a SIM outside both has 100 SIMs
  // charged at least as much before it), so the fleet is sorted once by basic fee only.
  const simTotals = db.prepare<ReturnType<typeof range> & { limit: number }, { sim_id: string; amount: number }>(
    `${chargesSql},
     usage AS (SELECT sim_id, sum(amount) AS amount FROM (
       SELECT sim_id, amount FROM data_charges UNION ALL SELECT sim_id, amount FROM beam_charges) GROUP BY sim_id),
     top_basic AS (SELECT sim_id FROM basic ORDER BY days * fee DESC, sim_id LIMIT @limit),
     candidates AS (SELECT sim_id FROM usage UNION SELECT sim_id FROM top_basic)
     SELECT sim_id, total AS amount FROM (
       SELECT c.sim_id, coalesce((SELECT days * fee FROM basic b WHERE b.sim_id = c.sim_id), 0)
         + coalesce(u.amount, 0) AS total
       FROM candidates c LEFT JOIN usage u ON u.sim_id = c.sim_id)
     WHERE total > 0 ORDER BY total DESC, sim_id LIMIT @limit`,
  );
  const liveLines = db.prepare<
    ReturnType<typeof range>,
    {
      sim_id: string;
      imsi: string | null;
      subscription: string | null;
      item: BillItem;
      quantity: number;
      amount: number;
    }
  >(
    `${chargesSql} SELECT l.sim_id, b.imsi, b.subscription, l.item, l.quantity, l.amount
     FROM lines l LEFT JOIN sim_billing b ON b.operator_id = @op AND b.sim_id = l.sim_id ORDER BY l.sim_id, l.item`,
  );
  const materialise = db.prepare(
    `${chargesSql} INSERT INTO bill_lines (operator_id, year_month, sim_id, item, quantity, amount)
     SELECT @op, @ym, sim_id, item, quantity, amount FROM lines`,
  );
  const storedItems = db.prepare<[string, string], { item: BillItem; amount: number }>(
    'SELECT item, sum(amount) AS amount FROM bill_lines WHERE operator_id = ? AND year_month = ? GROUP BY item',
  );
  const storedTopSims = db.prepare<[string, string, number], { sim_id: string; total: number }>(
    `SELECT sim_id, sum(amount) AS total FROM bill_lines WHERE operator_id = ? AND year_month = ? AND sim_id != ''
     GROUP BY sim_id HAVING total > 0 ORDER BY total DESC, sim_id LIMIT ?`,
  );
  const storedLines = db.prepare<
    [string, string],
    {
      sim_id: string;
      imsi: string | null;
      subscription: string | null;
      item: BillItem;
      quantity: number;
      amount: number;
    }
  >(
    `SELECT l.sim_id, b.imsi, b.subscription, l.item, l.quantity, l.amount FROM bill_lines l
     LEFT JOIN sim_billing b ON b.operator_id = l.operator_id AND b.sim_id = l.sim_id
     WHERE l.operator_id = ? AND l.year_month = ? ORDER BY l.sim_id, l.item`,
  );
  const insertBill = db.prepare(
    `INSERT INTO bills (operator_id, year_month, currency, amount, coupon_amount, payment_status, transaction_id,
       items, daily, top_sims, closed_at)
     VALUES (@op, @ym, @currency, @amount, @coupon, @paymentStatus, @transactionId, @items, @daily, @topSims, @closedAt)`,
  );
  const closedMonths = db.prepare<[string], { year_month: string }>(
    'SELECT year_month FROM bills WHERE operator_id = ?',
  );
  const billRow = db.prepare<[string, string], BillRow>('SELECT * FROM bills WHERE operator_id = ? AND year_month = ?');
  const billRows = db.prepare<[string, string], BillRow>(
    'SELECT * FROM bills WHERE operator_id = ? AND year_month >= ? ORDER BY year_month DESC',
  );
  const operatorCreated = db.prepare<[string], { created_at: number }>(
    'SELECT created_at FROM operators WHERE operator_id = ?',
  );
  const usableCoupons = db.prepare<
    [string, number, string],
    { coupon_code: string; balance: number; bill_item_name: string | null }
  >(
    `SELECT coupon_code, balance, bill_item_name FROM coupons
     WHERE operator_id = ? AND registered_at < ? AND expiry_year_month >= ? AND balance > 0
     ORDER BY expiry_year_month, registered_at, coupon_code`,
  );
  const spendCoupon = db.prepare('UPDATE coupons SET balance = balance - ? WHERE coupon_code = ?');

  /** The items and the days between two days, from the basic-fee groups and the usage charges per day. */
  function summarise(op: string, start: number, end: number): { items: ItemAmount[]; daily: DayAmount[] } {
    const days = new Array<number>(Math.max(0, end - start)).fill(0);
    const totals = new Map<BillItem, number>();
    const addTo = (item: BillItem, amount: number) => totals.set(item, (totals.get(item) ?? 0) + amount);
    const starting = new Array<number>(days.length + 1).fill(0);
    const groups = [
      { first_day: start, fees: basicFromStart.get(range(op, start, end))?.fees ?? 0 },
      ...basicLater.all(range(op, start, end)),
    ];
    for (const g of groups) {
      addTo('dailyChargeTotal', g.fees * (end - g.first_day));
      starting[g.first_day - start] = (starting[g.first_day - start] ?? 0) + g.fees;
    }
    let running = 0;
    for (let i = 0; i < days.length; i++) {
      running += starting[i] ?? 0;
      days[i] = running;
    }
    for (const u of usageByDay.all(range(op, start, end))) {
      addTo(u.item, u.amount);
      if (u.day >= start && u.day < end) days[u.day - start] = (days[u.day - start] ?? 0) + u.amount;
    }
    return {
      items: sortedItems([...totals].map(([item, amount]) => ({ item, amount }))),
      daily: days.map((amount, i) => ({ date: dateOfDay(start + i), amount })),
    };
  }

  const sortedItems = (rows: { item: BillItem; amount: number }[]): ItemAmount[] =>
    rows
      .map((r) => ({ item: r.item, amount: r.amount }))
      .sort((a, b) => byAmount(a, b) || a.item.localeCompare(b.item));

  /** The month's coupons, in the order guesses.billClosing gives, pay what they can of its items. */
  function applyCoupons(op: string, yearMonth: string, endMs: number, items: ItemAmount[]): number {
    const remaining = new Map(items.map((i) => [i.item as string, i.amount]));
    let applied = 0;
    for (const coupon of usableCoupons.all(op, endMs, yearMonth)) {
      let balance = coupon.balance;
      const targets = coupon.bill_item_name ? [coupon.bill_item_name] : billItemNames;
      for (const item of targets) {
        const use = Math.min(balance, remaining.get(item) ?? 0);
        if (use <= 0) continue;
        remaining.set(item, (remaining.get(item) ?? 0) - use);
        balance -= use;
        applied += use;
      }
      if (balance !== coupon.balance) spendCoupon.run(coupon.balance - balance, coupon.coupon_code);
    }
    return applied;
  }

  function close(op: string, yearMonth: string, now: number) {
    const days = monthDays(yearMonth);
    if (!days) return;
    const endMs = days.end * dayMs;
    materialise.run({ ...range(op, days.start, days.end), ym: yearMonth });
    const items = sortedItems(storedItems.all(op, yearMonth));
    const amount = items.reduce((n, i) => n + i.amount, 0);
    const coupon = applyCoupons(op, yearMonth, endMs, items);
    insertBill.run({
      op,
      ym: yearMonth,
      currency: billing.currency,
      amount,
      coupon,
      paymentStatus: 'paid',
      transactionId: `${yearMonth}${String(billClosing.paymentDay).padStart(2, '0')}-${op}`,
      items: JSON.stringify(items),
      daily: JSON.stringify(summarise(op, days.start, days.end).daily),
      topSims: JSON.stringify(
        storedTopSims.all(op, yearMonth, billing.topSims).map((r) => ({ simId: r.sim_id, amount: r.total })),
      ),
      closedAt: now,
    });
  }

  /** The first month the operator is billed for, and the current month. */
  function span(op: string, now: number): { first: string; current: string } | undefined {
    const created = operatorCreated.get(op)?.created_at;
    if (created === undefined) return undefined;
    const current = yearMonthOf(now);
    const oldest = addMonths(current, -billing.historyMonths);
    const first = yearMonthOf(created);
    return { first: first > oldest ? first : oldest, current };
  }

  /** Closes every past month of the operator not closed yet, oldest first (coupons are spent in that order). */
  function closePastMonths(op: string, now: number) {
    const s = span(op, now);
    if (!s) return;
    const done = new Set(closedMonths.all(op).map((r) => r.year_month));
    const missing: string[] = [];
    for (let m = s.first; m < s.current; m = addMonths(m, 1)) if (!done.has(m)) missing.push(m);
    if (missing.length === 0) return;
    db.transaction(() => {
      for (const m of missing) close(op, m, now);
    })();
  }

  const fromRow = (r: BillRow): Bill => ({
    yearMonth: r.year_month,
    currency: r.currency,
    amount: r.amount,
    couponAmount: r.coupon_amount,
    state: 'closed',
    paymentStatus: r.payment_status,
    transactionId: r.transaction_id,
    items: JSON.parse(r.items) as ItemAmount[],
    daily: JSON.parse(r.daily) as DayAmount[],
    topSims: JSON.parse(r.top_sims) as SimAmount[],
    time: r.closed_at,
  });

  /** The current month so far: its days up to and including today. */
  function preliminary(op: string, now: number, parts: { topSims?: boolean } = {}): Bill {
    const yearMonth = yearMonthOf(now);
    const start = (monthDays(yearMonth) as { start: number }).start;
    const end = Math.floor(now / dayMs) + 1;
    const { items, daily } = remember(`summary ${op} ${start} ${end}`, () => summarise(op, start, end));
    return {
      yearMonth,
      currency: billing.currency,
      amount: items.reduce((n, i) => n + i.amount, 0),
      couponAmount: 0,
      state: 'temporary',
      items,
      daily,
      topSims: parts.topSims
        ? remember(`sims ${op} ${start} ${end}`, () =>
            simTotals
              .all({ ...range(op, start, end), limit: billing.topSims })
              .map((r) => ({ simId: r.sim_id, amount: r.amount })),
          )
        : [],
      time: now,
    };
  }

  return {
    closePastMonths,
    preliminary,
    /** The bill of a month: closed, preliminary (the current month) or undefined (no bill for that month). */
    month(op: string, yearMonth: string, now: number, parts: { topSims?: boolean } = {}) {
      const s = span(op, now);
      if (!s || yearMonth < s.first || yearMonth > s.current) return undefined;
      if (yearMonth === s.current) return preliminary(op, now, parts);
      closePastMonths(op, now);
      const row = billRow.get(op, yearMonth);
      return row ? fromRow(row) : undefined;
    },
    /** Closed months, newest first, within the history the description allows. */
    history(op: string, now: number): Bill[] {
      closePastMonths(op, now);
      return billRows.all(op, addMonths(yearMonthOf(now), -billing.historyMonths)).map(fromRow);
    },
    /** The lines of a month's bill (one per SIM and item); they add up to its amount. */
    lines(op: string, bill: Bill, now: number): Line[] {
      const rows =
        bill.state === 'closed'
          ? storedLines.all(op, bill.yearMonth)
          : liveLines.all(
              range(op, (monthDays(bill.yearMonth) as { start: number }).start, Math.floor(now / dayMs) + 1),
            );
      return rows.map((r) => ({
        simId: r.sim_id,
        imsi: r.imsi ?? '',
        subscription: r.subscription ?? '',
        item: r.item,
        quantity: r.quantity,
        amount: r.amount,
      }));
    },
  };
}
export type BillingStore = ReturnType<typeof billingStore>;
