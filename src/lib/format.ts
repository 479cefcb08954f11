/** Intl formatters are costly to create (a table shows thousands of dates): one per locale and kind, kept. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Dates and times in the user's language and time zone. */
export function formatDateTime(ms: number | undefined | null, locale: string): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '';
  return cached(
    `dateTime/${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(ms);
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
  const format = cached(`relative/${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** A time of day, with seconds: "14:05:09". */
export function formatTime(ms: number | undefined | null, locale: string): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '';
  return cached(`time/${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' })).format(ms);
}
