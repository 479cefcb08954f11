/**
 * Whole-fleet mode: every page of a view loaded in the background into compact rows, with progress and cancel. The
 * loaded fleet stays in memory for the tab (leaving the table and coming back does not load it again) until the view's
 * server filters change or the user reloads it.
 */
import { useSyncExternalStore } from 'react';
import { pipelinedPages } from '../../api/pager';
import { fleetPageSize, maxSearchPageSize, type Sim, startSimPage } from '../../api/resources/sims';
import { sessionStore } from '../../api/session';
import { emptyView, hasSearch, type SimView } from '../../lib/simQuery';
import { rowText, type SimRow, toSimRow } from '../../lib/simRow';
import { type FleetSource, inCoverage, mergeSources } from './bothCoverages';

export type FleetStatus = 'idle' | 'loading' | 'done' | 'cancelled' | 'error';

export interface FleetState {
  /** Which server view the rows are from (filters and AND/OR). */
  key: string;
  status: FleetStatus;
  rows: SimRow[];
  error: unknown;
  startedAt: number | null;
  finishedAt: number | null;
  /** Bumped whenever rows change, for memoisation. */
  version: number;
}

const idle: FleetState = {
  key: '',
  status: 'idle',
  rows: [],
  error: null,
  startedAt: null,
  finishedAt: null,
  version: 0,
};
let state: FleetState = idle;
let controller: AbortController | null = null;
const listeners = new Set<() => void>();
const pending = new Map<string, SimRow>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function flush() {
  flushTimer = null;
  if (pending.size === 0) return;
  const changed = new Map(pending);
  pending.clear();
  set({
    rows: state.rows.map((row) => {
      const changedRow = changed.get(row.simId);
      if (!changedRow) return row;
      // A SIM read again (an action, a session refresh) stays in the coverage it was listed in.
      const next = row.coverage ? inCoverage(changedRow, row.coverage) : changedRow;
      rowText(next);
      return next;
    }),
  });
}

function set(next: Partial<FleetState>) {
  state = { ...state, ...next, version: state.version + 1 };
  for (const listener of listeners) listener();
}

export const serverKey = (view: Pick<SimView, 'filters' | 'searchType'>, sources?: readonly FleetSource[]): string =>
  JSON.stringify([Object.entries(view.filters).sort(), view.searchType, sources?.map((s) => s.endpoint) ?? null]);

/** Walks every page of a view, calling `onPage` with each page's SIMs (in order, the next page already asked for). */
export async function walkView(
  view: Pick<SimView, 'filters' | 'searchType'>,
  onPage: (sims: Sim[]) => void,
  signal?: AbortSignal,
  endpoint?: string,
): Promise<void> {
  const limit = hasSearch({ ...emptyView, ...view }) ? maxSearchPageSize : fleetPageSize;
  for await (const page of pipelinedPages(
    (lastKey, pageSignal) => startSimPage({ limit, lastKey, search: view }, pageSignal, endpoint),
    signal,
  )) {
    onPage(page);
  }
}

export const fleetLoader = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /**
   * Loads the view unless it is loaded or loading already (or `force`): from the session's endpoint, or from each of
   * `sources` (the view of both coverages: walked side by side, rows marked with their coverage, listed in the order
   * of the sources).
   */
  load(view: Pick<SimView, 'filters' | 'searchType'>, force = false, sources?: readonly FleetSource[]) {
    const key = serverKey(view, sources);
    if (!force && state.key === key && (state.status === 'loading' || state.status === 'done')) return;
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const parts: SimRow[][] = (sources ?? [null]).map(() => []);
    const all = () => (parts.length === 1 ? [...(parts[0] ?? [])] : mergeSources(parts));
    set({ key, status: 'loading', rows: [], error: null, startedAt: performance.now(), finishedAt: null });
    // The table re-sorts and re-filters on every update: a few times a second is plenty while pages stream in.
    let shown = 0;
    const walks = (sources ?? [null]).map((source, index) => {
      const rows = parts[index] ?? [];
      return walkView(
        view,
        (sims) => {
          for (const sim of sims) {
            const row = toSimRow(sim);
            if (source) row.coverage = source.coverage;
            // Worked out now, while pages arrive, so the first quick filter over the fleet is not the slow one.
            rowText(row);
            rows.push(row);
          }
          if (controller === mine && (shown === 0 || performance.now() - shown > 400)) {
            shown = performance.now();
            set({ rows: all() });
          }
        },
        mine.signal,
        source?.endpoint,
      );
    });
    Promise.all(walks).then(
      () => {
        if (controller === mine) set({ status: 'done', rows: all(), finishedAt: performance.now() });
      },
      (error: unknown) => {
        if (controller !== mine) return;
        const cancelled = mine.signal.aborted;
        // One coverage failing stops the other's walk too: the view is of both or of neither.
        mine.abort();
        set(
          cancelled
            ? { status: 'cancelled', rows: all(), finishedAt: performance.now() }
            : { status: 'error', rows: all(), error, finishedAt: performance.now() },
        );
      },
    );
  },
  cancel() {
    controller?.abort();
  },
  /**
   * Replaces rows of SIMs that changed (after actions or a session refresh). Changes are gathered and applied
   * together a moment later: a bulk action over thousands of SIMs makes one pass over the fleet, not one per SIM.
   */
  update(sims: SimRow[]) {
    if (sims.length === 0 || state.rows.length === 0) return;
    for (const row of sims) pending.set(row.simId, row);
    if (flushTimer === null) flushTimer = setTimeout(flush, 50);
  },
  /** Forgets the loaded fleet (signing out). */
  reset() {
    controller?.abort();
    controller = null;
    pending.clear();
    state = idle;
    for (const listener of listeners) listener();
  },
};

export function useFleet(): FleetState {
  return useSyncExternalStore(fleetLoader.subscribe, fleetLoader.get, fleetLoader.get);
}

// Nothing of one session's fleet may be shown to the next, nor one coverage's fleet in the other.
let loadedFor = sessionStore.get()?.endpoint;
sessionStore.subscribe(() => {
  const endpoint = sessionStore.get()?.endpoint;
  if (endpoint === undefined || endpoint !== loadedFor) fleetLoader.reset();
  loadedFor = endpoint;
});
