/** Sign-up: `POST /operators` → mail → `POST /operators/verify` → login; and the sandbox's signup-token helper. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, createContractSandbox, demo } from '../../../test/contract';
import { codes } from '../../errors';
import { oneTimeTokenSeconds } from '../../guesses';

let s: ContractSandbox;
beforeEach(() => {
  s = createContractSandbox({ fleet: 0, publicUrl: 'http://console.test:9000' });
});

let n = 0;
const newEmail = () => `signup-${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const password = 'sign-up-passw0rd';
const invalidToken = { code: 'COM0006', message: 'Token is invalid.' };

const signUp = (email: string, pw = password) => s.call('POST', '/operators', { body: { email, password: pw } });
const verify = (token: string) => s.call('POST', '/operators/verify', { body: { token } });
const login = (email: string, pw = password) => s.call('POST', '/auth', { body: { email, password: pw } });

describe('POST /operators', () => {
  it('signs up, mails a verification link, verifies, and then the operator can log in', async () => {
    const email = newEmail();
    const created = await signUp(email);
    expect(created.status).toBe(201);
    expect(created.text).toBe('');

    const mails = s.mailbox(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toEqual({
      to: email,
      kind: 'signup',
      subject: 'Verify your email',
      link: expect.stringMatching(/^\/verify\?token=[0-9a-f-]{73}$/),
      createdAt: s.clock.now,
    });
    const token = s.mailedToken(email, 'signup');
    expect(s.logs).toContain(`mail to ${email}: Verify your email: http://console.test:9000/verify?token=${token}`);

    // Not verified yet: the same answer as a wrong password.
    const early = await login(email);
    expect(early.status).toBe(401);
    expect(early.body.code).toBe(codes.authFailed);

    const verified = await verify(token);
    expect(verified.status).toBe(200);
    expect(verified.text).toBe('');

    const res = await login(email);
    expect(res.status).toBe(200);
    expect(res.body.operatorId).toMatch(/^OP\d{10}$/);
    const me = await s.call('GET', `/operators/${res.body.operatorId}`, { auth: res.body });
    expect(me.body.email).toBe(email);
  });

  it('keeps only a digest of the token', async () => {
    const email = newEmail();
    await signUp(email);
    const token = s.mailedToken(email, 'signup');
    const stored = s.db.prepare('SELECT token_hash FROM one_time_tokens').all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
  });

  it('refuses the same token twice with 400 COM0006 "Token is invalid."', async () => {
    const email = newEmail();
    await signUp(email);
    const token = s.mailedToken(email, 'signup');
    expect((await verify(token)).status).toBe(200);
    const again = await verify(token);
    expect(again.status).toBe(400);
    expect(again.body).toEqual(invalidToken);
  });

  it('refuses an unknown token and a token of another kind alike', async () => {
    for (const token of ['', 'ffdf4417-dab0-4b01-b8c8-9d2f79bba630-d5a5f042-5484-4a1c-8f32-19c7e8a78989']) {
      const res = await verify(token);
      expect(res.status, token).toBe(400);
      expect(res.body).toEqual(invalidToken);
    }
    await s.call('POST', '/auth/password_reset_token/issue', { body: { email: demo.email } });
    const reset = await verify(s.mailedToken(demo.email, 'passwordReset'));
    expect(reset.body).toEqual(invalidToken);
  });

  it('expires the token after 24 hours', async () => {
    const first = newEmail();
    const second = newEmail();
    await signUp(first);
    await signUp(second);
    s.clock.advance(oneTimeTokenSeconds.signup * 1000 - 1);
    expect((await verify(s.mailedToken(first, 'signup'))).status).toBe(200);
    s.clock.advance(1);
    const expired = await verify(s.mailedToken(second, 'signup'));
    expect(expired.status).toBe(400);
    expect(expired.body).toEqual(invalidToken);
    expect((await login(second)).status).toBe(401);
  });

  it('answers an email that already has an account with the same 201, and mails a notice without a token', async () => {
    const fresh = await signUp(newEmail());
    for (const email of [demo.email, demo.email.toUpperCase()]) {
      const existing = await signUp(email, 'another-passw0rd');
      expect(existing.status).toBe(fresh.status);
      expect(existing.text).toBe(fresh.text);
      expect(existing.headers.get('content-type')).toBe(fresh.headers.get('content-type'));
    }
    const notices = s.mailbox(demo.email);
    expect(notices).toHaveLength(2);
    for (const notice of notices) expect(notice).toMatchObject({ to: demo.email, kind: 'signup', link: null });
    expect(s.logs.filter((line) => line.startsWith(`mail to ${demo.email}: `))).toHaveLength(2);
    // The existing account is untouched: its password is still the old one.
    expect((await login(demo.email, 'another-passw0rd')).status).toBe(401);
    expect((await login(demo.email, demo.password)).status).toBe(200);
  });

  it('does not send an unverified account a new token when it signs up again', async () => {
    const email = newEmail();
    await signUp(email);
    await signUp(email, 'second-passw0rd');
    const mails = s.mailbox(email);
    expect(mails.map((m) => m.link === null)).toEqual([true, false]);
    expect((await verify(s.mailedToken(email, 'signup'))).status).toBe(200);
    expect((await login(email, 'second-passw0rd')).status).toBe(401);
    expect((await login(email)).status).toBe(200);
  });

  it.each([
    ['an email without @', { email: 'not-an-email', password }],
    ['an email with a space', { email: 'a b@example.com', password }],
    ['an email that is too long', { email: `${'a'.repeat(250)}@example.com`, password }],
    ['an empty email', { email: '', password }],
    ['a password that is too short', { email: 'short@example.com', password: 'abc123' }],
    ['a password that is too long', { email: 'long@example.com', password: `a1${'x'.repeat(99)}` }],
    ['a password without a digit', { email: 'nodigit@example.com', password: 'only-letters' }],
    ['a password without a letter', { email: 'noletter@example.com', password: '12345678' }],
    ['no password', { email: 'nopassword@example.com' }],
    ['no email', { password }],
  ])('refuses %s with 400 and mails nothing', async (_what, body) => {
    const res = await s.call('POST', '/operators', { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.badRequest);
    expect(s.mailbox()).toEqual([]);
  });

  it('says what the password lacks', async () => {
    const res = await signUp(newEmail(), 'only-letters');
    expect(res.body.message).toMatch(/digit/);
  });
});

describe('POST /sandbox/operators/token/{email}', () => {
  const signupToken = (email: string) =>
    s.call('POST', `/sandbox/operators/token/${encodeURIComponent(email)}`, { body: {} });

  it('gives the sign-up token that was mailed, until it is used', async () => {
    const email = newEmail();
    await signUp(email);
    const res = await signupToken(email);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: s.mailedToken(email, 'signup') });
    expect((await signupToken(email.toUpperCase())).body.token).toBe(res.body.token);

    expect((await verify(res.body.token)).status).toBe(200);
    const used = await signupToken(email);
    expect(used.status).toBe(400);
    expect(used.body.code).toBe(codes.badRequest);
  });

  it('gives nothing for an email without a usable sign-up token', async () => {
    const expiring = newEmail();
    await signUp(expiring);
    s.clock.advance(oneTimeTokenSeconds.signup * 1000);
    for (const email of [expiring, 'nobody@example.com', demo.email]) {
      expect((await signupToken(email)).status, email).toBe(400);
    }
  });

  it('needs a body, as the description says', async () => {
    const res = await s.call('POST', `/sandbox/operators/token/${encodeURIComponent(demo.email)}`);
    expect(res.status).toBe(400);
  });
});
