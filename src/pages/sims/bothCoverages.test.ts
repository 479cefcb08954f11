import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api/session';
import { onlyCoverage } from './bothCoverages';
import { fleetLoader } from './fleetLoader';

/** The typed client captures `fetch` when its module loads, so the stub is installed before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
afterAll(() => vi.unstubAllGlobals());

/** Each endpoint's fleet, as its `GET /sims` answers it (one page). */
const fleets: Record<string, { simId: string; status: string }[]> = {
  local: [
    { simId: '8942310000000000001', status: 'active' },
    { simId: '8942310000000000002', status: 'inactive' },
  ],
  'local-g': [{ simId: '8988230000000000001', status: 'ready' }],
};
let asked: { endpoint: string; key: string | null }[];

beforeEach(() => {
  asked = [];
  sessionStore.set({ endpoint: 'local', apiKey: 'api-key', token: 'token', operatorId: 'OP0000000001' });
  fleetLoader.reset();
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const endpoint = /^\/api\/([^/]+)\/v1\/sims$/.exec(url.pathname)?.[1] ?? '';
    asked.push({ endpoint, key: request.headers.get('X-Soracom-API-Key') });
    return new Response(JSON.stringify(fleets[endpoint] ?? []), { headers: { 'content-type': 'application/json' } });
  });
});

async function loaded() {
  await vi.waitFor(() => expect(fleetLoader.get().status).toBe('done'));
  return fleetLoader.get().rows;
}

describe('the SIM table over both coverages', () => {
  it("lists this coverage's SIMs, then the other's, each marked with its coverage", async () => {
    fleetLoader.load({ filters: {}, searchType: 'and' }, false, [
      { endpoint: 'local', coverage: 'jp' },
      { endpoint: 'local-g', coverage: 'g' },
    ]);
    const rows = await loaded();
    expect(rows.map((row) => [row.simId, row.coverage])).toEqual([
      ['8942310000000000001', 'jp'],
      ['8942310000000000002', 'jp'],
      ['8988230000000000001', 'g'],
    ]);
    // Both endpoints were read with the one session's key: no second sign-in.
    expect(asked.map((a) => a.endpoint).sort()).toEqual(['local', 'local-g']);
    expect(new Set(asked.map((a) => a.key))).toEqual(new Set(['api-key']));

    expect(onlyCoverage(rows, 'g').map((row) => row.simId)).toEqual(['8988230000000000001']);
    expect(onlyCoverage(rows, 'jp')).toHaveLength(2);
    expect(onlyCoverage(rows, null)).toBe(rows);
  });

  it("keeps one coverage's table to the session's endpoint, its rows unmarked", async () => {
    fleetLoader.load({ filters: {}, searchType: 'and' });
    const rows = await loaded();
    expect(rows.map((row) => [row.simId, row.coverage])).toEqual([
      ['8942310000000000001', undefined],
      ['8942310000000000002', undefined],
    ]);
    expect(asked.map((a) => a.endpoint)).toEqual(['local']);
  });

  it('forgets the loaded fleet when the session switches coverage', async () => {
    fleetLoader.load({ filters: {}, searchType: 'and' });
    expect(await loaded()).toHaveLength(2);
    const session = sessionStore.get();
    if (session) sessionStore.set({ ...session, endpoint: 'local-g' });
    expect(fleetLoader.get()).toMatchObject({ status: 'idle', rows: [] });
  });

  it('keeps a SIM read again in the coverage it was listed in', async () => {
    fleetLoader.load({ filters: {}, searchType: 'and' }, false, [
      { endpoint: 'local', coverage: 'jp' },
      { endpoint: 'local-g', coverage: 'g' },
    ]);
    const rows = await loaded();
    const global = rows.find((row) => row.coverage === 'g');
    if (!global) throw new Error('no Global SIM');
    fleetLoader.update([{ ...global, coverage: undefined, status: 'active' }]);
    await vi.waitFor(() =>
      expect(fleetLoader.get().rows.find((row) => row.simId === global.simId)).toMatchObject({
        status: 'active',
        coverage: 'g',
      }),
    );
  });
});
