import { describe, expect, it } from 'vitest';
import { loginPath, safeReturnPath } from './paths';

describe('safeReturnPath', () => {
  it.each<[string, string | null]>([
    ['null', null],
    ['an empty string', ''],
    ['an absolute URL', 'https://evil.test'],
    ['an absolute URL with a path', 'https://evil.test/sims'],
    ['a protocol-relative URL', '//evil.test'],
    ['a backslash URL browsers read as protocol-relative', '/\\evil.test'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'sims'],
    ['the login page', '/login'],
    ['the login page with a query', '/login?from=x'],
    ['a backslash later in the path', '/sims\\..\\..\\evil.test'],
    ['a protocol-relative URL behind a tab, which browsers strip', '/\t/evil.test'],
    ['a protocol-relative URL behind a newline', '/\n/evil.test'],
    ['a protocol-relative URL behind a carriage return', '/\r/evil.test'],
    ['a NUL character', '/sims\u0000'],
    ['a DEL character', '/sims\u007f'],
    ['a C1 control character', '/sims\u0085'],
    ['an absolute URL after a slash and a tab', '/\thttps://evil.test'],
    ['dot segments that resolve to //host', '/..//evil.test'],
    ['the login page behind dot segments', '/sims/../login'],
    ['an absolute URL with a leading space', ' https://evil.test'],
  ])('sends %s to the home dashboard', (_label, from) => {
    expect(safeReturnPath(from)).toBe('/');
  });

  it.each(['/groups?x=1', '/sims/8981000000000000001', '/account', '/', '/billing#top', '/sims?q=a%5Cb%09c'])(
    'keeps %j',
    (from) => {
      expect(safeReturnPath(from)).toBe(from);
    },
  );

  it('round-trips what loginPath encodes, once the query is read back', () => {
    const from = '/groups?x=1&y=a b';
    const query = new URL(loginPath(from), 'http://console.test').searchParams.get('from');
    expect(safeReturnPath(query)).toBe(from);
  });
});

describe('loginPath', () => {
  it('is plain /login without a place to return to', () => {
    expect(loginPath()).toBe('/login');
    expect(loginPath('')).toBe('/login');
    expect(loginPath('/')).toBe('/login');
  });

  it('encodes the place to return to', () => {
    expect(loginPath('/sims')).toBe('/login?from=%2Fsims');
    expect(loginPath('/groups?x=1&y=2')).toBe('/login?from=%2Fgroups%3Fx%3D1%26y%3D2');
  });

  it('keeps the whole return path in one query parameter', () => {
    const url = new URL(loginPath('/sims?limit=10&last_evaluated_key=k#x'), 'http://console.test');
    expect([...url.searchParams.keys()]).toEqual(['from']);
    expect(url.searchParams.get('from')).toBe('/sims?limit=10&last_evaluated_key=k#x');
    expect(url.hash).toBe('');
  });
});
