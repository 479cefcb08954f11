/**
 * Fuzz cases for one operation of the description: a request made from its schemas, either valid or broken in one
 * place (the case's `kind`), sent by the root account, a SAM user or nobody. Case n of an operation depends only on
 * the seed, the operation and n, so any case can be made again alone.
 */

import type { Random } from '../sandbox/simFactory';
import type { OpenApiDocument } from '../sandbox/spec';
import { deepJson, otherType, pickOf, randomFor, type Schema, strangeStrings, ValueMaker } from './values';

export type Caller = 'root' | 'user' | 'none';

export interface FuzzCase {
  operationId: string;
  index: number;
  /** `valid`, or what was broken (`body:wrong-type`, `path:encoded-slash`, ...). */
  kind: string;
  caller: Caller;
  method: string;
  /** The path after `/v1`, percent-encoded as sent. */
  path: string;
  /** `?a=b&...`, or empty. */
  search: string;
  headers: Record<string, string>;
  body?: string;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

export interface FuzzOperation {
  operationId: string;
  method: string;
  template: string;
  secured: boolean;
  pathParams: Parameter[];
  queryParams: Parameter[];
  bodySchema?: Schema;
  bodyRequired: boolean;
  /** The methods the description has at this path. */
  methodsHere: string[];
}

/** Values that name things the caller has, by path parameter name (`sim_id` → a SIM of the demo fleet). */
export type Known = Record<string, readonly string[]>;

const allMethods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const mebibyte = 1024 * 1024;
/** Percent-encodes as a client would; a lone surrogate goes as the bytes of its UTF-8 look-alike, which is no UTF-8. */
const encode = (value: string): string => {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split(/[\ud800-\udfff]/)
      .map(encodeURIComponent)
      .join('%ED%A0%80');
  }
};
const placeholder = '\u0000fuzz-placeholder\u0000';

export function operationsOf(spec: OpenApiDocument): FuzzOperation[] {
  const out: FuzzOperation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const methodsHere = Object.keys(item).map((m) => m.toUpperCase());
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as unknown as {
        operationId: string;
        parameters?: Parameter[];
        security?: unknown[];
        requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
      };
      const params = op.parameters ?? [];
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        template,
        secured: Boolean(op.security?.length),
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
        bodyRequired: Boolean(op.requestBody?.required),
        methodsHere,
      });
    }
  }
  return out;
}

/** The ways a request to `op` can be broken in one place. */
export function mutationsFor(op: FuzzOperation): string[] {
  const kinds = ['method:wrong', 'path:dot-dot-suffix', 'query:unknown', 'header:bogus-token'];
  if (op.pathParams.length > 0) {
    kinds.push(
      'path:encoded-slash',
      'path:dot-dot',
      'path:encoded-dot-dot',
      'path:long-id',
      'path:strange',
      'path:bad-percent',
      'path:empty',
    );
  }
  if (op.queryParams.length > 0) kinds.push('query:wrong-type', 'query:huge', 'query:strange', 'query:repeated');
  if (op.bodySchema) {
    kinds.push(
      'body:wrong-type',
      'body:missing-required',
      'body:huge-string',
      'body:strange-string',
      'body:deep',
      'body:very-deep',
      'body:invalid-json',
      'body:not-object',
      'body:wrong-content-type',
      'body:prototype-keys',
      'body:over-limit',
      'body:extra-properties',
    );
  } else if (op.method !== 'GET') {
    kinds.push('body:unexpected');
  }
  return kinds;
}

interface Built {
  path: Record<string, string>;
  query: [string, string][];
  body: unknown;
  hasBody: boolean;
}

export class CaseMaker {
  private readonly values: ValueMaker;

  constructor(
    spec: OpenApiDocument,
    private readonly seed: number,
  ) {
    this.values = new ValueMaker(spec.components.schemas);
  }

