import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { reauth } from './reauth';
import { refreshOnce, renewSession } from './renewal';
import { type Session, sessionStore } from './session';
import { unsavedWork } from './unsavedWork';

const storageKey = 'soracom-console.session';

const session: Session = {
  endpoint: 'sandbox-jp',
  apiKey: 'api-key-1',
  token: 'token-1',
  operatorId: 'OP0000000001',
  email: 'me@example.com',
  tokenTimeoutSeconds: 3600,
  expiresAt: 1_000,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** The global fetch, stubbed once; each test says what `POST …/token` answers. */
const fetchMock = vi.fn<typeof fetch>();
let answer: () => Response | Promise<Response>;
let sent: Sent[];

/** A response the test hands over when it wants, to act while the refresh is in flight. */
function deferred() {
  let release: (response: Response) => void = () => {};
  const promise = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

beforeAll(() => {
  vi.stubGlobal('fetch', fetchMock);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const cleanups: (() => void)[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
  sent = [];
  answer = () => json({ token: 'token-2' });
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    sent.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.json(),
    });
    return answer();
  });
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  reauth.complete(null);
  sessionStore.clear();
  vi.useRealTimers();
});

/** Registers unsaved work for the rest of the test. */
function withUnsavedWork() {
  cleanups.push(unsavedWork.add());
}

describe('refreshOnce', () => {
  it("asks for a new token with the session's key and token and lifetime, and keeps it", async () => {
    sessionStore.set(session);
    const renewed = await refreshOnce();

    expect(sent).toHaveLength(1);
    const request = sent[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`${location.origin}/api/sandbox-jp/v1/operators/OP0000000001/token`);
    expect(request?.headers.get('X-Soracom-API-Key')).toBe('api-key-1');
    expect(request?.headers.get('X-Soracom-Token')).toBe('token-1');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.body).toEqual({ tokenTimeoutSeconds: 3600 });

    const expected = { ...session, token: 'token-2', expiresAt: Date.now() + 3600 * 1000 };
    expect(renewed).toEqual(expected);
    expect(sessionStore.get()).toEqual(expected);
    expect(JSON.parse(sessionStorage.getItem(storageKey) ?? 'null')).toEqual(expected);
  });

  it("asks for SORACOM's default lifetime when the session does not say", async () => {
    const { tokenTimeoutSeconds: _, ...withoutTimeout } = session;
    sessionStore.set(withoutTimeout);
    const renewed = await refreshOnce();

    expect(sent[0]?.body).toEqual({ tokenTimeoutSeconds: 86_400 });
    expect(renewed?.expiresAt).toBe(Date.now() + 86_400 * 1000);
  });

  it('encodes the operator ID in the path', async () => {
    sessionStore.set({ ...session, operatorId: 'OP/1?x' });
    await refreshOnce();
    expect(new URL(sent[0]?.url ?? '').pathname).toBe('/api/sandbox-jp/v1/operators/OP%2F1%3Fx/token');
  });

  it('sends nothing and returns null when signed out', async () => {
    expect(await refreshOnce()).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends exactly one request for ten concurrent refreshOnce and renewSession calls', async () => {
    sessionStore.set(session);
    const { promise, release } = deferred();
    answer = () => promise;

    const calls = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? refreshOnce() : renewSession()));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    release(json({ token: 'token-2' }));
    const results = await Promise.all(calls);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    for (const result of results) expect(result?.token).toBe('token-2');
    expect(sessionStore.get()?.token).toBe('token-2');
  });

  it('sends a new request once the previous refresh has finished', async () => {
    sessionStore.set(session);
    await refreshOnce();
    answer = () => json({ token: 'token-3' });
    const again = await refreshOnce();

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(sent[1]?.headers.get('X-Soracom-Token')).toBe('token-2');
    expect(again?.token).toBe('token-3');
  });

  it('returns null and leaves the session alone when the API refuses (400)', async () => {
    sessionStore.set(session);
    answer = () => json({ code: 'AUM0001', message: 'Bad request' }, 400);

    expect(await refreshOnce()).toBeNull();
    expect(sessionStore.get()).toEqual(session);
    expect(sessionStore.endReason()).toBeNull();
    expect(JSON.parse(sessionStorage.getItem(storageKey) ?? 'null')).toEqual(session);
  });

  it('returns null and leaves the session alone when the network fails', async () => {
    sessionStore.set(session);
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    expect(await refreshOnce()).toBeNull();
    expect(sessionStore.get()).toEqual(session);
  });

  it('returns null when the answer has no token', async () => {
    sessionStore.set(session);
    answer = () => json({});

    expect(await refreshOnce()).toBeNull();
    expect(sessionStore.get()).toEqual(session);
  });

  it('does not bring back a session signed out during the refresh', async () => {
    sessionStore.set(session);
    const { promise, release } = deferred();
    answer = () => promise;

    const pending = refreshOnce();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    sessionStore.clear('signedOut');
    release(json({ token: 'token-2' }));

    expect(await pending).toBeNull();
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('signedOut');
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });

  it('does not overwrite a session replaced by another sign-in during the refresh', async () => {
    sessionStore.set(session);
    const { promise, release } = deferred();
    answer = () => promise;
    const other: Session = { endpoint: 'local', apiKey: 'api-key-9', token: 'token-9', operatorId: 'OP0000000009' };

    const pending = refreshOnce();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    sessionStore.set(other);
    release(json({ token: 'token-2' }));

    expect(await pending).toBeNull();
    expect(sessionStore.get()).toEqual(other);
  });
});

