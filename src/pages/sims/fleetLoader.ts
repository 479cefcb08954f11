/**
 * Whole-fleet mode: every page of a view loaded in the background into compact rows, with progress and cancel. The
 * loaded fleet stays in memory for the tab (leaving the table and coming back does not load it again) until the view's
 * server filters change or the user reloads it.
 */
import { useSyncExternalStore } from 'react';
import { pipelinedPages } from '../../api/pager';
import { fleetPageSize, maxSearchPageSize, type Sim, startSimPage } from '../../api/resources/sims';
import { sessionStore } from '../../api/session';
import { hasSearch, type SimView } from '../../lib/simQuery';
import { rowText, type SimRow, toSimRow } from '../../lib/simRow';

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
      const next = changed.get(row.simId);
      if (!next) return row;
      rowText(next);
      return next;
    }),
  });
}

function set(next: Partial<FleetState>) {
  state = { ...state, ...next, version: state.version + 1 };
  for (const listener of listeners) listener();
}

export const serverKey = (view: Pick<SimView, 'filters' | 'searchType'>): string =>
  JSON.stringify([Object.entries(view.filters).sort(), view.searchType]);

/** Walks every page of a view, calling `onPage` with each page's SIMs (in order, the next page already asked for). */
export async function walkView(
  view: Pick<SimView, 'filters' | 'searchType'>,
  onPage: (sims: Sim[]) => void,
  signal?: AbortSignal,
): Promise<void> {
  const limit = hasSearch({ ...view, fleet: true, dormantDays: null, sort: null, text: '' })
    ? maxSearchPageSize
    : fleetPageSize;
  for await (const page of pipelinedPages(
    (lastKey, pageSignal) => startSimPage({ limit, lastKey, search: view }, pageSignal),
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
  /** Loads the view unless it is loaded or loading already (or `force`). */
  load(view: Pick<SimView, 'filters' | 'searchType'>, force = false) {
    const key = serverKey(view);
    if (!force && state.key === key && (state.status === 'loading' || state.status === 'done')) return;
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const rows: SimRow[] = [];
    set({ key, status: 'loading', rows, error: null, startedAt: performance.now(), finishedAt: null });
    // The table re-sorts and re-filters on every update: a few times a second is plenty while pages stream in.
    let shown = 0;
    walkView(
      view,
      (sims) => {
        for (const sim of sims) {
          const row = toSimRow(sim);
          // Worked out now, while pages arrive, so the first quick filter over the fleet is not the slow one.
          rowText(row);
          rows.push(row);
        }
        if (controller === mine && (shown === 0 || performance.now() - shown > 400)) {
          shown = performance.now();
          set({ rows: [...rows] });
        }
      },
      mine.signal,
    ).then(
      () => {
        if (controller === mine) set({ status: 'done', rows: [...rows], finishedAt: performance.now() });
      },
      (error: unknown) => {
        if (controller !== mine) return;
        set(
          mine.signal.aborted
            ? { status: 'cancelled', rows: [...rows], finishedAt: performance.now() }
            : { status: 'error', rows: [...rows], error, finishedAt: performance.now() },
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

// Nothing of one session's fleet may be shown to the next.
sessionStore.subscribe(() => {
  if (!sessionStore.get()) fleetLoader.reset();
});
