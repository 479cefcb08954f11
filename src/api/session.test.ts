import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Session, sessionStore, useSession } from './session';

const storageKey = 'soracom-console.session';

const rootSession: Session = {
  endpoint: 'local',
  apiKey: 'api-1',
  token: 'token-1',
  operatorId: 'OP0000000001',
  email: 'me@example.com',
};

const samSession: Session = {
  endpoint: 'jp',
  apiKey: 'api-2',
  token: 'token-2',
  operatorId: 'OP0000000002',
  userName: 'alice',
};

afterEach(() => {
  sessionStore.clear();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('sessionStore', () => {
  it('starts signed out', () => {
    expect(sessionStore.get()).toBeNull();
  });

  it('keeps a session in memory and in sessionStorage', () => {
    sessionStore.set(rootSession);
    expect(sessionStore.get()).toEqual(rootSession);
    expect(JSON.parse(sessionStorage.getItem(storageKey) ?? 'null')).toEqual(rootSession);
  });

  it('replaces the session on a second sign-in', () => {
    sessionStore.set(rootSession);
    sessionStore.set(samSession);
    expect(sessionStore.get()).toEqual(samSession);
    expect(JSON.parse(sessionStorage.getItem(storageKey) ?? 'null')).toEqual(samSession);
  });

  it('forgets the session from memory and sessionStorage on clear', () => {
    sessionStore.set(rootSession);
    sessionStore.clear();
    expect(sessionStore.get()).toBeNull();
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });

  it('never writes to localStorage', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    sessionStore.set(rootSession);
    sessionStore.set(samSession);
    sessionStore.clear('expired');

    expect(localStorage.length).toBe(0);
    for (const call of setItem.mock.contexts) expect(call).not.toBe(localStorage);
    expect(setItem.mock.contexts.some((storage) => storage === sessionStorage)).toBe(true);
  });

  it('notifies subscribers on set and clear, until they unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = sessionStore.subscribe(listener);

    sessionStore.set(rootSession);
    expect(listener).toHaveBeenCalledTimes(1);
    sessionStore.clear();
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    sessionStore.set(rootSession);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('notifies every subscriber', () => {
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = sessionStore.subscribe(first);
    const offSecond = sessionStore.subscribe(second);
    sessionStore.set(rootSession);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    offFirst();
    offSecond();
  });
});

describe('sessionStore.endReason', () => {
  it("is 'signedOut' after clear() without a reason", () => {
    sessionStore.set(rootSession);
    sessionStore.clear();
    expect(sessionStore.endReason()).toBe('signedOut');
  });

  it("is 'expired' after clear('expired')", () => {
    sessionStore.set(rootSession);
    sessionStore.clear('expired');
    expect(sessionStore.endReason()).toBe('expired');
  });

  it('is null again after a new sign-in', () => {
    sessionStore.set(rootSession);
    sessionStore.clear('expired');
    sessionStore.set(samSession);
    expect(sessionStore.endReason()).toBeNull();
  });

  it('is not overwritten by a clear when no one is signed in', () => {
    sessionStore.set(rootSession);
    sessionStore.clear('expired');
    // A second 401 arriving after the first, or a sign-out click racing it, must not change what the login page says.
    sessionStore.clear('signedOut');
    expect(sessionStore.endReason()).toBe('expired');
  });

  it('stays null when clear() is called without ever having been signed in', async () => {
    vi.resetModules();
    const fresh = await import('./session');
    fresh.sessionStore.clear('expired');
    expect(fresh.sessionStore.endReason()).toBeNull();
    expect(fresh.sessionStore.get()).toBeNull();
  });
});

describe('useSession', () => {
  it('re-renders with the current session', () => {
    const { result } = renderHook(() => useSession());
    expect(result.current).toBeNull();

    act(() => sessionStore.set(samSession));
    expect(result.current).toEqual(samSession);

    act(() => sessionStore.clear());
    expect(result.current).toBeNull();
  });
});

describe('session restored on load', () => {
  it('reads a session already in sessionStorage when the module loads', async () => {
    sessionStorage.setItem(storageKey, JSON.stringify(samSession));
    vi.resetModules();
    const fresh = await import('./session');
    expect(fresh.sessionStore.get()).toEqual(samSession);
    expect(fresh.sessionStore.endReason()).toBeNull();
  });

  it('starts signed out when sessionStorage holds something that is not JSON', async () => {
    sessionStorage.setItem(storageKey, '{not json');
    vi.resetModules();
    const fresh = await import('./session');
    expect(fresh.sessionStore.get()).toBeNull();
  });
});
