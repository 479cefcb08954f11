/**
 * Group configuration as the editors handle it. A namespace's draft is the loaded namespace itself (deep-copied):
 * form fields write into it by path, so every key the forms do not know is saved exactly as it was loaded.
 * `PUT /groups/{id}/configuration/{namespace}` replaces the whole namespace, which makes that essential.
 */
export const namespaces = [
  'SoracomAir',
  'SoracomBeam',
  'SoracomEndorse',
  'SoracomFunk',
  'SoracomFunnel',
  'SoracomHarvest',
  'SoracomHarvestFiles',
  'SoracomKrypton',
  'SoracomOrbit',
  'UnifiedEndpoint',
] as const;
export type Namespace = (typeof namespaces)[number];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Path = readonly string[];

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const clone = <T extends Json>(value: T): T => structuredClone(value);

/**
 * A key's own value. Setting names are chosen by people, so `valueOf` or `__proto__` are possible: reading one with
 * `object[key]` or testing it with `key in object` would find Object.prototype's instead.
 */
export const own = (object: JsonObject, key: string): Json | undefined =>
  Object.hasOwn(object, key) ? object[key] : undefined;

/** Writes a key as an own property, whatever its name (plain assignment of `__proto__` would set the prototype). */
function put(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

export function getPath(object: JsonObject, path: Path): Json | undefined {
  let node: Json | undefined = object;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = own(node, key);
  }
  return node;
}

/** A copy of `object` with the value at `path` set (or removed, for undefined); everything else shared as it was. */
export function setPath(object: JsonObject, path: Path, value: Json | undefined): JsonObject {
  const [head, ...rest] = path;
  if (head === undefined) return object;
  const next: JsonObject = { ...object };
  if (rest.length === 0) {
    if (value === undefined) delete next[head];
    else put(next, head, value);
    return next;
  }
  const current = own(object, head);
  const child = isObject(current) ? current : {};
  const updated = setPath(child, rest, value);
  if (value === undefined && Object.keys(updated).length === 0) delete next[head];
  else put(next, head, updated);
  return next;
}

/** The body of `PUT …/configuration/{namespace}`: every top-level key of the namespace. */
export const toUpdateRequest = (namespace: JsonObject) =>
  Object.entries(namespace).map(([key, value]) => ({ key, value }));

export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(own(a, key), own(b, key))) return false;
    return true;
  }
  return false;
}

export interface Change {
  path: string[];
  kind: 'added' | 'removed' | 'changed';
  before?: Json;
  after?: Json;
}

/** What differs between two values, key by key (objects are walked; arrays and scalars compared whole). */
export function diff(before: Json | undefined, after: Json | undefined, path: string[] = []): Change[] {
  if (deepEqual(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diff(own(before, key), own(after, key), [...path, key]));
  }
  if (before === undefined) return [{ path, kind: 'added', after }];
  if (after === undefined) return [{ path, kind: 'removed', before }];
  return [{ path, kind: 'changed', before, after }];
}

/** How a namespace's draft reaches the API: top-level keys removed one by one, then the rest in one PUT. */
export function savePlan(loaded: JsonObject, draft: JsonObject): { remove: string[]; put: JsonObject | null } {
  const remove = Object.keys(loaded).filter((key) => !Object.hasOwn(draft, key));
  const unchanged = deepEqual(
    Object.fromEntries(Object.entries(loaded).filter(([key]) => Object.hasOwn(draft, key))),
    draft,
  );
  return { remove, put: Object.keys(draft).length > 0 && !unchanged ? draft : null };
}

/** A group configuration file (export/import): `{ "format": …, "configuration": { namespace: {...} } }`. */
export const exportFormat = 'soracom-console/group-configuration@1';

export function parseConfigurationFile(text: string): Record<string, JsonObject> {
  const parsed = JSON.parse(text) as unknown;
  const configuration = isObject(parsed) && isObject(parsed.configuration) ? parsed.configuration : parsed;
  if (!isObject(configuration)) throw new Error('not an object');
  for (const [key, value] of Object.entries(configuration)) {
    if (!(namespaces as readonly string[]).includes(key)) throw new Error(`unknown namespace ${key}`);
    if (!isObject(value)) throw new Error(`${key} is not an object`);
  }
  return configuration as Record<string, JsonObject>;
}
