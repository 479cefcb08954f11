/**
 * The sandbox ships confirmed orders by itself (`--auto-ship N`, off by default): every few seconds, each order
 * confirmed at least N seconds before is shipped as `POST /sandbox/orders/ship` would, so a demo moves on without
 * calling the API Sandbox. The e2e journeys leave it off and ship through the API.
 */
import { shipOrder } from './api/sandbox/order';
import { createStores, type Stores } from './context';
import type { Db } from './db';

/** Ships what is due at `now`, at most `limit` orders; answers the order IDs shipped. */
export function shipDueOrders(db: Db, stores: Stores, now: number, delayMs: number, limit = 20): string[] {
  const shipped: string[] = [];
  for (const due of stores.orders.dueToShip(now - delayMs, limit)) {
    db.transaction(() => {
      const order = stores.orders.order(due.operator_id, due.order_id);
      if (order?.orderStatus !== 'ordered') return;
      shipOrder(stores, due.operator_id, order, now);
      shipped.push(due.order_id);
    })();
  }
  return shipped;
}

/** Runs `shipDueOrders` every few seconds; answers a function that stops it. */
export function startOrderShipper(db: Db, options: { delayMs: number; log?: (line: string) => void }): () => void {
  const stores = createStores(db);
  const timer = setInterval(
    () => {
      try {
        shipDueOrders(db, stores, Date.now(), options.delayMs);
      } catch (error) {
        options.log?.(`order shipper: ${(error as Error).message}`);
      }
    },
    Math.min(Math.max(options.delayMs / 2, 1_000), 5_000),
  );
  timer.unref();
  return () => clearInterval(timer);
}
