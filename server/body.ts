/**
 * Request bodies read with a bound: a declared `Content-Length` over the limit is refused before a byte is read, and
 * a body sent without one (chunked) is counted as it arrives and refused as soon as it passes the limit, so that no
 * request can make the server hold more than the limit in memory.
 */
import type { IncomingMessage } from 'node:http';
import { codes, SoracomError } from './sandbox/errors';

const mebibyte = 1024 * 1024;

/** The default limits: the sandbox takes small JSON; the gateway passes on what SORACOM may accept. */
export const defaultBodyLimits = { sandbox: mebibyte, gateway: 16 * mebibyte } as const;

export const tooLarge = (limit: number): SoracomError =>
  new SoracomError(413, codes.payloadTooLarge, `The request body is larger than the limit of ${limit} bytes.`);

const cutShort = () => new SoracomError(400, codes.badRequest, 'The request body could not be read.');

/** Whether a declared `Content-Length` (if any) is over the limit; a malformed one is left to the HTTP parser. */
export function declaredTooLarge(contentLength: string | null | undefined, limit: number): boolean {
  if (!contentLength) return false;
  const length = Number(contentLength);
  return Number.isFinite(length) && length > limit;
}

/** Whether a request's headers announce a body: a `Content-Length` above 0, or a `Transfer-Encoding`. */
export const declaresBody = (contentLength: string | null, transferEncoding: string | null): boolean =>
  transferEncoding !== null || declaredTooLarge(contentLength, 0);

/**
 * A Node request's body as text, at most `limit` bytes. Over the limit it stops reading (the rest stays in the
 * socket, which the 413 answer closes) and fails with 413; a body that breaks off is the client's fault (400).
 */
export function readNodeBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((done, fail) => {
    if (declaredTooLarge(request.headers['content-length'], limit)) {
      fail(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: SoracomError) => {
      request.off('data', onData);
      request.pause();
      fail(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) stop(tooLarge(limit));
      else chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => done(new TextDecoder().decode(Buffer.concat(chunks))));
    request.once('error', () => stop(cutShort()));
    // A client that goes away mid-body: no 'end' comes, and nothing would settle this otherwise.
    request.once('close', () => {
      if (!request.complete) stop(cutShort());
    });
  });
}

/** A Fetch API request's body as bytes, at most `limit` of them (413 past it, 400 when it breaks off). */
export async function readFetchBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (declaredTooLarge(request.headers.get('content-length'), limit)) throw tooLarge(limit);
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw cutShort();
    }
    if (next.done) break;
    size += next.value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return body;
}

/**
 * Whether a Content-Type is JSON (`application/json`, with parameters such as charset or none); a body of any other
 * type is one a web page can send to another site without a CORS preflight.
 */
export const isJsonType = (contentType: string | null): boolean =>
  /^application\/json\s*(;|$)/i.test((contentType ?? '').trim());
