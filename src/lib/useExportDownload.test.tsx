import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useExportDownload } from './useExportDownload';

/** The typed client captures `fetch` when its module loads, so the stub is installed before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
let paths: string[];
let exportAnswer: unknown;
let clicked: string[];

beforeEach(() => {
  paths = [];
  clicked = [];
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    paths.push(`${request.method} ${path}`);
    return path.includes('/files/exported/') ? json({ status: 'processing' }) : json(exportAnswer);
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.href);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('useExportDownload', () => {
  it('downloads the file a sync export answers with', async () => {
    exportAnswer = { url: '/api/local/downloads/bill.csv' };
    const { result } = renderHook(() => useExportDownload());
    await act(() => result.current.start({ kind: 'latest' }, 'sync'));

    expect(paths).toEqual(['POST /api/local/v1/bills/latest/export']);
    expect(result.current.phase).toEqual({ kind: 'ready', url: `${location.origin}/api/local/downloads/bill.csv` });
    expect(clicked).toEqual([`${location.origin}/api/local/downloads/bill.csv`]);
  });

  it('stops looking and downloads nothing once cancelled', async () => {
    exportAnswer = { exportedFileId: 'ex-1' };
    const { result } = renderHook(() => useExportDownload());
    let started: Promise<void> = Promise.resolve();
    act(() => {
      started = result.current.start(
        { kind: 'usage', operatorId: 'OP1', range: { period: 'month', from: 1, to: 2 } },
        'async',
      );
    });
    await waitFor(() => expect(result.current.phase).toEqual({ kind: 'waiting', attempt: 1 }));
    expect(result.current.busy).toBe(true);

    act(() => result.current.cancel());
    await act(() => started);
    // Longer than the first pause between two looks.
    await new Promise((resolve) => setTimeout(resolve, 700));

    expect(paths).toEqual([
      'POST /api/local/v1/stats/air/operators/OP1/export',
      'GET /api/local/v1/files/exported/ex-1',
    ]);
    expect(result.current.phase).toEqual({ kind: 'idle' });
    expect(clicked).toEqual([]);
  });

  it('follows no address that is not a web address', async () => {
    exportAnswer = { url: 'javascript:alert(1)' };
    const { result } = renderHook(() => useExportDownload());
    await act(() => result.current.start({ kind: 'month', yyyyMM: '202610' }, 'sync'));
    expect(result.current.phase.kind).toBe('failed');
    expect(clicked).toEqual([]);
  });
});
