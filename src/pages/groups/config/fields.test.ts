import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diff,
  getPath,
  type Json,
  type JsonObject,
  savePlan,
  setPath,
  toUpdateRequest,
} from '../../../../common/configuration';
import { namespaceFields } from './fields';

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
