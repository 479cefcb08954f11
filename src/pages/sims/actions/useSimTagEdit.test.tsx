import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Sim, simQueries } from '../../../api/resources/sims';
import { useSimTagEdit, withTag } from './useSimTagEdit';

const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
afterAll(() => vi.unstubAllGlobals());

const simId = '8942310000000000001';
const key = simQueries.detail(simId).queryKey;
let release: (response: Response) => void;

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() => new Promise<Response>((resolve) => (release = resolve)));
});

function setUp(tags: Record<string, string>) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  client.setQueryData(key, { simId, tags } satisfies Sim);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useSimTagEdit(simId), { wrapper });
  return { client, result };
}

describe('withTag', () => {
  it('sets or removes one tag, leaving the SIM given as it was', () => {
    const sim: Sim = { simId, tags: { a: '1' } };
    expect(withTag(sim, 'b', '2').tags).toEqual({ a: '1', b: '2' });
    expect(withTag(sim, 'a', null).tags).toEqual({});
    expect(sim.tags).toEqual({ a: '1' });
  });
});

describe('useSimTagEdit', () => {
  it('shows a changed tag at once and puts the old value back when SORACOM refuses', async () => {
    const { client, result } = setUp({ name: 'pump-1', site: 'A' });
    act(() => result.current.mutate({ name: 'site', value: 'B' }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({ name: 'pump-1', site: 'B' }));
    release(new Response(JSON.stringify({ code: 'X', message: 'no' }), { status: 500 }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(client.getQueryData(key)?.tags).toEqual({ name: 'pump-1', site: 'A' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('removes a new tag again, and brings back a deleted one, when refused', async () => {
    const { client, result } = setUp({ site: 'A' });
    act(() => result.current.mutate({ name: 'new', value: 'x' }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({ site: 'A', new: 'x' }));
    release(new Response('{}', { status: 400 }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({ site: 'A' }));

    act(() => result.current.mutate({ name: 'site', value: null }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({}));
    release(new Response('{}', { status: 404 }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({ site: 'A' }));
  });

  it('keeps what SORACOM answers on success', async () => {
    const { client, result } = setUp({ site: 'A' });
    act(() => result.current.mutate({ name: 'site', value: 'B' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    release(new Response(JSON.stringify({ simId, tags: { site: 'B', extra: 'server' } }), { status: 200 }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(client.getQueryData(key)?.tags).toEqual({ site: 'B', extra: 'server' });
  });
});
