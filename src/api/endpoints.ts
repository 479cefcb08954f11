export type Coverage = 'jp' | 'g';

export interface EndpointInfo {
  id: string;
  upstream: string | null;
  /** Which SORACOM coverage the endpoint serves. */
  coverage?: Coverage;
  /** The same account's endpoint in the other coverage, when the server offers it. */
  twin?: string;
}

/** The API endpoints this server offers (`GET /api/endpoints`: the gateway's own, not a SORACOM operation). */
export async function fetchEndpoints(signal?: AbortSignal): Promise<EndpointInfo[]> {
  const response = await fetch('/api/endpoints', { signal });
  if (!response.ok) throw new Error(`GET /api/endpoints answered ${response.status}`);
  return ((await response.json()) as { endpoints: EndpointInfo[] }).endpoints;
}

/**
 * An endpoint's coverage: as the server names it, else from its id (`g`, `local-g`, `sandbox-g` are Global; every
 * other one is Japan, as SORACOM's default coverage).
 */
export function coverageOf(endpoint: string, endpoints: readonly EndpointInfo[] = []): Coverage {
  const named = endpoints.find((e) => e.id === endpoint)?.coverage;
  if (named === 'jp' || named === 'g') return named;
  return endpoint === 'g' || endpoint.endsWith('-g') ? 'g' : 'jp';
}

/** The endpoint serving the same account in the other coverage, when the server offers one. */
export function twinOf(endpoint: string, endpoints: readonly EndpointInfo[]): string | null {
  const twin = endpoints.find((e) => e.id === endpoint)?.twin;
  return twin && endpoints.some((e) => e.id === twin) ? twin : null;
}
