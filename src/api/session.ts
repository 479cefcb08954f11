/**
 * The signed-in session. Kept in sessionStorage (this tab only, gone when it closes), never in localStorage.
 */
import { useSyncExternalStore } from 'react';

export interface Session {
  endpoint: string;
  apiKey: string;
  token: string;
  operatorId: string;
  /** Set for a SAM user; absent for the root account. */
  userName?: string;
  /** The root account's email, when signed in with it. */
  email?: string;
  /** When the token stops working (epoch ms), if known: the console refreshes it a little before. */
  expiresAt?: number;
  /** The lifetime asked for at sign-in, asked for again at each refresh. */
  tokenTimeoutSeconds?: number;
}

/** Token lifetime the console asks for (SORACOM's default). */
export const defaultTokenTimeoutSeconds = 86_400;

export type EndReason = 'expired' | 'signedOut' | 'idle';
const storageKey = 'soracom-console.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();
/** Why the last session ended, for the login page to say so; null after a fresh start or a sign-in. */
let endReason: EndReason | null = null;

function emit() {
  for (const listener of listeners) listener();
}

export const sessionStore = {
  get: (): Session | null => current,
  endReason: () => endReason,
  set(session: Session) {
    current = session;
    endReason = null;
    sessionStorage.setItem(storageKey, JSON.stringify(session));
    emit();
  },
  clear(reason: EndReason = 'signedOut') {
    if (current) endReason = reason;
    current = null;
    sessionStorage.removeItem(storageKey);
    emit();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
