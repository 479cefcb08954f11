import type { UseMutationOptions } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MFA_REQUIRED_CODE } from '../../../common/soracomCodes';
import { createQueryClient } from '../queryClient';
import { reauth } from '../reauth';
import { type Session, sessionStore } from '../session';
import { authBody, authChanges, isMfaRequired, signIn } from './auth';

/** The typed client captures `fetch` when its module loads, so the stub must be in place before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface Sent {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}
let sent: Sent[];
/** What the API answers, given the path asked for. */
let answer: (path: string) => Response | Promise<Response>;

const now = 1_750_000_000_000;

beforeEach(() => {
  sent = [];
  answer = () => new Response(null, { status: 204 });
  vi.spyOn(Date, 'now').mockReturnValue(now);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const text = await request.text();
    const path = new URL(request.url).pathname;
    sent.push({ method: request.method, path, headers: request.headers, body: text ? JSON.parse(text) : undefined });
    return answer(path);
  });
});
afterEach(() => {
  if (reauth.get()) reauth.complete(null);
  sessionStore.clear();
  vi.restoreAllMocks();
});

/** Runs a change as `useChange` would, its callbacks included. */
function run<TData, TVariables>(options: UseMutationOptions<TData, Error, TVariables>, variables: TVariables) {
  const client = createQueryClient();
  return client.getMutationCache().build(client, options).execute(variables);
}

describe('signIn', () => {
  it('signs a root account in at the chosen endpoint and keeps the session it opens, in this tab only', async () => {
    answer = () => json({ apiKey: 'api-1', token: 'token-1', operatorId: 'OP0000000001' });
    const session = await signIn({
      endpoint: 'local',
      account: { email: ' me@example.com ' },
      password: 'secret',
      mfaCode: '',
    });

    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/local/v1/auth',
        headers: expect.any(Headers),
        body: { email: 'me@example.com', password: 'secret', tokenTimeoutSeconds: 86_400 },
      },
    ]);
    const expected: Session = {
      endpoint: 'local',
      apiKey: 'api-1',
      token: 'token-1',
      operatorId: 'OP0000000001',
      email: 'me@example.com',
      tokenTimeoutSeconds: 86_400,
      expiresAt: now + 86_400_000,
    };
    expect(session).toEqual(expected);
    expect(sessionStore.get()).toEqual(expected);
    expect(JSON.parse(sessionStorage.getItem('soracom-console.session') ?? 'null')).toEqual(expected);
    expect(localStorage.getItem('soracom-console.session')).toBeNull();
  });

  it('signs a SAM user in, naming the session after the user the API answers for', async () => {
    answer = () => json({ apiKey: 'api-2', token: 'token-2', operatorId: 'OP0000000002', userName: 'alice' });
    const session = await signIn({
      endpoint: 'jp',
      account: { operatorId: 'OP0000000002', userName: 'alice' },
      password: 'secret',
      tokenTimeoutSeconds: 3_600,
    });

    expect(sent[0]?.path).toBe('/api/jp/v1/auth');
    expect(sent[0]?.body).toEqual({
      operatorId: 'OP0000000002',
      userName: 'alice',
      password: 'secret',
      tokenTimeoutSeconds: 3_600,
    });
    expect(session).toEqual({
      endpoint: 'jp',
      apiKey: 'api-2',
      token: 'token-2',
      operatorId: 'OP0000000002',
      userName: 'alice',
      tokenTimeoutSeconds: 3_600,
      expiresAt: now + 3_600_000,
    });
  });

  it('fails with an error that says a code is needed when the account has MFA, keeping nothing', async () => {
    answer = () => json({ code: MFA_REQUIRED_CODE, message: 'MFA OTP code required' }, 401);
    const failed = signIn({ endpoint: 'local', account: { email: 'me@example.com' }, password: 'secret' });

    const error = await failed.catch((caught: unknown) => caught);
    expect(isMfaRequired(error)).toBe(true);
    expect(sessionStore.get()).toBeNull();
    expect(sessionStorage.getItem('soracom-console.session')).toBeNull();
  });

  it('tells wrong credentials apart from a missing code only by the error, and keeps nothing', async () => {
    answer = () => json({ code: 'AUM0003', message: 'Authentication failed.' }, 401);
    const error = await signIn({ endpoint: 'local', account: { email: 'me@example.com' }, password: 'x' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ status: 401, code: 'AUM0003' });
    expect(isMfaRequired(error)).toBe(false);
    expect(sessionStore.get()).toBeNull();
  });

  it('keeps no session when the answer lacks the key, the token or the operator', async () => {
    answer = () => json({ apiKey: 'api-1', operatorId: 'OP0000000001' });
    await expect(
      signIn({ endpoint: 'local', account: { email: 'me@example.com' }, password: 'secret' }),
    ).rejects.toThrow();
    expect(sessionStore.get()).toBeNull();
  });
});

