/** The same-origin gateway to a real SORACOM API: passes SORACOM headers both ways, bounds the wait. */
const passRequest = /^(content-type|accept|x-soracom-.*)$/i;
const passResponse = /^(content-type|content-disposition|link|retry-after|x-soracom-.*)$/i;

const gatewayError = (status: 502 | 504, message: string): Response =>
  new Response(JSON.stringify({ code: status === 504 ? 'GWY0504' : 'GWY0502', message }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

export function createProxy(upstream: string, timeoutMs: number) {
  return async (request: Request, rest: string): Promise<Response> => {
    const search = new URL(request.url).search;
    const headers = new Headers();
    request.headers.forEach((value, name) => {
      if (passRequest.test(name)) headers.set(name, value);
    });
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    let upstreamResponse: Response;
    try {
      upstreamResponse = await fetch(`${upstream}${rest}${search}`, {
        method: request.method,
        headers,
        body: hasBody ? await request.arrayBuffer() : undefined,
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
