import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../../common/configuration';
import { groupConfigurationChanges, NamespaceConflict } from './groupConfiguration';

/** The typed client captures `fetch` when its module loads, so the stub is installed before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const base = '/api/local/v1/groups/g-1';
let sent: { method: string; path: string; body: unknown }[];
/** The group's configuration as the server has it. */
let server: Record<string, JsonObject>;

beforeEach(() => {
  sent = [];
  server = {};
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    const path = decodeURIComponent(new URL(request.url).pathname);
    sent.push({ method: request.method, path, body: text ? JSON.parse(text) : null });
    const body = request.method === 'GET' ? { groupId: 'g-1', configuration: server, lastModifiedTime: 2 } : {};
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
});

const writes = () => sent.filter((r) => r.method !== 'GET');

function saveNamespace(namespace: string, variables: { loaded: JsonObject; draft: JsonObject; overwrite: boolean }) {
  const client = new QueryClient();
  return new MutationObserver(client, groupConfigurationChanges.saveNamespace('g-1', namespace)).mutate(variables);
}

/** Keys no form of the console knows, of every JSON kind. */
const unknown: JsonObject = { futureSetting: { nested: [1, 'two', { three: true }] }, '__keep me__': 'as is', n: null };

describe('groupConfigurationChanges.saveNamespace', () => {
  it('deletes the keys removed first, then sends every other key exactly as loaded in one PUT', async () => {
    const loaded = { ...unknown, useCustomDns: false, dnsServers: ['8.8.8.8'] };
    server = { SoracomAir: loaded };
    await saveNamespace('SoracomAir', { loaded, draft: { ...unknown, useCustomDns: true }, overwrite: false });

    expect(writes()).toEqual([
      { method: 'DELETE', path: `${base}/configuration/SoracomAir/dnsServers`, body: null },
      {
        method: 'PUT',
        path: `${base}/configuration/SoracomAir`,
        body: [
          { key: 'futureSetting', value: { nested: [1, 'two', { three: true }] } },
          { key: '__keep me__', value: 'as is' },
          { key: 'n', value: null },
          { key: 'useCustomDns', value: true },
        ],
      },
    ]);
  });

  it('refuses with the other change, and sends nothing, when the namespace changed since it was loaded', async () => {
    const loaded = { useCustomDns: false };
    server = { SoracomAir: { useCustomDns: false, addedElsewhere: 1 } };
    const saving = saveNamespace('SoracomAir', { loaded, draft: { useCustomDns: true }, overwrite: false });

    const conflict = await saving.catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(NamespaceConflict);
    expect((conflict as NamespaceConflict).theirs).toEqual({ useCustomDns: false, addedElsewhere: 1 });
    expect((conflict as NamespaceConflict).group.lastModifiedTime).toBe(2);
    expect(writes()).toEqual([]);
  });

  it('when told to overwrite, saves over the namespace as it is now', async () => {
    server = { SoracomAir: { useCustomDns: false, addedElsewhere: 1 } };
    await saveNamespace('SoracomAir', { loaded: {}, draft: { useCustomDns: true }, overwrite: true });
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE ${base}/configuration/SoracomAir/addedElsewhere`,
      `PUT ${base}/configuration/SoracomAir`,
    ]);
  });

  it('drops a key of SoracomOrbit with the replacing PUT, which has no DELETE for one key', async () => {
    const loaded = { enabled: true, old: 'x' };
    server = { SoracomOrbit: loaded };
    await saveNamespace('SoracomOrbit', { loaded, draft: { enabled: true }, overwrite: false });
    expect(writes()).toEqual([
      { method: 'PUT', path: `${base}/configuration/SoracomOrbit`, body: [{ key: 'enabled', value: true }] },
    ]);
  });

  it('deletes the namespace when nothing is left in it', async () => {
    const loaded = { enabled: true };
    server = { SoracomHarvest: loaded };
    await saveNamespace('SoracomHarvest', { loaded, draft: {}, overwrite: false });
    expect(writes()).toEqual([{ method: 'DELETE', path: `${base}/configuration/SoracomHarvest`, body: null }]);
  });
});

describe('groupConfigurationChanges.apply', () => {
  it('saves the namespaces that differ and deletes those the target has not', async () => {
    const client = new QueryClient();
    await new MutationObserver(client, groupConfigurationChanges.apply('g-1')).mutate({
      current: { SoracomAir: { useCustomDns: false }, SoracomHarvest: { enabled: true }, SoracomBeam: { a: 1 } },
      target: { SoracomAir: { useCustomDns: false }, SoracomBeam: { a: 2 } },
    });
    expect(writes()).toEqual([
      { method: 'PUT', path: `${base}/configuration/SoracomBeam`, body: [{ key: 'a', value: 2 }] },
      { method: 'DELETE', path: `${base}/configuration/SoracomHarvest`, body: null },
    ]);
  });
});
