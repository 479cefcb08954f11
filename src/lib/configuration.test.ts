import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namespaceFields } from '../pages/groups/config/fields';
import {
  diff,
  getPath,
  type Json,
  type JsonObject,
  parseConfigurationFile,
  savePlan,
  setPath,
  toUpdateRequest,
} from './configuration';

/** Any JSON value, nested a few levels, as SORACOM could hold in a namespace. */
const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;
const namespaceObject = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), json, { maxKeys: 6 });

/** The value a form field of this kind could hold after the user edited it. */
function fieldValue(kind: string): fc.Arbitrary<Json> {
  switch (kind) {
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.integer({ min: 60, max: 86_400 });
    case 'ipList':
      return fc.array(fc.ipV4(), { minLength: 1, maxLength: 3 });
    case 'lines':
    case 'urlList':
      return fc.array(fc.webUrl(), { minLength: 1, maxLength: 2 });
    default:
      return fc.string({ minLength: 1 });
  }
}

/** What the PUT body says the namespace becomes. */
const sent = (body: { key: string; value: Json }[]): JsonObject =>
  Object.fromEntries(body.map((e) => [e.key, e.value]));

describe('saving a namespace edited through a form', () => {
  const editable = Object.entries(namespaceFields).flatMap(([ns, fields]) => fields.map((field) => ({ ns, field })));

  it('sends every other key exactly as loaded, for any existing configuration', () => {
    fc.assert(
      fc.property(
        namespaceObject,
        fc.constantFrom(...editable).chain((target) => fc.tuple(fc.constant(target), fieldValue(target.field.kind))),
        (loaded, [{ field }, value]) => {
          const before = structuredClone(loaded);
          const draft = setPath(loaded, field.path, value);
          const body = sent(toUpdateRequest(draft));
          // The edited setting has its new value…
          expect(getPath(body, field.path)).toEqual(value);
          // …and nothing else moved: the only differences are at (or, when a scalar became an object, under) it.
          for (const change of diff(before, body)) {
            expect(change.path.slice(0, field.path.length)).toEqual(field.path.slice(0, change.path.length));
          }
          // Loading did not change what was loaded.
          expect(loaded).toEqual(before);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('plans removed top-level keys as deletes and sends the rest, unchanged keys included', () => {
    fc.assert(
      fc.property(namespaceObject, fc.nat(), (loaded, pick) => {
        const keys = Object.keys(loaded);
        fc.pre(keys.length > 1);
        const removed = keys[pick % keys.length] as string;
        const draft = setPath(loaded, [removed], undefined);
        const plan = savePlan(loaded, draft);
        expect(plan.remove).toEqual([removed]);
        expect(plan.put).toBeNull();
        const changed = setPath(draft, [keys.find((k) => k !== removed) as string], 'edited');
        expect(savePlan(loaded, changed).put).toEqual(changed);
      }),
    );
  });
});

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
