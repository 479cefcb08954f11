import { describe, expect, it } from 'vitest';
import { declaredTooLarge, declaresBody, isJsonType, readFetchBody } from './body';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://x.test/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readFetchBody', () => {
  it('reads a body up to the limit, and refuses one past it with 413', async () => {
    expect(new TextDecoder().decode(await readFetchBody(post('0123456789'), 10))).toBe('0123456789');
    await expect(readFetchBody(post('0123456789x'), 10)).rejects.toMatchObject({ status: 413, code: 'COM0413' });
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1));
      },
    });
    await expect(readFetchBody(post(stream, { 'content-length': '11' }), 10)).rejects.toMatchObject({ status: 413 });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('answers a body that breaks off with 400', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(3));
        controller.error(new Error('connection reset'));
      },
    });
    await expect(readFetchBody(post(broken), 10)).rejects.toMatchObject({ status: 400, code: 'COM0001' });
  });
});

describe('declaredTooLarge', () => {
  it('compares a Content-Length with the limit, and leaves a missing one to the count', () => {
    expect(declaredTooLarge('11', 10)).toBe(true);
    expect(declaredTooLarge('10', 10)).toBe(false);
    expect(declaredTooLarge(undefined, 10)).toBe(false);
    expect(declaredTooLarge(null, 10)).toBe(false);
  });
});

describe('declaresBody', () => {
  it('is true for a Content-Length above 0 or any Transfer-Encoding', () => {
    expect(declaresBody('1', null)).toBe(true);
    expect(declaresBody(null, 'chunked')).toBe(true);
    expect(declaresBody('0', null)).toBe(false);
    expect(declaresBody(null, null)).toBe(false);
  });
});

describe('isJsonType', () => {
  it('takes application/json with or without parameters, and nothing else', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON;charset=UTF-8']) {
      expect(isJsonType(type), type).toBe(true);
    }
    for (const type of [null, '', 'text/plain', 'application/jsonp', 'application/json-patch+json', 'text/json']) {
      expect(isJsonType(type), String(type)).toBe(false);
    }
  });
});
