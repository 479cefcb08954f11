/** The login page URL that brings the user back to `from` afterwards. */
export function loginPath(from?: string): string {
  return from && from !== '/' ? `/login?from=${encodeURIComponent(from)}` : '/login';
}

/**
 * Control characters (C0, DEL, C1): browsers drop tab and newline from a URL before reading it, so `/\t/evil.test`
 * would become `//evil.test`; none has any use in a path of this site.
 */
const hasControlCharacter = (text: string): boolean =>
  [...text].some((character) => {
    const code = character.charCodeAt(0);
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
  });
const origin = 'http://console.invalid';

/**
 * Where to go after signing in: only a path on this site, never another origin. A backslash anywhere is refused
 * (browsers read `/\\host` as `//host`), and what is left must resolve to a path of this same origin.
 */
export function safeReturnPath(from: string | null): string {
  const fallback = '/';
  if (!from?.startsWith('/') || from.startsWith('//') || from.includes('\\') || hasControlCharacter(from)) {
    return fallback;
  }
  let resolved: URL;
  try {
    resolved = new URL(from, origin);
  } catch {
    return fallback;
  }
  // Dot segments can leave `//host` once resolved (`/..//evil.test`): a later full-page load would read it as a host.
  const path = resolved.pathname;
  if (resolved.origin !== origin || path.startsWith('//') || path === '/login' || path.startsWith('/login/')) {
    return fallback;
  }
  return from;
}
