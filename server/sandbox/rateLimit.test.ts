/** Rate limits per client IP and operation on sign-in, sign-up, password reset and MFA recovery. */
import { describe, expect, it } from 'vitest';
import { type CallOptions, type CallResult, type ContractSandbox, createContractSandbox, demo } from '../test/contract';
import { codes } from './errors';
import { createRateLimiter } from './rateLimit';

const limit = 3;
const windowSeconds = 60;
const sandbox = () => createContractSandbox({ fleet: 0, rateLimit: { limit, windowSeconds } });

const headers = (res: CallResult) => ({
  limit: res.headers.get('x-soracom-ratelimit-limit'),
  remaining: res.headers.get('x-soracom-ratelimit-remaining'),
  refresh: res.headers.get('x-soracom-ratelimit-seconds-before-refresh'),
});

/** A cheap /auth attempt: an unknown auth key (no password hashing). */
const attempt = (s: ContractSandbox, options: CallOptions = {}) =>
  s.call('POST', '/auth', { body: { authKeyId: 'keyId-nobody', authKey: 'secret-nobody' }, ...options });

describe('rate limits', () => {
  it('send the headers on every answer, counting down, and answer 429 over the limit', async () => {
    const s = sandbox();
    const seen = [];
    for (let i = 0; i < limit; i++) {
      const res = await attempt(s);
      expect(res.status).toBe(401);
      seen.push(headers(res));
      s.clock.advance(1_000);
    }
    expect(seen).toEqual([
      { limit: '3', remaining: '2', refresh: '60' },
      { limit: '3', remaining: '1', refresh: '59' },
      { limit: '3', remaining: '0', refresh: '58' },
    ]);
    const over = await attempt(s);
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ code: codes.rateLimited, message: 'Too many requests. Try again in 57 seconds.' });
    expect(headers(over)).toEqual({ limit: '3', remaining: '0', refresh: '57' });
  });

  it('refuse over the limit even a request that would succeed, before doing anything', async () => {
    const s = sandbox();
    for (let i = 0; i < limit; i++) await attempt(s);
    const login = await s.call('POST', '/auth', { body: { email: demo.email, password: demo.password } });
    expect(login.status).toBe(429);
    for (let i = 0; i < limit; i++) {
      await s.call('POST', '/operators', { body: { email: 'x', password: 'y' } });
    }
    const signUp = await s.call('POST', '/operators', { body: { email: 'new@example.com', password: 'new-passw0rd' } });
    expect(signUp.status).toBe(429);
    expect(s.mailbox()).toEqual([]);
  });

  it('start a new window once the window has passed', async () => {
    const s = sandbox();
    for (let i = 0; i < limit; i++) await attempt(s);
    s.clock.advance(windowSeconds * 1000 - 1);
    expect((await attempt(s)).status).toBe(429);
    s.clock.advance(1);
    const fresh = await attempt(s);
    expect(fresh.status).toBe(401);
    expect(headers(fresh)).toEqual({ limit: '3', remaining: '2', refresh: '60' });
  });

  it('count each client IP on its own', async () => {
    const s = sandbox();
    for (let i = 0; i < limit; i++) await attempt(s, { ip: '192.0.2.1' });
    expect((await attempt(s, { ip: '192.0.2.1' })).status).toBe(429);
    const other = await attempt(s, { ip: '192.0.2.2' });
    expect(other.status).toBe(401);
    expect(headers(other).remaining).toBe('2');
    expect((await attempt(s, { ip: '2001:db8::1' })).status).toBe(401);
  });

  it('count each operation on its own', async () => {
    const s = sandbox();
    for (let i = 0; i < limit; i++) await attempt(s);
    const reset = await s.call('POST', '/auth/password_reset_token/issue', { body: { email: 'nobody@example.com' } });
    expect(reset.status).toBe(200);
    expect(headers(reset).remaining).toBe('2');
  });

  it.each([
    ['/auth', { authKeyId: 'a', authKey: 'b' }],
    ['/operators', { email: 'bad', password: 'bad' }],
    ['/operators/verify', { token: 'bad' }],
    ['/auth/password_reset_token/issue', { email: 'nobody@example.com' }],
    ['/auth/password_reset_token/verify', { token: 'bad', password: 'bad' }],
    ['/operators/mfa_revoke_token/issue', { email: 'nobody@example.com' }],
    ['/operators/mfa_revoke_token/verify', { token: 'bad' }],
  ])('apply to POST %s, whatever the answer', async (path, body) => {
    const s = sandbox();
    const answers = [
      await s.call('POST', path, { body }),
      await s.call('POST', path, { raw: '{not json' }),
      await s.call('POST', path, { body: [] }),
    ];
    expect(answers.map((res) => headers(res).remaining)).toEqual(['2', '1', '0']);
    const over = await s.call('POST', path, { body });
    expect(over.status).toBe(429);
    expect(headers(over).remaining).toBe('0');
  });

  it('do not apply to other operations', async () => {
    const s = createContractSandbox({ fleet: 0, rateLimit: { limit: 1, windowSeconds } });
    const root = await s.loginRoot();
    for (let i = 0; i < 3; i++) {
      const res = await s.call('GET', '/sims', { auth: root });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-soracom-ratelimit-limit')).toBeNull();
    }
  });

  it('default to 20 requests a minute (guesses.rateLimit)', async () => {
    const s = createContractSandbox({ fleet: 0 });
    const res = await attempt(s);
    // Written out rather than read from guesses.ts, which is what is being tested.
    expect(headers(res)).toEqual({ limit: '20', remaining: '19', refresh: '60' });
  });

  it('refuse a limiter without a sensible limit or window', () => {
    for (const options of [
      { limit: 0, windowSeconds: 60 },
      { limit: 1.5, windowSeconds: 60 },
      { limit: 5, windowSeconds: 0 },
      { limit: 5, windowSeconds: Number.NaN },
    ]) {
      expect(() => createRateLimiter(options), JSON.stringify(options)).toThrow();
    }
  });

  it('forget ended windows when many clients have come and gone', () => {
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 1 });
    for (let i = 0; i < 10_000; i++) limiter.hit(`client-${i}`, 0);
    expect(limiter.size).toBe(10_000);
    expect(limiter.hit('client-0', 500).allowed).toBe(false);
    // A new client after those windows ended: the ended ones are swept.
    expect(limiter.hit('newcomer', 1_000).allowed).toBe(true);
    expect(limiter.size).toBe(1);
    expect(limiter.hit('client-1', 1_000).allowed).toBe(true);
  });
});
