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

/** Dates and times in the user's language and time zone. */
export function formatDateTime(ms: number | undefined | null, locale: string): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '';
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** "5 minutes ago", "3 days ago". */
export function formatRelative(ms: number | undefined | null, locale: string, now = Date.now()): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '';
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
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '';
  return dateFormat(locale, { timeStyle: 'medium' }).format(ms);
}
