import { describe, expect, it } from 'vitest';
import { otpDigits } from './otpCode';

describe('otpDigits', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
    [' 12 34 56 ', '123456'],
    ['1234567', '123456'],
    ['abc', ''],
  ])('reads %j as %j', (typed, digits) => {
    expect(otpDigits(typed)).toBe(digits);
  });
});
