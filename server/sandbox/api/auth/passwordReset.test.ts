/** Password reset: `/auth/password_reset_token/issue` mails a token, `/verify` sets the new password with it. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, createContractSandbox, demo } from '../../../test/contract';
import { codes } from '../../errors';
import { oneTimeTokenSeconds } from '../../guesses';
import { demoTeam } from '../../seedTeam';

let s: ContractSandbox;
beforeEach(() => {
  s = createContractSandbox({ fleet: 0 });
});

const newPassword = 'brand-new-passw0rd';
const invalidToken = { code: 'COM0006', message: 'Token is invalid.' };

const issue = (email: string) => s.call('POST', '/auth/password_reset_token/issue', { body: { email } });
const reset = (token: string, password = newPassword) =>
  s.call('POST', '/auth/password_reset_token/verify', { body: { token, password } });
const login = (password: string) => s.call('POST', '/auth', { body: { email: demo.email, password } });

describe('POST /auth/password_reset_token/issue', () => {
  it('mails a reset link to a verified operator and answers 200 with no body', async () => {
    const res = await issue(demo.email);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [mail] = s.mailbox(demo.email);
    expect(mail).toMatchObject({ to: demo.email, kind: 'passwordReset', subject: 'Reset your password' });
    expect(mail?.link).toMatch(/^\/password-reset\?token=[0-9a-f-]{73}$/);
    expect(s.logs.at(-1)).toBe(`mail to ${demo.email}: Reset your password: http://127.0.0.1:8080${mail?.link}`);
  });

  it('answers the same 200 for an unknown email and an unverified operator, and mails nothing', async () => {
    const known = await issue(demo.email);
    await s.call('POST', '/operators', { body: { email: 'unverified@example.com', password: 'unverified-1' } });
    for (const email of ['nobody@example.com', 'unverified@example.com']) {
      const res = await issue(email);
      expect(res.status, email).toBe(known.status);
      expect(res.text, email).toBe(known.text);
    }
    expect(s.mailbox('nobody@example.com')).toEqual([]);
    expect(s.mailbox('unverified@example.com').filter((m) => m.kind === 'passwordReset')).toEqual([]);
  });

  it('answers 400 for something that is not an email address', async () => {
    for (const email of ['', 'not-an-email', 'a b@example.com']) {
      const res = await issue(email);
      expect(res.status, email).toBe(400);
      expect(res.body.code).toBe(codes.badRequest);
    }
  });
});

describe('POST /auth/password_reset_token/verify', () => {
  it('sets the new password and revokes the root account’s sessions, not the SAM users’', async () => {
    const before = await s.loginRoot();
    // The demo viewer may list SIMs: that is how this test sees that a SAM user's session survives.
    const viewer = demoTeam[0];
    const sam = await s.call('POST', '/auth', {
      body: { operatorId: demo.operatorId, userName: viewer.userName, password: viewer.password },
    });
    await issue(demo.email);
    const res = await reset(s.mailedToken(demo.email, 'passwordReset'));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');

    expect((await s.call('GET', '/sims', { auth: before })).status).toBe(401);
    expect((await s.call('GET', '/sims', { auth: sam.body })).status).toBe(200);
    expect((await login(demo.password)).status).toBe(401);
    expect((await login(newPassword)).status).toBe(200);
  });

  it('accepts a token once: the same token again is 400 COM0006, and so are the other tokens issued before', async () => {
    await issue(demo.email);
    const older = s.mailedToken(demo.email, 'passwordReset');
    await issue(demo.email);
    const newer = s.mailedToken(demo.email, 'passwordReset');
    expect(newer).not.toBe(older);

    expect((await reset(newer)).status).toBe(200);
    for (const token of [newer, older]) {
      const again = await reset(token, 'another-passw0rd');
      expect(again.status).toBe(400);
      expect(again.body).toEqual(invalidToken);
    }
    expect((await login(newPassword)).status).toBe(200);
  });

  it('expires the token after an hour', async () => {
    await issue(demo.email);
    const token = s.mailedToken(demo.email, 'passwordReset');
    s.clock.advance(oneTimeTokenSeconds.passwordReset * 1000);
    const res = await reset(token);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(invalidToken);
    expect((await login(demo.password)).status).toBe(200);
  });

  it('refuses an unknown token and a sign-up token', async () => {
    await s.call('POST', '/operators', { body: { email: 'new@example.com', password: 'new-passw0rd' } });
    for (const token of ['', 'no-such-token', s.mailedToken('new@example.com', 'signup')]) {
      const res = await reset(token);
      expect(res.status, token).toBe(400);
      expect(res.body).toEqual(invalidToken);
    }
  });

  it('applies the password rules, and the token stays usable after a refused password', async () => {
    await issue(demo.email);
    const token = s.mailedToken(demo.email, 'passwordReset');
    for (const password of ['short1', 'no-digits-here', '123456789', `a1${'x'.repeat(99)}`]) {
      const res = await reset(token, password);
      expect(res.status, password).toBe(400);
      expect(res.body.code).toBe(codes.badRequest);
    }
    expect((await reset(token)).status).toBe(200);
  });

  it('needs both the token and the password', async () => {
    for (const body of [{ token: 'x' }, { password: newPassword }, {}]) {
      const res = await s.call('POST', '/auth/password_reset_token/verify', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});
