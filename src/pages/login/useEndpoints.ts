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
