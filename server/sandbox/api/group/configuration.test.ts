/** `/groups/{group_id}/configuration/{namespace}`: replace a namespace, delete it, delete one of its keys. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox } from '../../../test/contract';
import { codes } from '../../errors';
import { groupConfiguration } from '../../guesses';
import { namespaces } from './configuration';

let s: ContractSandbox;
let root: Credentials & { operatorId: string };
/** The seeded groups by name. */
let seeded: Record<string, { groupId: string; configuration: Record<string, Record<string, unknown>> }>;
beforeEach(async () => {
  s = createContractSandbox({ fleet: 0 });
  root = await s.loginRoot();
  const list = await s.call('GET', '/groups', { auth: root });
  seeded = Object.fromEntries(list.body.map((g: { tags: { name: string } }) => [g.tags.name, g]));
});

const tokyo = () => seeded['Tokyo sensors']?.groupId ?? '';
const get = (groupId: string) => s.call('GET', `/groups/${groupId}`, { auth: root });
const put = (groupId: string, namespace: string, body: unknown, auth: Credentials = root) =>
  s.call('PUT', `/groups/${groupId}/configuration/${namespace}`, { auth, body });
const removeNamespace = (groupId: string, namespace: string, auth: Credentials = root) =>
  s.call('DELETE', `/groups/${groupId}/configuration/${namespace}`, { auth });
const removeKey = (groupId: string, namespace: string, name: string, auth: Credentials = root) =>
  s.call('DELETE', `/groups/${groupId}/configuration/${namespace}/${encodeURIComponent(name)}`, { auth });
const entries = (settings: Record<string, unknown>) => Object.entries(settings).map(([key, value]) => ({ key, value }));

