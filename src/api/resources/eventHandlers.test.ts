import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../session';
import { eventHandlerQueries } from './eventHandlers';

const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
afterAll(() => vi.unstubAllGlobals());

const session = { apiKey: 'api-key', token: 'token', operatorId: 'OP0000000001' };
const executions = [{ executionId: 'x1' }];

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => new Response(JSON.stringify({ executions })));
});

const read = () => new QueryClient().fetchQuery(eventHandlerQueries.executions({ handlerId: 'H1', limit: 5 }));
const asked = () => String(fetchMock.mock.calls[0]?.[0]);

describe("the local sandbox's event handler executions", () => {
  it('are read for the Japan coverage on `local`, and for the Global one with ?coverage=g', async () => {
    sessionStore.set({ ...session, endpoint: 'local' });
    expect(await read()).toEqual(executions);
    expect(asked()).toBe('/api/local/event_handler_executions?handlerId=H1&limit=5');

    fetchMock.mockClear();
    sessionStore.set({ ...session, endpoint: 'local-g' });
    expect(await read()).toEqual(executions);
    expect(asked()).toBe('/api/local/event_handler_executions?coverage=g&handlerId=H1&limit=5');
  });

  it('are not asked of SORACOM (no such operation)', async () => {
    sessionStore.set({ ...session, endpoint: 'g' });
    expect(await read()).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
