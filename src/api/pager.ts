/** Lists that page through SORACOM's `x-soracom-next-key` header. */
export interface Page<T> {
  items: T[];
  /** Pass as `last_evaluated_key` for the next page; null on the last page. */
  nextKey: string | null;
}

export function toPage<T>(data: T[] | undefined, response: Response): Page<T> {
  return { items: data ?? [], nextKey: response.headers.get('x-soracom-next-key') || null };
}

/** Walks every page in order, stopping early when `signal` is aborted. */
export async function* allPages<T>(
  fetchPage: (lastKey: string | undefined, signal?: AbortSignal) => Promise<Page<T>>,
  signal?: AbortSignal,
): AsyncGenerator<T[]> {
  let key: string | undefined;
  const seen = new Set<string>();
  do {
    signal?.throwIfAborted();
    const page = await fetchPage(key, signal);
    yield page.items;
    // A key that comes back twice would loop forever; treat it as the end.
    if (page.nextKey === null || seen.has(page.nextKey)) return;
    seen.add(page.nextKey);
    key = page.nextKey;
  } while (true);
}

/** A page whose next key is known once its answer's headers are in; its items come when its body has been read. */
export interface StreamedPage<T> {
  nextKey: string | null;
  items: Promise<T[]>;
}

/**
 * `allPages` for long walks (a whole fleet): the next page is asked for as soon as the current one's headers name it,
 * so downloading, parsing and handling one page overlaps the next one's round trip. One request ahead, never more:
 * the order of pages is kept and the API sees at most two requests of the walk at a time.
 */
export async function* pipelinedPages<T>(
  startPage: (lastKey: string | undefined, signal?: AbortSignal) => Promise<StreamedPage<T>>,
  signal?: AbortSignal,
): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  let next: Promise<StreamedPage<T>> | null = startPage(undefined, signal);
  while (next) {
    signal?.throwIfAborted();
    const page: StreamedPage<T> = await next;
    // A key that comes back twice would loop forever; treat it as the end.
    const key = page.nextKey;
    next = key === null || seen.has(key) ? null : startPage(key, signal);
    if (key !== null) seen.add(key);
    // Awaited on the next turn; until then its failure must not count as unhandled (nor does it, once awaited).
    next?.catch(() => {});
    yield await page.items;
  }
}