describe('PUT /groups/{group_id}/configuration/{namespace}', () => {
  it('replaces the whole namespace: a key left out is gone, other namespaces are untouched', async () => {
    const before = (await get(tokyo())).body;
    expect(before.configuration.SoracomAir).toEqual({ metadata: { enabled: true, readonly: true } });
    s.clock.advance(60_000);
    const res = await put(tokyo(), 'SoracomAir', [
      { key: 'useCustomDns', value: true },
      { key: 'dnsServers', value: ['8.8.8.8', '2001:4860:4860::8888'] },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...before,
      configuration: {
        ...before.configuration,
        SoracomAir: { useCustomDns: true, dnsServers: ['8.8.8.8', '2001:4860:4860::8888'] },
      },
      lastModifiedTime: s.clock.now,
    });
    expect(res.body.configuration.SoracomHarvest).toEqual({ enabled: true });
    expect((await get(tokyo())).body).toEqual(res.body);
  });

  it('adds a namespace the group did not have, as in the recorded example', async () => {
    const staging = seeded.Staging?.groupId ?? '';
    await put(staging, 'UnifiedEndpoint', [
      { key: 'response', value: { format: 'SoracomHarvest' } },
      { key: 'enabled', value: true },
    ]);
    await put(staging, 'SoracomAir', [{ key: 'binaryParserEnabled', value: false }]);
    const res = await put(staging, 'SoracomHarvest', [{ key: 'enabled', value: true }]);
    expect(res.body.configuration).toEqual({
      SoracomHarvest: { enabled: true },
      UnifiedEndpoint: { response: { format: 'SoracomHarvest' }, enabled: true },
      SoracomAir: { binaryParserEnabled: false },
    });
  });

  it('takes every namespace of the description', async () => {
    const staging = seeded.Staging?.groupId ?? '';
    for (const namespace of namespaces) {
      const res = await put(staging, namespace, [{ key: 'enabled', value: false }]);
      expect(res.status, namespace).toBe(200);
    }
    const after = (await get(staging)).body.configuration;
    expect(Object.keys(after).sort()).toEqual([...namespaces].sort());
  });

  it('leaves the namespace present and empty for an empty list', async () => {
    const res = await put(tokyo(), 'SoracomAir', []);
    expect(res.status).toBe(200);
    expect(res.body.configuration.SoracomAir).toEqual({});
    expect(res.body.configuration.SoracomHarvest).toEqual({ enabled: true });
  });

  it('keeps unknown keys exactly as given, nested values and key order included', async () => {
    // Built from text, so that `__proto__` is a key of its own and not the object's prototype.
    const valueText =
      '{"z":[1,-2.5,0.1,1e+21,9007199254740991,null,true,"ü ✓ 日本",{"deep":{"deeper":[[],{}]}}],' +
      '"a":{"":"empty key","with space":{"a.b":null},"__proto__":"own key"},"empty":{}}';
    const value = JSON.parse(valueText);
    const raw = `[{"key":"futureSetting","value":${valueText}},{"key":"constructor","value":"c"},{"key":"toString","value":1},{"key":"__proto__","value":{"x":1}},{"key":"enabled","value":true}]`;
    const res = await s.call('PUT', `/groups/${tokyo()}/configuration/SoracomBeam`, { auth: root, raw });
    expect(res.status).toBe(200);
    const expected = JSON.stringify(
      JSON.parse(`{"futureSetting":${valueText},"constructor":"c","toString":1,"__proto__":{"x":1},"enabled":true}`),
    );
    expect(JSON.stringify(JSON.parse(res.text).configuration.SoracomBeam)).toBe(expected);
    const stored = JSON.parse((await get(tokyo())).text).configuration.SoracomBeam;
    expect(JSON.stringify(stored)).toBe(expected);
    expect(stored.futureSetting).toEqual(value);
    expect(Object.keys(stored)).toEqual(['futureSetting', 'constructor', 'toString', '__proto__', 'enabled']);
    expect(Object.keys(stored.futureSetting.a)).toEqual(['', 'with space', '__proto__']);
  });

  it('round-trips a seeded namespace loaded and sent back unchanged', async () => {
    const vending = seeded['Vending machines'];
    const funnel = vending?.configuration.SoracomFunnel ?? {};
    const res = await put(vending?.groupId ?? '', 'SoracomFunnel', entries(funnel));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.configuration.SoracomFunnel)).toBe(JSON.stringify(funnel));
  });

  it.each([
    ['SoracomAir', 'dnsServers', '8.8.8.8'],
    ['SoracomAir', 'dnsServers', ['8.8.8.8', 'not-an-address']],
    ['SoracomAir', 'dnsServers', ['8.8.8.256']],
    ['SoracomAir', 'dnsServers', [8]],
    ['SoracomAir', 'dnsServers', null],
    ['SoracomAir', 'useCustomDns', 'true'],
    ['SoracomAir', 'useVpg', 1],
    ['SoracomAir', 'binaryParserEnabled', null],
    ['SoracomAir', 'metadata', []],
    ['SoracomAir', 'metadata', 'on'],
    ['SoracomAir', 'metadata', { enabled: 'yes' }],
    ['SoracomAir', 'metadata', { enabled: true, readonly: 0 }],
    ['SoracomAir', 'enabled', 'true'],
    ['SoracomHarvest', 'enabled', 1],
    ['UnifiedEndpoint', 'enabled', null],
    ['SoracomFunnel', 'enabled', {}],
    ['SoracomEndorse', 'tokenTimeoutSeconds', 59],
    ['SoracomEndorse', 'tokenTimeoutSeconds', 86_401],
    ['SoracomEndorse', 'tokenTimeoutSeconds', 60.5],
    ['SoracomEndorse', 'tokenTimeoutSeconds', '120'],
    ['SoracomEndorse', 'tokenTimeoutSeconds', null],
  ])('answers 400 naming the key for %s %s = %j, and changes nothing', async (namespace, key, value) => {
    const before = (await get(tokyo())).body;
    const res = await put(tokyo(), namespace, [
      { key: 'unrelated', value: 1 },
      { key, value },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
    expect(res.body.message).toContain(`'${key}'`);
    expect(res.body.message).toContain(namespace);
    expect((await get(tokyo())).body).toEqual(before);
  });

  it.each([
    ['SoracomAir', 'dnsServers', []],
    ['SoracomAir', 'dnsServers', ['1.1.1.1', '::1', 'fe80::1']],
    ['SoracomAir', 'metadata', { enabled: false, allowOrigin: 'https://example.com', extra: [1] }],
    ['SoracomAir', 'metadata', {}],
    ['SoracomEndorse', 'tokenTimeoutSeconds', groupConfiguration.endorseTokenTimeoutSeconds.min],
    ['SoracomEndorse', 'tokenTimeoutSeconds', groupConfiguration.endorseTokenTimeoutSeconds.max],
    ['SoracomBeam', 'dnsServers', 'not checked outside SoracomAir'],
    ['SoracomAir', 'unknownSetting', null],
  ])('accepts %s %s = %j', async (namespace, key, value) => {
    const res = await put(tokyo(), namespace, [{ key, value }]);
    expect(res.status).toBe(200);
    expect(res.body.configuration[namespace]).toEqual({ [key]: value });
  });

  it('answers 400 for a key given twice, and for an empty key, and changes nothing', async () => {
    const before = (await get(tokyo())).body;
    const twice = await put(tokyo(), 'SoracomAir', [
      { key: 'useVpg', value: true },
      { key: 'useVpg', value: false },
    ]);
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain('useVpg');
    const empty = await put(tokyo(), 'SoracomAir', [{ key: '', value: true }]);
    expect(empty.status).toBe(400);
    expect((await get(tokyo())).body).toEqual(before);
  });

  it.each([
    ['a missing value', [{ key: 'a' }]],
    ['a missing key', [{ value: 1 }]],
    ['a key that is not a string', [{ key: 1, value: 1 }]],
    ['an object instead of a list', { key: 'a', value: 1 }],
    ['a list of strings', ['enabled']],
    ['null', null],
  ])('answers 400 for %s', async (_what, body) => {
    const res = await put(tokyo(), 'SoracomAir', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
  });

  it('answers 400 for a namespace that is not one of the description', async () => {
    for (const namespace of ['SoracomJunction', 'soracomair', '__proto__', 'constructor']) {
      const res = await put(tokyo(), namespace, [{ key: 'enabled', value: true }]);
      expect(res.status, namespace).toBe(400);
    }
  });

  it('answers 404 for an unknown group and for another operator’s group', async () => {
    expect((await put('no-such-group', 'SoracomAir', [])).status).toBe(404);
    const other = await s.newOperator();
    const res = await put(tokyo(), 'SoracomAir', [], other);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(codes.notFound);
    expect((await get(tokyo())).body.configuration.SoracomAir).toEqual({ metadata: { enabled: true, readonly: true } });
  });
});

describe('DELETE /groups/{group_id}/configuration/{namespace}', () => {
  it('removes the namespace: 204, the others stay', async () => {
    s.clock.advance(1_000);
    const res = await removeNamespace(tokyo(), 'SoracomAir');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const after = (await get(tokyo())).body;
    expect(after.configuration).toEqual({ SoracomHarvest: { enabled: true } });
    expect(after.lastModifiedTime).toBe(s.clock.now);
  });

  it('answers 404 for a namespace the group does not have', async () => {
    const res = await removeNamespace(tokyo(), 'SoracomFunnel');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(codes.notFound);
    expect((await removeNamespace(tokyo(), 'SoracomAir')).status).toBe(204);
    expect((await removeNamespace(tokyo(), 'SoracomAir')).status).toBe(404);
  });

  it('answers 400 for an unknown namespace, 404 for an unknown or foreign group', async () => {
    expect((await removeNamespace(tokyo(), 'SoracomJunction')).status).toBe(400);
    expect((await removeNamespace('no-such-group', 'SoracomAir')).status).toBe(404);
    const other = await s.newOperator();
    expect((await removeNamespace(tokyo(), 'SoracomAir', other)).status).toBe(404);
    expect((await get(tokyo())).body.configuration.SoracomAir).toBeDefined();
  });
});

describe('DELETE /groups/{group_id}/configuration/{namespace}/{name}', () => {
  it('removes one top-level key: 204, the other keys and namespaces stay', async () => {
    await put(tokyo(), 'SoracomAir', [
      { key: 'useCustomDns', value: true },
      { key: 'dnsServers', value: ['8.8.8.8'] },
      { key: 'metadata', value: { enabled: true } },
    ]);
    const res = await removeKey(tokyo(), 'SoracomAir', 'dnsServers');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await get(tokyo())).body.configuration).toEqual({
      SoracomAir: { useCustomDns: true, metadata: { enabled: true } },
      SoracomHarvest: { enabled: true },
    });
  });

  it('leaves the namespace empty when its last key goes, and takes keys with odd names', async () => {
    await put(tokyo(), 'SoracomBeam', [
      { key: 'a/b c', value: 1 },
      { key: '__proto__', value: 2 },
    ]);
    expect((await removeKey(tokyo(), 'SoracomBeam', 'a/b c')).status).toBe(204);
    expect((await removeKey(tokyo(), 'SoracomBeam', '__proto__')).status).toBe(204);
    expect((await get(tokyo())).body.configuration.SoracomBeam).toEqual({});
  });

  it('answers 404 for a key or namespace the group does not have', async () => {
    const before = (await get(tokyo())).body;
    for (const [namespace, name] of [
      ['SoracomAir', 'dnsServers'],
      ['SoracomAir', 'enabled'],
      ['SoracomAir', 'constructor'],
      ['SoracomAir', '__proto__'],
      ['SoracomFunnel', 'enabled'],
    ] as const) {
      const res = await removeKey(tokyo(), namespace, name);
      expect(res.status, `${namespace}/${name}`).toBe(404);
      expect(res.body.code).toBe(codes.notFound);
    }
    expect((await get(tokyo())).body).toEqual(before);
  });

  it('answers 404 for an unknown or foreign group', async () => {
    expect((await removeKey('no-such-group', 'SoracomAir', 'metadata')).status).toBe(404);
    const other = await s.newOperator();
    expect((await removeKey(tokyo(), 'SoracomAir', 'metadata', other)).status).toBe(404);
    expect((await get(tokyo())).body.configuration.SoracomAir.metadata).toBeDefined();
  });
});

