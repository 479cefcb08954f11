/**
 * What a reverse proxy in front tells about the original request, believed only when the server is told to trust one
 * (`--trust-proxy`): the client's address (X-Forwarded-For) and whether the client used HTTPS (X-Forwarded-Proto).
 * Without a proxy these headers come from the client itself and mean nothing.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

type Request = Pick<IncomingMessage, 'headers' | 'socket'>;

/** Browsers remember for a year to use HTTPS only; sent only on answers to requests that came over HTTPS. */
export const strictTransportSecurity = 'max-age=31536000';

/** The last entry of a header that proxies append to (`a, b, c`): the one the proxy next to this server wrote. */
function lastEntry(value: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(value) ? value.join(',') : value;
  return joined
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
}

/**
 * The client's address, as the rate limits, the loopback-only mailbox and the request log see it. Behind a trusted
 * proxy it is the address the proxy appended to X-Forwarded-For (what the client wrote before it could be anything);
 * a request without the header came to this server directly (a load balancer's health check), and one whose entry is
 * not an address is 'unknown'.
 */
export function clientAddress(request: Request, trustProxy: boolean): string {
  const socketAddress = request.socket?.remoteAddress ?? 'unknown';
  if (!trustProxy) return socketAddress;
  const forwarded = request.headers['x-forwarded-for'];
  if (forwarded === undefined) return socketAddress;
  const last = lastEntry(forwarded);
  return last !== undefined && isIP(last) !== 0 ? last : 'unknown';
}

/** Whether the client reached the server over HTTPS: through a trusted proxy that says so (this server speaks HTTP). */
export function cameOverHttps(request: Request, trustProxy: boolean): boolean {
  if ((request.socket as { encrypted?: boolean } | undefined)?.encrypted) return true;
  return trustProxy && lastEntry(request.headers['x-forwarded-proto'])?.toLowerCase() === 'https';
}
