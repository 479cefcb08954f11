/**
 * Money, months and days as the billing dashboards show them: amounts in their currency's minor units (JPY has
 * none, USD and EUR two), in the UI language; months (`yyyyMM`) and days (`yyyyMMdd`) in the operator's locale;
 * times with their time zone named.
 */

import { dateFormat, isKnownTime, unknownValue } from './format';

export type Currency = 'JPY' | 'USD' | 'EUR';

/** Digits after the decimal point for a currency (the API's currencies; anything else gets two). */
export const minorDigits = (currency: string | undefined): number => (currency === 'JPY' ? 0 : 2);

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** A currency Intl can name: three letters (an unknown code such as `XYZ` is fine, `string` throws). */
const currencyCode = /^[A-Z]{3}$/i;

/**
 * `¥13,203`, `$12.50`, `€1,234.00` (in Japanese: `￥13,203`, `$12.50`, `€1,234.00`); a currency that is not a code is
 * written after the figure as it is, and an amount that is not a number is unknown.
 */
export function formatMoney(amount: number | undefined | null, currency: string | undefined, locale: string): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return unknownValue;
  if (!currency) return new Intl.NumberFormat(locale).format(amount);
  if (!currencyCode.test(currency)) return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
  const key = `${locale}/${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = minorDigits(currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/** A difference with its sign always shown: `+¥1,200`, `-$3.10` (no sign when it rounds to zero). */
export function formatMoneyChange(amount: number, currency: string | undefined, locale: string): string {
  if (!Number.isFinite(amount)) return unknownValue;
  const rounded = roundMoney(amount, currency);
  const text = formatMoney(Math.abs(rounded), currency, locale);
  if (rounded === 0) return text;
  return `${rounded > 0 ? '+' : '-'}${text}`;
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** `+12.5%`, `−3.0%`; empty when there is nothing to compare with. */
export function formatPercentChange(ratio: number | null, locale: string): string {
  if (ratio === null || !Number.isFinite(ratio)) return '';
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    percentFormats.set(locale, format);
  }
  return format.format(ratio);
}

/** Rounds to the currency's minor unit, so sums of floating-point amounts compare equal to the bill. */
export function roundMoney(amount: number, currency: string | undefined): number {
  const scale = 10 ** minorDigits(currency);
  return Math.round(amount * scale) / scale;
}

/** The sum of amounts, rounded to the currency's minor unit. */
export function sumMoney(amounts: readonly (number | undefined)[], currency: string | undefined): number {
  const scale = 10 ** minorDigits(currency);
  return Math.round(amounts.reduce<number>((sum, a) => sum + Math.round((a ?? 0) * scale), 0)) / scale;
}

/** This month compared with another: the difference and its share of the other (null when that is zero). */
export function compareAmounts(current: number, previous: number): { difference: number; ratio: number | null } {
  return { difference: current - previous, ratio: previous === 0 ? null : (current - previous) / previous };
}

const yearMonthPattern = /^(\d{4})(0[1-9]|1[0-2])$/;
const dayPattern = /^(\d{4})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

export const isYearMonth = (value: string | undefined): value is string => !!value && yearMonthPattern.test(value);

/** `yyyyMM` of a moment, in UTC (SORACOM's billing months). */
export function yearMonthOf(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month before `yyyyMM`. */
export function previousYearMonth(yyyyMM: string): string {
  const match = yearMonthPattern.exec(yyyyMM);
  if (!match) throw new Error(`not a yyyyMM month: ${yyyyMM}`);
  return yearMonthOf(Date.UTC(Number(match[1]), Number(match[2]) - 2, 1));
}

function yearMonthDate(yyyyMM: string | undefined): number | null {
  const match = yyyyMM ? yearMonthPattern.exec(yyyyMM) : null;
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, 1) : null;
}

/** `November 2026` / `2026年11月`; the input as it is when it is not a month. */
export function formatYearMonth(yyyyMM: string | undefined, locale: string, month: 'long' | 'short' = 'long'): string {
  const date = yearMonthDate(yyyyMM);
  if (date === null) return yyyyMM ?? '';
  return dateFormat(locale, { year: 'numeric', month, timeZone: 'UTC' }).format(date);
}

/** `Nov 21` / `11月21日` for a `yyyyMMdd` day; the input as it is when it is not a day. */
export function formatDay(yyyyMMdd: string | undefined, locale: string, withWeekday = false): string {
  const match = yyyyMMdd ? dayPattern.exec(yyyyMMdd) : null;
  if (!match) return yyyyMMdd ?? '';
  const date = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateFormat(locale, {
    month: 'short',
    day: 'numeric',
    weekday: withWeekday ? 'short' : undefined,
    timeZone: 'UTC',
  }).format(date);
}

/**
 * The bill's calculation time (`lastEvaluatedTime`, `yyyyMMddHHmmss`) as a moment. SORACOM does not say which zone
 * it is written in; it is read as UTC, like the API's other times.
 */
export function parseEvaluatedTime(value: string | undefined): number | null {
  const match = value ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
}

/** `Nov 21, 2026, 2:05 PM GMT+9` / `2026年11月21日 14:05 JST`: a moment with its time zone named. */
export function formatZonedDateTime(ms: number | null | undefined, locale: string, timeZone?: string): string {
  if (!isKnownTime(ms)) return unknownValue;
  return dateFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(ms);
}

const prepared = new Set<string>();

/**
 * Makes the formatters a dashboard shows its figures with (months, a moment, yen, dollars, a change in %), one per
 * task, while the screen waits for its data. Each costs milliseconds on a phone (the first of a language more), and
 * made on first use they would all fall into the one task that renders the figures, a long task that holds up input
 * (Lighthouse's Total Blocking Time). Once per locale; the formatters are kept (see `dateFormat`).
 */
export function prepareFormats(locale: string, schedule: (run: () => void) => void = (run) => setTimeout(run, 0)) {
  if (prepared.has(locale)) return;
  prepared.add(locale);
  const steps = [
    () => formatYearMonth('202601', locale),
    () => formatYearMonth('202601', locale, 'short'),
    () => formatZonedDateTime(Date.UTC(2026, 0, 1), locale),
    () => formatMoney(0, 'JPY', locale),
    () => formatMoney(0, 'USD', locale),
    () => formatPercentChange(0, locale),
  ];
  const next = () => {
    steps.shift()?.();
    if (steps.length > 0) schedule(next);
  };
  schedule(next);
}
