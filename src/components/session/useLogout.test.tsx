import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queryClient';
import { reauth } from '../../api/reauth';
import { sessionStore } from '../../api/session';

const fetchMock = vi.hoisted(() => {
  const mock = vi.fn(async () => new Response(null, { status: 401 }));
  globalThis.fetch = mock as unknown as typeof fetch;
  return mock;
});

const { useLogout } = await import('./useLogout');

describe('useLogout', () => {
  it('signs out even while a re-login is awaited, giving the wait up', async () => {
    const session = { endpoint: 'local', apiKey: 'api-1', token: 't', operatorId: 'OP0000000001' };
    sessionStore.set(session);
    const waiting = reauth.request(session);
    let hook: { run: () => Promise<void> } | undefined;
    const router = createMemoryRouter([
      {
        path: '*',
        Component: () => {
          hook = useLogout('idle');
          return null;
        },
      },
    ]);
    renderHook(() => null, {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={createQueryClient()}>
          <RouterProvider router={router} />
          {children}
        </QueryClientProvider>
      ),
    });
    await act(async () => {
      await hook?.run();
    });
    await expect(waiting).resolves.toBeNull();
    expect(reauth.get()).toBeNull();
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('idle');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
