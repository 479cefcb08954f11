/** Security headers for every response, and the Content-Security-Policy for the console's page. */
import { randomBytes } from 'node:crypto';

export const newNonce = (): string => randomBytes(16).toString('base64');

/**
 * No inline script at all. Styles from our own files, plus, on the console's page, the `<style>` elements Mantine
 * writes for its CSS variables and responsive props, which carry a per-response nonce (see src/app/cspNonce.ts);
 * null for an answer that is not the page.
 */
export function contentSecurityPolicy(styleNonce: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    styleNonce === null ? "style-src 'self'" : `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
