/**
 * Byte counts for people. Decimal (SI) units throughout: 1 kB = 1,000 bytes, 1 MB = 1,000,000 bytes, as SORACOM
 * counts data for Air usage and billing; the chart axes' 1-2-5 ticks then come out as round figures (2 MB, 500 kB).
 */
import { unknownValue } from './format';

const units = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

/** Number formats are costly to make (on a phone, milliseconds each): one per locale and unit, kept. */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, unit: string | undefined): Intl.NumberFormat {
  const key = `${locale}/${unit ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = unit
      ? new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumSignificantDigits: 3 })
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    formats.set(key, format);
  }
  return format;
}

/** "0 B", "999 B", "1.5 kB", "12.3 MB", "123 GB": three significant digits at most, in the locale's digits. */
export function formatBytes(n: number | null | undefined, locale: string): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return unknownValue;
  const sign = n < 0 ? '-' : '';
  let value = Math.abs(n);
  if (value < 1000) return `${sign}${numberFormat(locale, undefined).format(value)} B`;
  let unit = 0;
  value /= 1000;
  // Rounding to three digits can carry into the next unit (999,950 bytes is 1 MB, not 1,000 kB).
  while (unit < units.length - 1 && Number(value.toPrecision(3)) >= 1000) {
    value /= 1000;
    unit++;
  }
  return `${sign}${numberFormat(locale, units[unit]).format(value)}`;
}

/** The exact count, for totals: "1,234,567 bytes". */
export function formatByteCount(n: number | null | undefined, locale: string): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return unknownValue;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(n);
}
