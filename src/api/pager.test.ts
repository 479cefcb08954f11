import { describe, expect, it, vi } from 'vitest';
import { allPages, type Page, pipelinedPages, toPage } from './pager';

const withNextKey = (key?: string) =>
  new Response('[]', { headers: key === undefined ? {} : { 'x-soracom-next-key': key } });

describe('toPage', () => {
  it('reads the next key from x-soracom-next-key', () => {
    expect(toPage([1, 2], withNextKey('8981000000000000002'))).toEqual({
      items: [1, 2],
      nextKey: '8981000000000000002',
    });
  });

  it('reads the header whatever its case', () => {
    const response = new Response('[]', { headers: { 'X-Soracom-Next-Key': 'k' } });
    expect(toPage([], response).nextKey).toBe('k');
  });

  it('has no next key when the header is absent', () => {
    expect(toPage([1], withNextKey()).nextKey).toBeNull();
  });

  it('has no next key when the header is empty', () => {
    expect(toPage([1], withNextKey('')).nextKey).toBeNull();
  });

  it('treats missing data as an empty page', () => {
    expect(toPage<number>(undefined, withNextKey())).toEqual({ items: [], nextKey: null });
  });
});

/** A fetchPage over fixed pages keyed by the key that leads to them ('' for the first). */
function pagesFrom(pages: Record<string, Page<string>>) {
  return vi.fn(async (lastKey: string | undefined, _signal?: AbortSignal) => {
    const page = pages[lastKey ?? ''];
    if (!page) throw new Error(`no page after ${lastKey}`);
    return page;
  });
}

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const items of pages) out.push(items);
  return out;
}

