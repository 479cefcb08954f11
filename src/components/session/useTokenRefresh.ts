import { useEffect } from 'react';
import { refreshOnce } from '../../api/renewal';
import type { Session } from '../../api/session';

/** How long before expiry the token is refreshed: five minutes, or a fifth of a short lifetime. */
export function refreshDelay(session: Session, now: number): number | null {
  if (!session.expiresAt || !session.tokenTimeoutSeconds) return null;
  const margin = Math.min(5 * 60_000, session.tokenTimeoutSeconds * 200);
  return Math.max(0, session.expiresAt - margin - now);
}

/** Refreshes the token a little before it expires, for as long as the console is open. */
export function useTokenRefresh(session: Session): void {
  const delay = refreshDelay(session, Date.now());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new token (or expiry) is what reschedules
  useEffect(() => {
    if (delay === null) return;
    const timer = setTimeout(() => void refreshOnce(), Math.min(delay, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [session.token, session.expiresAt]);
}
