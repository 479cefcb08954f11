import { describe, expect, it } from 'vitest';
import { formatByteCount, formatBytes } from './bytes';

describe('formatBytes', () => {
  it('uses decimal units with at most three significant digits', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(999, 'en')).toBe('999 B');
    expect(formatBytes(1000, 'en')).toBe('1 kB');
    expect(formatBytes(1500, 'en')).toBe('1.5 kB');
    expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
    expect(formatBytes(12_345_678, 'en')).toBe('12.3 MB');
    expect(formatBytes(123_456_789_012, 'en')).toBe('123 GB');
    expect(formatBytes(2e15, 'en')).toBe('2 PB');
    expect(formatBytes(3e18, 'en')).toBe('3,000 PB');
  });

  it('carries into the next unit when rounding reaches a thousand', () => {
    expect(formatBytes(999_950, 'en')).toBe('1 MB');
    expect(formatBytes(999_499, 'en')).toBe('999 kB');
  });

  it("follows the locale's digits and unit spelling", () => {
    expect(formatBytes(1_500_000, 'ja')).toBe('1.5 MB');
    expect(formatBytes(1_234_567, 'de')).toBe('1,23 MB');
  });

  it('keeps the sign and shows what is not a number as unknown (—)', () => {
    expect(formatBytes(-2500, 'en')).toBe('-2.5 kB');
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined])
      expect(formatBytes(value, 'en')).toBe('—');
  });

  it('copes with the largest figures an answer may hold', () => {
    expect(formatBytes(Number.MAX_SAFE_INTEGER, 'en')).toBe('9.01 PB');
    expect(formatBytes(1e30, 'en')).toMatch(/PB$/);
  });
});

describe('formatByteCount', () => {
  it('gives the exact count', () => {
    expect(formatByteCount(1_234_567, 'en')).toBe('1,234,567 bytes');
    expect(formatByteCount(1, 'en')).toBe('1 byte');
    expect(formatByteCount(undefined, 'en')).toBe('—');
    expect(formatByteCount(Number.NaN, 'en')).toBe('—');
  });
});
