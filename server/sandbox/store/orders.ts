/**
 * Orders: the operator's shipping addresses, its orders from quotation to receipt, and the SIMs a shipped order
 * brings (kept here, outside the fleet, until the order's SIMs are registered). Documents are stored as the API
 * answers them; the columns are what lists, rules and billing look up.
 */
import type { components } from '../../../src/api/schema';
import type { Db } from '../db';

export type ShippingAddress = components['schemas']['GetShippingAddressResponse'] & {
  countryCode?: string;
  email?: string;
};
export type Order = components['schemas']['GetOrderResponse'];
export type OrderStatus = NonNullable<Order['orderStatus']>;
export type OrderedSim = components['schemas']['Sim'];

interface OrderRow {
  doc: string;
}

export function orderStore(db: Db) {
  const addresses = db.prepare<[string], { doc: string }>(
    'SELECT doc FROM shipping_addresses WHERE operator_id = ? ORDER BY created_at, shipping_address_id',
  );
  const address = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM shipping_addresses WHERE operator_id = ? AND shipping_address_id = ?',
  );
  const addressCount = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM shipping_addresses WHERE operator_id = ?',
  );
  const insertAddress = db.prepare(
    `INSERT INTO shipping_addresses (operator_id, shipping_address_id, doc, created_at, updated_at)
     VALUES (@operatorId, @id, @doc, @now, @now)`,
  );
  const updateAddress = db.prepare(
    `UPDATE shipping_addresses SET doc = @doc, updated_at = @now
     WHERE operator_id = @operatorId AND shipping_address_id = @id`,
  );
  const deleteAddress = db.prepare('DELETE FROM shipping_addresses WHERE operator_id = ? AND shipping_address_id = ?');
  const openOrdersAt = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM orders WHERE operator_id = ? AND shipping_address_id = ?
       AND status IN ('orderProcessing', 'ordered')`,
  );

  const order = db.prepare<[string, string], OrderRow>('SELECT doc FROM orders WHERE operator_id = ? AND order_id = ?');
  const confirmed = db.prepare<[string], OrderRow>(
    `SELECT doc FROM orders WHERE operator_id = ? AND confirmed_at IS NOT NULL
     ORDER BY confirmed_at DESC, order_id DESC`,
  );
  const createdAt = db.prepare<[string, string], { created_at: number }>(
    'SELECT created_at FROM orders WHERE operator_id = ? AND order_id = ?',
  );
  const orderCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM orders WHERE operator_id = ?');
  const insertOrder = db.prepare(
    `INSERT INTO orders (operator_id, order_id, status, shipping_address_id, total_amount, doc, created_at, updated_at)
     VALUES (@operatorId, @orderId, @status, @shippingAddressId, @totalAmount, @doc, @now, @now)`,
  );
  const updateOrder = db.prepare(
    `UPDATE orders SET status = @status, doc = @doc, updated_at = @now,
       confirmed_at = coalesce(confirmed_at, @confirmedAt)
     WHERE operator_id = @operatorId AND order_id = @orderId`,
  );
  const dueToShip = db.prepare<[number, number], { operator_id: string; order_id: string }>(
    `SELECT operator_id, order_id FROM orders WHERE status = 'ordered' AND confirmed_at <= ?
     ORDER BY confirmed_at LIMIT ?`,
  );
  const pruneQuotations = db.prepare(
    "DELETE FROM orders WHERE operator_id = ? AND status = 'orderProcessing' AND created_at < ?",
  );

  const insertSim = db.prepare('INSERT INTO ordered_sims (operator_id, order_id, sim_id, doc) VALUES (?, ?, ?, ?)');
  const simsOf = db.prepare<[string, string, string, number], { sim_id: string; doc: string }>(
    `SELECT sim_id, doc FROM ordered_sims WHERE operator_id = ? AND order_id = ? AND sim_id > ?
     ORDER BY sim_id LIMIT ?`,
  );
  const allSimsOf = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM ordered_sims WHERE operator_id = ? AND order_id = ? ORDER BY sim_id',
  );
  const simsEver = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM ordered_sims');

  const write = (operatorId: string, o: Order, now: number, confirmedAt: number | null = null) =>
    updateOrder.run({
      operatorId,
      orderId: o.orderId,
      status: o.orderStatus,
      doc: JSON.stringify(o),
      now,
      confirmedAt,
    });

  return {
    addresses: (operatorId: string) => addresses.all(operatorId).map((r) => JSON.parse(r.doc) as ShippingAddress),
    address(operatorId: string, id: string): ShippingAddress | undefined {
      const row = address.get(operatorId, id);
      return row ? (JSON.parse(row.doc) as ShippingAddress) : undefined;
    },
    addressCount: (operatorId: string) => addressCount.get(operatorId)?.n ?? 0,
    createAddress(operatorId: string, a: ShippingAddress, now: number) {
      insertAddress.run({ operatorId, id: a.shippingAddressId, doc: JSON.stringify(a), now });
    },
    updateAddress(operatorId: string, a: ShippingAddress, now: number) {
      updateAddress.run({ operatorId, id: a.shippingAddressId, doc: JSON.stringify(a), now });
    },
    deleteAddress: (operatorId: string, id: string) => deleteAddress.run(operatorId, id).changes > 0,
    /** Orders to this address not shipped nor cancelled yet (quotations included). */
    openOrdersAt: (operatorId: string, id: string) => openOrdersAt.get(operatorId, id)?.n ?? 0,

    order(operatorId: string, orderId: string): Order | undefined {
      const row = order.get(operatorId, orderId);
      return row ? (JSON.parse(row.doc) as Order) : undefined;
    },
    /** Confirmed orders (every status from `ordered` on, cancelled ones included), newest first. */
    confirmed: (operatorId: string) => confirmed.all(operatorId).map((r) => JSON.parse(r.doc) as Order),
    /** When the order was made as a quotation (ms). */
    createdAt: (operatorId: string, orderId: string) => createdAt.get(operatorId, orderId)?.created_at,
    orderCount: (operatorId: string) => orderCount.get(operatorId)?.n ?? 0,
    createOrder(operatorId: string, o: Order, now: number) {
      insertOrder.run({
        operatorId,
        orderId: o.orderId,
        status: o.orderStatus,
        shippingAddressId: o.shippingAddressId,
        totalAmount: o.totalAmount ?? 0,
        doc: JSON.stringify(o),
        now,
      });
    },
    /** Writes the order back; `confirmedAt` is kept from the first time it is given (the day it is billed). */
    updateOrder: write,
    /** Orders of any operator confirmed at or before `before` (ms) and not shipped yet, oldest first. */
    dueToShip: (before: number, limit: number) => dueToShip.all(before, limit),
    /** Forgets the quotations never confirmed that were made before `before` (ms). */
    pruneQuotations: (operatorId: string, before: number) => pruneQuotations.run(operatorId, before).changes,

    addSims(operatorId: string, orderId: string, sims: readonly OrderedSim[]) {
      for (const sim of sims) insertSim.run(operatorId, orderId, sim.simId, JSON.stringify(sim));
    },
    /** A page of the order's SIMs in SIM ID order after `after`; `nextKey` is set when more follow. */
    simPage(operatorId: string, orderId: string, after: string, limit: number) {
      const rows = simsOf.all(operatorId, orderId, after, limit + 1);
      const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as OrderedSim);
      return { items, nextKey: rows.length > limit ? (rows[limit - 1]?.sim_id ?? null) : null };
    },
    sims: (operatorId: string, orderId: string) =>
      allSimsOf.all(operatorId, orderId).map((r) => JSON.parse(r.doc) as OrderedSim),
    /** How many SIMs every shipped order ever brought: the numbering of the next one (simFactory.identifiers). */
    simsEver: () => simsEver.get()?.n ?? 0,
  };
}
export type OrderStore = ReturnType<typeof orderStore>;
