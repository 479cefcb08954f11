import { describe, expect, it } from 'vitest';
import { ApiError, isRetryable, retryAfter } from './errors';

describe('isRetryable', () => {
  it.each([0, 429, 500, 502, 503, 504])('retries an ApiError with status %i', (status) => {
    expect(isRetryable(new ApiError(status, 'X', 'x'))).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 422])('does not retry an ApiError with status %i', (status) => {
    expect(isRetryable(new ApiError(status, 'X', 'x'))).toBe(false);
  });

  it.each([
    ['a plain Error', new Error('boom')],
    ['a TypeError', new TypeError('Failed to fetch')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['an ApiError look-alike', { name: 'ApiError', status: 503 }],
  ])('does not retry %s', (_label, error) => {
    expect(isRetryable(error)).toBe(false);
  });

  it('retries ApiError.network()', () => {
    expect(isRetryable(ApiError.network(new TypeError('offline')))).toBe(true);
  });
});

describe('retryAfter', () => {
  it("reads SORACOM's header in seconds", () => {
    expect(retryAfter(new Headers({ 'X-Soracom-Ratelimit-Seconds-Before-Refresh': '7' }))).toBe(7000);
  });

  it('reads a standard Retry-After in seconds', () => {
    expect(retryAfter(new Headers({ 'Retry-After': '3' }))).toBe(3000);
  });

  it("prefers SORACOM's header to Retry-After", () => {
    expect(retryAfter(new Headers({ 'X-Soracom-Ratelimit-Seconds-Before-Refresh': '5', 'Retry-After': '30' }))).toBe(
      5000,
    );
  });

  it('accepts zero', () => {
    expect(retryAfter(new Headers({ 'Retry-After': '0' }))).toBe(0);
  });

  it.each([
    ['no header', {}],
    ['a negative number', { 'Retry-After': '-1' }],
    ['an HTTP date', { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' }],
    ['text', { 'X-Soracom-Ratelimit-Seconds-Before-Refresh': 'soon' }],
  ])('gives null for %s', (_label, headers: Record<string, string>) => {
    expect(retryAfter(new Headers(headers))).toBeNull();
  });
});

describe('ApiError', () => {
  it('is an Error named ApiError carrying status, code and message', () => {
    const error = new ApiError(404, 'SEM0095', 'No such SIM.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(404);
    expect(error.code).toBe('SEM0095');
    expect(error.message).toBe('No such SIM.');
    expect(error.retryAfterMs).toBeNull();
  });

  it('fromResponse reads the rate-limit header into retryAfterMs', async () => {
    const response = new Response(JSON.stringify({ code: 'COM0009', message: 'Slow down' }), {
      status: 429,
      headers: { 'X-Soracom-Ratelimit-Seconds-Before-Refresh': '12' },
    });
    const error = await ApiError.fromResponse(response);
    expect(error).toMatchObject({ status: 429, code: 'COM0009', message: 'Slow down', retryAfterMs: 12_000 });
  });

  it('fromResponse keeps HTTP<status> when the JSON code is not a string', async () => {
    const response = new Response(JSON.stringify({ code: 42, message: ['not', 'a', 'string'] }), {
      status: 400,
      statusText: 'Bad Request',
    });
    const error = await ApiError.fromResponse(response);
    expect(error.code).toBe('HTTP400');
    expect(error.message).toBe('Bad Request');
  });

  it('fromResponse treats a body that was already read as empty', async () => {
    const response = new Response('already read', { status: 500, statusText: 'Internal Server Error' });
    await response.text();
    const error = await ApiError.fromResponse(response);
    expect(error.code).toBe('HTTP500');
    expect(error.message).toBe('Internal Server Error');
  });

  it('network() has status 0, code NETWORK and keeps the cause', () => {
    const cause = new TypeError('Failed to fetch');
    const error = ApiError.network(cause);
    expect(error.status).toBe(0);
    expect(error.code).toBe('NETWORK');
    expect(error.cause).toBe(cause);
  });
});
