/**
 * Exports (sync, async, the download route and its expiry), coupons, the payment method and payer information.
 * Every response goes through the contract check of the description.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../app';
import { type ContractSandbox, createContractSandbox } from '../../../test/contract';
import { exportedFiles } from '../../guesses';
import { demoCoupons } from '../../seed';
import { couponCodes } from './coupons';

const start = Date.UTC(2026, 0, 10, 9);

const appOf = (s: ContractSandbox): Hono =>
  createApp({
    endpoints: [{ id: 'local', upstream: null }],
    sandbox: s.sandbox,
    distDir: '/nonexistent',
    upstreamTimeoutMs: 1_000,
  });

/** Async exports are written right after the call answers (on the event loop's next turn). */
const afterMoment = () => new Promise((resolve) => setImmediate(resolve));

describe('exports', () => {
  it('sync answers a same-origin URL serving the CSV as an attachment', async () => {
    const s = createContractSandbox({ fleet: 10, now: start });
    const root = await s.loginRoot();
    const res = await s.call('POST', '/bills/latest/export?export_mode=sync', { auth: root });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['url']);
    const file = await appOf(s).request(res.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="OP0000000001-billing-202601.csv"');
    const text = await file.text();
    expect(text.split('\r\n')[0]).toBe(
      'yearMonth,simId,imsi,subscription,billItemName,billItemCategory,quantity,unit,amount,currency',
    );
    // The default mode is sync as well.
    expect(Object.keys((await s.call('POST', '/bills/202512/export', { auth: root })).body)).toEqual(['url']);
    // A token nobody was given, and an expired one, are 404.
    expect((await appOf(s).request('/api/local/downloads/not-a-real-token')).status).toBe(404);
    s.clock.advance(exportedFiles.validMs + 1);
    expect((await appOf(s).request(res.body.url)).status).toBe(404);
  });

  it('async answers an ID that becomes ready after a moment, for every export', async () => {
    const s = createContractSandbox({ fleet: 10, now: start });
    const root = await s.loginRoot();
    const range = { from: Date.UTC(2025, 11, 1) / 1000, to: start / 1000, period: 'day' };
    const exports = [
      ['/bills/202512/export', undefined],
      ['/bills/latest/export', undefined],
      [`/stats/air/operators/${root.operatorId}/export`, range],
      [`/stats/beam/operators/${root.operatorId}/export`, range],
      ['/payment_statements/PS-202512/export', undefined],
    ] as const;
    for (const [path, body] of exports) {
      const res = await s.call('POST', `${path}?export_mode=async`, { auth: root, body });
      expect(res.status, path).toBe(200);
      expect(res.body.url).toBeUndefined();
      expect(res.body.exportedFilePath).toMatch(/\.csv$/);
      const id = res.body.exportedFileId as string;
      const pending = await s.call('GET', `/files/exported/${id}`, { auth: root });
      expect(pending.body).toEqual({ status: 'processing' });
      s.clock.advance(exportedFiles.asyncDelayMs);
      await afterMoment();
      const ready = await s.call('GET', `/files/exported/${id}`, { auth: root });
      expect(ready.body.status).toBe('exported');
      const file = await appOf(s).request(ready.body.url);
      expect(file.status).toBe(200);
      expect((await file.text()).length).toBeGreaterThan(20);
    }
    const other = await s.newOperator();
    const mine = await s.call('POST', '/bills/latest/export?export_mode=async', { auth: root });
    expect((await s.call('GET', `/files/exported/${mine.body.exportedFileId}`, { auth: other })).status).toBe(404);
  });

  it('the usage CSVs hold what the stats answer', async () => {
    const s = createContractSandbox({ fleet: 10, now: start });
    const root = await s.loginRoot();
    const from = Date.UTC(2025, 11, 1) / 1000;
    const to = start / 1000;
    const res = await s.call('POST', `/stats/air/operators/${root.operatorId}/export`, {
      auth: root,
      body: { from, to, period: 'month' },
    });
    const text = await (await appOf(s).request(res.body.url)).text();
    const [header, ...rows] = text.trim().split('\r\n');
    const columns = (header ?? '').split(',');
    const up = columns.indexOf('uploadByteSizeTotal');
    const stats = await s.call('GET', `/stats/air/operators/${root.operatorId}?from=${from}&to=${to}&period=month`, {
      auth: root,
    });
    const total = stats.body.reduce((n: number, b: { uploadByteSizeTotal: number }) => n + b.uploadByteSizeTotal, 0);
    expect(total).toBeGreaterThan(0);
    expect(rows.reduce((n, r) => n + Number(r.split(',')[up]), 0)).toBe(total);
  });

  it('refuses bad input with 400 {code, message}', async () => {
    const s = createContractSandbox({ fleet: 2, now: start });
    const root = await s.loginRoot();
    const air = `/stats/air/operators/${root.operatorId}/export`;
    for (const body of [
      {},
      { from: 10, to: 5, period: 'day' },
      { from: 1, to: 5 },
      { from: 1, to: 5, period: 'year' },
    ]) {
      const res = await s.call('POST', air, { auth: root, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof res.body.message).toBe('string');
    }
    expect((await s.call('POST', '/bills/latest/export?export_mode=later', { auth: root })).status).toBe(400);
    expect((await s.call('POST', '/payment_statements/PS-209901/export', { auth: root })).status).toBe(404);
    expect((await s.call('GET', '/files/exported/nope', { auth: root })).status).toBe(404);
  });
});

describe('coupons', () => {
  it('registers the demo code once; unknown and made codes as the Sandbox API says', async () => {
    const s = createContractSandbox({ fleet: 2, now: start });
    const root = await s.loginRoot();
    const ok = await s.call('POST', `/coupons/${demoCoupons.unregistered}/register`, { auth: root });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ couponCode: demoCoupons.unregistered, amount: 1000, balance: 1000 });
    const again = await s.call('POST', `/coupons/${demoCoupons.unregistered}/register`, { auth: root });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(couponCodes.registered);
    const unknown = await s.call('POST', '/coupons/NO-SUCH-CODE/register', { auth: root });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe(couponCodes.unknown);

    const other = await s.newOperator();
    const made = await s.call('POST', '/sandbox/coupons/create', {
      auth: other,
      body: { amount: 500, applicableBillItemName: 'dailyChargeTotal', expiryYearMonth: '202603' },
    });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ amount: 500, balance: 500, billItemName: 'dailyChargeTotal' });
    expect((await s.call('POST', `/coupons/${made.body.couponCode}/register`, { auth: other })).status).toBe(200);
    const listed = await s.call('GET', '/coupons', { auth: other });
    expect(listed.body.couponList.map((c: { couponCode: string }) => c.couponCode)).toEqual([made.body.couponCode]);
    expect((await s.call('GET', '/coupons', { auth: root })).body.couponList).toHaveLength(2);

    for (const body of [
      { amount: 0 },
      { amount: 1.5 },
      { amount: 100, expiryYearMonth: '202512' },
      { amount: 100, expiryYearMonth: '2026-05' },
      { amount: 100, applicableBillItemName: 'somethingElse' },
    ]) {
      const res = await s.call('POST', '/sandbox/coupons/create', { auth: root, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // An expired code cannot be registered.
    const soon = await s.call('POST', '/sandbox/coupons/create', {
      auth: root,
      body: { amount: 100, expiryYearMonth: '202601' },
    });
    s.clock.advance(40 * 86_400_000);
    const late = await s.newOperator();
    const expired = await s.call('POST', `/coupons/${soon.body.couponCode}/register`, { auth: late });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe(couponCodes.expired);
  });
});

