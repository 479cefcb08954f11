import { useEffect, useState } from 'react';
import { type EndpointInfo, fetchEndpoints } from '../../api/endpoints';

const fallback: EndpointInfo[] = [{ id: 'local', upstream: null }];

/** The endpoints this server offers, for the login form (which runs without React Query, to stay small). */
export function useEndpoints(): EndpointInfo[] {
  const [endpoints, setEndpoints] = useState<EndpointInfo[]>(fallback);
  useEffect(() => {
    const controller = new AbortController();
    fetchEndpoints(controller.signal)
      .then((list) => list.length > 0 && setEndpoints(list))
      .catch(() => {
        // Without the list, the local sandbox is still offered.
      });
    return () => controller.abort();
  }, []);
  return endpoints;
}

/**
 * Keeps the chosen endpoint among those offered: a server without the local sandbox (gateway only) does not offer the
 * one forms start with, and they move to the first it offers.
 */
export function useOfferedEndpoint(endpoints: EndpointInfo[], chosen: string, choose: (id: string) => void): void {
  const offered = endpoints.some((e) => e.id === chosen);
  const first = endpoints[0]?.id;
  useEffect(() => {
    if (!offered && first !== undefined) choose(first);
  }, [offered, first, choose]);
}
