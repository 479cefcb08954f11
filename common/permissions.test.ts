import { describe, expect, it } from 'vitest';
import {
  type ApiRequestFacts,
  apiPatternMatches,
  evaluatePermissions,
  type PermissionDocument,
  parsePermission,
  type SourcedPermission,
} from './permissions';

const noon = Date.UTC(2026, 11, 7, 12, 0, 0);
function call(service: string, operationId: string, extra: Partial<ApiRequestFacts> = {}): ApiRequestFacts {
  return { service, operationId, pathVariables: {}, samUserName: 'alice', sourceIp: '10.0.0.7', now: noon, ...extra };
}
function doc(text: string): PermissionDocument {
  const result = parsePermission(text);
  if (!result.ok) throw new Error(result.message);
  return result.permission;
}
const user = (text: string): SourcedPermission => ({ source: { kind: 'user' }, permission: doc(text) });
const role = (roleId: string, text: string): SourcedPermission => ({
  source: { kind: 'role', roleId },
  permission: doc(text),
});
const defaults = (text: string): SourcedPermission => ({ source: { kind: 'default' }, permission: doc(text) });

describe('API patterns', () => {
  it.each([
    ['*', 'Sim', 'terminateSim', true],
    ['Sim:listSims', 'Sim', 'listSims', true],
    ['Sim:listSims', 'Sim', 'listSimsX', false],
    ['Sim:*', 'Sim', 'terminateSim', true],
    ['Sim:*', 'Subscriber', 'listSubscribers', false],
    ['Subscriber:list*', 'Subscriber', 'listSubscribers', true],
    ['Subscriber:list*', 'Subscriber', 'getSubscriber', false],
    ['*:get*', 'Billing', 'getBilling', true],
    ['sim:listSims', 'Sim', 'listSims', false],
    ['Sim:list.ims', 'Sim', 'listSims', false],
  ])('%s covers %s:%s → %s', (pattern, service, operation, expected) => {
    expect(apiPatternMatches(pattern, service, operation)).toBe(expected);
  });
});