describe('authBody', () => {
  it('sends a root account as email and password, trimming the email only', () => {
    expect(authBody({ endpoint: 'local', account: { email: '  me@example.com ' }, password: ' pw ' })).toEqual({
      email: 'me@example.com',
      password: ' pw ',
      tokenTimeoutSeconds: 86_400,
    });
  });

  it('sends a SAM user as operator ID, user name and password, trimmed', () => {
    expect(
      authBody({ endpoint: 'local', account: { operatorId: ' OP0000000001 ', userName: ' alice ' }, password: 'pw' }),
    ).toEqual({ operatorId: 'OP0000000001', userName: 'alice', password: 'pw', tokenTimeoutSeconds: 86_400 });
  });

  it('includes mfaOTPCode, trimmed, only when a code was given', () => {
    const root = { endpoint: 'local', account: { email: 'me@example.com' }, password: 'pw' };
    expect(authBody({ ...root, mfaCode: ' 123456 ' })).toMatchObject({ mfaOTPCode: '123456' });
    expect(authBody({ ...root, mfaCode: '   ' })).not.toHaveProperty('mfaOTPCode');
    expect(authBody(root)).not.toHaveProperty('mfaOTPCode');
  });
});

describe('authChanges.reLogin', () => {
  const ended: Session = {
    endpoint: 'jp',
    apiKey: 'api-old',
    token: 'token-old',
    operatorId: 'OP0000000002',
    userName: 'alice',
    tokenTimeoutSeconds: 3_600,
    expiresAt: now - 1,
  };

  it('signs in again as the same account and hands the new session to the renewal waiting for it', async () => {
    sessionStore.set(ended);
    const waiting = reauth.request(ended);
    answer = () => json({ apiKey: 'api-new', token: 'token-new', operatorId: 'OP0000000002', userName: 'alice' });

    await run(authChanges.reLogin(), { ended, password: 'secret', mfaCode: '123456' });

    expect(sent[0]?.path).toBe('/api/jp/v1/auth');
    expect(sent[0]?.body).toEqual({
      operatorId: 'OP0000000002',
      userName: 'alice',
      password: 'secret',
      mfaOTPCode: '123456',
      tokenTimeoutSeconds: 3_600,
    });
    await expect(waiting).resolves.toEqual({
      ...ended,
      apiKey: 'api-new',
      token: 'token-new',
      expiresAt: now + 3_600_000,
    });
    expect(reauth.get()).toBeNull();
  });

  it('signs the root account in again by its email', async () => {
    const root: Session = { endpoint: 'local', apiKey: 'a', token: 't', operatorId: 'OP0000000001', email: 'me@x.jp' };
    const waiting = reauth.request(root);
    answer = () => json({ apiKey: 'api-new', token: 'token-new', operatorId: 'OP0000000001' });

    await run(authChanges.reLogin(), { ended: root, password: 'secret', mfaCode: '' });

    expect(sent[0]?.body).toEqual({ email: 'me@x.jp', password: 'secret', tokenTimeoutSeconds: 86_400 });
    await expect(waiting).resolves.toMatchObject({ email: 'me@x.jp', apiKey: 'api-new', token: 'token-new' });
  });

  it('refuses a session of another operator, and the wait stays open', async () => {
    reauth.request(ended);
    answer = () => json({ apiKey: 'api-new', token: 'token-new', operatorId: 'OP0000000009' });

    await expect(run(authChanges.reLogin(), { ended, password: 'secret', mfaCode: '' })).rejects.toThrow();
    expect(reauth.get()).toEqual(ended);
  });
});

