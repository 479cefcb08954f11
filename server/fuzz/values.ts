/**
 * Values made from the description's schemas with a seeded generator: one that fits a schema, and the odd ones a
 * fuzz case puts in its place (other types, huge and strange strings, deep nesting).
 */
import type { Random } from '../sandbox/simFactory';

export type Schema = Record<string, unknown>;

/** A generator of its own for every (seed, label): a case can be made again alone, whatever ran before it. */
export function randomFor(seed: number, label: string): Random {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pickOf = <T>(random: Random, items: readonly T[]): T => {
  if (items.length === 0) throw new Error('nothing to pick from');
  return items[Math.floor(random() * items.length)] as T;
};

const integerIn = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Strings that have broken parsers, databases and templates elsewhere. */
export const strangeStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m',
  '\r\n\r\nX-Injected: 1',
  '日本語のタグ',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\u202egnirts desrever',
  '\ud800',
  '\ufeff\u200b',
  'Ω'.repeat(300),
  '%s%n%x',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, plain text on purpose.
  '${7*7}{{7*7}}',
  "'; DROP TABLE sims; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '99999999999999999999999',
  'null',
  'true',
] as const;

/** A value of another JSON type than `value`'s. */
export function otherType(random: Random, value: unknown): unknown {
  const kinds: unknown[] = ['text', 42, -1.5, true, null, [], {}, [1, 'a'], { a: { b: 1 } }, 1e308];
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  return pickOf(
    random,
    kinds.filter((k) => typeOf(k) !== typeOf(value)),
  );
}

/** JSON text nested `depth` levels deep (arrays and objects in turn), as text: JSON.stringify cannot go that deep. */
export function deepJson(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 === 0 ? '[' : '{"a":';
    close = (i % 2 === 0 ? ']' : '}') + close;
  }
  return `${open}"bottom"${close}`;
}

/** Makes values that fit the description's schemas, resolving `$ref` against its components. */
export class ValueMaker {
  constructor(private readonly schemas: Record<string, Schema>) {}

  resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
      const name = current.$ref.split('/').pop() ?? '';
      current = this.schemas[name] ?? {};
    }
    return current;
  }

  /** A value that fits `schema` (where the generator can tell: patterns are not followed). */
  make(random: Random, input: Schema | undefined, depth = 0): unknown {
    const schema = this.resolve(input);
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return pickOf(random, schema.enum);
    if (Array.isArray(schema.allOf)) {
      const parts = (schema.allOf as Schema[]).map((part) => this.make(random, part, depth + 1));
      return parts.every((p) => p && typeof p === 'object' && !Array.isArray(p))
        ? Object.assign({}, ...parts)
        : parts[0];
    }
    const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    if (Array.isArray(alternatives) && alternatives.length > 0) {
      return this.make(random, pickOf(random, alternatives), depth + 1);
    }
    if (schema.example !== undefined && random() < 0.3) return schema.example;
    const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : 'string');
    switch (type) {
      case 'integer':
      case 'number': {
        const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
        const max = typeof schema.maximum === 'number' ? schema.maximum : Math.max(min, 0) + 1000;
        const n = integerIn(random, Math.ceil(min), Math.floor(max));
        return type === 'number' && random() < 0.3 ? n + 0.5 : n;
      }
      case 'boolean':
        return random() < 0.5;
      case 'array': {
        const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
        const length = depth > 5 ? min : integerIn(random, min, min + 2);
        return Array.from({ length }, () => this.make(random, schema.items as Schema, depth + 1));
      }
      case 'object':
        return this.makeObject(random, schema, depth);
      default:
        return this.makeString(random, schema);
    }
  }

  private makeObject(random: Random, schema: Schema, depth: number): Record<string, unknown> {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = new Set((schema.required ?? []) as string[]);
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(properties)) {
      if (required.has(name) || (depth < 5 && random() < 0.5)) out[name] = this.make(random, property, depth + 1);
    }
    const extra = schema.additionalProperties;
    if (extra && depth < 5 && random() < 0.5) {
      const valueSchema = typeof extra === 'object' ? (extra as Schema) : { type: 'string' };
      out[`key${integerIn(random, 0, 99)}`] = this.make(random, valueSchema, depth + 1);
    }
    return out;
  }

  private makeString(random: Random, schema: Schema): string {
    switch (schema.format) {
      case 'date-time':
        return new Date(Date.UTC(2026, 0, integerIn(random, 1, 28))).toISOString();
      case 'date':
        return `2026-01-${String(integerIn(random, 1, 28)).padStart(2, '0')}`;
      case 'email':
        return `fuzz${integerIn(random, 0, 9999)}@example.com`;
      case 'uri':
      case 'url':
        return `https://example.com/${integerIn(random, 0, 99)}`;
      case 'yyyyMM':
        return `2025${String(integerIn(random, 1, 12)).padStart(2, '0')}`;
      case 'yyyyMMdd':
        return `202601${String(integerIn(random, 1, 28)).padStart(2, '0')}`;
      case 'IMSI':
        return `44052${String(integerIn(random, 0, 9_999_999)).padStart(10, '0')}`;
    }
    const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : min + 16;
    const length = integerIn(random, min, Math.min(max, min + 16));
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-_';
    return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  }
}
