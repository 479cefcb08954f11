/**
 * How the sandbox takes a request body: only once the caller of a secured operation is known, only as JSON where the
 * description takes JSON, and never more than its limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, createContractSandbox } from '../test/contract';
import type { ApiCall } from './answers';
import { codes } from './errors';
import { createSandbox } from './sandbox';
import { demo } from './seed';

const s = createContractSandbox({ fleet: 3, rateLimit: { limit: 1000, windowSeconds: 60 } });
let root: Credentials;
beforeAll(async () => {
  root = await s.loginRoot();
});

/** A call whose body the test can see being read, or not. */
function call(method: string, pathname: string, headers: Record<string, string>, body: string) {
  const reads: number[] = [];
  const apiCall: ApiCall = {
    method,
    pathname,
    query: new URLSearchParams(),
    header: (name) => headers[name] ?? null,
    text: async (limit) => {
      reads.push(limit);
      return body;
    },
    clientIp: '192.0.2.1',
  };
  return { apiCall, reads };
}

const parsed = (body: Buffer | null) => JSON.parse(String(body)) as unknown;

describe('a secured operation', () => {
  it('does not read the body of a caller without credentials, or with wrong ones', async () => {
    const json = { 'content-type': 'application/json', 'content-length': String(300 * 1024 * 1024) };
    for (const [headers, code] of [
      [json, codes.unauthenticated],
      [{ ...json, 'x-soracom-api-key': 'api-key-x', 'x-soracom-token': 'token-x' }, codes.tokenInvalid],
    ] as const) {
      const { apiCall, reads } = call('PUT', '/sims/x/tags', headers, '[{"tagName":"a","tagValue":"b"}]');
      const answer = await s.sandbox.answer(apiCall);
      expect(answer.status).toBe(401);
      expect(parsed(answer.body)).toEqual({ code, message: expect.any(String) });
      expect(reads).toEqual([]);
    }
  });

  it('still answers a bad path or query before asking who calls, and a bad body after', async () => {
    expect((await s.call('GET', '/sims?limit=many')).status).toBe(400);
    expect((await s.call('PUT', '/sims/x/tags', { raw: '{' })).status).toBe(401);
    const bad = await s.call('PUT', '/sims/x/tags', { raw: '{', auth: root });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(codes.invalidJson);
  });
});

describe('the type of a body', () => {
  const signIn = JSON.stringify({ email: demo.email, password: demo.password });

  it('must be JSON where the description takes JSON: text/plain (sent cross-site without a preflight) is 415', async () => {
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
    ]) {
      const res = await s.call('POST', '/auth', { raw: signIn, headers: { 'content-type': type } });
      expect(res.status, type).toBe(415);
      expect(res.body).toEqual({ code: codes.unsupportedMediaType, message: expect.any(String) });
      expect(res.headers.get('x-soracom-token'), type).toBeNull();
    }
  });

  it('refuses a body of another type before reading it, when the request says it has one', async () => {
    const headers = { 'content-type': 'text/plain', 'content-length': '70' };
    const { apiCall, reads } = call('POST', '/auth', headers, signIn);
    expect((await s.sandbox.answer(apiCall)).status).toBe(415);
    expect(reads).toEqual([]);
  });

  it('may name a charset, in any case', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
      const res = await s.call('POST', '/auth', { raw: signIn, headers: { 'content-type': type } });
      expect(res.status, type).toBe(200);
    }
  });

  it('does not matter for an empty body where the body is optional', async () => {
    const created = await s.call('POST', '/sandbox/subscribers/create', { auth: root });
    expect(created.status).toBe(200);
    const typed = await s.call('POST', '/sandbox/subscribers/create', {
      auth: root,
      raw: '',
      headers: { 'content-type': 'text/plain' },
    });
    expect(typed.status).toBe(200);
  });
});

describe('the size of a body', () => {
  it('is read with the sandbox’s limit: 1 MiB unless told otherwise', async () => {
    const { apiCall, reads } = call('POST', '/auth', { 'content-type': 'application/json' }, '{}');
    await s.sandbox.answer(apiCall);
    expect(reads).toEqual([1024 * 1024]);
    const small = createSandbox({ db: s.db, bodyLimit: 100 });
    const second = call('POST', '/auth', { 'content-type': 'application/json' }, '{}');
    await small.answer(second.apiCall);
    expect(second.reads).toEqual([100]);
  });

  it('over the limit is 413 through the Fetch API too, whether declared or streamed', async () => {
    const small = createSandbox({ db: s.db, bodyLimit: 100 });
    const big = JSON.stringify({ email: 'a'.repeat(200), password: 'x' });
    const declared = await small.handle(
      new Request('http://sandbox.test/v1/auth', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
        body: big,
      }),
      '/auth',
    );
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ code: codes.payloadTooLarge, message: expect.any(String) });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64).fill(32));
      },
    });
    const streamed = await small.handle(
      new Request('http://sandbox.test/v1/auth', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: endless,
        duplex: 'half',
      } as RequestInit),
      '/auth',
    );
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });
});