  /** Case `index` of `op`: about a third valid, the rest broken in one place each. */
  make(op: FuzzOperation, index: number, known: Known): FuzzCase {
    const random = randomFor(this.seed, `${op.operationId}#${index}`);
    const caller: Caller = pickOf(random, ['root', 'root', 'root', 'user', 'user', 'none']);
    const built = this.valid(op, random, known);
    const kind = random() < 0.35 ? 'valid' : pickOf(random, mutationsFor(op));
    const out: FuzzCase = {
      operationId: op.operationId,
      index,
      kind,
      caller,
      method: op.method,
      path: '',
      search: '',
      headers: {},
    };
    let pathValues = Object.fromEntries(Object.entries(built.path).map(([name, value]) => [name, encode(value)]));
    let body: string | undefined = built.hasBody ? JSON.stringify(built.body) : undefined;
    const [family, what] = kind.split(':') as [string, string];
    if (family === 'path' && what !== 'dot-dot-suffix') pathValues = this.breakPath(random, what, pathValues);
    if (family === 'query') this.breakQuery(random, what, op, built.query);
    if (family === 'body') body = this.breakBody(random, what, op, built, out);
    if (kind === 'method:wrong')
      out.method = pickOf(
        random,
        allMethods.filter((m) => !op.methodsHere.includes(m)),
      );
    if (kind === 'header:bogus-token') out.caller = 'none';
    if (kind === 'header:bogus-token') out.headers = { 'x-soracom-api-key': 'api-bogus', 'x-soracom-token': 'bogus' };
    out.path = op.template.replace(/\{([^}]+)\}/g, (_m, name: string) => pathValues[name] ?? '');
    if (kind === 'path:dot-dot-suffix') out.path += pickOf(random, ['/..', '/../..', '/%2e%2e/auth', '/./', '//']);
    out.search = built.query.length > 0 ? `?${built.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : '';
    if (body !== undefined) {
      out.body = body;
      out.headers['content-type'] ??= 'application/json';
    }
    return out;
  }

  private valid(op: FuzzOperation, random: Random, known: Known): Built {
    const path: Record<string, string> = {};
    for (const p of op.pathParams) {
      const choices = known[p.name];
      path[p.name] =
        choices && choices.length > 0 && random() < 0.85
          ? pickOf(random, choices)
          : String(this.values.make(random, p.schema));
    }
    const query: [string, string][] = [];
    for (const p of op.queryParams) {
      if (!p.required && random() < 0.6) continue;
      const value = this.values.make(random, p.schema);
      for (const item of Array.isArray(value) ? value : [value]) query.push([p.name, String(item)]);
    }
    const hasBody = op.bodySchema !== undefined && (op.bodyRequired || random() < 0.9);
    return { path, query, body: hasBody ? this.values.make(random, op.bodySchema) : undefined, hasBody };
  }

  private breakPath(random: Random, what: string, values: Record<string, string>): Record<string, string> {
    const names = Object.keys(values);
    const name = pickOf(random, names);
    const broken: Record<string, string> = {
      'encoded-slash': `${values[name]}%2F..%2Fauth`,
      'dot-dot': '..',
      'encoded-dot-dot': '%2e%2e',
      'long-id': 'x'.repeat(pickOf(random, [1_000, 10_000, 60_000])),
      strange: encode(pickOf(random, strangeStrings)),
      'bad-percent': pickOf(random, ['%', '%E0%A4%A', '%ZZ', '%C0%AF', '%00']),
      empty: '',
    };
    return { ...values, [name]: broken[what] ?? '' };
  }

  private breakQuery(random: Random, what: string, op: FuzzOperation, query: [string, string][]): void {
    const name = op.queryParams.length > 0 ? pickOf(random, op.queryParams).name : 'unknown';
    const set = (value: string) => {
      const kept = query.filter(([k]) => k !== name);
      query.length = 0;
      query.push(...kept, [name, value]);
    };
    if (what === 'unknown') query.push([pickOf(random, ['foo', '__proto__', 'constructor', 'x'.repeat(200)]), 'bar']);
    else if (what === 'wrong-type') set(pickOf(random, ['abc', '-1', '1.5', '1e309', '99999999999999999999', 'true']));
    else if (what === 'huge') set('9'.repeat(pickOf(random, [1_000, 50_000])));
    else if (what === 'strange') set(pickOf(random, strangeStrings));
    else if (what === 'repeated') query.push([name, 'one'], [name, 'two'], [name, '3']);
  }

  private breakBody(random: Random, what: string, op: FuzzOperation, built: Built, out: FuzzCase): string | undefined {
    const body = built.hasBody ? built.body : this.values.make(random, op.bodySchema);
    const json = JSON.stringify(body);
    const object = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    const fields = object ? Object.keys(object) : [];
    const withField = (value: unknown) => withRawField(JSON.stringify(value));
    const withRawField = (raw: string) => {
      if (!object) return raw;
      const name = fields.length > 0 && random() < 0.8 ? pickOf(random, fields) : 'extra';
      return JSON.stringify({ ...object, [name]: placeholder }).replace(JSON.stringify(placeholder), () => raw);
    };
    switch (what) {
      case 'wrong-type':
        return fields.length > 0 && object
          ? withField(otherType(random, object[pickOf(random, fields)]))
          : JSON.stringify(otherType(random, body));
      case 'missing-required': {
        const schema = this.values.resolve(op.bodySchema);
        const required = (schema.required ?? []) as string[];
        if (!object || required.length === 0) return '';
        const { [pickOf(random, required)]: _dropped, ...rest } = object;
        return JSON.stringify(rest);
      }
      case 'huge-string':
        return withField('x'.repeat(pickOf(random, [10_000, 300_000])));
      case 'strange-string':
        return withField(pickOf(random, strangeStrings));
      case 'deep':
        return withRawField(deepJson(1_000));
      case 'very-deep':
        return withRawField(deepJson(50_000));
      case 'invalid-json':
        return pickOf(random, [json.slice(0, Math.max(1, json.length - 1)), '{', '{"a":}', "{'a':1}", 'NaN', '\u0000']);
      case 'not-object':
        return pickOf(random, ['null', '[]', '"text"', '42', 'true', '[{}]']);
      case 'wrong-content-type':
        out.headers['content-type'] = pickOf(random, ['text/plain', 'application/x-www-form-urlencoded', 'text/json']);
        return json;
      case 'prototype-keys':
        return `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}${json.startsWith('{') && json !== '{}' ? `,${json.slice(1)}` : '}'}`;
      case 'over-limit':
        return withField('x'.repeat(mebibyte + 1024));
      case 'extra-properties':
        return withField({ nested: [1, 2, { x: 'y' }] });
      case 'unexpected':
        return pickOf(random, ['{"a":1}', 'not json', '[]', 'x'.repeat(2048)]);
      default:
        return json;
    }
  }
}
