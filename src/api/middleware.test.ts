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

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

interface Setup {
  session?: Session | null;
  language?: string;
  respond?: (request: Request) => Response | Promise<Response>;
}

/** A client over a fake fetch that records every request it is given. */
function setup({ session: current = null, language = 'en-US', respond = () => json([]) }: Setup = {}) {
  const requests: Request[] = [];
  const onUnauthorized = vi.fn<(error: ApiError) => void>();
  const fakeFetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return respond(request);
  });
  const api: Api = createApi(
    { getSession: () => current, getLanguage: () => language, onUnauthorized },
    { baseUrl, fetch: fakeFetch as typeof fetch },
  );
  return { api, requests, onUnauthorized, fakeFetch };
}

/** The ApiError a call rejected with (fails the test when it resolved or rejected with something else). */
async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to reject');
}

describe('apiMiddleware: outgoing requests', () => {
  it('sends no auth headers without a session, but always the language', async () => {
    const { api, requests } = setup({ language: 'en-US' });
    await api.GET('/sims');

    expect(requests).toHaveLength(1);
    const request = requests[0];
    expect(request?.headers.get('X-Soracom-API-Key')).toBeNull();
    expect(request?.headers.get('X-Soracom-Token')).toBeNull();
    expect(request?.headers.get('X-Soracom-Lang')).toBe('en');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/local/v1/sims');
  });

  it.each([
    ['ja-JP', 'ja'],
    ['ja', 'ja'],
    ['en', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ])('maps the language %j to X-Soracom-Lang %j', async (language, expected) => {
    const { api, requests } = setup({ language });
    await api.GET('/sims');
    expect(requests[0]?.headers.get('X-Soracom-Lang')).toBe(expected);
  });

  it("sends the session's key and token to the session's endpoint", async () => {
    const { api, requests } = setup({ session, language: 'ja-JP' });
    await api.GET('/sims', { params: { query: { limit: 10 } } });

    const request = requests[0];
    const url = new URL(request?.url ?? '');
    expect(url.origin).toBe('http://console.test');
    expect(url.pathname).toBe('/api/sandbox-jp/v1/sims');
    expect(url.searchParams.get('limit')).toBe('10');
    expect(request?.headers.get('X-Soracom-API-Key')).toBe('api-key-1');
    expect(request?.headers.get('X-Soracom-Token')).toBe('token-1');
    expect(request?.headers.get('X-Soracom-Lang')).toBe('ja');
    expect(request?.method).toBe('GET');
  });

  it('hands back the parsed body and the response on success', async () => {
    const sims = [{ simId: '8981000000000000001' }];
    const { api } = setup({ session, respond: () => json(sims, 200, { 'x-soracom-next-key': 'k1' }) });
    const { data, response } = await api.GET('/sims');
    expect(data).toEqual(sims);
    expect(response.headers.get('x-soracom-next-key')).toBe('k1');
  });

  it('keeps the JSON body of POST /auth', async () => {
    const { api, requests } = setup({ respond: () => json({ apiKey: 'a', token: 't', operatorId: 'OP1' }) });
    const { data } = await api.POST('/auth', { body: { email: 'me@example.com', password: 'pw' } });

    expect(data).toMatchObject({ apiKey: 'a', token: 't', operatorId: 'OP1' });
    const request = requests[0];
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/local/v1/auth');
    expect(await request?.json()).toEqual({ email: 'me@example.com', password: 'pw' });
  });
});

describe('apiMiddleware: failed responses', () => {
  it('turns a SORACOM error body into an ApiError with its code and message', async () => {
    const { api } = setup({ session, respond: () => json({ code: 'SEM0001', message: 'x' }, 400) });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(400);
    expect(error.code).toBe('SEM0001');
    expect(error.message).toBe('x');
    expect(error.retryAfterMs).toBeNull();
  });

  it('reads the { errorMessage: { code, message } } shape too', async () => {
    const { api } = setup({
      session,
      respond: () => json({ errorMessage: { code: 'SEM0095', message: 'No such SIM.' } }, 404),
    });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(404);
    expect(error.code).toBe('SEM0095');
    expect(error.message).toBe('No such SIM.');
  });

  it('falls back to HTTP<status> and the status text for JSON without a code', async () => {
    const { api } = setup({
      session,
      respond: () => new Response(JSON.stringify({ detail: 'nope' }), { status: 409, statusText: 'Conflict' }),
    });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(409);
    expect(error.code).toBe('HTTP409');
    expect(error.message).toBe('Conflict');
  });

  it('makes a readable message from an HTML error page', async () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body>\n<h1>Bad   Gateway</h1>\n<p>upstream down</p></body></html>';
    const { api } = setup({
      session,
      respond: () => new Response(html, { status: 502, headers: { 'content-type': 'text/html' } }),
    });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(502);
    expect(error.code).toBe('HTTP502');
    expect(error.message).toBe('502 Bad Gateway Bad Gateway upstream down');
    expect(error.message).not.toMatch(/[<>]/);
  });

  it('caps a long non-JSON body at 200 characters', async () => {
    const { api } = setup({ session, respond: () => new Response('a'.repeat(500), { status: 500 }) });
    const error = await rejection(api.GET('/sims'));
    expect(error.code).toBe('HTTP500');
    expect(error.message).toHaveLength(200);
  });

  it('handles an empty error body', async () => {
    const { api } = setup({
      session,
      respond: () => new Response(null, { status: 503, statusText: 'Service Unavailable' }),
    });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(503);
    expect(error.code).toBe('HTTP503');
    expect(error.message).toBe('Service Unavailable');
  });

  it('says "HTTP <status>" for an empty body without a status text', async () => {
    const { api } = setup({ session, respond: () => new Response('', { status: 503 }) });
    const error = await rejection(api.GET('/sims'));
    expect(error.code).toBe('HTTP503');
    expect(error.message).toBe('HTTP 503');
  });

  it("reads SORACOM's rate-limit header into retryAfterMs", async () => {
    const { api } = setup({
      session,
      respond: () =>
        json({ code: 'COM0009', message: 'Too many requests' }, 429, {
          'X-Soracom-Ratelimit-Seconds-Before-Refresh': '7',
        }),
    });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(429);
    expect(error.code).toBe('COM0009');
    expect(error.retryAfterMs).toBe(7000);
  });

  it('reads a standard Retry-After header too', async () => {
    const { api } = setup({
      session,
      respond: () => new Response('', { status: 429, headers: { 'Retry-After': '2' } }),
    });
    const error = await rejection(api.GET('/sims'));
    expect(error.retryAfterMs).toBe(2000);
  });

  it('turns a network failure into ApiError status 0, code NETWORK, keeping the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const { api } = setup({
      session,
      respond: () => {
        throw cause;
      },
    });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(0);
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe('The server could not be reached.');
    expect(error.cause).toBe(cause);
  });
});

describe('apiMiddleware: 401', () => {
  const unauthorized = () => json({ code: 'AUM0001', message: 'Unauthorized' }, 401);

  it('ends a signed-in session once when a call answers 401', async () => {
    const { api, onUnauthorized } = setup({ session, respond: unauthorized });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledWith(error);
  });

  it('does not end the session for a 401 from POST /auth (wrong credentials)', async () => {
    const { api, onUnauthorized } = setup({
      session,
      respond: () => json({ code: 'AUM0003', message: 'Authentication failed.' }, 401),
    });
    const error = await rejection(api.POST('/auth', { body: { email: 'me@example.com', password: 'wrong' } }));
    expect(error.code).toBe('AUM0003');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not call onUnauthorized without a session', async () => {
    const { api, onUnauthorized } = setup({ session: null, respond: unauthorized });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(401);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not call onUnauthorized for a 403', async () => {
    const { api, onUnauthorized } = setup({ session, respond: () => json({ code: 'AUM0002', message: 'x' }, 403) });
    const error = await rejection(api.GET('/sims'));
    expect(error.status).toBe(403);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