describe('parsePermission', () => {
  it('reads SORACOM’s documented examples, a single api string becoming a list', () => {
    const result = parsePermission(
      '{"statements":[{"effect":"allow","api":"User:updateUserPassword","condition":"pathVariable(\'user_name\') == samUserName"}]}',
    );
    expect(result).toEqual({
      ok: true,
      permission: {
        statements: [
          {
            effect: 'allow',
            api: ['User:updateUserPassword'],
            condition: "pathVariable('user_name') == samUserName",
          },
        ],
      },
    });
    expect(
      parsePermission(
        '{"statements":[{"effect":"allow","api":["Sim:listSims","Group:*"],"condition":"currentDate >= date(2023, 02, 01) and ipAddress(\'10.0.0.0/24\')"}]}',
      ).ok,
    ).toBe(true);
  });

  it.each([
    ['not JSON', '{statements', 'not valid JSON'],
    ['a list', '[]', 'object with "statements"'],
    ['an unknown key', '{"statements":[],"version":1}', '"version" is not part'],
    ['statements not a list', '{"statements":{}}', 'must be a list'],
    ['a bad effect', '{"statements":[{"effect":"Allow","api":"*"}]}', 'statements[0].effect'],
    ['no api', '{"statements":[{"effect":"allow"}]}', 'statements[0].api'],
    ['an empty api list', '{"statements":[{"effect":"allow","api":[]}]}', 'statements[0].api'],
    ['a pattern with a dot', '{"statements":[{"effect":"allow","api":["Sim.listSims"]}]}', 'api[0] "Sim.listSims"'],
    ['an unknown statement key', '{"statements":[{"effect":"allow","api":"*","principal":{}}]}', '"principal"'],
    [
      'an unsupported function',
      '{"statements":[{"effect":"allow","api":"*","condition":"httpHeader(\'x\') == \'y\'"}]}',
      '"httpHeader" at 1 is not supported',
    ],
    [
      'text ordered',
      '{"statements":[{"effect":"allow","api":"*","condition":"samUserName < \'b\'"}]}',
      'text compares only with == or !=',
    ],
    [
      'a date compared with text',
      '{"statements":[{"effect":"allow","api":"*","condition":"currentDate == \'2026-01-01\'"}]}',
      'a date cannot be compared with a text',
    ],
    [
      'an impossible date',
      '{"statements":[{"effect":"allow","api":"*","condition":"currentDate > date(2026, 2, 30)"}]}',
      'date(2026, 2, 30) is not a valid date',
    ],
    [
      'a bad range',
      '{"statements":[{"effect":"allow","api":"*","condition":"ipAddress(\'10.0.0.0/33\')"}]}',
      "'10.0.0.0/33' has a prefix length",
    ],
    [
      'double quotes',
      '{"statements":[{"effect":"allow","api":"*","condition":"samUserName == \\"a\\""}]}',
      'use single quotes',
    ],
  ])('refuses %s with a message', (_name, text, message) => {
    const result = parsePermission(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('bounds the text, the statements and the nesting', () => {
    expect(parsePermission(`{"statements":[${' '.repeat(20_001)}]}`)).toMatchObject({ ok: false });
    const many = Array.from({ length: 101 }, () => '{"effect":"allow","api":"*"}').join(',');
    expect(parsePermission(`{"statements":[${many}]}`)).toMatchObject({ ok: false });
    const deep = `${'('.repeat(40)}true${')'.repeat(40)}`;
    const result = parsePermission(JSON.stringify({ statements: [{ effect: 'allow', api: '*', condition: deep }] }));
    expect(result).toMatchObject({ ok: false });
  });
});

describe('evaluatePermissions', () => {
  it('allows nothing by default', () => {
    expect(evaluatePermissions([], call('Sim', 'listSims'))).toEqual({
      allowed: false,
      reason: 'not-allowed',
      applying: [],
    });
    const decision = evaluatePermissions([user('{"statements":[]}')], call('Sim', 'listSims'));
    expect(decision.allowed).toBe(false);
  });

  it('allows what a statement of the user, a role or the defaults allows, and says which', () => {
    const fromRole = evaluatePermissions(
      [
        user('{"statements":[{"effect":"allow","api":"Billing:*"}]}'),
        role('viewer', '{"statements":[{"effect":"allow","api":["Sim:get*","Sim:list*"]}]}'),
      ],
      call('Sim', 'listSims'),
    );
    expect(fromRole.allowed).toBe(true);
    expect(fromRole.decidedBy).toMatchObject({ source: { kind: 'role', roleId: 'viewer' }, statementIndex: 0 });
    const fromDefaults = evaluatePermissions(
      [defaults('{"statements":[{"effect":"allow","api":"Billing:getBilling"}]}')],
      call('Billing', 'getBilling'),
    );
    expect(fromDefaults).toMatchObject({ allowed: true, decidedBy: { source: { kind: 'default' } } });
  });

  it('lets a deny win over any allow, wherever each comes from', () => {
    const permissions = [
      user('{"statements":[{"effect":"allow","api":"*"}]}'),
      defaults('{"statements":[{"effect":"allow","api":"Sim:*"},{"effect":"deny","api":"Sim:terminateSim"}]}'),
    ];
    const decision = evaluatePermissions(permissions, call('Sim', 'terminateSim'));
    expect(decision).toMatchObject({
      allowed: false,
      reason: 'denied',
      decidedBy: { source: { kind: 'default' }, statementIndex: 1 },
    });
    expect(decision.applying).toHaveLength(3);
    expect(evaluatePermissions(permissions, call('Sim', 'activateSim')).allowed).toBe(true);
  });

  it('applies a statement only when its condition holds', () => {
    const own = [
      user(
        '{"statements":[{"effect":"allow","api":"User:updateUserPassword","condition":"pathVariable(\'user_name\') == samUserName"}]}',
      ),
    ];
    expect(
      evaluatePermissions(own, call('User', 'updateUserPassword', { pathVariables: { user_name: 'alice' } })).allowed,
    ).toBe(true);
    expect(
      evaluatePermissions(own, call('User', 'updateUserPassword', { pathVariables: { user_name: 'bob' } })).allowed,
    ).toBe(false);
    // The path has no such variable: the comparison is false.
    expect(evaluatePermissions(own, call('User', 'updateUserPassword')).allowed).toBe(false);
  });

  it('evaluates dates in UTC, addresses and ranges, and, or and not', () => {
    const when = (condition: string, extra: Partial<ApiRequestFacts> = {}) =>
      evaluatePermissions(
        [user(JSON.stringify({ statements: [{ effect: 'allow', api: '*', condition }] }))],
        call('Sim', 'listSims', extra),
      ).allowed;
    expect(when('currentDate >= date(2026, 12, 7)')).toBe(true);
    expect(when('currentDate > date(2026, 12, 7)')).toBe(false);
    expect(when('currentDateTime < dateTime(2026, 12, 7, 12, 0, 1)')).toBe(true);
    expect(when('currentDateTime < dateTime(2026, 12, 7, 12, 0, 0)')).toBe(false);
    expect(when("ipAddress('10.0.0.0/24')")).toBe(true);
    expect(when("ipAddress('10.0.1.0/24', '192.0.2.1')")).toBe(false);
    expect(when("ipAddress('192.0.2.1')", { sourceIp: '::ffff:192.0.2.1' })).toBe(true);
    expect(when("ipAddress('2001:db8::/32')", { sourceIp: '2001:db8:0:1::5' })).toBe(true);
    expect(when("ipAddress('2001:db8::/32')", { sourceIp: '2001:db9::5' })).toBe(false);
    expect(when("ipAddress('10.0.0.0/8')", { sourceIp: undefined })).toBe(false);
    expect(when("not ipAddress('10.0.0.0/8') or samUserName == 'alice'")).toBe(true);
    expect(when("(samUserName == 'bob' or samUserName == 'carol') and true")).toBe(false);
    expect(when("samUserName != 'bob' and not false")).toBe(true);
  });
});
