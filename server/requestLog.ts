/**
 * One line per request: when it came, its method and path, the status, how long it took and who asked. No header is
 * logged (API keys and tokens travel in them), query values under names that may hold a secret are replaced, and so
 * are the path segments that are secrets themselves (an e-mail address, a download token).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { LogFormat } from './config';
import { clientAddress } from './forwarded';

export interface RequestLogOptions {
  format: LogFormat;
  write: (line: string) => void;
  trustProxy: boolean;
}

export interface RequestLine {
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  client: string;
  /** Present when the answer did not reach its end (the client left, or the server cut the connection). */
  aborted?: true;
}

const redacted = '[redacted]';
/** Query names that may carry a credential or a personal address (`token`, `email`, `password`, `mfaOTPCode`...). */
const secretName = /token|key|secret|pass|mail|code|otp|auth|sig|credential|session|cookie/i;
/** Path segments that are a secret: the sandbox's operator token by e-mail, exported-file links, coupon codes. */
const secretSegments: RegExp[] = [
  /(\/sandbox\/operators\/token\/)[^/?]+/,
  /(\/api\/[^/]+\/downloads\/)[^/?]+/,
  /(\/coupons\/)[^/?]+(?=\/register)/,
];
/** Long enough for any path the console or the API uses; longer ones are cut, with a mark. */
const maxPathLength = 2048;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/** The request target as logged: secret segments and the values of secret-looking query names replaced. */
export function loggedPath(target: string): string {
  const cut = target.length > maxPathLength ? `${target.slice(0, maxPathLength)}…` : target;
  const at = cut.indexOf('?');
  let path = at < 0 ? cut : cut.slice(0, at);
  for (const segment of secretSegments) path = path.replace(segment, `$1${redacted}`);
  if (at < 0) return path;
  const query = cut
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return equals >= 0 && secretName.test(decoded(name)) ? `${name}=${redacted}` : pair;
    });
  return `${path}?${query.join('&')}`;
}

/** Control characters and spaces would let a request forge lines of its own in the text format. */
const escaped = (text: string) =>
  Array.from(text, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code <= 0x20 || (code >= 0x7f && code <= 0x9f) ? `%${code.toString(16).padStart(2, '0')}` : c;
  }).join('');

export function formatLine(line: RequestLine, format: LogFormat): string {
  if (format === 'json') return JSON.stringify(line);
  return `${line.time} ${line.client} ${escaped(line.method)} ${escaped(line.path)} ${line.status} ${line.ms} ms${
    line.aborted ? ' (aborted)' : ''
  }`;
}

/** `listener`, logging each request once its answer is done or abandoned. */
export function logRequests(listener: RequestListener, options: RequestLogOptions): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const time = new Date().toISOString();
    response.once('close', () => {
      const line: RequestLine = {
        time,
        method: request.method ?? '',
        path: loggedPath(request.url ?? ''),
        status: response.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        client: clientAddress(request, options.trustProxy),
      };
      if (!response.writableFinished) line.aborted = true;
      try {
        options.write(formatLine(line, options.format));
      } catch {
        // A log that cannot be written (a closed pipe) must not take the answer or the process with it.
      }
    });
    listener(request, response);
  };
}
