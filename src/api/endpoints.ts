export interface EndpointInfo {
  id: string;
  upstream: string | null;
}

/** The API endpoints this server offers (`GET /api/endpoints`: the gateway's own, not a SORACOM operation). */
export async function fetchEndpoints(signal?: AbortSignal): Promise<EndpointInfo[]> {
  const response = await fetch('/api/endpoints', { signal });
  if (!response.ok) throw new Error(`GET /api/endpoints answered ${response.status}`);
  return ((await response.json()) as { endpoints: EndpointInfo[] }).endpoints;
}
