/**
 * The Sandbox API's delivery (guesses: orders): `POST /sandbox/orders/ship` ships a confirmed order and makes the SIMs
 * it brings, which wait in the order until `registerOrderedSim` puts them into the fleet.
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers, Reply, Stores } from '../../context';
import { caller } from '../../context';
import { badRequest, codes } from '../../errors';
import { buildSim, plans, seededRandom } from '../../simFactory';
import type { Order, OrderedSim } from '../../store/orders';
import type { Sim } from '../../store/sims';
import { compactTime } from '../billing/bills';
import type { Product } from '../order/catalogue';
import { subscriptionOf } from '../order/orders';

type ShipRequest = components['schemas']['sandboxShipOrderRequest'];

/** Ordered SIMs are numbered from here on (simFactory.identifiers), after the demo fleet and sandbox-made SIMs. */
const firstOrderedSim = 2_000_000;
const moduleTypes = new Set(['mini', 'micro', 'nano', 'trio']);

function trackingNumber(orderId: string): string {
  let h = 0;
  for (const c of orderId) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  const digits = String(h).padStart(12, '0').slice(-12);
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

/**
 * Ships an `ordered` order (guesses: orders): makes the SIMs it brings, which wait in the order until registered,
 * and marks it `shipped` with a tracking number. Run inside a transaction. Also used by the auto-shipper
 * (orderShipper.ts).
 */
export function shipOrder(stores: Stores, operatorId: string, order: Order, now: number): Order {
  let index = firstOrderedSim + stores.orders.simsEver();
  const sims: OrderedSim[] = [];
  for (const item of order.orderItemList ?? []) {
    const product = item.product as Product | undefined;
    if (product?.productType !== 'sim') continue;
    const subscription = subscriptionOf(product);
    const offered: readonly string[] = plans[subscription].speedClasses;
    const size = product.properties?.simSize ?? 'nano';
    const count = (product.count ?? 1) * (item.quantity ?? 0);
    for (let i = 0; i < count; i++, index++) {
      sims.push(
        buildSim(
          {
            index,
            operatorId,
            subscription,
            speedClass: offered.includes('s1.standard') ? 's1.standard' : (offered[0] ?? 's1.standard'),
            status: 'ready',
            createdTime: now,
            tags: {},
            moduleType: (moduleTypes.has(size) ? size : 'nano') as Sim['moduleType'],
          },
          seededRandom(index),
        ),
      );
    }
  }
  stores.orders.addSims(operatorId, order.orderId ?? '', sims);
  const tracking = trackingNumber(order.orderId ?? '');
  const shipped: Order = {
    ...order,
    orderStatus: 'shipped',
    shippingDateTime: compactTime(now),
    shippingLabelNumber: tracking,
    shippingLabelNumbers: [tracking],
    shippingLabelDetails: [
      {
        shipmentCompany: 'Yamato Transport',
        shipmentCompanyUrl: 'http://track.kuronekoyamato.co.jp/english/tracking',
        trackingNumber: tracking,
      },
    ],
  };
  stores.orders.updateOrder(operatorId, shipped, now);
  return shipped;
}

const sandboxShipOrder: Handler = (ctx: Ctx<ShipRequest>) => {
  const { operatorId } = caller(ctx);
  return ctx.transaction((): Reply => {
    const order =
      ctx.body.operatorId === operatorId ? ctx.stores.orders.order(operatorId, ctx.body.orderId) : undefined;
    if (!order) throw badRequest('Order does not exist.');
    if (order.orderStatus !== 'ordered') {
      throw badRequest(
        `Order ${order.orderId} is ${order.orderStatus}: only a confirmed order not shipped yet can be shipped.`,
        codes.orderStatusInvalid,
      );
    }
    shipOrder(ctx.stores, operatorId, order, ctx.now);
    return { status: 200 };
  });
};

export const sandboxOrderHandlers = { sandboxShipOrder } satisfies Handlers;
