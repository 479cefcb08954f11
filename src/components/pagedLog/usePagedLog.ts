/**
 * A log read page by page through `x-soracom-next-key` (the error logs, the API audit log): a filter being written,
 * the filter the pages were asked with, and older pages loaded on demand. Searching starts again from the newest page.
 */
import { type QueryKey, type UseQueryOptions, useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page } from '../../api/pager';

export interface PagedLogOptions<Draft extends Record<string, string>, Filter, T, Key extends QueryKey> {
  /** The filter form's values before anything is typed. */
  draft: Draft;
  /** The filter the API is asked with, from the form's values. */
  toFilter: (draft: Draft) => Filter;
  /** The query of one page, starting after `lastKey` (the first page: none). */
  page: (filter: Filter, lastKey: string | undefined) => UseQueryOptions<Page<T>, Error, Page<T>, Key>;
}

export function usePagedLog<Draft extends Record<string, string>, Filter, T, Key extends QueryKey>({
  draft: initial,
  toFilter,
  page,
}: PagedLogOptions<Draft, Filter, T, Key>) {
  const [draft, setDraft] = useState(initial);
  const [applied, setApplied] = useState(() => toFilter(initial));
  // The pages loaded so far, by the key each starts after (the first: none).
  const [keys, setKeys] = useState<(string | undefined)[]>([undefined]);
  const pages = useQueries({ queries: keys.map((key) => page(applied, key)) });
  const first = pages[0];
  const last = pages.at(-1);
  const nextKey = last?.data?.nextKey ?? null;
  return {
    draft,
    edit: (field: keyof Draft, value: string) => setDraft((current) => ({ ...current, [field]: value })),
    search: () => {
      setApplied(toFilter(draft));
      setKeys([undefined]);
    },
    entries: pages.flatMap((p) => p.data?.items ?? []),
    error: pages.find((p) => p.error)?.error ?? null,
    /** The newest page is on its way (nothing to show yet). */
    firstPending: first?.isPending ?? false,
    /** The newest page is in (an empty log can be told apart from one still loading). */
    firstLoaded: first?.isSuccess ?? false,
    /** The page asked for last is on its way. */
    lastPending: last?.isPending ?? false,
    /** Whether an older page exists and none is being loaded. */
    canLoadMore: nextKey !== null && !last?.isFetching,
    more: () => {
      if (nextKey) setKeys((current) => [...current, nextKey]);
    },
  };
}
