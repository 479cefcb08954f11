import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative, formatTime, isKnownTime, isoTime, secondsToMs } from './format';

/** Values an answer the description allows may carry where a time is expected, none of them a time to show. */
const notTimes: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['the epoch (0)', 0],
  ['a negative time', -1],
  ['the smallest int64 a mock sends', -9_007_199_254_740_991],
  ['the largest safe integer (past the year 275760)', Number.MAX_SAFE_INTEGER],
  ['just past the last moment a Date holds', 8.64e15 + 1],
  ['a string', '2026-11-21'],
];

const now = Date.UTC(2025, 5, 15, 12, 0, 0);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('formatRelative', () => {
  it.each(notTimes)('is unknown (—) for %s', (_label, value) => {
    expect(formatRelative(value as number, 'en', now)).toBe('—');
    expect(formatRelative(value as number, 'ja', now)).toBe('—');
  });

  it.each<[number, string]>([
    [now, 'now'],
    [now - 30_000, '30 seconds ago'],
    [now - 5 * minute, '5 minutes ago'],
    [now - 2 * hour, '2 hours ago'],
    [now - day, 'yesterday'],
    [now - 3 * day, '3 days ago'],
    [now - 60 * day, '2 months ago'],
    [now - 400 * day, 'last year'],
    [now + 5 * minute, 'in 5 minutes'],
    [now + day, 'tomorrow'],
  ])('says %i in English as %j', (ms, expected) => {
    expect(formatRelative(ms, 'en', now)).toBe(expected);
  });

  it.each<[number, string]>([
    [now - 5 * minute, '5 分前'],
    [now - 2 * hour, '2 時間前'],
    [now - day, '昨日'],
    [now - 3 * day, '3 日前'],
  ])('says %i in Japanese as %j', (ms, expected) => {
    expect(formatRelative(ms, 'ja', now)).toBe(expected);
  });

  it('rounds to the largest unit that fits', () => {
    expect(formatRelative(now - 100 * minute, 'en', now)).toBe('2 hours ago');
    expect(formatRelative(now - 80 * minute, 'en', now)).toBe('1 hour ago');
    expect(formatRelative(now - 59_000, 'en', now)).toBe('59 seconds ago');
    expect(formatRelative(now - minute, 'en', now)).toBe('1 minute ago');
  });

  it('measures from the current time by default', () => {
    expect(formatRelative(Date.now() - 5 * minute, 'en')).toBe('5 minutes ago');
  });
});

describe('formatDateTime', () => {
  const ms = Date.UTC(2025, 0, 2, 3, 4, 0);

  it.each(notTimes)('is unknown (—) for %s', (_label, value) => {
    expect(formatDateTime(value as number, 'en')).toBe('—');
    expect(formatDateTime(value as number, 'ja')).toBe('—');
  });

  it('formats like Intl with a medium date and a short time, in the given language', () => {
    for (const locale of ['en', 'ja']) {
      const expected = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
      expect(formatDateTime(ms, locale)).toBe(expected);
    }
  });

  it('writes the year, month and day the way each language does', () => {
    const local = new Date(ms);
    const year = String(local.getFullYear());
    const monthShort = new Intl.DateTimeFormat('en', { month: 'short' }).format(ms);

    const en = formatDateTime(ms, 'en');
    expect(en).toContain(year);
    expect(en).toContain(`${monthShort} ${local.getDate()}`);

    const ja = formatDateTime(ms, 'ja');
    expect(ja).toContain(
      `${year}/${String(local.getMonth() + 1).padStart(2, '0')}/${String(local.getDate()).padStart(2, '0')}`,
    );
  });

  it('formats the first and the last moment it knows', () => {
    expect(formatDateTime(1, 'en')).toMatch(/1970/);
    expect(formatDateTime(8.64e15, 'en')).toMatch(/275760/);
  });
});

describe('formatTime', () => {
  it.each(notTimes)('is unknown (—) for %s', (_label, value) => {
    expect(formatTime(value as number, 'en')).toBe('—');
  });

  it('gives the time of day with seconds', () => {
    const ms = new Date(2026, 10, 21, 14, 5, 9).getTime();
    expect(formatTime(ms, 'en')).toMatch(/^2:05:09\sPM$/);
    expect(formatTime(ms, 'ja')).toBe('14:05:09');
  });
});

describe('isKnownTime, isoTime and secondsToMs', () => {
  it.each(notTimes)('%s is not a known time, and has no ISO form', (_label, value) => {
    expect(isKnownTime(value)).toBe(false);
    expect(isoTime(value)).toBe('');
  });

  it('writes a known time in ISO 8601', () => {
    expect(isKnownTime(Date.UTC(2026, 10, 21))).toBe(true);
    expect(isoTime(Date.UTC(2026, 10, 21, 5, 5))).toBe('2026-11-21T05:05:00.000Z');
  });

  it('reads seconds as milliseconds, and what is not a number as unknown', () => {
    expect(secondsToMs(1_700_000_000)).toBe(1_700_000_000_000);
    expect(formatDateTime(secondsToMs(undefined), 'en')).toBe('—');
    expect(formatDateTime(secondsToMs(null), 'en')).toBe('—');
    expect(formatDateTime(secondsToMs(-9_007_199_254_740_991), 'en')).toBe('—');
  });
});
