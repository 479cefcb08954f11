import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../api/pager';
import { usePagedLog } from './usePagedLog';

interface Filter {
  word?: string;
}

/** A log of `size` entries, newest first, two to a page; a filter keeps the entries containing its word. */
function fakeLog(size: number) {
  const asked: { filter: Filter; lastKey: string | undefined }[] = [];
  const all = Array.from({ length: size }, (_, i) => `entry ${size - i}${i % 2 ? ' odd' : ''}`);
  const page = (filter: Filter, lastKey: string | undefined) =>
    queryOptions({
      queryKey: ['fake', filter, lastKey ?? ''],
      queryFn: async (): Promise<Page<string>> => {
        asked.push({ filter, lastKey });
        const matching = all.filter((entry) => !filter.word || entry.includes(filter.word));
        const start = lastKey ? matching.indexOf(lastKey) + 1 : 0;
        const items = matching.slice(start, start + 2);
        const more = start + 2 < matching.length;
        return { items, nextKey: more ? (items.at(-1) ?? null) : null };
      },
    });
  return { page, asked };
}

function renderLog(size: number) {
  const log = fakeLog(size);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(
    () =>
      usePagedLog({
        draft: { word: '' },
        toFilter: (draft): Filter => ({ word: draft.word.trim() || undefined }),
        page: log.page,
      }),
    { wrapper },
  );
  return { ...hook, asked: log.asked };
}

describe('usePagedLog', () => {
  it('shows the newest page, then older ones on demand, until there are none', async () => {
    const { result } = renderLog(5);
    expect(result.current.firstPending).toBe(true);
    await waitFor(() => expect(result.current.entries).toEqual(['entry 5', 'entry 4 odd']));
    expect(result.current.firstLoaded).toBe(true);
    expect(result.current.canLoadMore).toBe(true);

    act(() => result.current.more());
    await waitFor(() => expect(result.current.entries).toHaveLength(4));
    act(() => result.current.more());
    await waitFor(() => expect(result.current.entries).toHaveLength(5));
    expect(result.current.entries.at(-1)).toBe('entry 1');
    expect(result.current.canLoadMore).toBe(false);
  });

  it('asks with the typed filter only when searching, and starts again from the newest page', async () => {
    const { result, asked } = renderLog(6);
    await waitFor(() => expect(result.current.entries).toHaveLength(2));
    act(() => result.current.more());
    await waitFor(() => expect(result.current.entries).toHaveLength(4));

    act(() => result.current.edit('word', ' odd '));
    expect(result.current.draft).toEqual({ word: ' odd ' });
    expect(result.current.entries).toHaveLength(4);

    act(() => result.current.search());
    await waitFor(() => expect(result.current.entries).toEqual(['entry 5 odd', 'entry 3 odd']));
    expect(asked.at(-1)).toEqual({ filter: { word: 'odd' }, lastKey: undefined });
    expect(result.current.canLoadMore).toBe(true);
  });

  it('reports an error of any page', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(
      () =>
        usePagedLog({
          draft: {},
          toFilter: () => ({}),
          page: () =>
            queryOptions({
              queryKey: ['failing'],
              queryFn: async (): Promise<Page<string>> => {
                throw new Error('the log cannot be read');
              },
            }),
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.error?.message).toBe('the log cannot be read'));
    expect(result.current.entries).toEqual([]);
    expect(result.current.firstLoaded).toBe(false);
    expect(result.current.canLoadMore).toBe(false);
  });
});
