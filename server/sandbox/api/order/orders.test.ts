/**
 * Orders against the description: the order part of examples.md replayed (address → quotation → confirm → list, at
 * the example's own date so its figures come back to the yen), then ship → register into a group, after which the
 * SIMs are in `/sims` and `/query/sims`; the refusals; a SAM user's permissions; and totals for random baskets.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { grant, samLogin } from '../../../test/sam';
import { codes } from '../../errors';
import { shippingCosts } from '../../guesses';
import { catalogue } from './catalogue';

const addresses = `/operators/${demo.operatorId}/shipping_addresses`;

/** The example's address, as createShippingAddress sent it. */
const exampleAddress = {
  addressLine1: 'サンプル町 1-2-3',
  addressLine2: '',
  building: 'サンプルビル 1階',
  city: '千代田区',
  companyName: '株式会社サンプル',
  department: 'IoT Platform',
  fullName: '見本太郎',
  phoneNumber: '03-0000-0000',
  state: '東京都',
  zipCode: '100-0001',
};
const km1 = '4573326590273';
/** The example's product, as POST /orders answered it. */
const exampleProduct = {
  productCode: km1,
  productName: 'SORACOM Air SIM card  plan-KM1  size:Nano(for data) 1 SIM pack1',
  description:
    'This type of SIM provides cellular LPWA (LTE Cat. M1) connectivity. NOTE: Please be aware that communications charges for this type of service are significantly higher than for normal service. Cannot be used with regular LTE devices.',
  count: 1,
  price: 1500,
  currency: 'JPY',
  properties: { contractType: 'no_sms', simSubscription: 'plan-KM1', simSize: 'nano' },
  productType: 'sim',
  productInfoURL: 'https://soracom.jp/products/sim/plan-km1/',
  productImageURLs: [],
};

let s: ContractSandbox;
let root: Credentials;
const call = (method: string, path: string, body?: unknown, auth: Credentials = root) =>
  s.call(method, path, { auth, body });

async function newAddress(body: object = exampleAddress): Promise<string> {
  const res = await call('POST', addresses, body);
  expect(res.status, res.text).toBe(201);
  return res.body.shippingAddressId;
}

async function confirmedOrder(items: { productCode: string; quantity: number }[], addressId?: string) {
  const shippingAddressId = addressId ?? (await newAddress());
  const quoted = await call('POST', '/orders', { orderItemList: items, shippingAddressId });
  expect(quoted.status, quoted.text).toBe(201);
  const confirmed = await call('PUT', `/orders/${quoted.body.orderId}/confirm`);
  expect(confirmed.status, confirmed.text).toBe(200);
  return confirmed.body as { orderId: string; totalAmount: number };
}

