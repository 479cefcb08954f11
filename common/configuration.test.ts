import { describe, expect, it } from 'vitest';
import { diff, getPath, type JsonObject, parseConfigurationFile, savePlan, setPath } from './configuration';

describe('settings named like Object.prototype members', () => {
  it('are read, written, removed and compared as the settings they are', () => {
    const loaded = JSON.parse('{"valueOf": false, "__proto__": {"x": 1}, "toString": "kept"}') as JsonObject;
    expect(getPath(loaded, ['valueOf'])).toBe(false);
    expect(getPath(loaded, ['__proto__', 'x'])).toBe(1);
    expect(getPath({}, ['constructor'])).toBeUndefined();

    const draft = setPath(setPath(loaded, ['valueOf'], undefined), ['__proto__', 'x'], 2);
    expect(Object.getPrototypeOf(draft)).toBe(Object.prototype);
    expect(Object.keys(draft).sort()).toEqual(['__proto__', 'toString']);
    expect(savePlan(loaded, draft)).toEqual({ remove: ['valueOf'], put: draft });
    expect(diff(loaded, draft).map((c) => [c.kind, c.path.join('.')])).toEqual([
      ['changed', '__proto__.x'],
      ['removed', 'valueOf'],
    ]);
    expect(diff({}, { constructor: 1 })).toEqual([{ path: ['constructor'], kind: 'added', after: 1 }]);
  });
});

describe('setPath', () => {
  it('writes nested paths without touching siblings, and removes emptied parents', () => {
    const loaded: JsonObject = { metadata: { enabled: true, readonly: false }, other: { x: 1 } };
    expect(setPath(loaded, ['metadata', 'enabled'], false)).toEqual({
      metadata: { enabled: false, readonly: false },
      other: { x: 1 },
    });
    expect(setPath({ metadata: { enabled: true } }, ['metadata', 'enabled'], undefined)).toEqual({});
    expect(setPath({}, ['response', 'format'], 'SoracomHarvest')).toEqual({ response: { format: 'SoracomHarvest' } });
  });
});

describe('diff', () => {
  it('lists each changed key with its before and after', () => {
    expect(diff({ a: 1, b: { c: true }, d: 'x' }, { a: 2, b: { c: true }, e: [1] })).toEqual([
      { path: ['a'], kind: 'changed', before: 1, after: 2 },
      { path: ['d'], kind: 'removed', before: 'x' },
      { path: ['e'], kind: 'added', after: [1] },
    ]);
  });
});

describe('parseConfigurationFile', () => {
  it('reads an exported file or a bare configuration, and refuses unknown namespaces', () => {
    const config = { SoracomAir: { useCustomDns: true } };
    expect(parseConfigurationFile(JSON.stringify({ format: 'x', configuration: config }))).toEqual(config);
    expect(parseConfigurationFile(JSON.stringify(config))).toEqual(config);
    expect(() => parseConfigurationFile('{"NotANamespace": {}}')).toThrow(/unknown namespace/);
    expect(() => parseConfigurationFile('{"SoracomAir": 3}')).toThrow(/not an object/);
    expect(() => parseConfigurationFile('{oops')).toThrow();
  });
});
