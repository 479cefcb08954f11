/** Input rules shared by several operations: passwords and email addresses (the rules themselves are in guesses.ts). */
import { badRequest } from './errors';
import { emailRule, operatorPasswordNeeds, passwordRule } from './guesses';

/** A password of any account: its length. */
export function checkPassword(password: string | undefined): string {
  if (!password || password.length < passwordRule.minLength || password.length > passwordRule.maxLength) {
    throw badRequest(`The password must be ${passwordRule.minLength} to ${passwordRule.maxLength} characters long.`);
  }
  return password;
}

/** A new password for a root account: its length, and at least one letter and one digit. */
export function checkOperatorPassword(password: string | undefined): string {
  const checked = checkPassword(password);
  const missing = operatorPasswordNeeds.filter((need) => !need.pattern.test(checked)).map((need) => need.what);
  if (missing.length > 0) throw badRequest(`The password must contain ${missing.join(' and ')}.`);
  return checked;
}

export function checkEmail(email: string | undefined): string {
  if (!email || email.length > emailRule.maxLength || !emailRule.pattern.test(email)) {
    throw badRequest("Request body: 'email' is not an email address.");
  }
  return email;
}
