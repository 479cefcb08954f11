/**
 * Password rules as the local sandbox enforces them (server/sandbox/guesses.ts: 8 to 100 characters, a letter
 * and a digit); the API has the last word, and its message is shown when it disagrees.
 */
export const passwordRule = { minLength: 8, maxLength: 100 } as const;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'needsLetter' | 'needsDigit';

export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < passwordRule.minLength) return 'tooShort';
  if (password.length > passwordRule.maxLength) return 'tooLong';
  if (!/\p{L}/u.test(password)) return 'needsLetter';
  if (!/\d/.test(password)) return 'needsDigit';
  return null;
}

/** 0 (weak) to 4 (strong): length and variety of characters, with common patterns pulled down. */
export function passwordStrength(password: string): 0 | 1 | 2 | 3 | 4 {
  if (!password) return 0;
  let score = 0;
  if (password.length >= 8) score++;
  if (password.length >= 12) score++;
  if (password.length >= 16) score++;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds >= 3) score++;
  if (/^(.)\1+$/.test(password) || /^(password|12345678|qwerty)/i.test(password)) score = 0;
  return Math.min(4, score) as 0 | 1 | 2 | 3 | 4;
}
