/**
 * A request to sign in again without leaving the page. `request` waits until the dialog completes it with a new
 * session (or cancels it with null); only one is open at a time.
 */
import { useSyncExternalStore } from 'react';
import type { Session } from './session';

interface Pending {
  session: Session;
  settle: (session: Session | null) => void;
}

let pending: Pending | null = null;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

export const reauth = {
  request(session: Session): Promise<Session | null> {
    if (pending) pending.settle(null);
    return new Promise((resolve) => {
      pending = { session, settle: resolve };
      emit();
    });
  },
  complete(session: Session | null): void {
    const current = pending;
    pending = null;
    current?.settle(session);
    emit();
  },
  /** The session that ended, while the dialog is open. */
  get: (): Session | null => pending?.session ?? null,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const useReauth = (): Session | null => useSyncExternalStore(reauth.subscribe, reauth.get);
