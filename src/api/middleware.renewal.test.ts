import { describe, expect, it, vi } from 'vitest';
import { type Api, createApi } from './client';
import { ApiError } from './errors';
import type { Session } from './session';

const baseUrl = 'http://console.test/api/local/v1';

const session: Session = {
  endpoint: 'sandbox-jp',
  apiKey: 'api-key-1',
  token: 'token-1',
  operatorId: 'OP0000000001',
};
const renewedSession: Session = { ...session, token: 'token-2' };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
const unauthorized = () => json({ code: 'AUM0001', message: 'Unauthorized' }, 401);

interface Sent {
  method: string;
  path: string;
  token: string | null;
  apiKey: string | null;
  body: string;
}

interface Setup {
  /** What the fake API answers; by default 401 for token-1 (ended) and `[]` for any other token. */
  respond?: (request: Request, sent: Sent) => Response | Promise<Response>;
  /** What renew does; by default it makes token-2 the current session. */
  renew?: (state: { current: Session | null }) => Promise<Session | null>;
}

/** A client over a fake fetch, with a mutable current session and a renew that is counted. */
function setup({ respond, renew }: Setup = {}) {
  const state: { current: Session | null } = { current: session };
  const sent: Sent[] = [];
  const onUnauthorized = vi.fn<(error: ApiError) => void>();
  const defaultRenew = async () => {
    state.current = renewedSession;
    return renewedSession;
  };
  const renewSpy = vi.fn(() => (renew ?? defaultRenew)(state));
  const answer =
    respond ??
    ((_: Request, request: Sent) => (request.token === 'token-1' ? unauthorized() : json([{ simId: 'sim-1' }])));
  const fakeFetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const record: Sent = {
      method: request.method,
      path: new URL(request.url).pathname,
      token: request.headers.get('X-Soracom-Token'),
      apiKey: request.headers.get('X-Soracom-API-Key'),
      body: await request.clone().text(),
    };
    sent.push(record);
    return answer(request, record);
  });
  const api: Api = createApi(
    { getSession: () => state.current, getLanguage: () => 'en', onUnauthorized, renew: renewSpy },
    { baseUrl, fetch: fakeFetch as typeof fetch },
  );
  return { api, sent, state, onUnauthorized, renew: renewSpy, fakeFetch };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to reject');
}