describe('lastModifiedTime', () => {
  it('grows with every change, strictly even within one millisecond, and not on a refused change', async () => {
    const start = (await get(tokyo())).body.lastModifiedTime;
    const changes = [
      () => put(tokyo(), 'SoracomAir', [{ key: 'useVpg', value: true }]),
      () => put(tokyo(), 'SoracomAir', [{ key: 'useVpg', value: true }]),
      () => removeKey(tokyo(), 'SoracomAir', 'useVpg'),
      () => removeNamespace(tokyo(), 'SoracomAir'),
      () => s.call('PUT', `/groups/${tokyo()}/tags`, { auth: root, body: [{ tagName: 'env', tagValue: 'x' }] }),
      () => s.call('DELETE', `/groups/${tokyo()}/tags/env`, { auth: root }),
    ];
    // The clock is moved far ahead once, then stands still: every change lands in the same millisecond.
    s.clock.advance(3_600_000);
    const now = s.clock.now;
    const times: number[] = [];
    for (const change of changes) {
      const res = await change();
      expect(res.status).toBeLessThan(300);
      times.push((await get(tokyo())).body.lastModifiedTime);
    }
    expect(times[0]).toBe(now);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBe((times[i - 1] as number) + 1);
    expect(times[0]).toBeGreaterThan(start);

    const refused = await put(tokyo(), 'SoracomAir', [{ key: 'useVpg', value: 'yes' }]);
    expect(refused.status).toBe(400);
    expect((await removeKey(tokyo(), 'SoracomHarvest', 'nothing')).status).toBe(404);
    expect((await get(tokyo())).body.lastModifiedTime).toBe(times.at(-1));

    s.clock.advance(60_000);
    const later = await put(tokyo(), 'SoracomAir', []);
    expect(later.body.lastModifiedTime).toBe(s.clock.now);
    expect(later.body.createdTime).toBe((await get(tokyo())).body.createdTime);
  });
});
