import { describe, expect, it } from 'vitest';
import { colorVar, labelStride, niceTicks, pct } from './ticks';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten and reaches the maximum', () => {
    expect(niceTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(9_300_000)).toEqual([0, 2e6, 4e6, 6e6, 8e6, 10e6]);
    expect(niceTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(101)).toEqual([0, 50, 100, 150]);
  });

  it('gives an axis from 0 to 1 when there is nothing to show', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
    expect(niceTicks(-5)).toEqual([0, 1]);
  });

  it('honours the number of ticks asked for', () => {
    expect(niceTicks(100, 2)).toEqual([0, 50, 100]);
    expect(niceTicks(100, 10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });
});

describe('labelStride', () => {
  it('prints every label while they fit, then every n-th', () => {
    expect(labelStride(6)).toBe(1);
    expect(labelStride(31)).toBe(5);
    expect(labelStride(288)).toBe(42);
  });
});

describe('pct and colorVar', () => {
  it('formats coordinates and colour tokens', () => {
    expect(pct(0.25)).toBe('25.0000%');
    expect(colorVar('brand.6')).toBe('var(--mantine-color-brand-6)');
    expect(colorVar('orange')).toBe('var(--mantine-color-orange-filled)');
  });
});
