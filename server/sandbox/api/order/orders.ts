/**
 * Orders (guesses: orders): the product list, a quotation from products and an address, its confirmation, the order
 * history, cancelling, the initial setting of the SIMs it brings, and registering them into the fleet once shipped.
 */
import { randomBytes } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers, Reply } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { orderLimits, taxRateAt } from '../../guesses';
import { pageHeaders, pageRequest } from '../../paging';
import { plans, type Subscription } from '../../simFactory';
import type { Order, OrderedSim, OrderStatus, ShippingAddress } from '../../store/orders';
import { compactTime } from '../billing/bills';
import { catalogue, type Product, productOf, shippingCost, shippingCostList, weightOf } from './catalogue';

type QuotationRequest = components['schemas']['CreateEstimatedOrderRequest'];
type InitialSetting = components['schemas']['ResourceInitialSetting'];
type SimSetting = components['schemas']['SimInitialSetting'];
type OrderedSubscriber = components['schemas']['OrderedSubscriber'];

const day = 86_400_000;
const orderStepRefused = (message: string) => badRequest(message, codes.orderStatusInvalid);

const listProducts: Handler = () => ({ status: 200, body: { productList: catalogue, shippingCostList } });

/** The address as an order keeps it: without its ID and area, without empty fields (as the examples show it). */
function orderAddress(address: ShippingAddress): Order['shippingAddress'] {
  const { shippingAddressId: _id, shippingArea: _area, ...fields } = address;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as Order['shippingAddress'];
}

/** The subscription an ordered SIM product makes (a plan the SIM factory does not know makes plan01s SIMs). */
export const subscriptionOf = (product: Product): Subscription => {
  const plan = product.properties?.simSubscription ?? '';
  return plan in plans ? (plan as Subscription) : 'plan01s';
};

export interface Quote {
  items: { product: Product; quantity: number; productAmount: number }[];
  shippingCost: number;
  taxAmount: number;
  totalAmount: number;
  sims: number;
}

/** Amounts of an order (guesses: orders): products, shipping by area and weight, tax on the products. */
export function quote(lines: readonly { product: Product; quantity: number }[], area: string, now: number): Quote {
  const rate = taxRateAt(now);
  const items = lines.map((l) => ({ ...l, productAmount: (l.product.price ?? 0) * l.quantity }));
  const products = items.reduce((n, i) => n + i.productAmount, 0);
  const weight = items.reduce((n, i) => n + weightOf(i.product) * i.quantity, 0);
  const shipping = shippingCost(area, weight) ?? 0;
  const tax = Math.floor(products * rate);
  const sims = items.reduce(
    (n, i) => n + (i.product.productType === 'sim' ? (i.product.count ?? 0) * i.quantity : 0),
    0,
  );
  return { items, shippingCost: shipping, taxAmount: tax, totalAmount: products + shipping + tax, sims };
}

function checkItems(body: QuotationRequest): { product: Product; quantity: number }[] {
  const list = body.orderItemList ?? [];
  if (list.length === 0) throw badRequest("Request body: 'orderItemList' must have at least one item.");
  if (list.length > orderLimits.items) {
    throw badRequest(`Request body: 'orderItemList' can have at most ${orderLimits.items} items.`);
  }
  const seen = new Set<string>();
  return list.map((item, i) => {
    const code = item.productCode ?? '';
    const product = productOf(code);
    if (!product) throw badRequest(`Request body: no product '${code.slice(0, 50)}'.`, codes.productInvalid);
    if (seen.has(code)) throw badRequest(`Request body: product '${code}' is listed twice.`, codes.productInvalid);
    seen.add(code);
    const quantity = item.quantity;
    const max = product.maxQuantity ?? 1;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > max) {
      throw badRequest(
        `Request body: 'orderItemList[${i}].quantity' must be between 1 and ${max} for product '${code}'.`,
        codes.productInvalid,
      );
    }
    return { product, quantity };
  });
}

function checkDeliveryDate(value: string | undefined, now: number): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const time = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || compactTime(time).slice(0, 8) !== value) {
    throw badRequest("Request body: 'preferredDeliveryDate' must be a date yyyyMMdd.");
  }
  if (time < now || time > now + 90 * day) {
    throw badRequest("Request body: 'preferredDeliveryDate' must be within the next 90 days.");
  }
  return value;
}

