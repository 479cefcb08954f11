import { useState } from 'react';
import { useSearchParams } from 'react-router';

export const pageSizes = [25, 50, 100] as const;
const defaultSize = 50;

/**
 * Key-based paging kept in the URL (`?limit=&after=`), so a page can be bookmarked; the keys of the pages before
 * are remembered for "Previous".
 */
export function usePaging() {
  const [params, setParams] = useSearchParams();
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);
  const requested = Number(params.get('limit'));
  const limit = (pageSizes as readonly number[]).includes(requested) ? requested : defaultSize;
  const lastKey = params.get('after') ?? undefined;

  function go(after: string | undefined, nextLimit = limit) {
    const next = new URLSearchParams(params);
    if (after) next.set('after', after);
    else next.delete('after');
    if (nextLimit === defaultSize) next.delete('limit');
    else next.set('limit', String(nextLimit));
    setParams(next);
  }

  return {
    limit,
    lastKey,
    page: previous.length + 1,
    hasPrevious: previous.length > 0 || lastKey !== undefined,
    next(nextKey: string) {
      setPrevious((p) => [...p, lastKey]);
      go(nextKey);
    },
    previous() {
      setPrevious((p) => p.slice(0, -1));
      go(previous.at(-1));
    },
    setLimit(size: number) {
      setPrevious([]);
      go(undefined, size);
    },
  };
}
