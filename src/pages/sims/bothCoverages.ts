/**
 * The SIM table's view of both coverages: each coverage's SIMs are read from its own endpoint, tagged with their
 * coverage and listed together (this coverage's first), then optionally narrowed to one coverage.
 */
import { type Coverage, coverageOf, type EndpointInfo } from '../../api/endpoints';
import type { SimRow } from '../../lib/simRow';

/** Where one coverage's SIMs are read from. */
export interface FleetSource {
  endpoint: string;
  coverage: Coverage;
}

/** A row marked with its coverage (a new object only when it is not marked yet). */
export const inCoverage = (row: SimRow, coverage: Coverage): SimRow =>
  row.coverage === coverage ? row : { ...row, coverage };

/** The rows of each source, in the order of the sources. */
export function mergeSources(parts: readonly (readonly SimRow[])[]): SimRow[] {
  return parts.flat();
}

/** The rows of one coverage, or all of them when none is chosen. */
export function onlyCoverage(rows: SimRow[], coverage: Coverage | null): SimRow[] {
  return coverage === null ? rows : rows.filter((row) => row.coverage === coverage);
}

/** The view of both coverages reads this coverage's endpoint, then its twin's; null without a twin. */
export function coverageSources(
  endpoint: string,
  twin: string | null,
  endpoints: readonly EndpointInfo[],
): FleetSource[] | undefined {
  if (!twin) return undefined;
  return [
    { endpoint, coverage: coverageOf(endpoint, endpoints) },
    { endpoint: twin, coverage: coverageOf(twin, endpoints) },
  ];
}