describe('allPages', () => {
  it('walks the pages in order, passing each next key, until there is none', async () => {
    const fetchPage = pagesFrom({
      '': { items: ['a', 'b'], nextKey: 'b' },
      b: { items: ['c', 'd'], nextKey: 'd' },
      d: { items: ['e'], nextKey: null },
    });

    expect(await collect(allPages(fetchPage))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(fetchPage.mock.calls.map(([key]) => key)).toEqual([undefined, 'b', 'd']);
  });

  it('yields a single page when there is no next key', async () => {
    const fetchPage = pagesFrom({ '': { items: ['only'], nextKey: null } });
    expect(await collect(allPages(fetchPage))).toEqual([['only']]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('yields an empty first page', async () => {
    const fetchPage = pagesFrom({ '': { items: [], nextKey: null } });
    expect(await collect(allPages(fetchPage))).toEqual([[]]);
  });

  it('stops when a next key comes back again instead of looping forever', async () => {
    const fetchPage = pagesFrom({
      '': { items: ['a'], nextKey: 'k1' },
      k1: { items: ['b'], nextKey: 'k2' },
      k2: { items: ['c'], nextKey: 'k1' },
    });

    expect(await collect(allPages(fetchPage))).toEqual([['a'], ['b'], ['c']]);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('stops when a page points to itself', async () => {
    const fetchPage = pagesFrom({
      '': { items: ['a'], nextKey: 'k' },
      k: { items: ['b'], nextKey: 'k' },
    });
    expect(await collect(allPages(fetchPage))).toEqual([['a'], ['b']]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('passes the signal to every page fetch', async () => {
    const controller = new AbortController();
    const fetchPage = pagesFrom({
      '': { items: ['a'], nextKey: 'k' },
      k: { items: ['b'], nextKey: null },
    });
    await collect(allPages(fetchPage, controller.signal));
    expect(fetchPage.mock.calls.map(([, signal]) => signal)).toEqual([controller.signal, controller.signal]);
  });

  it('fetches nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetchPage = pagesFrom({ '': { items: ['a'], nextKey: null } });

    await expect(collect(allPages(fetchPage, controller.signal))).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('stops fetching pages once the signal is aborted', async () => {
    const controller = new AbortController();
    const fetchPage = pagesFrom({
      '': { items: ['a'], nextKey: 'k1' },
      k1: { items: ['b'], nextKey: 'k2' },
      k2: { items: ['c'], nextKey: null },
    });

    const seen: string[][] = [];
    const walk = (async () => {
      for await (const items of allPages(fetchPage, controller.signal)) {
        seen.push(items);
        if (seen.length === 2) controller.abort(new Error('left the page'));
      }
    })();

    await expect(walk).rejects.toThrow('left the page');
    expect(seen).toEqual([['a'], ['b']]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('fetches lazily: one page per step of the consumer', async () => {
    const fetchPage = pagesFrom({
      '': { items: ['a'], nextKey: 'k' },
      k: { items: ['b'], nextKey: null },
    });
    const pages = allPages(fetchPage);
    expect(fetchPage).not.toHaveBeenCalled();
    expect(await pages.next()).toEqual({ done: false, value: ['a'] });
    expect(fetchPage).toHaveBeenCalledTimes(1);
    await pages.return(undefined);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('passes on an error from a page fetch', async () => {
    const fetchPage = pagesFrom({ '': { items: ['a'], nextKey: 'missing' } });
    await expect(collect(allPages(fetchPage))).rejects.toThrow('no page after missing');
  });
});

/** A startPage whose pages' items arrive only when the test says so, to see what is asked for meanwhile. */
function streamedPagesFrom(pages: Record<string, Page<string>>) {
  const release = new Map<string, () => void>();
  const items = new Map(
    Object.entries(pages).map(([key, page]) => [
      key,
      new Promise<string[]>((resolve) => release.set(key, () => resolve(page.items))),
    ]),
  );
  const startPage = vi.fn(async (lastKey: string | undefined, _signal?: AbortSignal) => {
    const page = pages[lastKey ?? ''];
    if (!page) throw new Error(`no page after ${lastKey}`);
    return { nextKey: page.nextKey, items: items.get(lastKey ?? '') as Promise<string[]> };
  });
  return { startPage, release: (key: string) => release.get(key)?.() };
}

describe('pipelinedPages', () => {
  const pages = {
    '': { items: ['a', 'b'], nextKey: 'b' },
    b: { items: ['c', 'd'], nextKey: 'd' },
    d: { items: ['e'], nextKey: null },
  };

  it('asks for the next page while the current one is still being read, and yields pages in order', async () => {
    const { startPage, release } = streamedPagesFrom(pages);
    const walk = pipelinedPages(startPage);
    const first = walk.next();
    await vi.waitFor(() => expect(startPage).toHaveBeenCalledTimes(2));
    // The second page is asked for before the first page's items are in: one request ahead, not more.
    expect(startPage.mock.calls.map(([key]) => key)).toEqual([undefined, 'b']);
    release('');
    expect((await first).value).toEqual(['a', 'b']);
    release('b');
    release('d');
    const rest: string[][] = [];
    for await (const items of walk) rest.push(items);
    expect(rest).toEqual([['c', 'd'], ['e']]);
    expect(startPage).toHaveBeenCalledTimes(3);
  });

  it('ends when a next key comes back a second time', async () => {
    const looping = { '': { items: ['a'], nextKey: 'k' }, k: { items: ['b'], nextKey: 'k' } };
    const { startPage, release } = streamedPagesFrom(looping);
    release('');
    const walk = collect(pipelinedPages(startPage));
    await vi.waitFor(() => expect(startPage).toHaveBeenCalledTimes(2));
    release('k');
    expect(await walk).toEqual([['a'], ['b']]);
    expect(startPage).toHaveBeenCalledTimes(2);
  });

  it('fails with the error of a page that could not be fetched, after the pages before it', async () => {
    const startPage = vi.fn(async (lastKey: string | undefined) => {
      if (lastKey === 'b') throw new Error('network down');
      return { nextKey: 'b', items: Promise.resolve(['a']) };
    });
    const seen: string[][] = [];
    await expect(
      (async () => {
        for await (const items of pipelinedPages(startPage)) seen.push(items);
      })(),
    ).rejects.toThrow('network down');
    expect(seen).toEqual([['a']]);
  });

  it('stops asking for pages once the signal is aborted', async () => {
    const controller = new AbortController();
    const { startPage, release } = streamedPagesFrom(pages);
    release('');
    const walk = pipelinedPages(startPage, controller.signal);
    expect((await walk.next()).value).toEqual(['a', 'b']);
    controller.abort();
    await expect(walk.next()).rejects.toThrow();
    expect(startPage).toHaveBeenCalledTimes(2);
  });
});
