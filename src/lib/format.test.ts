import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative } from './format';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('formatRelative', () => {
  it.each<[string, number | null | undefined]>([
    ['undefined', undefined],
    ['null', null],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('is empty for %s', (_label, value) => {
    expect(formatRelative(value, 'en', now)).toBe('');
    expect(formatRelative(value, 'ja', now)).toBe('');
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

  it.each<[string, number | null | undefined]>([
    ['undefined', undefined],
    ['null', null],
    ['NaN', Number.NaN],
  ])('is empty for %s', (_label, value) => {
    expect(formatDateTime(value, 'en')).toBe('');
    expect(formatDateTime(value, 'ja')).toBe('');
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

  it('formats the epoch (0 is a time, not a missing value)', () => {
    expect(formatDateTime(0, 'en')).not.toBe('');
  });
});
