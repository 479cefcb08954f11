/** Bills, their summaries and exports; payments: statements, coupons, payment method, payer information. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { ApiError } from '../errors';
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
export type FileExport = Schemas['FileExportResponse'];
export type ExportedFile = Schemas['GetExportedFileResponse'];

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

export const paymentActions = {
  /** Registers a coupon code; SORACOM refuses unknown, expired or already used codes with 400. */
  async registerCoupon(couponCode: string): Promise<Coupon> {
    const { data } = await api.POST('/coupons/{coupon_code}/register', {
      params: { path: { coupon_code: couponCode } },
    });
    return data ?? {};
  },
  async savePayer(payer: PayerInformation): Promise<void> {
    await api.POST('/payment_statements/payer_information', { body: payer });
  },
};

export type ExportMode = 'sync' | 'async';
export type ExportTarget =
  | { kind: 'month'; yyyyMM: string }
  | { kind: 'latest' }
  | { kind: 'paymentStatement'; id: string };

/** Asks SORACOM to export a CSV: in sync mode the answer has its URL; in async mode an ID to wait on. */
export async function requestExport(target: ExportTarget, mode: ExportMode, signal?: AbortSignal) {
  const query = { export_mode: mode };
  let answer: { data?: FileExport };
  if (target.kind === 'month') {
    answer = await api.POST('/bills/{yyyyMM}/export', {
      params: { path: { yyyyMM: target.yyyyMM }, query },
      signal,
    });
  } else if (target.kind === 'latest') {
    answer = await api.POST('/bills/latest/export', { params: { query }, signal });
  } else {
    answer = await api.POST('/payment_statements/{payment_statement_id}/export', {
      params: { path: { payment_statement_id: target.id }, query },
      signal,
    });
  }
  return answer.data ?? {};
}

export class ExportFailedError extends Error {
  override readonly name = 'ExportFailedError';
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** 0.5 s, 0.8 s, 1.3 s… up to 5 s between two looks at an export that is not ready yet. */
export const exportBackoff = (attempt: number) => Math.min(Math.round(500 * 1.6 ** attempt), 5_000);

export interface WaitOptions {
  signal?: AbortSignal;
  /** Gives up after this long (SORACOM prepares large files in minutes, not hours). */
  timeoutMs?: number;
  /** Called before each look, with the number of looks so far. */
  onAttempt?: (attempt: number) => void;
  getFile?: (id: string, signal?: AbortSignal) => Promise<ExportedFile>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

const getExportedFile = async (id: string, signal?: AbortSignal): Promise<ExportedFile> => {
  const { data } = await api.GET('/files/exported/{exported_file_id}', {
    params: { path: { exported_file_id: id } },
    signal,
  });
  return data ?? {};
};

/** Looks at an async export (`GET /files/exported/{id}`) with growing pauses until it has a URL. */
export async function waitForExportedFile(id: string, options: WaitOptions = {}): Promise<string> {
  const { signal, timeoutMs = 300_000, onAttempt, getFile = getExportedFile, sleep = abortableSleep } = options;
  const now = options.now ?? Date.now;
  const deadline = now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    onAttempt?.(attempt);
    const file = await getFile(id, signal);
    if (file.status === 'failed') throw new ExportFailedError('the export failed');
    if (file.url && (file.status === 'exported' || file.status === undefined)) return file.url;
    const pause = exportBackoff(attempt);
    if (now() + pause > deadline) throw new ExportFailedError('the export took too long');
    await sleep(pause, signal);
  }
}

/** Exports a CSV and returns its download URL, waiting for it in async mode. */
export async function exportCsv(
  target: ExportTarget,
  mode: ExportMode,
  options: WaitOptions & { request?: typeof requestExport } = {},
): Promise<string> {
  const answer = await (options.request ?? requestExport)(target, mode, options.signal);
  if (answer.url) return answer.url;
  if (answer.exportedFileId) return waitForExportedFile(answer.exportedFileId, options);
  throw new ExportFailedError('the answer has neither a URL nor an export ID');
}
