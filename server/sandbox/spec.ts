/**
 * The pruned SORACOM description (openapi/soracom.json) as a router and request validator: a request is matched to
 * its operation and checked against the operation's parameters and body before any handler runs.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import description from '../../openapi/soracom.json' with { type: 'json' };
import { badRequest, codes, SoracomError } from './errors';
import { permissionService } from './guesses';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: unknown[];
  tags?: string[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface MatchedOperation {
  operationId: string;
  /** Whether the description asks for `X-Soracom-API-Key` and `X-Soracom-Token`. */
  secured: boolean;
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface FoundOperation {
  operationId: string;
  /** The operation's service in permissions (`Sim` in `Sim:getSim`): its tag in the description (guesses). */
  service: string;
  /** The path template of the description, e.g. `/sims/{sim_id}`. */
  template: string;
  /** Whether the description asks for `X-Soracom-API-Key` and `X-Soracom-Token`. */
  secured: boolean;
  /** Whether the description gives the operation an `application/json` request body. */
  jsonBody: boolean;
  /** Checks the path, query and body against the operation; throws a 400 SoracomError when they do not fit. */
  validate(search: URLSearchParams, rawBody: string): MatchedOperation;
  /** `validate` in two steps, so that a caller can authenticate before it reads the body: the path and query... */
  validateParams(search: URLSearchParams): Pick<MatchedOperation, 'path' | 'query'>;
  /** ...and then the body (throws a 400 SoracomError when it does not fit). */
  validateBody(rawBody: string): unknown;
}

interface Route {
  method: string;
  template: string;
  service: string;
  pattern: RegExp;
  names: string[];
  op: Operation;
  validatePath: ValidateFunction;
  validateQuery: ValidateFunction;
  validateBody?: ValidateFunction;
  bodyRequired: boolean;
  /** Query parameters whose schema is an array: a single value is a list of one. */
  arrayParams: Set<string>;
}

/**
 * The description: openapi/soracom.json (imported, so that the compiled server carries it), or the file at `path`.
 * A copy each time, as callers may change what they get.
 */
export function loadSpec(path?: string): OpenApiDocument {
  if (path !== undefined) return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  return structuredClone(description) as unknown as OpenApiDocument;
}

/** Ajv set up for SORACOM's OpenAPI 3.0 schemas: their custom `format` names are checked loosely. */
export function createAjv(spec: OpenApiDocument, options: { coerceTypes?: boolean } = {}): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false, coerceTypes: options.coerceTypes ?? false });
  addFormats.default(ajv);
  for (const name of ['int32', 'int64', 'double', 'float'])
    ajv.addFormat(name, { type: 'number', validate: () => true });
  ajv.addFormat('int32d', { type: 'number', validate: () => true });
  ajv.addFormat('yyyyMM', /^\d{6}$/);
  ajv.addFormat('yyyyMMdd', /^\d{8}$/);
  ajv.addFormat('yyyyMMddHHmmss', /^\d{14}$/);
  ajv.addFormat('IMSI', /^\d{6,15}$/);
  for (const loose of ['SimId', 'VpgId', 'binary', 'string', 'iso-8601']) ajv.addFormat(loose, () => true);
  ajv.addSchema({ $id: 'soracom', components: rebase(spec.components) }, 'soracom');
  return ajv;
}

/**
 * Rewrites local references so that a fragment compiles against the `soracom` schema added to Ajv (and lets a
 * nullable enum take null).
 */
export function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    const o = schema as Record<string, unknown>;
    // OpenAPI 3.0: a nullable enum accepts null even when its list does not name it.
    if (o.nullable === true && Array.isArray(o.enum) && !o.enum.includes(null)) {
      return rebase({ ...o, enum: [...o.enum, null] });
    }
    // SORACOM's descriptions use `oneOf` for alternatives that overlap (none of their fields required, no
    // `additionalProperties: false`), so every valid body fits all of them and a strict `oneOf` would refuse it:
    // read as `anyOf` (e.g. ContractUpdatingRequest's contractDetail, OperatorConfigurationModel's configuration).
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [
        k === 'oneOf' ? 'anyOf' : k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `soracom${v}` : rebase(v),
      ]),
    );
  }
  return schema;
}

function objectSchema(params: Parameter[]): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, rebase(p.schema ?? {})])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

function explain(error: ErrorObject | undefined, where: string): string {
  if (!error) return `Invalid ${where}.`;
  const field = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : '';
  if (error.keyword === 'required')
    return `${where}: '${(error.params as { missingProperty: string }).missingProperty}' is required.`;
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    return `${where}: '${field}' must be one of ${allowed}.`;
  }
  return `${where}: ${field ? `'${field}' ` : ''}${error.message ?? 'is invalid'}.`;
}

/** The first segment of a path: `sims` for `/sims/{sim_id}/tags`. */
const firstSegment = (path: string) => path.split('/', 2)[1] ?? '';

