/**
 * Intl formatters are costly to create (a table shows thousands of dates, a dashboard hundreds): one per locale and
 * options, made on first use and kept.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}/${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format;
}

/** What a formatter shows for a value it does not know: missing, null, zero, out of range or not a number. */
export const unknownValue = '—';

/** The latest moment a Date (and so Intl) can hold; past it `format` throws "Invalid time value". */
const lastMoment = 8.64e15;

/**
 * A moment the console can show: a number of milliseconds after the epoch and within a Date's range. The epoch itself
 * counts as unknown: the API's times are all later, and an answer that says 0 (or -(2^53 - 1), as a mock of the
 * description does) means the value was not set.
 */
export function isKnownTime(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 && ms <= lastMoment;
}

/** Seconds since the epoch (how some operations give times) as milliseconds; anything else as unknown (NaN). */
export const secondsToMs = (seconds: unknown): number => (typeof seconds === 'number' ? seconds * 1000 : Number.NaN);

/** A moment as an ISO 8601 string for exports and attributes; empty when it is not a moment. */
export const isoTime = (ms: unknown): string => (isKnownTime(ms) ? new Date(ms).toISOString() : '');

/** Dates and times in the user's language and time zone. */
export function formatDateTime(ms: number | undefined | null, locale: string): string {
  if (!isKnownTime(ms)) return unknownValue;
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** "5 minutes ago", "3 days ago". */
export function formatRelative(ms: number | undefined | null, locale: string, now = Date.now()): string {
  if (!isKnownTime(ms)) return unknownValue;
  const seconds = Math.round((ms - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = relativeFormat(locale);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** A time of day, with seconds: "14:05:09". */
export function formatTime(ms: number | undefined | null, locale: string): string {
  if (!isKnownTime(ms)) return unknownValue;
  return dateFormat(locale, { timeStyle: 'medium' }).format(ms);
}
