import { describe, expect, it } from 'vitest';
import { passwordProblem, passwordRule, passwordStrength } from './password';

describe('passwordProblem', () => {
  it('follows the sandbox rule: 8 to 100 characters', () => {
    expect(passwordRule).toEqual({ minLength: 8, maxLength: 100 });
  });

  it.each([
    ['', 'tooShort'],
    ['abc1', 'tooShort'],
    ['abcdef1', 'tooShort'],
    [`a1${'x'.repeat(99)}`, 'tooLong'],
    ['12345678', 'needsLetter'],
    ['1234-5678!', 'needsLetter'],
    ['abcdefgh', 'needsDigit'],
    ['abcdefgh!?', 'needsDigit'],
    ['パスワードです１２', 'needsDigit'],
  ])('finds %j %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each([['abcdefg1'], [`a1${'x'.repeat(98)}`], ['12345678a'], ['Correct horse battery 9'], ['パスワード1234']])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password)).toBeNull();
    },
  );

  it('reports the length before the kind of characters', () => {
    expect(passwordProblem('abc')).toBe('tooShort');
    expect(passwordProblem('1'.repeat(101))).toBe('tooLong');
  });

  it('asks for a letter before a digit', () => {
    expect(passwordProblem('!!!!!!!!')).toBe('needsLetter');
  });
});

describe('passwordStrength', () => {
  it('is 0 for nothing', () => {
    expect(passwordStrength('')).toBe(0);
  });

  it('scores longer and more varied passwords higher', () => {
    const ladder = ['abc', 'abcdefgh', 'abcdefgh1234', 'Abcdefgh1234!', 'Abcdefgh1234!xyz'];
    expect(ladder.map(passwordStrength)).toEqual([0, 1, 2, 3, 4]);
  });

  it('rewards length alone', () => {
    expect(passwordStrength('abcdefgh')).toBe(1);
    expect(passwordStrength('abcdefghijkl')).toBe(2);
    expect(passwordStrength('abcdefghijklmnop')).toBe(3);
  });

  it('rewards three kinds of characters or more', () => {
    expect(passwordStrength('abcdefg1')).toBe(1);
    expect(passwordStrength('Abcdefg1')).toBe(2);
    expect(passwordStrength('Abcdef1!')).toBe(2);
  });

  it('never goes above 4', () => {
    expect(passwordStrength(`Aa1!${'x'.repeat(96)}`)).toBe(4);
  });

  it.each([
    'password123',
    'Password123!',
    'PASSWORD-is-long-and-varied-1',
    '12345678abc',
    'qwerty12345',
    'QwertyUiop123!',
    'aaaaaaaaaaaaaaaa',
    '1111111111111111',
  ])('calls %j very weak', (password) => {
    expect(passwordStrength(password)).toBe(0);
  });

  it('scores a strong passphrase above a common pattern of the same length', () => {
    expect(passwordStrength('Password1234!xyz')).toBeLessThan(passwordStrength('Tr0ub4dor&3-xyzw'));
  });
});
