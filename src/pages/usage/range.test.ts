import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketStarts, fillBuckets, rangeFor, totals } from './range';

const now = Date.UTC(2026, 10, 21, 23, 42, 10); // 2026-11-21 23:42:10 UTC
const s = (ms: number) => ms / 1000;

describe('rangeFor', () => {
  it('starts months, days and 5-minute slots on their UTC boundaries and ends now', () => {
    expect(rangeFor('month', 12, now)).toEqual({ period: 'month', from: s(Date.UTC(2025, 11, 1)), to: s(now) });
    expect(rangeFor('day', 7, now)).toEqual({ period: 'day', from: s(Date.UTC(2026, 10, 15)), to: s(now) });
    expect(rangeFor('minutes', 1, now)).toEqual({
      period: 'minutes',
      from: s(Date.UTC(2026, 10, 21, 22, 45)),
      to: s(now),
    });
  });

  it('goes back across a year boundary', () => {
    expect(rangeFor('month', 24, now).from).toBe(s(Date.UTC(2024, 11, 1)));
  });
});

describe('bucketStarts', () => {
  it('lists the span asked for', () => {
    expect(bucketStarts(rangeFor('month', 12, now))).toHaveLength(12);
    expect(bucketStarts(rangeFor('day', 30, now))).toHaveLength(30);
    expect(bucketStarts(rangeFor('minutes', 24, now))).toHaveLength(288);
    const months = bucketStarts(rangeFor('month', 3, now)).map((t) => new Date(t * 1000).toISOString().slice(0, 7));
    expect(months).toEqual(['2026-09', '2026-10', '2026-11']);
  });
});

describe('fillBuckets', () => {
  it('keeps the figures it has and puts zeros in the holes', () => {
    const range = rangeFor('day', 3, now);
    const day2 = s(Date.UTC(2026, 10, 20));
    expect(fillBuckets(range, [{ unixtime: day2, upload: 5, download: 7 }])).toEqual([
      { unixtime: s(Date.UTC(2026, 10, 19)), upload: 0, download: 0 },
      { unixtime: day2, upload: 5, download: 7 },
      { unixtime: s(Date.UTC(2026, 10, 21)), upload: 0, download: 0 },
    ]);
  });
});

describe('bucketLabel and totals', () => {
  it('labels buckets in UTC, short for the axis and long for the table', () => {
    const t = s(Date.UTC(2026, 0, 31, 23, 55));
    expect(bucketLabel(t, 'month', 'en', 'short')).toBe('Jan 2026');
    expect(bucketLabel(t, 'day', 'en', 'short')).toBe('Jan 31');
    expect(bucketLabel(t, 'minutes', 'en', 'short')).toBe('23:55');
    expect(bucketLabel(t, 'minutes', 'en', 'long')).toBe('Jan 31, 2026, 23:55');
    expect(bucketLabel(t, 'month', 'ja', 'long')).toBe('2026年1月');
  });

  it('labels a bucket whose time is not one (zero, negative, past a Date) as unknown (—)', () => {
    for (const unixtime of [0, -9_007_199_254_740_991, Number.MAX_SAFE_INTEGER, Number.NaN]) {
      expect(bucketLabel(unixtime, 'day', 'en', 'short')).toBe('—');
      expect(bucketLabel(unixtime, 'minutes', 'ja', 'long')).toBe('—');
    }
  });

  it('adds up upload and download', () => {
    expect(
      totals([
        { unixtime: 1, upload: 1, download: 2 },
        { unixtime: 2, upload: 10, download: 20 },
      ]),
    ).toEqual({ upload: 11, download: 22 });
  });
});
