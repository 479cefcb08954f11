/** The contract checker itself: it must catch responses that do not fit the description. */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../sandbox/spec';
import { Contract, ContractViolation } from './contract';

const contract = new Contract(loadSpec());
const json = { 'content-type': 'application/json; charset=utf-8' };
const check = (method: string, path: string, status: number, body?: unknown, headers: Record<string, string> = json) =>
  contract.check(method, path, {
    status,
    headers: new Headers(headers),
    text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('Contract', () => {
  it('finds operations by method and path template, preferring literal segments', () => {
    expect(contract.find('POST', '/auth')?.operation.operationId).toBe('auth');
    expect(contract.find('GET', '/sims/123')?.operation.operationId).toBe('getSim');
    expect(contract.find('POST', '/operators/verify')?.operation.operationId).toBe('verifyOperator');
    expect(contract.find('GET', '/operators/OP1')?.operation.operationId).toBe('getOperator');
    expect(contract.find('POST', '/operators/OP1/users/u/password')?.operation.operationId).toBe('createUserPassword');
    expect(contract.find('GET', '/sims/1/2')).toBeUndefined();
    expect(contract.find('DELETE', '/sims')).toBeUndefined();
  });

  it('accepts responses that fit', () => {
    expect(() => check('POST', '/auth', 200, { apiKey: 'a', token: 't', operatorId: 'OP1' })).not.toThrow();
    expect(() => check('POST', '/auth', 401, { code: 'AUM0003', message: 'no' })).not.toThrow();
    expect(() => check('POST', '/auth/logout', 204)).not.toThrow();
    expect(() => check('GET', '/nowhere', 404, { code: 'COM0004', message: 'none' })).not.toThrow();
    expect(() => check('GET', '/sims', 200, [])).not.toThrow();
  });

  it.each([
    ['a success body of the wrong shape', 'POST', '/auth', 200, { apiKey: 42 }],
    ['a list that is not an array', 'GET', '/sims', 200, { items: [] }],
    ['a SIM status outside the enum', 'GET', '/sims/1', 200, { simId: '1', status: 'sleeping' }],
    ['a missing required field', 'GET', '/operators/OP1/users/u', 200, { userName: 'u' }],
    ['a success status the operation does not declare', 'POST', '/auth', 201, { apiKey: 'a' }],
    ['a body where none is declared', 'POST', '/auth/logout', 204, { done: true }],
    ['a declared body missing', 'POST', '/auth', 200, undefined],
    ['a success for an unknown path', 'GET', '/nowhere', 200, {}],
    ['an error without a code', 'POST', '/auth', 401, { message: 'no' }],
    ['an error whose code is not a string', 'GET', '/sims', 404, { code: 404, message: 'none' }],
    ['an undeclared error of the wrong shape', 'GET', '/sims', 500, { error: 'boom' }],
    ['an error with no body', 'GET', '/nowhere', 404, undefined],
    ['a body that is not JSON', 'GET', '/sims', 200, '[1, 2'],
  ])('rejects %s', (_what, method, path, status, body) => {
    expect(() => check(method, path, status, body)).toThrow(ContractViolation);
  });

  it.each([
    ['a 401 and 403 from a secured operation', 'GET', '/bills/latest', [401, 403]],
    ['a 404 for the thing a path parameter names', 'GET', '/sims/1/events/sessions', [404]],
    ['a 400, 413 and 415 for a request body', 'POST', '/groups', [400, 413, 415]],
    ['a 429 from a rate-limited operation', 'POST', '/auth', [429]],
  ])('accepts the errors the description leaves implicit: %s', (_what, method, path, statuses) => {
    for (const status of statuses) {
      expect(() => check(method, path, status, { code: 'X', message: 'm' }), String(status)).not.toThrow();
    }
  });

  it.each([
    ['a 409 no operation declares', 'POST', '/groups', 409],
    ['a 404 from an operation without a path parameter', 'GET', '/bills/latest', 404],
    ['a 401 from an operation that needs no sign-in', 'POST', '/operators/verify', 401],
    ['a 429 from an operation without a rate limit', 'GET', '/sims', 429],
    ['a 500', 'GET', '/sims', 500],
    ['a 501', 'DELETE', '/sandbox/operators/OP1', 501],
    ['a 503 for a path of no operation', 'GET', '/nowhere', 503],
  ])('rejects an undeclared status even with a {code, message} body: %s', (_what, method, path, status) => {
    expect(() => check(method, path, status, { code: 'X', message: 'm' })).toThrow(ContractViolation);
  });

  it('rejects a 5xx even where the operation declares it', () => {
    const spec = loadSpec();
    const responses = spec.paths['/sims']?.get?.responses as Record<string, unknown>;
    const declaring = new Contract({
      ...spec,
      paths: { '/sims': { get: { operationId: 'listSims', responses: { ...responses, '500': {} } } } },
    });
    expect(() =>
      declaring.check('GET', '/sims', { status: 500, headers: new Headers(json), text: '{"code":"X","message":"m"}' }),
    ).toThrow(/server error/);
  });

  it('rejects a JSON body sent as another content type', () => {
    expect(() => check('GET', '/sims', 200, [], { 'content-type': 'text/plain' })).toThrow(/content-type/);
  });

  it('says what is wrong, for which request, with the body', () => {
    let message = '';
    try {
      check('POST', '/auth', 200, { apiKey: 42 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('POST /auth → 200');
    expect(message).toContain('auth (/auth)');
    expect(message).toMatch(/apiKey must be string/);
    expect(message).toContain('body: {"apiKey":42}');
  });
});
