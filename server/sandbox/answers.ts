/**
 * What goes in and out of the sandbox, whatever carries it: the call (Fetch API in tests, Node's http in the server),
 * and the answer as bytes, JSON and gzipped when large.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Reply } from './context';
import { JsonText } from './context';
import type { CoverageType } from './coverage';
import type { SoracomError } from './errors';

/**
 * One API call, whatever carried it: the Fetch API (`handle`, tests) or Node's http (server/listener.ts), so that
 * the server's hot path builds no Request or Response.
 */
export interface ApiCall {
  method: string;
  /** The path after `/v1`, still percent-encoded. */
  pathname: string;
  query: URLSearchParams;
  /** A request header by its lower-case name, or null. */
  header(name: string): string | null;
  /**
   * The body as text (not read for GET and HEAD), at most `limit` bytes: past it, a 413 SoracomError without the
   * rest being read (server/body.ts).
   */
  text(limit: number): Promise<string>;
  clientIp: string;
  /** The coverage of the endpoint called (sandbox/coverage.ts): Japan (`jp`, the default) or Global (`g`). */
  coverage?: CoverageType;
}

/** An API answer: header names are lower-case; the body is the bytes to send (gzipped when `content-encoding` says). */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer<ArrayBuffer> | null;
}

/** Whether an Accept-Encoding header takes gzip (named, or `*`, without q=0). */
const acceptsGzip = (header: string | null): boolean =>
  (header ?? '').split(',').some((part) => {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    return (name === 'gzip' || name === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });

/** Answers from this size on go gzipped (see `json`). */
export const gzipFrom = 1024;

/** A reply's headers with lower-case names. */
export function lowerCased(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** A reply as JSON, as it is, with its length. */
function plainJson(reply: Reply): ApiAnswer {
  const headers = lowerCased(reply.headers);
  if (reply.body === undefined) return { status: reply.status, headers, body: null };
  headers['content-type'] = 'application/json; charset=utf-8';
  const text = reply.body instanceof JsonText ? reply.body.text : JSON.stringify(reply.body);
  const bytes = Buffer.from(text);
  headers['content-length'] = String(bytes.length);
  if (bytes.length >= gzipFrom) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  return { status: reply.status, headers, body: bytes };
}

const gzipped = promisify(gzip);

/**
 * A reply as JSON; one of 1 KB or more goes gzipped at level 1 to a client that takes gzip: JSON of SIMs already
 * shrinks to a fraction at that level, and higher levels save little more for much more time. The compression runs
 * on libuv's thread pool, so the event loop serves other requests meanwhile, which shortens the slowest answers under
 * load (scripts/bench-load.ts measures it). A smaller answer goes as it is, which app.ts's compress() leaves alone
 * too.
 */
export async function json(reply: Reply, acceptEncoding: string | null): Promise<ApiAnswer> {
  const answer = plainJson(reply);
  if (answer.body === null || answer.body.length < gzipFrom || !acceptsGzip(acceptEncoding)) return answer;
  const body = (await gzipped(answer.body, { level: 1 })) as Buffer<ArrayBuffer>;
  return {
    ...answer,
    headers: { ...answer.headers, 'content-encoding': 'gzip', 'content-length': String(body.length) },
    body,
  };
}

/** An error as SORACOM answers it (`{code, message}`; never large enough to compress). */
export const errorAnswer = (error: SoracomError): ApiAnswer =>
  plainJson({ status: error.status, body: error.toJSON(), headers: error.headers });

/** An answer as a Fetch API Response. */
export const toResponse = (answer: ApiAnswer): Response =>
  new Response(answer.body, { status: answer.status, headers: answer.headers });