export class SpecRouter {
  private readonly routes: Route[] = [];
  /**
   * The routes a path can match, by its first segment (in `routes` order), so that a request tries a handful of
   * patterns instead of all of them; `anySegment` holds those whose template starts with a parameter.
   */
  private readonly bySegment = new Map<string, Route[]>();
  private readonly anySegment: Route[] = [];

  constructor(readonly spec: OpenApiDocument = loadSpec()) {
    const ajv = createAjv(spec);
    const coercing = createAjv(spec, { coerceTypes: true });
    // Literal segments first, so `/operators/verify` wins over `/operators/{operator_id}`.
    const entries = Object.entries(spec.paths).sort(([a], [b]) => a.split('{').length - b.split('{').length);
    for (const [template, item] of entries) {
      const names: string[] = [];
      const pattern = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
          names.push(name);
          return '([^/]+)';
        })}$`,
      );
      for (const [method, op] of Object.entries(item)) {
        const params = op.parameters ?? [];
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const route: Route = {
          method: method.toUpperCase(),
          template,
          service: permissionService(op.tags?.[0] ?? ''),
          pattern,
          names,
          op,
          validatePath: coercing.compile(objectSchema(params.filter((p) => p.in === 'path'))),
          validateQuery: coercing.compile(objectSchema(params.filter((p) => p.in === 'query'))),
          validateBody: bodySchema ? ajv.compile(rebase(bodySchema) as Schema) : undefined,
          bodyRequired: Boolean(op.requestBody?.required),
          arrayParams: new Set(params.filter((p) => p.in === 'query' && p.schema?.type === 'array').map((p) => p.name)),
        };
        this.routes.push(route);
      }
    }
    this.index();
  }

  private index() {
    const segmentOf = (route: Route) => firstSegment(route.template);
    const isParameter = (segment: string) => segment.startsWith('{');
    this.anySegment.push(...this.routes.filter((route) => isParameter(segmentOf(route))));
    for (const segment of new Set(this.routes.map(segmentOf))) {
      if (isParameter(segment)) continue;
      this.bySegment.set(
        segment,
        this.routes.filter((route) => segmentOf(route) === segment || isParameter(segmentOf(route))),
      );
    }
  }

  /** Finds the operation for a request and validates it; throws a SoracomError (400/404/405) when it does not fit. */
  match(method: string, pathname: string, search: URLSearchParams, rawBody: string): MatchedOperation {
    return this.find(method, pathname).validate(search, rawBody);
  }

  /**
   * Finds the operation for a method and path, without looking at the input yet (throws 404/405), so that a caller
   * can act on the operation (rate limits) before reading and validating the body.
   */
  find(method: string, pathname: string): FoundOperation {
    const candidates = (this.bySegment.get(firstSegment(pathname)) ?? this.anySegment).filter((r) =>
      r.pattern.test(pathname),
    );
    if (candidates.length === 0) throw new SoracomError(404, codes.notFound, `No such API: ${pathname}`);
    const route = candidates.find((r) => r.method === method);
    if (!route) throw new SoracomError(405, codes.methodNotAllowed, `${method} is not allowed on ${pathname}.`);
    const secured = Boolean(route.op.security?.length);
    const validateParams = (search: URLSearchParams) => this.validateParams(route, pathname, search);
    const validateBody = (rawBody: string) => this.validateBody(route, rawBody);
    return {
      operationId: route.op.operationId,
      service: route.service,
      template: route.template,
      secured,
      jsonBody: route.op.requestBody?.content?.['application/json'] !== undefined,
      validate: (search, rawBody) => ({
        operationId: route.op.operationId,
        secured,
        ...validateParams(search),
        body: validateBody(rawBody),
      }),
      validateParams,
      validateBody,
    };
  }

  private validateParams(
    route: Route,
    pathname: string,
    search: URLSearchParams,
  ): Pick<MatchedOperation, 'path' | 'query'> {
    const groups = route.pattern.exec(pathname)?.slice(1) ?? [];
    const path: Record<string, string> = {};
    for (const [i, name] of route.names.entries()) {
      try {
        path[name] = decodeURIComponent(groups[i] ?? '');
      } catch {
        throw badRequest(`Path: '${name}' is not a valid percent-encoded value.`);
      }
    }
    if (!route.validatePath(path)) throw badRequest(explain(route.validatePath.errors?.[0], 'Path'));
    const query: Record<string, unknown> = {};
    for (const key of new Set(search.keys())) {
      const values = search.getAll(key);
      query[key] = values.length > 1 || route.arrayParams.has(key) ? values : values[0];
    }
    if (!route.validateQuery(query)) throw badRequest(explain(route.validateQuery.errors?.[0], 'Query'));
    return { path, query };
  }

  private validateBody(route: Route, rawBody: string): unknown {
    let body: unknown;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw badRequest('The request body is not valid JSON.', codes.invalidJson);
      }
    }
    if (body === undefined && route.bodyRequired) throw badRequest('A request body is required.');
    if (body !== undefined && route.validateBody && !route.validateBody(body)) {
      throw badRequest(explain(route.validateBody.errors?.[0], 'Request body'));
    }
    return body;
  }
}