describe('apiMiddleware: renewing an ended session', () => {
  it('retries a GET answered 401 once, with the renewed token, and resolves with its data', async () => {
    const { api, sent, renew, onUnauthorized } = setup();
    const { data } = await api.GET('/sims', { params: { query: { limit: 5 } } });

    expect(data).toEqual([{ simId: 'sim-1' }]);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(sent.map((r) => [r.method, r.path, r.token])).toEqual([
      ['GET', '/api/sandbox-jp/v1/sims', 'token-1'],
      ['GET', '/api/sandbox-jp/v1/sims', 'token-2'],
    ]);
    expect(sent[1]?.apiKey).toBe('api-key-1');
  });

  it('keeps the query string on the retried request', async () => {
    const urls: string[] = [];
    const { api } = setup({
      respond: (request, sent) => {
        urls.push(request.url);
        return sent.token === 'token-1' ? unauthorized() : json([]);
      },
    });
    await api.GET('/sims', { params: { query: { limit: 5 } } });
    expect(urls.map((url) => new URL(url).search)).toEqual(['?limit=5', '?limit=5']);
  });

  it('sends the retry to the renewed session’s endpoint with its key', async () => {
    const moved: Session = { endpoint: 'sandbox-g', apiKey: 'api-key-2', token: 'token-2', operatorId: 'OP0000000001' };
    const { api, sent } = setup({
      renew: async (state) => {
        state.current = moved;
        return moved;
      },
    });
    await api.GET('/sims');
    expect(sent[1]).toMatchObject({ path: '/api/sandbox-g/v1/sims', apiKey: 'api-key-2', token: 'token-2' });
  });

  it('replays a POST with the same JSON body', async () => {
    const { api, sent, onUnauthorized } = setup({
      respond: (_, request) => (request.token === 'token-1' ? unauthorized() : json({})),
    });
    const body = { currentPassword: 'old-secret1', newPassword: 'new-secret2' };
    const { response } = await api.POST('/operators/{operator_id}/password', {
      params: { path: { operator_id: 'OP0000000001' } },
      body,
    });

    expect(response.ok).toBe(true);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => [r.method, r.path, r.token])).toEqual([
      ['POST', '/api/sandbox-jp/v1/operators/OP0000000001/password', 'token-1'],
      ['POST', '/api/sandbox-jp/v1/operators/OP0000000001/password', 'token-2'],
    ]);
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual(body);
    expect(JSON.parse(sent[1]?.body ?? '')).toEqual(body);
  });

  it('rejects with the 401 and ends the session once when renew gives nothing', async () => {
    const { api, sent, renew, onUnauthorized } = setup({ renew: async () => null });
    const error = await rejection(api.GET('/sims'));

    expect(error.status).toBe(401);
    expect(error.code).toBe('AUM0001');
    expect(renew).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledWith(error);
    expect(sent).toHaveLength(1);
  });

  it('rejects with the 401 of the retry and ends the session when the renewed token is refused too', async () => {
    const { api, sent, renew, onUnauthorized } = setup({ respond: unauthorized });
    const error = await rejection(api.GET('/sims'));

    expect(error.status).toBe(401);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(2);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('rejects with the error of the retry, without ending the session, when it fails otherwise', async () => {
    const { api, onUnauthorized } = setup({
      respond: (_, request) =>
        request.token === 'token-1' ? unauthorized() : json({ code: 'SEM0001', message: 'Broken' }, 500),
    });
    const error = await rejection(api.GET('/sims'));

    expect(error.status).toBe(500);
    expect(error.code).toBe('SEM0001');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('uses a token renewed meanwhile by another call, without renewing again', async () => {
    const { api, sent, renew, onUnauthorized, state } = setup({
      respond: (_, request) => {
        if (request.token !== 'token-1') return json([{ simId: 'sim-1' }]);
        // Another call renewed the session while this one was on its way.
        state.current = renewedSession;
        return unauthorized();
      },
    });
    const { data } = await api.GET('/sims');

    expect(data).toEqual([{ simId: 'sim-1' }]);
    expect(renew).not.toHaveBeenCalled();
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(sent.map((r) => r.token)).toEqual(['token-1', 'token-2']);
  });

  it('retries ten parallel calls refused together with exactly one renewal', async () => {
    let renewals = 0;
    let inFlight: Promise<Session | null> | null = null;
    const { api, sent, onUnauthorized } = setup({
      renew: (state) => {
        inFlight ??= (async () => {
          renewals++;
          await new Promise((resolve) => setTimeout(resolve, 10));
          state.current = renewedSession;
          return renewedSession;
        })().finally(() => {
          inFlight = null;
        });
        return inFlight;
      },
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.GET('/sims/{sim_id}', { params: { path: { sim_id: `sim-${i}` } } }).then(({ response }) => response),
      ),
    );

    expect(renewals).toBe(1);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(results.every((response) => response.ok)).toBe(true);
    expect(sent).toHaveLength(20);
    for (let i = 0; i < 10; i++) {
      const forSim = sent.filter((r) => r.path.endsWith(`/sims/sim-${i}`)).map((r) => r.token);
      expect(forSim).toEqual(['token-1', 'token-2']);
    }
  });

  it('never renews for a 401 from POST /auth (wrong credentials)', async () => {
    const { api, renew, onUnauthorized, sent } = setup({
      respond: () => json({ code: 'AUM0003', message: 'Authentication failed.' }, 401),
    });
    const error = await rejection(api.POST('/auth', { body: { email: 'me@example.com', password: 'wrong' } }));

    expect(error.code).toBe('AUM0003');
    expect(renew).not.toHaveBeenCalled();
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
  });

  it('never waits on a renewal for a 401 from POST /auth/logout (the session is ending anyway)', async () => {
    const { api, renew, sent } = setup({
      respond: () => json({ code: 'AUM0001', message: 'Authentication is required.' }, 401),
    });
    const error = await rejection(api.POST('/auth/logout'));

    expect(error.status).toBe(401);
    expect(renew).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
  });

  it('does not renew a 403', async () => {
    const { api, renew, onUnauthorized } = setup({ respond: () => json({ code: 'AUM0002', message: 'x' }, 403) });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(403);
    expect(renew).not.toHaveBeenCalled();
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not renew without a session', async () => {
    const { api, renew, state, onUnauthorized } = setup({ respond: unauthorized });
    state.current = null;
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(401);
    expect(renew).not.toHaveBeenCalled();
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
