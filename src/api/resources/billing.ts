/**
 * Bills and their summaries; payments: statements, coupons, payment method, payer information. Their CSV exports are
 * in `exports.ts`.
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { ApiError } from '../errors';
import { refetchAfterChange } from '../queryClient';
import type { components } from '../schema';

type Schemas = components['schemas'];
export type MonthlyBill = Schemas['MonthlyBill'];
export type LatestBill = Schemas['GetLatestBill'];
export type DailyBill = Schemas['DailyBill'];
export type BillItemSummary = Schemas['BillingSummaryResponseOfBillItems'];
export type SimSummary = Schemas['BillingSummaryResponseOfSims'];
export type Coupon = Schemas['CouponResponse'];
export type PaymentStatement = Schemas['PaymentStatementResponse'];
export type PaymentMethod = Schemas['GetPaymentMethodResult'];
export type PayerInformation = Schemas['RegisterPayerInformationModel'];

/** An answer the API gives when the thing asked for does not exist yet, as `null` rather than an error. */
async function orNull<T>(call: Promise<T>, statuses: number[]): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && statuses.includes(error.status)) return null;
    throw error;
  }
}

export const billingQueries = {
  all: () => ['billing'] as const,
  /** Monthly bills, newest first (the API's order is not promised). */
  history: () =>
    queryOptions({
      queryKey: [...billingQueries.all(), 'history'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/bills', { signal });
        return [...(data?.billList ?? [])].sort((a, b) => (b.yearMonth ?? '').localeCompare(a.yearMonth ?? ''));
      },
    }),
  /** This month so far (the preliminary bill). */
  latest: () =>
    queryOptions({
      queryKey: [...billingQueries.all(), 'latest'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/bills/latest', { signal });
        return data ?? {};
      },
    }),
  month: (yyyyMM: string) =>
    queryOptions({
      queryKey: [...billingQueries.all(), 'month', yyyyMM],
      queryFn: async ({ signal }) =>
        orNull(
          api.GET('/bills/{yyyyMM}', { params: { path: { yyyyMM } }, signal }).then(({ data }) => data ?? {}),
          [404],
        ),
    }),
  /** The month's days, in date order. */
  daily: (yyyyMM: string) =>
    queryOptions({
      queryKey: [...billingQueries.all(), 'daily', yyyyMM],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/bills/{yyyyMM}/daily', { params: { path: { yyyyMM } }, signal });
        return [...(data?.billList ?? [])].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
      },
    }),
  /** Cost by bill item for the recent months, oldest month first. */
  billItems: () =>
    queryOptions({
      queryKey: [...billingQueries.all(), 'summaries', 'billItems'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/bills/summaries/bill_items', { signal });
        return [...(data ?? [])].sort((a, b) => (a.yearMonth ?? '').localeCompare(b.yearMonth ?? ''));
      },
    }),
  /** Cost per SIM for the recent months. */
  sims: () =>
    queryOptions({
      queryKey: [...billingQueries.all(), 'summaries', 'sims'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/bills/summaries/sims', { signal });
        return data ?? [];
      },
    }),
};

export const paymentQueries = {
  all: () => ['payments'] as const,
  statements: () =>
    queryOptions({
      queryKey: [...paymentQueries.all(), 'statements'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/payment_statements', { signal });
        return [...(data?.paymentStatementsList ?? [])].sort(
          (a, b) => (b.paymentDateTime ?? 0) - (a.paymentDateTime ?? 0),
        );
      },
    }),
  coupons: () =>
    queryOptions({
      queryKey: [...paymentQueries.all(), 'coupons'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/coupons', { signal });
        return data?.couponList ?? [];
      },
    }),
  /** The current payment method, or null when none is registered (404). */
  method: () =>
    queryOptions({
      queryKey: [...paymentQueries.all(), 'method'],
      queryFn: async ({ signal }) =>
        orNull(
          api.GET('/payment_methods/current', { signal }).then(({ data }) => data ?? {}),
          [404],
        ),
    }),
  /** The payer information, or null when none is registered (SORACOM answers 400 then). */
  payer: () =>
    queryOptions({
      queryKey: [...paymentQueries.all(), 'payer'],
      queryFn: async ({ signal }) =>
        orNull(
          api.GET('/payment_statements/payer_information', { signal }).then(({ data }) => data ?? {}),
          [400, 404],
        ),
    }),
};

export const paymentChanges = {
  /** Registers a coupon code; SORACOM refuses unknown, expired or already used codes with 400. */
  registerCoupon: () =>
    mutationOptions({
      mutationFn: async (couponCode: string): Promise<Coupon> => {
        const { data } = await api.POST('/coupons/{coupon_code}/register', {
          params: { path: { coupon_code: couponCode } },
        });
        return data ?? {};
      },
      onSuccess: (_coupon, _code, _result, { client }) => refetchAfterChange(client, paymentQueries.coupons().queryKey),
    }),
  savePayer: () =>
    mutationOptions({
      mutationFn: async (payer: PayerInformation) => {
        await api.POST('/payment_statements/payer_information', { body: payer });
      },
      onSuccess: (_data, _payer, _result, { client }) => refetchAfterChange(client, paymentQueries.payer().queryKey),
    }),
};
