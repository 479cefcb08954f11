/** An MFA code as typed or pasted ("123 456", "123-456"): its digits, at most six. */
export const otpDigits = (value: string): string => value.replace(/\D/g, '').slice(0, 6);