describe('authChanges.signOut', () => {
  const session: Session = { endpoint: 'local', apiKey: 'api-1', token: 'token-1', operatorId: 'OP0000000001' };

  it('revokes the key and token on the API, then forgets the session for the reason given', async () => {
    sessionStore.set(session);
    await run(authChanges.signOut('signedOut'), undefined);

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/local/v1/auth/logout' });
    expect(sent[0]?.headers.get('X-Soracom-API-Key')).toBe('api-1');
    expect(sent[0]?.headers.get('X-Soracom-Token')).toBe('token-1');
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('signedOut');
    expect(sessionStorage.getItem('soracom-console.session')).toBeNull();
  });

  it('forgets the session even when the API refuses or cannot be reached', async () => {
    sessionStore.set(session);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await run(authChanges.signOut('idle'), undefined);
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('idle');

    sessionStore.set(session);
    answer = () => json({ code: 'AUM0001', message: 'Invalid token' }, 401);
    await run(authChanges.signOut('signedOut'), undefined);
    expect(sessionStore.get()).toBeNull();
  });
});

describe('sign-up and recovery', () => {
  it.each([
    [
      'signUp',
      () => run(authChanges.signUp('jp'), { email: 'me@example.com', password: 'Secret-123' }),
      '/api/jp/v1/operators',
      { email: 'me@example.com', password: 'Secret-123' },
    ],
    [
      'verifyEmail',
      () => run(authChanges.verifyEmail('jp'), 'verify-token'),
      '/api/jp/v1/operators/verify',
      { token: 'verify-token' },
    ],
    [
      'requestPasswordReset',
      () => run(authChanges.requestPasswordReset('jp'), 'me@example.com'),
      '/api/jp/v1/auth/password_reset_token/issue',
      { email: 'me@example.com' },
    ],
    [
      'resetPassword',
      () => run(authChanges.resetPassword('jp', 'reset-token'), 'Secret-456'),
      '/api/jp/v1/auth/password_reset_token/verify',
      { token: 'reset-token', password: 'Secret-456' },
    ],
    [
      'requestMfaRevoke',
      () => run(authChanges.requestMfaRevoke('jp'), { email: 'me@example.com', password: 'pw' }),
      '/api/jp/v1/operators/mfa_revoke_token/issue',
      { email: 'me@example.com', password: 'pw' },
    ],
    [
      'revokeMfa',
      () =>
        run(authChanges.revokeMfa('jp', 'mfa-token'), { email: 'me@example.com', password: 'pw', backupCode: 'b1' }),
      '/api/jp/v1/operators/mfa_revoke_token/verify',
      { token: 'mfa-token', email: 'me@example.com', password: 'pw', backupCode: 'b1' },
    ],
  ])('%s goes to the chosen endpoint', async (_name, send, path, body) => {
    await send();
    expect(sent).toEqual([{ method: 'POST', path, headers: expect.any(Headers), body }]);
  });

  it('fails with the API error, for the form to show', async () => {
    answer = () => json({ code: 'AUM0010', message: 'Email already registered' }, 400);
    await expect(
      run(authChanges.signUp('local'), { email: 'me@example.com', password: 'Secret-123' }),
    ).rejects.toMatchObject({ status: 400, code: 'AUM0010', message: 'Email already registered' });
  });
});
