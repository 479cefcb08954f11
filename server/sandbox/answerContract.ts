/**
 * Whether an answer fits openapi/soracom.json, for the contract tests, the fuzz suite and the server's
 * `--validate-answers` option:
 *
 * - A declared JSON schema for the status (or `default`) is validated with Ajv.
 * - Every error (>= 400) must be JSON `{code: string, message: string}`.
 * - A 5xx never fits, declared or not: the sandbox answers a client's mistake with a 4xx.
 * - A status the operation does not declare fits only if it is one every SORACOM operation of that kind can answer
 *   (`implicitStatuses`) or one the sandbox's guesses name for the operation (guesses.undeclaredStatuses).
 */
import type { ValidateFunction } from 'ajv';
import { rateLimit, undeclaredStatuses } from './guesses';
import { createAjv, type OpenApiDocument, rebase } from './spec';

type Schema = Record<string, unknown>;
interface ResponseObject {
  content?: Record<string, { schema?: Schema }>;
}
interface OperationObject {
  operationId: string;
  responses?: Record<string, ResponseObject>;
  security?: unknown[];
  requestBody?: { content?: Record<string, unknown> };
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

interface Template {
  template: string;
  pattern: RegExp;
  literal: number;
  methods: Record<string, OperationObject>;
}

const rateLimited = new Set<string>(rateLimit.operations);

/**
 * The error statuses the description leaves implicit: it lists few errors per operation, but every operation answers
 * 400 to input it rejects, a secured one 401 and 403, one with a path parameter 404 for a thing that is not there,
 * one that takes a body 413 for a body over the limit (and 415 for one that is not JSON), a rate-limited one 429, and
 * any of them 431 for a request line or headers over the HTTP server's limit.
 */
export function implicitStatuses(method: string, template: string, operation: OperationObject): Set<number> {
  // 431: the HTTP server's own limit on the request line and headers (a very long path or query), met before any
  // operation is chosen.
  const statuses = new Set([400, 431]);
  if (operation.security?.length) {
    statuses.add(401);
    statuses.add(403);
  }
  if (template.includes('{')) statuses.add(404);
  if (method !== 'GET' && method !== 'HEAD') statuses.add(413);
  if (operation.requestBody?.content?.['application/json']) statuses.add(415);
  if (rateLimited.has(operation.operationId)) statuses.add(429);
  for (const status of undeclaredStatuses[operation.operationId] ?? []) statuses.add(status);
  return statuses;
}

/** Finds operations by method and path template, and checks answers against them. */
export class AnswerContract {
  private readonly templates: Template[];
  private readonly ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly errorMessage: ValidateFunction;

  constructor(spec: OpenApiDocument) {
    this.ajv = createAjv(spec);
    this.templates = Object.entries(spec.paths).map(([template, item]) => ({
      template,
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
      // More literal characters first, so `/operators/verify` is chosen over `/operators/{operator_id}`.
      literal: template.replace(/\{[^}]+\}/g, '').length,
      methods: Object.fromEntries(
        Object.entries(item as Record<string, OperationObject>).map(([m, op]) => [m.toUpperCase(), op]),
      ),
    }));
    this.templates.sort((a, b) => b.literal - a.literal);
    this.errorMessage = this.ajv.compile(rebase({ $ref: '#/components/schemas/APICallErrorMessage' }) as Schema);
  }

  find(method: string, pathname: string): { template: string; operation: OperationObject } | undefined {
    for (const t of this.templates) {
      if (!t.pattern.test(pathname)) continue;
      const operation = t.methods[method.toUpperCase()];
      if (operation) return { template: t.template, operation };
    }
    return undefined;
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebase(schema) as Schema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** Throws a ContractViolation when the answer does not fit the description. */
  check(method: string, pathname: string, response: { status: number; headers: Headers; text: string }): void {
    const { status, headers, text } = response;
    const what = `${method} ${pathname} → ${status}`;
    const fail = (problem: string): never => {
      throw new ContractViolation(
        `${what}: ${problem}\n  body: ${text.length > 2000 ? `${text.slice(0, 2000)}…` : text}`,
      );
    };
    let body: unknown;
    if (text !== '') {
      const type = headers.get('content-type') ?? '';
      if (!type.startsWith('application/json')) fail(`a body with content-type "${type}" instead of application/json`);
      try {
        body = JSON.parse(text);
      } catch {
        fail('the body is not valid JSON');
      }
    }
    if (status >= 400 && !this.errorMessage(body)) {
      fail(`an error must be {code: string, message: string}: ${this.ajv.errorsText(this.errorMessage.errors)}`);
    }
    if (status >= 500) fail('a server error: the sandbox must answer every request without one');

    const found = this.find(method, pathname);
    if (!found) {
      if (status < 400) fail('a success for a request that matches no operation of the description');
      return;
    }
    const { template, operation } = found;
    const responses = operation.responses ?? {};
    const declared = responses[String(status)] ?? responses.default;
    const key = responses[String(status)] ? String(status) : 'default';
    if (!declared) {
      if (status < 400 || !implicitStatuses(method.toUpperCase(), template, operation).has(status)) {
        fail(`${operation.operationId} (${template}) declares ${Object.keys(responses).join(', ')}, not ${status}`);
      }
      return;
    }
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) {
      if (status < 400 && text !== '') fail(`${operation.operationId} declares no body for ${status}, but one came`);
      return;
    }
    if (body === undefined) fail(`${operation.operationId} declares a JSON body for ${status}, but none came`);
    const validate = this.validator(`${method} ${template} ${key}`, schema);
    if (!validate(body)) {
      fail(
        `does not match the ${key} response of ${operation.operationId} (${template}): ${this.ajv.errorsText(validate.errors, { dataVar: 'body' })}`,
      );
    }
  }
}
