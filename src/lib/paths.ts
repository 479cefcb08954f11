/** The login page URL that brings the user back to `from` afterwards. */
export function loginPath(from?: string): string {
  return from && from !== '/' ? `/login?from=${encodeURIComponent(from)}` : '/login';
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeReturnPath(from: string | null): string {
  if (!from?.startsWith('/') || from.startsWith('//') || from.startsWith('/\\') || from.startsWith('/login')) {
    return '/sims';
  }
  return from;
}
