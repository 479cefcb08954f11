import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../queryClient';
import { useChange } from '../useChange';
import { settleSims, simChanges, withTag } from './simChanges';
import { type Sim, simQueries } from './sims';

const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
afterAll(() => vi.unstubAllGlobals());
afterEach(() => {
  vi.restoreAllMocks();
  onlineManager.setOnline(true);
});

const simId = '8942310000000000001';
const key = simQueries.detail(simId).queryKey;
let release: (response: Response) => void;

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() => new Promise<Response>((resolve) => (release = resolve)));
});

function clientWith(tags: Record<string, string>) {
  // The console's own defaults: changes never retry and are not held back while offline.
  const client = createQueryClient();
  client.setQueryData(key, { simId, tags } satisfies Sim);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

function editTags(tags: Record<string, string>) {
  const { client, wrapper } = clientWith(tags);
  const { result } = renderHook(() => useChange(simChanges.editTag(simId)), { wrapper });
  return { client, result };
}

describe('settleSims', () => {
  it('puts answered SIMs in the detail cache and refreshes lists, histories and the others’ details', async () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    const updated: Sim = { simId, status: 'suspended' };
    await settleSims(client, [updated], [simId, 'other']);
    expect(client.getQueryData(key)).toEqual(updated);
    const keys = spy.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        simQueries.lists(),
        ['sims', 'history'],
        ['sims', 'sessionEvents'],
        ['groups', 'members'],
        simQueries.detail('other').queryKey,
      ]),
    );
    expect(keys).not.toContainEqual(key);
  });
});

describe('simChanges.act and rename', () => {
  it('puts the SIM answered in the cache before the change is done', async () => {
    const { client, wrapper } = clientWith({});
    const answered: Sim = { simId, status: 'inactive', tags: {} };
    const call = vi.fn(async () => answered);
    const { result } = renderHook(() => useChange(simChanges.act(simId, call)), { wrapper });
    let went = false;
    await act(async () => {
      went = await result.current.submit({ any: 'input' });
    });
    expect(went).toBe(true);
    expect(call).toHaveBeenCalledWith({ any: 'input' }, expect.anything());
    expect(client.getQueryData(key)).toEqual(answered);
  });

  it('renames, keeping the SIM as it was and the error when refused', async () => {
    const { client, wrapper } = clientWith({ name: 'pump-1' });
    const { result } = renderHook(() => useChange(simChanges.rename(simId)), { wrapper });
    let submitted: Promise<boolean> = Promise.resolve(true);
    act(() => {
      submitted = result.current.submit('pump-2');
    });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    release(new Response(JSON.stringify({ code: 'X', message: 'no' }), { status: 400 }));
    await act(async () => {
      expect(await submitted).toBe(false);
    });
    await waitFor(() => expect(result.current.error).toMatchObject({ status: 400, code: 'X' }));
    expect(client.getQueryData(key)?.tags).toEqual({ name: 'pump-1' });
  });
});

describe('offline', () => {
  it('refuses a change at once instead of holding it until the connection is back', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    onlineManager.setOnline(false);
    const { wrapper } = clientWith({});
    const { result } = renderHook(() => useChange(simChanges.rename(simId)), { wrapper });
    let went = true;
    await act(async () => {
      went = await result.current.submit('pump-2');
    });
    expect(went).toBe(false);
    await waitFor(() => expect(result.current.error).toMatchObject({ status: 0 }));
    expect(result.current.pending).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('withTag', () => {
  it('sets or removes one tag, leaving the SIM given as it was', () => {
    const sim: Sim = { simId, tags: { a: '1' } };
    expect(withTag(sim, 'b', '2').tags).toEqual({ a: '1', b: '2' });
    expect(withTag(sim, 'a', null).tags).toEqual({});
    expect(sim.tags).toEqual({ a: '1' });
  });
});

describe('simChanges.editTag', () => {
  it('shows a changed tag at once and puts the old value back when SORACOM refuses', async () => {
    const { client, result } = editTags({ name: 'pump-1', site: 'A' });
    act(() => void result.current.submit({ name: 'site', value: 'B' }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({ name: 'pump-1', site: 'B' }));
    release(new Response(JSON.stringify({ code: 'X', message: 'no' }), { status: 500 }));
    await waitFor(() => expect(result.current.error).toBeTruthy());
    expect(client.getQueryData(key)?.tags).toEqual({ name: 'pump-1', site: 'A' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('removes a new tag again, and brings back a deleted one, when refused', async () => {
    const { client, result } = editTags({ site: 'A' });
    act(() => void result.current.submit({ name: 'new', value: 'x' }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({ site: 'A', new: 'x' }));
    release(new Response('{}', { status: 400 }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({ site: 'A' }));
    await waitFor(() => expect(result.current.pending).toBe(false));

    act(() => void result.current.submit({ name: 'site', value: null }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({}));
    release(new Response('{}', { status: 404 }));
    await waitFor(() => expect(client.getQueryData(key)?.tags).toEqual({ site: 'A' }));
  });

  it('keeps what SORACOM answers on success', async () => {
    const { client, result } = editTags({ site: 'A' });
    act(() => void result.current.submit({ name: 'site', value: 'B' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    release(new Response(JSON.stringify({ simId, tags: { site: 'B', extra: 'server' } }), { status: 200 }));
    await waitFor(() => expect(result.current.done).toBe(true));
    expect(client.getQueryData(key)?.tags).toEqual({ site: 'B', extra: 'server' });
  });

  it('sends one edit at a time: a second while one is on its way is not sent', async () => {
    const { result } = editTags({ site: 'A' });
    let second: Promise<boolean> = Promise.resolve(true);
    act(() => {
      void result.current.submit({ name: 'site', value: 'B' });
      second = result.current.submit({ name: 'site', value: 'C' });
    });
    await act(async () => {
      expect(await second).toBe(false);
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
