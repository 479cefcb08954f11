/** The auto-shipper ships a confirmed order once its delay has passed, and nothing else. */
import { describe, expect, it } from 'vitest';
import { createContractSandbox } from '../test/contract';
import { createStores } from './context';
import { shipDueOrders } from './orderShipper';

describe('shipping confirmed orders by itself', () => {
  it('ships an order confirmed at least the delay before, with its SIMs, and leaves quotations alone', async () => {
    const s = createContractSandbox({ fleet: 0 });
    const auth = await s.loginRoot();
    const call = (method: string, path: string, body?: unknown) => s.call(method, path, { auth, body });
    const address = await call('POST', `/operators/${auth.operatorId}/shipping_addresses`, {
      zipCode: '060-0001',
      state: '北海道',
      city: '札幌市中央区',
      addressLine1: '北1条西 1-1',
      fullName: 'Test',
      phoneNumber: '011-000-0000',
    });
    const order = async () =>
      (
        await call('POST', '/orders', {
          orderItemList: [{ productCode: '4573326590273', quantity: 3 }],
          shippingAddressId: address.body.shippingAddressId,
        })
      ).body.orderId as string;
    const confirmed = await order();
    const quotation = await order();
    expect((await call('PUT', `/orders/${confirmed}/confirm`)).status).toBe(200);
    const stores = createStores(s.db);

    expect(shipDueOrders(s.db, stores, s.clock.now + 59_000, 60_000)).toEqual([]);
    expect(shipDueOrders(s.db, stores, s.clock.now + 60_000, 60_000)).toEqual([confirmed]);
    expect(shipDueOrders(s.db, stores, s.clock.now + 120_000, 60_000)).toEqual([]);

    expect((await call('GET', `/orders/${confirmed}`)).body.orderStatus).toBe('shipped');
    expect((await call('GET', `/orders/${confirmed}/subscribers`)).body.orderedSubscriberList).toHaveLength(3);
    expect((await call('GET', `/orders/${quotation}`)).body.orderStatus).toBe('orderProcessing');
    expect((await call('POST', `/orders/${confirmed}/subscribers/register`)).status).toBe(204);
  });
});