describe('payments', () => {
  it('the demo card is fake and described in properties; a new operator has none', async () => {
    const s = createContractSandbox({ fleet: 2, now: start });
    const root = await s.loginRoot();
    const method = await s.call('GET', '/payment_methods/current', { auth: root });
    expect(method.status).toBe(200);
    expect(method.body.providerType).toBe('WebPay');
    expect(JSON.parse(method.body.properties)).toMatchObject({ last4: '0000', expiryYear: 2099 });
    const other = await s.newOperator();
    expect((await s.call('GET', '/payment_methods/current', { auth: other })).status).toBe(404);
    expect((await s.call('GET', '/payment_statements', { auth: other })).body).toEqual({ paymentStatementsList: [] });
  });

  it('payer information round trip, validated', async () => {
    const s = createContractSandbox({ fleet: 0, now: start });
    const op = await s.newOperator();
    expect((await s.call('GET', '/payment_statements/payer_information', { auth: op })).body).toEqual({});
    const info = { companyName: 'Example KK', department: 'IoT', fullName: 'Taro Example' };
    const saved = await s.call('POST', '/payment_statements/payer_information', { auth: op, body: info });
    expect(saved.status).toBe(201);
    expect((await s.call('GET', '/payment_statements/payer_information', { auth: op })).body).toEqual(info);
    for (const body of [
      {},
      { department: 'only' },
      { fullName: '  ' },
      { fullName: 'x'.repeat(201) },
      { fullName: 3 },
    ]) {
      const res = await s.call('POST', '/payment_statements/payer_information', { auth: op, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await s.call('GET', '/payment_statements/payer_information', { auth: op })).body).toEqual(info);
    const other = await s.newOperator();
    expect((await s.call('GET', '/payment_statements/payer_information', { auth: other })).body).toEqual({});
  });
});

describe('bad input to the billing and usage operations (property)', () => {
  it('is a 4xx with {code, message}, never a 500', async () => {
    const s = createContractSandbox({ fleet: 3, now: start });
    const root = await s.loginRoot();
    const sim = s.db.prepare('SELECT imsi FROM sims LIMIT 1').get() as { imsi: string };
    const segment = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('202601', '202512', '0', '-1', 'latest'));
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer().map(String),
      fc.constantFrom('1e400', 'NaN', '1000000000000000', 'month', 'day', 'async'),
    );
    const time = fc.constantFrom('0', '1767225600', '1768435200', '1000000000000000', '253402300799');
    const call = fc.record({
      op: fc.constantFrom(
        ['GET', (p: string) => `/bills/${p}`],
        ['GET', (p: string) => `/bills/${p}/daily`],
        ['POST', (p: string) => `/bills/${p}/export`],
        ['GET', (p: string) => `/files/exported/${p}`],
        ['POST', (p: string) => `/coupons/${p}/register`],
        ['POST', (p: string) => `/payment_statements/${p}/export`],
        ['POST', () => '/payment_statements/payer_information'],
        ['POST', () => '/sandbox/coupons/create'],
        ['GET', (p: string) => `/stats/air/groups/${p}`],
        ['GET', () => `/stats/air/operators/${root.operatorId}`],
        ['POST', () => `/stats/air/operators/${root.operatorId}/export`],
        ['POST', () => `/stats/beam/operators/${root.operatorId}/export`],
        ['GET', () => `/stats/air/subscribers/${sim.imsi}`],
        ['GET', () => `/stats/beam/subscribers/${sim.imsi}`],
        ['POST', () => `/sandbox/stats/beam/subscribers/${sim.imsi}`],
      ),
      path: segment,
      query: fc.record(
        {
          from: fc.oneof(time, value),
          to: fc.oneof(time, value),
          period: fc.oneof(fc.constantFrom('month', 'day', 'minutes'), value),
          export_mode: fc.oneof(fc.constantFrom('sync', 'async'), value),
        },
        { requiredKeys: ['from', 'to', 'period'] },
      ),
      body: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(call, async ({ op, path: p, query, body }) => {
        const [method, path] = op as readonly [string, (p: string) => string];
        const search = new URLSearchParams(query as Record<string, string>).toString();
        const res = await s.call(method, `${path(encodeURIComponent(p))}${search ? `?${search}` : ''}`, {
          auth: root,
          body: method === 'GET' ? undefined : body,
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    expect(s.logs.filter((l) => l.includes('internal error'))).toEqual([]);
  }, 60_000);
});