describe('the order sequence of the examples, then delivery', () => {
  beforeEach(async () => {
    s = createContractSandbox({ fleet: 0, now: Date.UTC(2019, 8, 17, 2, 18, 39) });
    root = await s.loginRoot();
  });

  it('address → quotation → confirm → list → ship → register into a group → SIMs in the fleet', async () => {
    expect((await call('GET', addresses)).body).toEqual({ shippingAddresses: [] });
    const created = await call('POST', addresses, exampleAddress);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      countryCode: 'JP',
      ...exampleAddress,
      shippingAddressId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      shippingArea: 'kanto',
    });
    const addressId = created.body.shippingAddressId as string;
    expect((await call('GET', `${addresses}/${addressId}`)).body).toEqual(created.body);
    expect((await call('GET', addresses)).body.shippingAddresses).toEqual([created.body]);

    const products = await call('GET', '/products');
    expect(products.status).toBe(200);
    expect(products.body.productList).toContainEqual(expect.objectContaining(exampleProduct));
    expect(products.body.shippingCostList).toContainEqual({
      shippingArea: 'kanto',
      size: 60,
      shippingCost: 907,
      currency: 'JPY',
    });

    const quoted = await call('POST', '/orders', {
      orderItemList: [{ productCode: km1, quantity: 2 }],
      shippingAddressId: addressId,
    });
    expect(quoted.status).toBe(201);
    const { addressLine2: _empty, ...orderAddress } = exampleAddress;
    expect(quoted.body).toMatchObject({
      orderId: expect.stringMatching(/^20190917021839_[0-9a-f]{8}$/),
      orderItemList: [{ product: exampleProduct, quantity: 2, productAmount: 3000 }],
      shippingAddressId: addressId,
      shippingAddress: { countryCode: 'JP', ...orderAddress },
      shippingCost: 907,
      taxAmount: 240,
      totalAmount: 4147,
      email: demo.email,
      currency: 'JPY',
    });
    const orderId = quoted.body.orderId as string;
    // A quotation is not in the confirmed order history, but can be read.
    expect((await call('GET', '/orders')).body).toEqual({ orderList: [] });
    expect((await call('GET', `/orders/${orderId}`)).body.orderStatus).toBe('orderProcessing');

    s.clock.advance(52_000);
    const confirmed = await call('PUT', `/orders/${orderId}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      orderId,
      totalAmount: 4147,
      orderStatus: 'ordered',
      orderDateTime: '20190917021931',
      paymentStatus: 'paid',
    });
    const again = await call('PUT', `/orders/${orderId}/confirm`);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(codes.orderStatusInvalid);
    expect((await call('GET', '/orders')).body.orderList).toEqual([confirmed.body]);

    // The address of an order not shipped yet stays.
    const inUse = await call('DELETE', `${addresses}/${addressId}`);
    expect(inUse.status).toBe(400);
    expect(inUse.body.code).toBe(codes.addressInUse);

    // Nothing to list or register before it ships.
    expect((await call('GET', `/orders/${orderId}/subscribers`)).body).toEqual({ orderedSubscriberList: [] });
    expect((await call('POST', `/orders/${orderId}/subscribers/register`)).status).toBe(400);

    const group = await call('POST', '/groups', { tags: { name: 'Field sensors' } });
    const setting = await call('PUT', `/orders/${orderId}/resource_initial_setting`, {
      simInitialSettings: { 'plan-KM1': { groupId: group.body.groupId, tags: { batch: 'field-A' } } },
    });
    expect(setting.status, setting.text).toBe(200);
    expect(setting.body.resourceInitialSetting).toEqual({
      simInitialSettings: { 'plan-KM1': { groupId: group.body.groupId, tags: { batch: 'field-A' } } },
    });

    const ship = await call('POST', '/sandbox/orders/ship', { orderId, operatorId: demo.operatorId });
    expect(ship.status, ship.text).toBe(200);
    expect(ship.text).toBe('');
    const shipped = (await call('GET', `/orders/${orderId}`)).body;
    expect(shipped).toMatchObject({ orderStatus: 'shipped', shippingLabelNumber: expect.stringMatching(/^\d{4}-/) });
    expect((await call('POST', '/sandbox/orders/ship', { orderId, operatorId: demo.operatorId })).status).toBe(400);
    const cancelShipped = await call('PUT', `/orders/${orderId}/cancel`);
    expect(cancelShipped.status).toBe(400);
    expect(cancelShipped.body.code).toBe(codes.orderStatusInvalid);

    const ordered = await call('GET', `/orders/${orderId}/subscribers`);
    const list = ordered.body.orderedSubscriberList as { simId: string; imsi: string; iccid: string }[];
    expect(list).toHaveLength(2);
    expect(list.every((sim) => /^440525\d{9}$/.test(sim.imsi) && sim.iccid)).toBe(true);
    const firstPage = await call('GET', `/orders/${orderId}/subscribers?limit=1`);
    expect(firstPage.body.orderedSubscriberList).toEqual([list[0]]);
    expect(firstPage.headers.get('x-soracom-next-key')).toBe(list[0]?.simId);
    // Not in the fleet until registered.
    expect((await call('GET', '/sims')).body).toEqual([]);

    const registered = await call('POST', `/orders/${orderId}/subscribers/register`);
    expect(registered.status, registered.text).toBe(204);
    expect((await call('GET', `/orders/${orderId}`)).body.orderStatus).toBe('received');
    expect((await call('POST', `/orders/${orderId}/subscribers/register`)).status).toBe(400);

    const sims = (await call('GET', '/sims')).body as {
      simId: string;
      status: string;
      groupId: string;
      tags: Record<string, string>;
      moduleType: string;
      speedClass: string;
    }[];
    expect(sims.map((sim) => sim.simId).sort()).toEqual(list.map((sim) => sim.simId).sort());
    for (const sim of sims) {
      expect(sim).toMatchObject({
        status: 'ready',
        groupId: group.body.groupId,
        tags: { batch: 'field-A' },
        moduleType: 'nano',
        speedClass: 't1.standard',
      });
    }
    const found = await call('GET', `/query/sims?group_id=${group.body.groupId}&status=ready`);
    expect(found.body.map((sim: { simId: string }) => sim.simId).sort()).toEqual(sims.map((sim) => sim.simId).sort());
    const byTag = await call('GET', '/query/sims?tag=field-A');
    expect(byTag.body).toHaveLength(2);

    // Received: the address is free again.
    expect((await call('DELETE', `${addresses}/${addressId}`)).status).toBe(200);
    expect((await call('GET', `${addresses}/${addressId}`)).status).toBe(404);

    // The confirmed order is its own bill item of the month, on the day it was confirmed.
    const items = (await call('GET', '/bills/summaries/bill_items')).body[0];
    expect(items.yearMonth).toBe('201909');
    expect(items.costBreakdownList).toContainEqual({
      billItemName: 'orderChargeTotal',
      billItemCategory: 'SORACOM Order',
      amount: 4147,
    });
    const days = (await call('GET', '/bills/201909/daily')).body.billList as { date: string; amount: number }[];
    expect(days.find((d) => d.date === '20190917')?.amount).toBeGreaterThanOrEqual(4147);
  });
});

describe('orders and addresses refuse what they cannot do', () => {
  beforeEach(async () => {
    s = createContractSandbox({ fleet: 0 });
    root = await s.loginRoot();
  });

  it('checks each field of an address, Japanese or international', async () => {
    const refused = async (body: object, field: string) => {
      const res = await call('POST', addresses, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe(codes.addressInvalid);
      expect(res.body.message).toContain(`'${field}'`);
    };
    await refused({ ...exampleAddress, zipCode: '1000-001' }, 'zipCode');
    await refused({ ...exampleAddress, state: 'Atlantis' }, 'state');
    await refused({ ...exampleAddress, phoneNumber: 'call me' }, 'phoneNumber');
    await refused({ ...exampleAddress, phoneNumber: undefined }, 'phoneNumber');
    await refused({ ...exampleAddress, city: 'x'.repeat(101) }, 'city');
    await refused({ ...exampleAddress, fullName: '', companyName: '' }, 'fullName');
    await refused({ ...exampleAddress, countryCode: 'usa' }, 'countryCode');
    await refused({ ...exampleAddress, email: 'not-mail' }, 'email');
    expect((await call('POST', addresses, { city: 'x' })).status).toBe(400);

    // Latin prefecture and a postal code without its hyphen are written the Japanese way.
    const latin = await call('POST', addresses, { ...exampleAddress, state: 'Osaka-fu', zipCode: '5300001' });
    expect(latin.body).toMatchObject({ state: '大阪府', zipCode: '530-0001', shippingArea: 'kansai' });
    const abroad = await call('POST', addresses, {
      countryCode: 'US',
      zipCode: '94105',
      state: 'CA',
      city: 'San Francisco',
      addressLine1: '1 Market St',
      fullName: 'Sam Example',
      phoneNumber: '+1 415 000 0000',
    });
    expect(abroad.status).toBe(201);
    expect(abroad.body).toMatchObject({ countryCode: 'US', shippingArea: 'overseas' });

    // PUT replaces; an unknown address is 404.
    const id = latin.body.shippingAddressId;
    expect((await call('PUT', `${addresses}/${id}`, { ...exampleAddress, building: '' })).status).toBe(200);
    expect((await call('GET', `${addresses}/${id}`)).body).toMatchObject({ state: '東京都', building: '' });
    expect((await call('PUT', `${addresses}/nope`, exampleAddress)).status).toBe(404);
    expect((await call('PUT', `${addresses}/${id}`, { ...exampleAddress, zipCode: '' })).status).toBe(400);
    expect((await call('DELETE', `${addresses}/nope`)).status).toBe(404);
  });

  it('refuses unknown products, bad quantities, unknown addresses and steps the status does not allow', async () => {
    const addressId = await newAddress();
    const quote = (orderItemList: unknown, shippingAddressId: string = addressId) =>
      call('POST', '/orders', { orderItemList, shippingAddressId });
    const expectRefused = async (res: Promise<{ status: number; body: { code: string } }>, code: string) => {
      const r = await res;
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(code);
    };
    await expectRefused(quote([{ productCode: 'nope', quantity: 1 }]), codes.productInvalid);
    await expectRefused(quote([{ productCode: km1, quantity: 0 }]), codes.productInvalid);
    await expectRefused(quote([{ productCode: km1, quantity: 101 }]), codes.productInvalid);
    await expectRefused(quote([{ productCode: km1, quantity: 1.5 }]), codes.badRequest);
    await expectRefused(
      quote([
        { productCode: km1, quantity: 1 },
        { productCode: km1, quantity: 1 },
      ]),
      codes.productInvalid,
    );
    await expectRefused(quote([{ productCode: km1, quantity: 1 }], 'nope'), codes.addressInvalid);
    expect((await quote([])).status).toBe(400);
    const tenPacks = catalogue.filter((p) => p.count === 10).map((p) => ({ productCode: p.productCode, quantity: 50 }));
    await expectRefused(quote(tenPacks), codes.productInvalid);
    expect((await call('POST', '/orders', { orderItemList: [{ productCode: km1, quantity: 1 }] })).status).toBe(400);

    // Cancel: a confirmed order before shipping; then nothing more.
    const order = await confirmedOrder([{ productCode: km1, quantity: 1 }], addressId);
    const cancelled = await call('PUT', `/orders/${order.orderId}/cancel`);
    expect(cancelled.status).toBe(204);
    expect((await call('GET', `/orders/${order.orderId}`)).body).toMatchObject({
      orderStatus: 'cancelled',
      paymentStatus: 'cancelled',
    });
    await expectRefused(call('PUT', `/orders/${order.orderId}/cancel`), codes.orderStatusInvalid);
    await expectRefused(call('PUT', `/orders/${order.orderId}/confirm`), codes.orderStatusInvalid);
    await expectRefused(
      call('POST', '/sandbox/orders/ship', { orderId: order.orderId, operatorId: demo.operatorId }),
      codes.orderStatusInvalid,
    );
    const items = (await call('GET', '/bills/summaries/bill_items')).body[0].costBreakdownList;
    expect(items.find((i: { billItemName: string }) => i.billItemName === 'orderChargeTotal')).toBeUndefined();

    // A quotation is not shipped; unknown orders are 404; a quotation expires.
    const quotation = await quote([{ productCode: km1, quantity: 1 }]);
    await expectRefused(
      call('POST', '/sandbox/orders/ship', { orderId: quotation.body.orderId, operatorId: demo.operatorId }),
      codes.orderStatusInvalid,
    );
    const initial = await call('PUT', `/orders/${quotation.body.orderId}/resource_initial_setting`, {
      simInitialSettings: { plan01s: {} },
    });
    expect(initial.status).toBe(400);
    const badSpeed = await call('PUT', `/orders/${quotation.body.orderId}/resource_initial_setting`, {
      simInitialSettings: { 'plan-KM1': { speedClass: 's1.fast' } },
    });
    expect(badSpeed.body.code).toBe(codes.speedClassNotOffered);
    const badGroup = await call('PUT', `/orders/${quotation.body.orderId}/resource_initial_setting`, {
      simInitialSettings: { 'plan-KM1': { groupId: 'nope' } },
    });
    expect(badGroup.status).toBe(400);
    for (const path of ['', '/confirm', '/cancel', '/subscribers']) {
      const method = path === '' || path === '/subscribers' ? 'GET' : 'PUT';
      expect((await call(method, `/orders/nope${path}`)).status).toBe(404);
    }
    s.clock.advance(31 * 86_400_000);
    root = await s.loginRoot();
    await expectRefused(call('PUT', `/orders/${quotation.body.orderId}/confirm`), codes.orderStatusInvalid);
  });

  it('keeps each operator to its own orders and addresses', async () => {
    const order = await confirmedOrder([{ productCode: km1, quantity: 1 }]);
    const other = await s.newOperator();
    expect((await call('GET', `/orders/${order.orderId}`, undefined, other)).status).toBe(404);
    expect((await call('GET', '/orders', undefined, other)).body).toEqual({ orderList: [] });
    expect((await call('GET', addresses, undefined, other)).status).toBe(403);
    const ship = await call(
      'POST',
      '/sandbox/orders/ship',
      { orderId: order.orderId, operatorId: demo.operatorId },
      other,
    );
    expect(ship.status).toBe(400);
    const own = await call(
      'POST',
      '/sandbox/orders/ship',
      { orderId: order.orderId, operatorId: other.operatorId },
      other,
    );
    expect(own.status).toBe(400);
  });

  it('lets a SAM user do only what their permission allows', async () => {
    const addressId = await newAddress();
    let user = await samLogin(s);
    expect((await call('GET', addresses, undefined, user)).status).toBe(403);
    expect((await call('GET', '/orders', undefined, user)).status).toBe(403);
    await grant(s, root, demo.userName, {
      effect: 'allow',
      api: ['Order:list*', 'Order:get*', 'ShippingAddress:list*'],
    });
    user = await samLogin(s);
    expect((await call('GET', addresses, undefined, user)).status).toBe(200);
    expect((await call('GET', '/products', undefined, user)).status).toBe(200);
    expect((await call('GET', '/orders', undefined, user)).status).toBe(200);
    const quote = await call(
      'POST',
      '/orders',
      { orderItemList: [{ productCode: km1, quantity: 1 }], shippingAddressId: addressId },
      user,
    );
    expect(quote.status).toBe(403);
    expect((await call('POST', addresses, exampleAddress, user)).status).toBe(403);
  });
});

describe('order totals (property)', () => {
  const area = fc.constantFrom('東京都', '北海道', '沖縄県', '大阪府', 'Fukuoka', 'US');
  const basket = fc.uniqueArray(
    fc.record({ product: fc.constantFrom(...catalogue), quantity: fc.integer({ min: 1, max: 20 }) }),
    { minLength: 1, maxLength: 6, selector: (i) => i.product.productCode },
  );

  it('are the items plus shipping plus tax, and the bill charges the confirmed ones', async () => {
    await fc.assert(
      fc.asyncProperty(area, basket, fc.boolean(), async (state, items, cancel) => {
        s = createContractSandbox({ fleet: 0, now: Date.UTC(2026, 2, 10, 3) });
        root = await s.loginRoot();
        const address =
          state === 'US'
            ? { ...exampleAddress, countryCode: 'US', state: 'CA', zipCode: '94105' }
            : { ...exampleAddress, state };
        const addressId = await newAddress(address);
        const res = await call('POST', '/orders', {
          orderItemList: items.map((i) => ({ productCode: i.product.productCode, quantity: i.quantity })),
          shippingAddressId: addressId,
        });
        expect(res.status, res.text).toBe(201);
        const o = res.body;
        const lines = o.orderItemList as { product: { price: number }; quantity: number; productAmount: number }[];
        for (const line of lines) expect(line.productAmount).toBe(line.product.price * line.quantity);
        const products = lines.reduce((n, l) => n + l.productAmount, 0);
        expect(o.taxAmount).toBe(Math.floor(products / 10));
        expect(o.totalAmount).toBe(products + o.shippingCost + o.taxAmount);
        const base = state === 'US' ? shippingCosts.byArea.overseas : undefined;
        if (base !== undefined) expect(o.shippingCost).toBeGreaterThanOrEqual(base);
        expect(o.shippingCost).toBeGreaterThan(0);

        expect((await call('PUT', `/orders/${o.orderId}/confirm`)).status).toBe(200);
        if (cancel) expect((await call('PUT', `/orders/${o.orderId}/cancel`)).status).toBe(204);
        const bill = await call('GET', '/bills/202603');
        expect(bill.body.amount).toBe(cancel ? 0 : o.totalAmount);
        const days = (await call('GET', '/bills/202603/daily')).body.billList as { amount: number }[];
        expect(days.reduce((n, d) => n + d.amount, 0)).toBe(bill.body.amount);
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
