import { renderHook } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Session, sessionStore } from '../../api/session';
import { refreshDelay, useTokenRefresh } from './useTokenRefresh';

const minute = 60_000;
const now = Date.UTC(2025, 0, 1);

const base: Session = {
  endpoint: 'local',
  apiKey: 'api-key-1',
  token: 'token-1',
  operatorId: 'OP0000000001',
};

describe('refreshDelay', () => {
  it('is null when the expiry is not known', () => {
    expect(refreshDelay(base, now)).toBeNull();
    expect(refreshDelay({ ...base, tokenTimeoutSeconds: 86_400 }, now)).toBeNull();
    expect(refreshDelay({ ...base, expiresAt: now + 60 * minute }, now)).toBeNull();
  });

  it('refreshes a long-lived token five minutes before it expires', () => {
    const session = { ...base, tokenTimeoutSeconds: 86_400, expiresAt: now + 86_400_000 };
    expect(refreshDelay(session, now)).toBe(86_400_000 - 5 * minute);
    expect(refreshDelay(session, now + 86_400_000 - 6 * minute)).toBe(minute);
  });

  it('refreshes a short-lived token when a fifth of its lifetime is left', () => {
    const session = { ...base, tokenTimeoutSeconds: 600, expiresAt: now + 600_000 };
    expect(refreshDelay(session, now)).toBe(600_000 - 120_000);
    const tiny = { ...base, tokenTimeoutSeconds: 180, expiresAt: now + 180_000 };
    expect(refreshDelay(tiny, now)).toBe(180_000 - 36_000);
  });

  it('switches from a fifth to five minutes at a 25-minute lifetime', () => {
    const at = (seconds: number) =>
      refreshDelay({ ...base, tokenTimeoutSeconds: seconds, expiresAt: now + seconds * 1000 }, now);
    expect(at(1500)).toBe(1500_000 - 5 * minute);
    expect(at(1499)).toBe(1499_000 - 1499 * 200);
    expect(at(3000)).toBe(3000_000 - 5 * minute);
  });

  it('is never negative, even when the token is about to expire or already has', () => {
    const session = { ...base, tokenTimeoutSeconds: 86_400, expiresAt: now + minute };
    expect(refreshDelay(session, now)).toBe(0);
    expect(refreshDelay(session, now + 10 * minute)).toBe(0);
  });
});

describe('useTokenRefresh', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const session: Session = { ...base, tokenTimeoutSeconds: 600, expiresAt: now + 600_000 };

  beforeAll(() => {
    vi.stubGlobal('fetch', fetchMock);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(now);
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () =>
      Response.json({ token: 'token-2' }, { headers: { 'content-type': 'application/json' } }),
    );
    sessionStore.set(session);
  });
  afterEach(() => {
    sessionStore.clear();
    vi.useRealTimers();
  });

  it('refreshes the token when a fifth of its lifetime is left, not before', async () => {
    renderHook(() => useTokenRefresh(session));

    await vi.advanceTimersByTimeAsync(480_000 - 1);
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [input] = fetchMock.mock.calls[0] ?? [];
    expect(String(input)).toBe(`${location.origin}/api/local/v1/operators/OP0000000001/token`);
    await vi.advanceTimersByTimeAsync(0);
    expect(sessionStore.get()?.token).toBe('token-2');
    expect(sessionStore.get()?.expiresAt).toBe(now + 480_000 + 600_000);
  });

  it('schedules again for the new token, and not for the old one', async () => {
    const { rerender } = renderHook((props: Session) => useTokenRefresh(props), { initialProps: session });
    await vi.advanceTimersByTimeAsync(480_000);
    expect(sessionStore.get()?.token).toBe('token-2');
    const renewed = sessionStore.get();
    if (!renewed) throw new Error('expected a session');
    rerender(renewed);

    await vi.advanceTimersByTimeAsync(480_000 - 1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('does not refresh after unmounting', async () => {
    const { unmount } = renderHook(() => useTokenRefresh(session));
    unmount();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('does nothing for a session without a known expiry', async () => {
    renderHook(() => useTokenRefresh(base));
    await vi.advanceTimersByTimeAsync(48 * 60 * minute);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
