/** What the billing and payments journeys share: an API client, the page's formats, tables, CSVs and downloads. */
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Download, Page } from '@playwright/test';
import { parseCsv } from '../src/lib/csv';
import { type AuthResult, api, apiSignIn, authHeaders, demo, expect, signIn } from './fixtures';

export interface MonthlyBill {
  yearMonth: string;
  amount: number;
  currency: string;
  state: string;
  paymentStatus?: string;
  appliedCouponAmount?: number;
}
export interface Summary<T> {
  yearMonth: string;
  currency: string;
  costBreakdownList: T[];
}

export async function client(request: APIRequestContext, auth?: AuthResult) {
  const signedIn = auth ?? (await apiSignIn(request, { email: demo.email, password: demo.password }));
  const headers = authHeaders(signedIn);
  return {
    async get<T>(path: string): Promise<T> {
      const response = await request.get(api(path), { headers });
      expect(response.status(), `GET ${path}`).toBe(200);
      return (await response.json()) as T;
    },
    async post<T>(path: string, data?: unknown): Promise<T> {
      const response = await request.post(api(path), { headers, data });
      expect(response.status(), `POST ${path}`).toBe(200);
      return (await response.json()) as T;
    },
  };
}

// The page is in en-US and Asia/Tokyo (playwright.config.ts); the expected text is made the same way here.
export const money = (amount: number, currency: string) => {
  const digits = currency === 'JPY' ? 0 : 2;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
};
export const monthName = (yyyyMM: string, month: 'long' | 'short' = 'long') =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month, timeZone: 'UTC' }).format(
    Date.UTC(Number(yyyyMM.slice(0, 4)), Number(yyyyMM.slice(4)) - 1, 1),
  );
export const dayName = (yyyyMMdd: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(
    Date.UTC(Number(yyyyMMdd.slice(0, 4)), Number(yyyyMMdd.slice(4, 6)) - 1, Number(yyyyMMdd.slice(6))),
  );

/** The rows of a table as arrays of cell texts (header cells of a row included). */
export async function rows(page: Page, tableName: string, part: 'tbody' | 'tfoot' = 'tbody'): Promise<string[][]> {
  const table = page.getByRole('table', { name: tableName, exact: true });
  await expect(table.locator(`${part} tr`).first()).toBeVisible();
  return table
    .locator(`${part} tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
}

/** Sum of the `amount` column of a CSV (RFC 4180, quoted fields allowed), in minor units. */
export function csvTotal(text: string, digits: number): number {
  const [header, ...body] = parseCsv(text).filter((cells) => cells.some((cell) => cell !== ''));
  const column = header?.indexOf('amount') ?? -1;
  expect(column, 'an amount column in the CSV').toBeGreaterThanOrEqual(0);
  expect(body.length, 'CSV lines').toBeGreaterThan(0);
  return body.reduce((sum, cells) => sum + Math.round(Number(cells[column]) * 10 ** digits), 0);
}

export async function downloaded(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

export async function openBilling(page: Page, email = demo.email, password = demo.password) {
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { name: 'Billing', level: 2 })).toBeVisible();
}
