/**
 * Where a switch of coverage lands: the same page when it exists in the other coverage, else its list. A page showing
 * one thing of a coverage (a SIM, a group, a bill, an event handler) goes to its list: that thing is not in the other.
 * Pages of what both share (the account, users, roles, orders, payments) and every list stay as they are.
 */

/** The URL parameter that opens a page in a given coverage (`/sims/ID?coverage=g`): links across coverages use it. */
export const coverageParam = 'coverage';

/** Detail pages of coverage data, each with the list it falls back to. */
const detailPages: readonly { pattern: RegExp; list: string }[] = [
  { pattern: /^\/sims\/[^/]+\/?$/, list: '/sims' },
  { pattern: /^\/groups\/[^/]+\/?$/, list: '/groups' },
  // `/billing/payments` is the account's (shared); `/billing/202501` is one coverage's bill.
  { pattern: /^\/billing\/(?!payments\/?$)[^/]+\/?$/, list: '/billing' },
  // `/event-handlers/new` exists in both.
  { pattern: /^\/event-handlers\/(?!new\/?$)[^/]+(\/edit)?\/?$/, list: '/event-handlers' },
];

/** Parameters that name something of one coverage: a page key of its list, or a link's target coverage. */
const droppedParams = ['after', coverageParam];

export function pathInOtherCoverage(pathname: string, search: string): string {
  const detail = detailPages.find((page) => page.pattern.test(pathname));
  if (detail) return detail.list;
  const params = new URLSearchParams(search);
  for (const name of droppedParams) params.delete(name);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** A link to `path` opened in `coverage` (the layout switches to it first). */
export function pathInCoverage(path: string, coverage: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${coverageParam}=${encodeURIComponent(coverage)}`;
}
