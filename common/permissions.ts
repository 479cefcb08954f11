/**
 * SORACOM Access Management permissions: the one evaluator that both the local sandbox (which enforces it on every
 * call of a SAM user) and the console (which hides what a user may not do, and explains decisions in the permission
 * tester) use.
 *
 * A permission is JSON text: `{"statements": [{"effect": "allow" | "deny", "api": "Service:operationId" | [...],
 * "condition": "..."}]}`. The service is the operation's tag in SORACOM's description, and `*` is a wildcard in either
 * part (`Billing:*`, `Subscriber:list*`, `*`). A call is allowed when a statement of any source (the user's own
 * permission, their roles, the operator's default permissions) allows it and none denies it: deny wins, and nothing is
 * allowed by default. A statement takes part only when its condition holds.
 *
 * Conditions are a small expression language; this module understands the part of it SORACOM documents and refuses
 * the rest with a message, rather than guessing: see permissionConditions.ts.
 */
import { type Condition, type ConditionFacts, compileCondition, holds } from './permissionConditions';

export interface PermissionStatement {
  effect: 'allow' | 'deny';
  /** API patterns, always a list here (the JSON may give one string). */
  api: string[];
  condition?: string;
}
export interface PermissionDocument {
  statements: PermissionStatement[];
}
export type ParseResult = { ok: true; permission: PermissionDocument } | { ok: false; message: string };

export type PermissionSource = { kind: 'user' } | { kind: 'role'; roleId: string } | { kind: 'default' };
export interface SourcedPermission {
  source: PermissionSource;
  permission: PermissionDocument;
}

export interface ApiRequestFacts extends ConditionFacts {
  /** The operation's tag in the description, e.g. `Sim`. */
  service: string;
  operationId: string;
}

export interface StatementRef {
  source: PermissionSource;
  statementIndex: number;
  statement: PermissionStatement;
}
export interface Decision {
  allowed: boolean;
  /** `denied`: a statement denies it; `not-allowed`: no statement allows it. */
  reason: 'allowed' | 'denied' | 'not-allowed';
  /** The statement that decides: the first deny that applies, else the first allow. */
  decidedBy?: StatementRef;
  /** Every statement that applies to the call (its API matches and its condition holds), in order. */
  applying: StatementRef[];
}

/** Bounds on what a permission may hold, so that parsing and evaluating it stay cheap. */
export const permissionLimits = {
  textLength: 20_000,
  statements: 100,
  apisPerStatement: 1_000,
  apiPatternLength: 200,
  conditionLength: 2_000,
} as const;

const patternPart = /^[A-Za-z0-9*]+$/;

/** Why an API pattern is not one, or undefined when it is. */
export function apiPatternProblem(pattern: string): string | undefined {
  if (pattern === '*') return undefined;
  if (pattern.length > permissionLimits.apiPatternLength) return 'is too long';
  const parts = pattern.split(':');
  if (parts.length !== 2 || !parts.every((part) => patternPart.test(part))) {
    return 'is not "*" or "Service:operation" (letters, digits and * only)';
  }
  return undefined;
}

const regexCache = new Map<string, RegExp>();
function patternRegex(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (!regex) {
    // Only letters, digits and * get here (apiPatternProblem), so no other character needs escaping.
    regex = new RegExp(`^${pattern.replace(/\*/g, '.*')}$`);
    if (regexCache.size > 5_000) regexCache.clear();
    regexCache.set(pattern, regex);
  }
  return regex;
}

/** Whether an API pattern covers `Service:operationId`. Case matters, as in the operation names. */
export function apiPatternMatches(pattern: string, service: string, operationId: string): boolean {
  if (pattern === '*') return true;
  if (apiPatternProblem(pattern)) return false;
  return patternRegex(pattern).test(`${service}:${operationId}`);
}

const statementKeys = new Set(['effect', 'api', 'condition']);

