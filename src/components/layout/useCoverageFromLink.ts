import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { type Coverage, coverages, endpointFor, switchEndpoint } from '../../api/coverage';
import { coverageParam } from '../../lib/coveragePath';
import { useCoverage } from './useCoverage';

/**
 * A link into the other coverage (`/sims/ID?coverage=g`, from the SIM table's combined view) switches the session to
 * it first, then drops the parameter. True while that is under way: the page waits, so it reads the right coverage.
 */
export function useCoverageFromLink(): boolean {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { endpoint, endpoints, switchable, known } = useCoverage();
  const params = new URLSearchParams(location.search);
  const raw = params.get(coverageParam);
  const wanted = coverages.find((c) => c === raw) as Coverage | undefined;

  useEffect(() => {
    if (raw === null || !known) return;
    const target = wanted ? endpointFor(wanted, endpoint, endpoints) : null;
    if (target && target !== endpoint && switchable) switchEndpoint(queryClient, target);
    const rest = new URLSearchParams(location.search);
    rest.delete(coverageParam);
    const query = rest.toString();
    navigate(`${location.pathname}${query ? `?${query}` : ''}${location.hash}`, { replace: true });
  }, [raw, wanted, known, endpoint, endpoints, switchable, queryClient, navigate, location]);

  return raw !== null;
}