describe('renewSession', () => {
  it('returns the refreshed session when the refresh works', async () => {
    sessionStore.set(session);
    const renewed = await renewSession();
    expect(renewed?.token).toBe('token-2');
    expect(sessionStore.get()?.token).toBe('token-2');
    expect(reauth.get()).toBeNull();
  });

  it('returns null without a session, sending nothing', async () => {
    expect(await renewSession()).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(reauth.get()).toBeNull();
  });

  it('returns null after a failed refresh when nothing is unsaved, without asking to sign in again', async () => {
    sessionStore.set(session);
    answer = () => json({ code: 'AUM0001', message: 'Unauthorized' }, 400);

    expect(await renewSession()).toBeNull();
    expect(reauth.get()).toBeNull();
    expect(sessionStore.get()).toEqual(session);
  });

  it('with unsaved work, asks to sign in again and resolves with the session the dialog completes with', async () => {
    sessionStore.set(session);
    answer = () => json({ code: 'AUM0001', message: 'Unauthorized' }, 400);
    withUnsavedWork();

    let settled = false;
    const pending = renewSession().finally(() => {
      settled = true;
    });
    await vi.waitFor(() => expect(reauth.get()).toEqual(session));
    expect(settled).toBe(false);

    const again: Session = { ...session, apiKey: 'api-key-2', token: 'token-new' };
    reauth.complete(again);

    expect(await pending).toEqual(again);
    expect(sessionStore.get()).toEqual(again);
    expect(reauth.get()).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('with unsaved work, resolves null when the dialog is cancelled', async () => {
    sessionStore.set(session);
    answer = () => json({ code: 'AUM0001', message: 'Unauthorized' }, 400);
    withUnsavedWork();

    const pending = renewSession();
    await vi.waitFor(() => expect(reauth.get()).toEqual(session));
    reauth.complete(null);

    expect(await pending).toBeNull();
    expect(reauth.get()).toBeNull();
    expect(sessionStore.get()).toEqual(session);
  });

  it('shares one dialog between calls made while it is open', async () => {
    sessionStore.set(session);
    answer = () => json({ code: 'AUM0001', message: 'Unauthorized' }, 400);
    withUnsavedWork();

    const first = renewSession();
    await vi.waitFor(() => expect(reauth.get()).toEqual(session));
    const second = renewSession();
    const again: Session = { ...session, apiKey: 'api-key-2', token: 'token-new' };
    reauth.complete(again);

    expect(await first).toEqual(again);
    expect(await second).toEqual(again);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('does not ask to sign in again once the unsaved work is gone', async () => {
    sessionStore.set(session);
    answer = () => json({ code: 'AUM0001', message: 'Unauthorized' }, 400);
    const done = unsavedWork.add();
    done();

    expect(unsavedWork.any()).toBe(false);
    expect(await renewSession()).toBeNull();
    expect(reauth.get()).toBeNull();
  });
});
