/**
 * The SIM table's view, kept in the URL so it can be bookmarked and shared: the search filters of `GET /query/sims`,
 * AND/OR, and what only the whole-fleet mode can do locally (sort, the dormant filter, a quick text filter).
 */

/** Every filter `GET /query/sims` has, in the order the filter bar offers them. */
export const searchFields = [
  'name',
  'group',
  'group_id',
  'sim_id',
  'imsi',
  'msisdn',
  'iccid',
  'serial_number',
  'tag',
  'bundles',
  'status',
  'session_status',
  'subscription',
  'module_type',
] as const;
export type SearchField = (typeof searchFields)[number];

export const sessionStatuses = ['ONLINE', 'OFFLINE'] as const;
export const simStatuses = ['ready', 'active', 'inactive', 'standby', 'suspended', 'terminated'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** SORACOM ignores values shorter than this in a comma-separated list (it answers 400). */
export const minValueLength = 2;

export type SortDirection = 'asc' | 'desc';

export interface SimView {
  filters: Partial<Record<SearchField, string>>;
  searchType: 'and' | 'or';
  /** Whole-fleet mode: every page loaded, then sorted and filtered here. */
  fleet: boolean;
  /** Only SIMs offline and last seen more than this many days ago (whole-fleet mode). */
  dormantDays: number | null;
  /** Column id and direction (whole-fleet mode). */
  sort: { column: string; direction: SortDirection } | null;
  /** Matches any shown text of a row (whole-fleet mode). */
  text: string;
  /** Both coverages in one table (an account with Japan and Global coverage): every page of each is loaded. */
  both: boolean;
  /** Only the SIMs of this coverage (the view of both coverages). */
  coverage: 'jp' | 'g' | null;
}

export const emptyView: SimView = {
  filters: {},
  searchType: 'and',
  fleet: false,
  dormantDays: null,
  sort: null,
  text: '',
  both: false,
  coverage: null,
};

const isField = (name: string): name is SearchField => (searchFields as readonly string[]).includes(name);

const coverageFilter = (value: string | null): SimView['coverage'] => (value === 'jp' || value === 'g' ? value : null);

/** Reads the view from the URL; anything malformed is left out rather than refused. */
export function parseView(params: URLSearchParams): SimView {
  const filters: SimView['filters'] = {};
  for (const [name, raw] of params) {
    const value = raw.trim();
    if (!isField(name) || value === '') continue;
    if (name === 'session_status') {
      const upper = value.toUpperCase();
      if ((sessionStatuses as readonly string[]).includes(upper)) filters.session_status = upper;
      continue;
    }
    filters[name] = value;
  }
  const dormant = Number(params.get('dormant'));
  const sortParam = params.get('sort') ?? '';
  const sortMatch = /^(-?)([a-zA-Z]+)$/.exec(sortParam);
  return {
    filters,
    searchType: params.get('search_type') === 'or' ? 'or' : 'and',
    fleet: params.get('mode') === 'fleet',
    dormantDays: params.has('dormant') && Number.isInteger(dormant) && dormant >= 0 ? dormant : null,
    sort: sortMatch?.[2] ? { column: sortMatch[2], direction: sortMatch[1] ? 'desc' : 'asc' } : null,
    text: params.get('q') ?? '',
    both: params.get('scope') === 'both',
    coverage: coverageFilter(params.get('in')),
  };
}

/** Writes the view into URL parameters, leaving defaults out so links stay short. Other parameters are kept. */
export function writeView(view: SimView, base = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const name of [...searchFields, 'search_type', 'mode', 'dormant', 'sort', 'q', 'scope', 'in']) next.delete(name);
  for (const field of searchFields) {
    const value = view.filters[field]?.trim();
    if (value) next.set(field, value);
  }
  if (view.searchType === 'or') next.set('search_type', 'or');
  if (view.fleet) next.set('mode', 'fleet');
  if (view.dormantDays !== null) next.set('dormant', String(view.dormantDays));
  if (view.sort) next.set('sort', `${view.sort.direction === 'desc' ? '-' : ''}${view.sort.column}`);
  if (view.text) next.set('q', view.text);
  if (view.both) next.set('scope', 'both');
  if (view.coverage) next.set('in', view.coverage);
  return next;
}

/** Whether the server has to search (`/query/sims`) rather than list (`/sims`). */
export const hasSearch = (view: SimView): boolean => Object.keys(view.filters).length > 0;

/** Values of a filter: comma-separated, trimmed, empties dropped. */
export const filterValues = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** Why a filter value would be refused, or null: each comma-separated value needs at least two characters. */
export function filterProblem(field: SearchField, value: string): 'tooShort' | 'empty' | null {
  if (field === 'session_status') return null;
  const values = filterValues(value);
  if (values.length === 0) return 'empty';
  return values.some((v) => v.length < minValueLength) ? 'tooShort' : null;
}

/** The `GET /query/sims` query for a view (without paging); values go as SORACOM takes them: comma-separated. */
export function searchQuery(view: SimView): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const field of searchFields) {
    const value = view.filters[field];
    if (value === undefined) continue;
    if (field === 'session_status') query.session_status = value;
    else query[field] = [filterValues(value).join(',')];
  }
  if (view.searchType === 'or') query.search_type = 'or';
  return query;
}