const createQuotation: Handler = (ctx: Ctx<QuotationRequest>) => {
  const { operatorId } = caller(ctx);
  const lines = checkItems(ctx.body);
  const addressId = ctx.body.shippingAddressId;
  if (typeof addressId !== 'string' || addressId === '') {
    throw badRequest("Request body: 'shippingAddressId' is required.", codes.addressInvalid);
  }
  const preferredDeliveryDate = checkDeliveryDate(ctx.body.preferredDeliveryDate, ctx.now);
  return ctx.transaction((): Reply => {
    const address = ctx.stores.orders.address(operatorId, addressId);
    if (!address)
      throw badRequest(`Request body: no shipping address '${addressId.slice(0, 50)}'.`, codes.addressInvalid);
    const q = quote(lines, address.shippingArea, ctx.now);
    if (q.sims > orderLimits.simsPerOrder) {
      throw badRequest(`An order can bring at most ${orderLimits.simsPerOrder} SIMs.`, codes.productInvalid);
    }
    ctx.stores.orders.pruneQuotations(operatorId, ctx.now - orderLimits.quotationDays * day);
    if (ctx.stores.orders.orderCount(operatorId) >= orderLimits.perOperator) {
      throw badRequest(`An operator can have at most ${orderLimits.perOperator} orders.`, codes.orderLimitExceeded);
    }
    const estimate = {
      orderId: `${compactTime(ctx.now)}_${randomBytes(4).toString('hex')}`,
      orderItemList: q.items,
      shippingAddressId: address.shippingAddressId,
      shippingAddress: orderAddress(address),
      shippingCost: q.shippingCost,
      taxAmount: q.taxAmount,
      totalAmount: q.totalAmount,
      taxOnShippingCost: false,
      taxIncludedInShippingCost: Math.floor((q.shippingCost * taxRateAt(ctx.now)) / (1 + taxRateAt(ctx.now))),
      containsTaxIncludedAmounts: false,
      email: ctx.stores.operators.get(operatorId)?.email ?? '',
      currency: 'JPY' as const,
      ...(preferredDeliveryDate ? { preferredDeliveryDate } : {}),
    };
    ctx.stores.orders.createOrder(operatorId, { ...estimate, orderStatus: 'orderProcessing' }, ctx.now);
    return { status: 201, body: estimate };
  });
};

/** The operator's order of the path: 404 when there is none. */
function pathOrder(ctx: Ctx<unknown>, operatorId: string): Order {
  const order = ctx.stores.orders.order(operatorId, ctx.path.order_id ?? '');
  if (!order) throw notFound('No such order found.');
  return order;
}

const statusText: Record<OrderStatus, string> = {
  orderProcessing: 'is a quotation not confirmed yet',
  ordering: 'is being paid',
  ordered: 'is confirmed and not shipped yet',
  kitting: 'is being prepared',
  shipped: 'has been shipped',
  receiving: 'is being received',
  received: 'has been received',
  cancelling: 'is being cancelled',
  cancelled: 'has been cancelled',
  failed: 'has failed',
};
const refused = (order: Order, what: string) =>
  orderStepRefused(`Order ${order.orderId} ${statusText[order.orderStatus ?? 'failed']}: it cannot be ${what}.`);

const listOrders: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: { orderList: ctx.stores.orders.confirmed(operatorId) } };
};

const getOrder: Handler = (ctx) => ({ status: 200, body: pathOrder(ctx, caller(ctx).operatorId) });

const confirmOrder: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return ctx.transaction((): Reply => {
    const order = pathOrder(ctx, operatorId);
    if (order.orderStatus !== 'orderProcessing') throw refused(order, 'confirmed');
    const created = ctx.stores.orders.createdAt(operatorId, order.orderId ?? '') ?? ctx.now;
    if (ctx.now - created > orderLimits.quotationDays * day) {
      throw orderStepRefused(`The quotation is older than ${orderLimits.quotationDays} days: make a new one to order.`);
    }
    const confirmed: Order = {
      ...order,
      orderStatus: 'ordered',
      orderDateTime: compactTime(ctx.now),
      paymentStatus: 'paid',
    };
    ctx.stores.orders.updateOrder(operatorId, confirmed, ctx.now, ctx.now);
    return { status: 200, body: confirmed };
  });
};

const cancelOrder: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return ctx.transaction((): Reply => {
    const order = pathOrder(ctx, operatorId);
    if (order.orderStatus !== 'orderProcessing' && order.orderStatus !== 'ordered') throw refused(order, 'cancelled');
    const cancelled: Order = {
      ...order,
      orderStatus: 'cancelled',
      ...(order.orderStatus === 'ordered' ? { paymentStatus: 'cancelled' as const } : {}),
    };
    ctx.stores.orders.updateOrder(operatorId, cancelled, ctx.now);
    return { status: 204 };
  });
};

/** The subscriptions of the SIMs an order brings. */
const orderSubscriptions = (order: Order): Set<string> =>
  new Set(
    (order.orderItemList ?? []).flatMap((i) =>
      i.product?.productType === 'sim' ? [subscriptionOf(i.product as Product)] : [],
    ),
  );

