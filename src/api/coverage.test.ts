import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { coverageState, endpointFor, switchEndpoint } from './coverage';
import { coverageOf, type EndpointInfo, twinOf } from './endpoints';
import { sessionStore } from './session';

const offered: EndpointInfo[] = [
  { id: 'local', upstream: null, coverage: 'jp', twin: 'local-g' },
  { id: 'local-g', upstream: null, coverage: 'g', twin: 'local' },
  { id: 'jp', upstream: 'https://api.soracom.io/v1', coverage: 'jp', twin: 'g' },
  { id: 'g', upstream: 'https://g.api.soracom.io/v1', coverage: 'g', twin: 'jp' },
  { id: 'sandbox-jp', upstream: 'https://api-sandbox.soracom.io/v1', coverage: 'jp' },
];

afterEach(() => sessionStore.clear());

describe('an endpoint and its twin', () => {
  it("reads the coverage the server names, else the endpoint's id", () => {
    expect(coverageOf('local-g', offered)).toBe('g');
    expect(coverageOf('local', offered)).toBe('jp');
    expect(coverageOf('sandbox-g', [])).toBe('g');
    expect(coverageOf('sandbox-jp', [])).toBe('jp');
  });

  it('offers a twin only when the server offers it too', () => {
    expect(twinOf('local', offered)).toBe('local-g');
    expect(twinOf('sandbox-jp', offered)).toBeNull();
    expect(
      twinOf(
        'jp',
        offered.filter((e) => e.id !== 'g'),
      ),
    ).toBeNull();
  });

  it('offers the switch to an account with both coverages, or whose coverages cannot be read', () => {
    expect(coverageState('local', offered, ['jp', 'g'])).toEqual({ coverage: 'jp', twin: 'local-g', switchable: true });
    expect(coverageState('local-g', offered, ['g', 'jp'])).toEqual({ coverage: 'g', twin: 'local', switchable: true });
    expect(coverageState('local', offered, ['jp'])).toEqual({ coverage: 'jp', twin: 'local-g', switchable: false });
    expect(coverageState('local', offered, null).switchable).toBe(true);
    expect(coverageState('sandbox-jp', offered, ['jp', 'g']).switchable).toBe(false);
  });

  it('finds the endpoint serving a coverage from where the session is', () => {
    expect(endpointFor('g', 'local', offered)).toBe('local-g');
    expect(endpointFor('jp', 'local', offered)).toBe('local');
    expect(endpointFor('g', 'sandbox-jp', offered)).toBeNull();
  });
});

describe('switching coverage', () => {
  const session = { endpoint: 'local', apiKey: 'api-key', token: 'token', operatorId: 'OP0000000001' };

  it('keeps the session on the twin endpoint and drops what was read from the coverage left', () => {
    sessionStore.set(session);
    const client = new QueryClient();
    client.setQueryData(['sims', 'list', { limit: 50 }], { items: [{ simId: 'jp-sim' }], nextKey: null });
    client.setQueryData(['groups', 'list'], [{ groupId: 'jp-group' }]);
    client.setQueryData(['endpoints'], offered);
    client.setQueryData(['operator', 'OP0000000001'], { coverageTypes: ['jp', 'g'] });

    switchEndpoint(client, 'local-g');

    expect(sessionStore.get()).toEqual({ ...session, endpoint: 'local-g' });
    expect(client.getQueryData(['sims', 'list', { limit: 50 }])).toBeUndefined();
    expect(client.getQueryData(['groups', 'list'])).toBeUndefined();
    expect(client.getQueryData(['endpoints'])).toEqual(offered);
    expect(client.getQueryData(['operator', 'OP0000000001'])).toEqual({ coverageTypes: ['jp', 'g'] });
  });

  it('does nothing without a session or when already there', () => {
    const client = new QueryClient();
    client.setQueryData(['groups', 'list'], []);
    switchEndpoint(client, 'local-g');
    expect(sessionStore.get()).toBeNull();
    sessionStore.set(session);
    switchEndpoint(client, 'local');
    expect(client.getQueryData(['groups', 'list'])).toEqual([]);
  });
});