function parseStatement(value: unknown, at: string): PermissionStatement | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at} is not an object.`;
  const record = value as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !statementKeys.has(key));
  if (unknownKey !== undefined) return `${at} has "${unknownKey}", which is not effect, api or condition.`;
  const { effect, api, condition } = record;
  if (effect !== 'allow' && effect !== 'deny') return `${at}.effect must be "allow" or "deny".`;
  const apis = typeof api === 'string' ? [api] : api;
  if (!Array.isArray(apis) || apis.length === 0) return `${at}.api must be a pattern or a non-empty list of them.`;
  if (apis.length > permissionLimits.apisPerStatement) {
    return `${at}.api has more than ${permissionLimits.apisPerStatement} patterns.`;
  }
  for (const [index, pattern] of apis.entries()) {
    if (typeof pattern !== 'string') return `${at}.api[${index}] is not a string.`;
    const problem = apiPatternProblem(pattern);
    if (problem) return `${at}.api[${index}] "${pattern.slice(0, 60)}" ${problem}.`;
  }
  const statement: PermissionStatement = { effect, api: apis as string[] };
  if (condition !== undefined) {
    if (typeof condition !== 'string') return `${at}.condition is not a string.`;
    if (condition.length > permissionLimits.conditionLength) {
      return `${at}.condition is longer than ${permissionLimits.conditionLength} characters.`;
    }
    const compiled = compileCondition(condition);
    if (typeof compiled === 'string') return `${at}.condition: ${compiled}`;
    statement.condition = condition;
  }
  return statement;
}

/** Reads a permission as SORACOM stores it (JSON text), or says what is wrong with it. */
export function parsePermission(text: string): ParseResult {
  if (text.length > permissionLimits.textLength) {
    return { ok: false, message: `A permission is at most ${permissionLimits.textLength} characters.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The permission is not valid JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'A permission is an object with "statements".' };
  }
  const record = value as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => key !== 'statements');
  if (unknownKey !== undefined) return { ok: false, message: `"${unknownKey}" is not part of a permission.` };
  const { statements } = record;
  if (!Array.isArray(statements)) return { ok: false, message: '"statements" must be a list.' };
  if (statements.length > permissionLimits.statements) {
    return { ok: false, message: `A permission has at most ${permissionLimits.statements} statements.` };
  }
  const parsed: PermissionStatement[] = [];
  for (const [index, statement] of statements.entries()) {
    const result = parseStatement(statement, `statements[${index}]`);
    if (typeof result === 'string') return { ok: false, message: result };
    parsed.push(result);
  }
  return { ok: true, permission: { statements: parsed } };
}

/** The permission as JSON text, the way the console shows and sends it. */
export function formatPermission(permission: PermissionDocument): string {
  return JSON.stringify(permission, null, 2);
}

const conditionCache = new Map<string, Condition>();
function conditionOf(text: string): Condition | undefined {
  let condition = conditionCache.get(text);
  if (!condition) {
    const compiled = compileCondition(text);
    // parsePermission refuses a condition that does not compile, so this is a document built by hand: never applies.
    if (typeof compiled === 'string') return undefined;
    if (conditionCache.size > 1_000) conditionCache.clear();
    conditionCache.set(text, compiled);
    condition = compiled;
  }
  return condition;
}

function applies(statement: PermissionStatement, request: ApiRequestFacts): boolean {
  if (!statement.api.some((pattern) => apiPatternMatches(pattern, request.service, request.operationId))) return false;
  if (statement.condition === undefined) return true;
  const condition = conditionOf(statement.condition);
  return condition !== undefined && holds(condition, request);
}

/** Whether a SAM user with these permissions may make this call, and which statement decides. */
export function evaluatePermissions(permissions: readonly SourcedPermission[], request: ApiRequestFacts): Decision {
  const applying: StatementRef[] = [];
  for (const { source, permission } of permissions) {
    for (const [statementIndex, statement] of permission.statements.entries()) {
      if (applies(statement, request)) applying.push({ source, statementIndex, statement });
    }
  }
  const deny = applying.find((ref) => ref.statement.effect === 'deny');
  if (deny) return { allowed: false, reason: 'denied', decidedBy: deny, applying };
  const allow = applying.find((ref) => ref.statement.effect === 'allow');
  if (allow) return { allowed: true, reason: 'allowed', decidedBy: allow, applying };
  return { allowed: false, reason: 'not-allowed', applying };
}
