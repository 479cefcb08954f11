/** The same-origin gateway to a real SORACOM API: passes SORACOM headers both ways, bounds the wait and the body. */
import { defaultBodyLimits, readFetchBody } from './body';
import { SoracomError } from './sandbox/errors';

const passRequest = /^(content-type|accept|x-soracom-.*)$/i;
const passResponse = /^(content-type|content-disposition|link|retry-after|x-soracom-.*)$/i;

const gatewayError = (status: 502 | 504, message: string): Response =>
  new Response(JSON.stringify({ code: status === 504 ? 'GWY0504' : 'GWY0502', message }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/**
 * A body over the gateway's limit (413) or cut short (400): refused before the upstream is called (@hono/node-server
 * drains what the client still sends, bounded, and closes the connection).
 */
const bodyRefused = (error: SoracomError): Response =>
  new Response(JSON.stringify(error.toJSON()), {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

export function createProxy(upstream: string, timeoutMs: number, bodyLimit = defaultBodyLimits.gateway) {
  return async (request: Request, rest: string): Promise<Response> => {
    const search = new URL(request.url).search;
    const headers = new Headers();
    request.headers.forEach((value, name) => {
      if (passRequest.test(name)) headers.set(name, value);
    });
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    let body: Uint8Array<ArrayBuffer> | undefined;
    try {
      body = hasBody ? await readFetchBody(request, bodyLimit) : undefined;
    } catch (error) {
      if (error instanceof SoracomError) return bodyRefused(error);
      throw error;
    }
    let upstreamResponse: Response;
    try {
      upstreamResponse = await fetch(`${upstream}${rest}${search}`, {
        method: request.method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        const wait = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
        return gatewayError(504, `The SORACOM API did not answer within ${wait}.`);
      }
      return gatewayError(502, 'The SORACOM API could not be reached.');
    }
    const out = new Headers();
    upstreamResponse.headers.forEach((value, name) => {
      if (passResponse.test(name)) out.set(name, value);
    });
    return new Response(upstreamResponse.body, { status: upstreamResponse.status, headers: out });
  };
}
