import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queryClient';
import { type Session, sessionStore } from '../../api/session';
import { loadCatalogPart, setLanguage } from '../../app/i18n';
import { IdleGuard } from './IdleGuard';
import { setIdleMinutes } from './idle';

/** The typed client captures `fetch` when its module loads, so the stub must be in place before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const minute = 60_000;
const session: Session = { endpoint: 'local', apiKey: 'api-key-1', token: 'token-1', operatorId: 'OP0000000001' };

const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
const logoutCalls = () =>
  fetchMock.mock.calls.filter(([input]) => new URL(urlOf(input)).pathname.endsWith('/auth/logout'));

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});
afterAll(() => {
  vi.unstubAllGlobals();
});

beforeEach(() => {
  vi.useFakeTimers();
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => new Response(null, { status: 200 }));
  sessionStore.set(session);
});
afterEach(() => {
  vi.useRealTimers();
  sessionStore.clear();
  localStorage.clear();
});

function renderGuard() {
  const router = createMemoryRouter([{ path: '/sims', element: <IdleGuard /> }], { initialEntries: ['/sims'] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MantineProvider env="test">
        <RouterProvider router={router} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return router;
}

/** Lets `ms` of fake time pass, running the guard's once-a-second check and any request it starts. */
async function idle(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

const dialog = () => screen.queryByRole('dialog', { name: 'Are you still there?' });

describe('IdleGuard', () => {
  it('shows nothing while the user is active', async () => {
    renderGuard();
    await idle(29 * minute - 1_000);
    expect(dialog()).not.toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('warns one minute before the timeout, counting down the seconds', async () => {
    renderGuard();
    await idle(29 * minute);

    const warning = dialog();
    expect(warning).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('For your security, you will be signed out in 60 s.');
    expect(screen.getByRole('button', { name: 'Stay signed in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out now' })).toBeInTheDocument();

    await idle(1_000);
    expect(screen.getByRole('status')).toHaveTextContent('signed out in 59 s.');
    await idle(44_000);
    expect(screen.getByRole('status')).toHaveTextContent('signed out in 15 s.');
    expect(sessionStore.get()).toEqual(session);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('"Stay signed in" closes the warning and starts the wait again', async () => {
    renderGuard();
    await idle(29 * minute);
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    await idle(0);
    expect(dialog()).not.toBeInTheDocument();

    await idle(2 * minute);
    expect(dialog()).not.toBeInTheDocument();
    expect(sessionStore.get()).toEqual(session);
    expect(fetchMock).not.toHaveBeenCalled();

    await idle(27 * minute);
    expect(dialog()).toBeInTheDocument();
  });

  it('closing the warning with its close button also keeps the session', async () => {
    renderGuard();
    await idle(29 * minute + 30_000);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await idle(0);
    expect(dialog()).not.toBeInTheDocument();
    await idle(2 * minute);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(sessionStore.get()).toEqual(session);
  });

  it('restarts the wait on user activity', async () => {
    renderGuard();
    await idle(20 * minute);
    fireEvent.keyDown(window, { key: 'a' });
    await idle(20 * minute);
    expect(dialog()).not.toBeInTheDocument();

    fireEvent.pointerDown(window);
    await idle(28 * minute);
    expect(dialog()).not.toBeInTheDocument();
    await idle(minute);
    expect(dialog()).toBeInTheDocument();
  });

  it('signs out after 30 minutes without activity, revoking the token on the API', async () => {
    renderGuard();
    await idle(30 * minute);

    expect(logoutCalls()).toHaveLength(1);
    const [input, init] = logoutCalls()[0] ?? [];
    const request = input instanceof Request ? input : new Request(urlOf(input ?? ''), init);
    expect(request.method).toBe('POST');
    expect(new URL(request.url).pathname).toBe('/api/local/v1/auth/logout');
    expect(request.headers.get('X-Soracom-API-Key')).toBe('api-key-1');
    expect(request.headers.get('X-Soracom-Token')).toBe('token-1');

    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('idle');
    expect(sessionStorage.getItem('soracom-console.session')).toBeNull();
  });

  it('signs out even when the API cannot be reached', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderGuard();
    await idle(30 * minute);

    expect(logoutCalls()).toHaveLength(1);
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('idle');
  });

  it('"Sign out now" signs out at once, for being idle', async () => {
    renderGuard();
    await idle(29 * minute + 10_000);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out now' }));
    await idle(0);

    expect(logoutCalls()).toHaveLength(1);
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('idle');
  });

  it('follows the idle timeout chosen for this browser', async () => {
    setIdleMinutes(5);
    renderGuard();
    await idle(4 * minute - 1_000);
    expect(dialog()).not.toBeInTheDocument();
    await idle(1_000);
    expect(dialog()).toBeInTheDocument();
    await idle(minute);
    expect(logoutCalls()).toHaveLength(1);
    expect(sessionStore.endReason()).toBe('idle');
  });
});
