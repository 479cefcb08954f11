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