function checkSimSetting(ctx: Ctx<unknown>, operatorId: string, subscription: string, setting: SimSetting) {
  const where = `'simInitialSettings.${subscription}`;
  const out: SimSetting = {};
  if (setting.groupId !== undefined) {
    if (!ctx.stores.groups.get(operatorId, setting.groupId)) {
      throw badRequest(`Request body: ${where}.groupId': there is no group '${setting.groupId.slice(0, 50)}'.`);
    }
    out.groupId = setting.groupId;
  }
  if (setting.speedClass !== undefined) {
    const offered: readonly string[] = plans[subscription as Subscription]?.speedClasses ?? [];
    if (!offered.includes(setting.speedClass)) {
      throw badRequest(
        `Request body: ${where}.speedClass' must be one of ${offered.join(', ')}.`,
        codes.speedClassNotOffered,
      );
    }
    out.speedClass = setting.speedClass;
  }
  if (setting.tags !== undefined) {
    const tags = Object.entries(setting.tags);
    if (tags.length > orderLimits.tags) {
      throw badRequest(`Request body: ${where}.tags' can have at most ${orderLimits.tags} tags.`);
    }
    for (const [name, value] of tags) {
      if (name === '' || name.length > 100 || typeof value !== 'string' || value.length > 100) {
        throw badRequest(`Request body: a tag of ${where}.tags' must have a name and a value of 1 to 100 characters.`);
      }
    }
    out.tags = Object.fromEntries(tags);
  }
  return out;
}

const updateOrderedResourceInitialSetting: Handler = (ctx: Ctx<InitialSetting>) => {
  const { operatorId } = caller(ctx);
  return ctx.transaction((): Reply => {
    const order = pathOrder(ctx, operatorId);
    const open: readonly (OrderStatus | undefined)[] = ['orderProcessing', 'ordered', 'shipped'];
    if (!open.includes(order.orderStatus)) throw refused(order, 'given an initial setting');
    const subscriptions = orderSubscriptions(order);
    const settings: Record<string, SimSetting> = {};
    for (const [subscription, setting] of Object.entries(ctx.body.simInitialSettings ?? {})) {
      if (!subscriptions.has(subscription)) {
        throw badRequest(`Request body: the order brings no SIM of subscription '${subscription.slice(0, 50)}'.`);
      }
      settings[subscription] = checkSimSetting(ctx, operatorId, subscription, setting ?? {});
    }
    const updated: Order = { ...order, resourceInitialSetting: { simInitialSettings: settings } };
    ctx.stores.orders.updateOrder(operatorId, updated, ctx.now);
    return { status: 200, body: updated };
  });
};

export function orderedSubscriber(sim: OrderedSim): OrderedSubscriber {
  const profile = Object.values(sim.profiles ?? {})[0];
  const imsi = profile?.primaryImsi ?? '';
  const subscriber = profile?.subscribers?.[imsi];
  return {
    simId: sim.simId,
    imsi,
    msisdn: subscriber?.msisdn,
    iccid: profile?.iccid,
    serialNumber: sim.serialNumber,
    bundles: subscriber?.bundles ?? [],
  };
}

const listOrderedSubscribers: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const order = pathOrder(ctx, operatorId);
  const { limit, after } = pageRequest(ctx.query);
  const page = ctx.stores.orders.simPage(operatorId, order.orderId ?? '', after, limit);
  return {
    status: 200,
    body: { orderedSubscriberList: page.items.map(orderedSubscriber) },
    headers: pageHeaders(`/orders/${order.orderId}/subscribers`, ctx.query, limit, page.nextKey),
  };
};

const registerOrderedSim: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return ctx.transaction((): Reply => {
    const order = pathOrder(ctx, operatorId);
    if (order.orderStatus !== 'shipped') throw refused(order, 'registered');
    const settings = order.resourceInitialSetting?.simInitialSettings ?? {};
    for (const [subscription, setting] of Object.entries(settings)) {
      if (setting.groupId !== undefined && !ctx.stores.groups.get(operatorId, setting.groupId)) {
        throw badRequest(
          `The initial setting of ${subscription} names group '${setting.groupId}', which no longer exists.`,
        );
      }
    }
    for (const sim of ctx.stores.orders.sims(operatorId, order.orderId ?? '')) {
      const profile = Object.values(sim.profiles ?? {})[0];
      const subscription = profile?.subscribers?.[profile.primaryImsi ?? '']?.subscription ?? '';
      const setting = settings[subscription] ?? {};
      const registered: OrderedSim = {
        ...sim,
        groupId: setting.groupId ?? sim.groupId,
        speedClass: setting.speedClass ?? sim.speedClass,
        tags: { ...sim.tags, ...(setting.tags ?? {}) },
        createdTime: ctx.now,
        lastModifiedTime: ctx.now,
      };
      ctx.stores.sims.insert(registered);
    }
    ctx.stores.orders.updateOrder(operatorId, { ...order, orderStatus: 'received' }, ctx.now);
    return { status: 204 };
  });
};

export const orderHandlers = {
  listProducts,
  createQuotation,
  listOrders,
  getOrder,
  confirmOrder,
  cancelOrder,
  updateOrderedResourceInitialSetting,
  listOrderedSubscribers,
  registerOrderedSim,
} satisfies Handlers;
