/**
 * Keeping a session alive. `refreshOnce` asks for a new token (`POST /operators/{id}/token`); `renewSession`
 * refreshes, and when that fails while the user has unsaved work, asks them to sign in again in place.
 * Both are single-flight: however many calls fail together, one refresh is sent.
 */
import { reauth } from './reauth';
import { defaultTokenTimeoutSeconds, type Session, sessionStore } from './session';
import { unsavedWork } from './unsavedWork';

let refreshing: Promise<Session | null> | null = null;
let renewing: Promise<Session | null> | null = null;

async function refresh(session: Session): Promise<Session | null> {
  const timeout = session.tokenTimeoutSeconds ?? defaultTokenTimeoutSeconds;
  // Plain fetch, not the API client: a failed refresh must not itself start another renewal.
  const response = await fetch(
    `${globalThis.location.origin}/api/${session.endpoint}/v1/operators/${encodeURIComponent(session.operatorId)}/token`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Soracom-API-Key': session.apiKey,
        'X-Soracom-Token': session.token,
      },
      body: JSON.stringify({ tokenTimeoutSeconds: timeout }),
    },
  );
  if (!response.ok) return null;
  const { token } = (await response.json()) as { token?: string };
  return token ? { ...session, token, expiresAt: Date.now() + timeout * 1000 } : null;
}

/** A new token for the current session, or null when the API will not give one. */
export function refreshOnce(): Promise<Session | null> {
  refreshing ??= (async () => {
    const session = sessionStore.get();
    if (!session) return null;
    const renewed = await refresh(session).catch(() => null);
    // Keep it only if the same session is still signed in (not signed out or replaced meanwhile).
    const current = sessionStore.get();
    if (renewed && current?.apiKey === session.apiKey) {
      // The session may have switched coverage meanwhile: only the token and its expiry are new.
      const kept = { ...current, token: renewed.token, expiresAt: renewed.expiresAt };
      sessionStore.set(kept);
      return kept;
    }
    return null;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** A working session after a 401: refreshed, or signed in again through the dialog; null when neither. */
export function renewSession(): Promise<Session | null> {
  renewing ??= (async () => {
    const session = sessionStore.get();
    if (!session) return null;
    const refreshed = await refreshOnce();
    if (refreshed) return refreshed;
    if (!unsavedWork.any()) return null;
    const again = await reauth.request(session);
    if (again) sessionStore.set(again);
    return again;
  })().finally(() => {
    renewing = null;
  });
  return renewing;
}
