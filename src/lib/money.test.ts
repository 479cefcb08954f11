import { describe, expect, it } from 'vitest';
import {
  compareAmounts,
  formatDay,
  formatMoney,
  formatMoneyChange,
  formatPercentChange,
  formatYearMonth,
  formatZonedDateTime,
  isYearMonth,
  parseEvaluatedTime,
  prepareFormats,
  previousYearMonth,
  sumMoney,
  yearMonthOf,
} from './money';

describe('formatMoney', () => {
  it.each<[number, string, string, string]>([
    [13203, 'JPY', 'en', '¥13,203'],
    [13203.4, 'JPY', 'en', '¥13,203'],
    [13203.6, 'JPY', 'en', '¥13,204'],
    [13203, 'JPY', 'ja', '￥13,203'],
    [12.5, 'USD', 'en', '$12.50'],
    [1234, 'USD', 'en', '$1,234.00'],
    [0.005, 'USD', 'en', '$0.01'],
    [1234.5, 'EUR', 'en', '€1,234.50'],
    [12.5, 'USD', 'ja', '$12.50'],
    [1234.5, 'EUR', 'ja', '€1,234.50'],
  ])('%s %s in %s is %s', (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale)).toBe(expected);
  });

  it('is unknown (—) for no amount, and plain without a currency', () => {
    for (const amount of [undefined, null, Number.NaN, Number.NEGATIVE_INFINITY]) {
      expect(formatMoney(amount, 'JPY', 'en')).toBe('—');
    }
    expect(formatMoney(1234.5, undefined, 'en')).toBe('1,234.5');
  });

  it('writes a currency that is not a code as it is, after the figure', () => {
    expect(formatMoney(1234.5, 'string', 'en')).toBe('1,234.5 string');
    expect(formatMoney(-9_007_199_254_740_991, 'JPY', 'en')).toBe('-¥9,007,199,254,740,991');
    expect(formatMoney(3, 'XYZ', 'en')).toMatch(/^XYZ\s3\.00$/);
  });

  it('signs differences', () => {
    expect(formatMoneyChange(1200, 'JPY', 'en')).toBe('+¥1,200');
    expect(formatMoneyChange(-3.1, 'USD', 'en')).toBe('-$3.10');
    expect(formatMoneyChange(0.001, 'USD', 'en')).toBe('$0.00');
    expect(formatMoneyChange(Number.NaN, 'USD', 'en')).toBe('—');
  });
});

describe('comparisons and sums', () => {
  it('compares with last month', () => {
    expect(compareAmounts(1100, 1000)).toEqual({ difference: 100, ratio: 0.1 });
    expect(compareAmounts(900, 1000)).toEqual({ difference: -100, ratio: -0.1 });
    expect(compareAmounts(500, 0)).toEqual({ difference: 500, ratio: null });
    expect(formatPercentChange(0.125, 'en')).toBe('+12.5%');
    expect(formatPercentChange(-0.03, 'en')).toBe('-3.0%');
    expect(formatPercentChange(null, 'en')).toBe('');
  });

  it('sums amounts in minor units, without floating-point drift', () => {
    expect(sumMoney([0.1, 0.2], 'USD')).toBe(0.3);
    expect(sumMoney([10.005, 0.004, undefined], 'EUR')).toBe(10.01);
    expect(sumMoney([100, 200.4], 'JPY')).toBe(300);
  });
});

describe('months and days', () => {
  it('reads and steps months', () => {
    expect(isYearMonth('202611')).toBe(true);
    expect(isYearMonth('202613')).toBe(false);
    expect(isYearMonth('2026-11')).toBe(false);
    expect(previousYearMonth('202611')).toBe('202610');
    expect(previousYearMonth('202601')).toBe('202512');
    expect(() => previousYearMonth('nope')).toThrow();
    expect(yearMonthOf(Date.UTC(2026, 10, 30, 23, 59))).toBe('202611');
  });

  it('names months and days in the locale', () => {
    expect(formatYearMonth('202611', 'en')).toBe('November 2026');
    expect(formatYearMonth('202611', 'ja')).toBe('2026年11月');
    expect(formatYearMonth('202611', 'en', 'short')).toBe('Nov 2026');
    expect(formatYearMonth('oops', 'en')).toBe('oops');
    expect(formatDay('20261121', 'en')).toBe('Nov 21');
    expect(formatDay('20261121', 'ja')).toBe('11月21日');
    expect(formatDay('20261121', 'en', true)).toBe('Sat, Nov 21');
    expect(formatDay('20261132', 'en')).toBe('20261132');
  });

  it('names the time zone of a moment', () => {
    const ms = parseEvaluatedTime('20261121050500');
    expect(ms).toBe(Date.UTC(2026, 10, 21, 5, 5, 0));
    expect(parseEvaluatedTime('2026-11-21')).toBeNull();
    expect(formatZonedDateTime(ms, 'ja', 'Asia/Tokyo')).toBe('2026年11月21日 14:05 JST');
    expect(formatZonedDateTime(ms, 'en', 'UTC')).toBe('Nov 21, 2026, 5:05 AM UTC');
    expect(formatZonedDateTime(ms, 'en', 'Asia/Tokyo')).toBe('Nov 21, 2026, 2:05 PM GMT+9');
    expect(formatZonedDateTime(null, 'en')).toBe('—');
    expect(formatZonedDateTime(0, 'en')).toBe('—');
    expect(formatZonedDateTime(-9_007_199_254_740_991, 'en')).toBe('—');
    expect(formatZonedDateTime(Number.MAX_SAFE_INTEGER, 'en', 'UTC')).toBe('—');
  });
});

describe('prepareFormats', () => {
  it('makes one formatter per task, once per locale, and the formats stay the same', () => {
    const queued: (() => void)[] = [];
    const schedule = (run: () => void) => queued.push(run);
    const Real = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made++;
      }
    } as typeof Real;
    try {
      prepareFormats('en-GB', schedule);
      prepareFormats('en-GB', schedule);
      expect(queued).toHaveLength(1);
      let tasks = 0;
      while (queued.length > 0) {
        const before = made;
        queued.shift()?.();
        tasks++;
        expect(made - before).toBeLessThanOrEqual(1);
      }
      expect(tasks).toBe(6);
      expect(made).toBe(3);
      expect(formatYearMonth('202611', 'en-GB')).toBe('November 2026');
      expect(formatYearMonth('202611', 'en-GB', 'short')).toBe('Nov 2026');
      expect(formatMoney(1200, 'JPY', 'en-GB')).toBe('JP¥1,200');
      expect(made).toBe(3);
    } finally {
      Intl.DateTimeFormat = Real;
    }
  });
});
