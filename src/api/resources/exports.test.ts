import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  downloadUrl,
  type ExportedFile,
  ExportFailedError,
  type ExportTarget,
  exportBackoff,
  exportCsv,
  requestExport,
  waitForExportedFile,
} from './exports';

/** The typed client captures `fetch` when its module loads, so the stub is installed before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
afterAll(() => {
  vi.unstubAllGlobals();
});

/** A file that is processing for `ready` looks, then exported (or failed). */
function fakeFile(ready: number, end: ExportedFile = { status: 'exported', url: 'https://x.example/bill.csv' }) {
  let looks = 0;
  return vi.fn(async (_id: string): Promise<ExportedFile> => (++looks > ready ? end : { status: 'processing' }));
}

describe('waitForExportedFile', () => {
  it('looks again with growing pauses until the file is exported', async () => {
    const getFile = fakeFile(3);
    const pauses: number[] = [];
    const url = await waitForExportedFile('ex-1', {
      getFile,
      sleep: async (ms) => {
        pauses.push(ms);
      },
    });
    expect(url).toBe('https://x.example/bill.csv');
    expect(getFile).toHaveBeenCalledTimes(4);
    expect(getFile.mock.calls[0]?.[0]).toBe('ex-1');
    expect(pauses).toEqual([500, 800, 1280]);
  });

  it('caps the pause at five seconds', () => {
    expect(exportBackoff(0)).toBe(500);
    expect(exportBackoff(20)).toBe(5_000);
  });

  it('fails when SORACOM says the export failed', async () => {
    const getFile = fakeFile(1, { status: 'failed' });
    await expect(waitForExportedFile('ex-2', { getFile, sleep: async () => {} })).rejects.toBeInstanceOf(
      ExportFailedError,
    );
    expect(getFile).toHaveBeenCalledTimes(2);
  });

  it('gives up after its time limit', async () => {
    let clock = 0;
    const getFile = fakeFile(Number.POSITIVE_INFINITY);
    await expect(
      waitForExportedFile('ex-3', {
        getFile,
        timeoutMs: 3_000,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      }),
    ).rejects.toThrow('too long');
    expect(clock).toBeLessThanOrEqual(3_000);
  });

  it('stops at once when cancelled, with no further look', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const getFile = fakeFile(Number.POSITIVE_INFINITY);
      const waiting = waitForExportedFile('ex-4', { getFile, signal: controller.signal });
      const outcome = expect(waiting).rejects.toThrow('cancelled');
      await vi.advanceTimersByTimeAsync(600);
      expect(getFile).toHaveBeenCalledTimes(2);
      controller.abort(new Error('cancelled'));
      await outcome;
      await vi.advanceTimersByTimeAsync(10_000);
      expect(getFile).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('exportCsv', () => {
  it('returns the URL of a sync export without polling', async () => {
    const getFile = vi.fn();
    const request = vi.fn(async () => ({ url: '/api/local/files/a.csv' }));
    const url = await exportCsv({ kind: 'month', yyyyMM: '202610' }, 'sync', { request, getFile });
    expect(url).toBe('/api/local/files/a.csv');
    expect(request).toHaveBeenCalledWith({ kind: 'month', yyyyMM: '202610' }, 'sync', undefined);
    expect(getFile).not.toHaveBeenCalled();
  });

  it('waits on the export ID of an async export', async () => {
    const getFile = fakeFile(1);
    const request = vi.fn(async () => ({ exportedFileId: 'ex-9' }));
    const url = await exportCsv({ kind: 'latest' }, 'async', { request, getFile, sleep: async () => {} });
    expect(url).toBe('https://x.example/bill.csv');
    expect(getFile.mock.calls.map((call) => call[0])).toEqual(['ex-9', 'ex-9']);
  });

  it('fails on an answer with neither', async () => {
    await expect(exportCsv({ kind: 'latest' }, 'async', { request: async () => ({}) })).rejects.toBeInstanceOf(
      ExportFailedError,
    );
  });
});

describe('requestExport', () => {
  let sent: { method: string; path: string; query: string; body: unknown }[];
  beforeEach(() => {
    sent = [];
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      const text = await request.text();
      sent.push({
        method: request.method,
        path: url.pathname,
        query: url.search,
        body: text ? JSON.parse(text) : null,
      });
      return new Response(JSON.stringify({ exportedFileId: 'ex-1' }), {
        headers: { 'content-type': 'application/json' },
      });
    });
  });

  it.each<[ExportTarget, string, unknown]>([
    [{ kind: 'month', yyyyMM: '202610' }, '/api/local/v1/bills/202610/export', null],
    [{ kind: 'latest' }, '/api/local/v1/bills/latest/export', null],
    [{ kind: 'paymentStatement', id: 'PS-1' }, '/api/local/v1/payment_statements/PS-1/export', null],
    [
      { kind: 'usage', operatorId: 'OP1', range: { period: 'day', from: 1_700_000_000, to: 1_700_086_400 } },
      '/api/local/v1/stats/air/operators/OP1/export',
      { from: 1_700_000_000, to: 1_700_086_400, period: 'day' },
    ],
  ])('asks for the CSV of %o in the mode chosen', async (target, path, body) => {
    expect(await requestExport(target, 'async')).toEqual({ exportedFileId: 'ex-1' });
    expect(sent).toEqual([{ method: 'POST', path, query: '?export_mode=async', body }]);
  });
});

describe('downloadUrl', () => {
  it('follows web addresses, relative ones against the page', () => {
    expect(downloadUrl('/api/local/downloads/abc', 'http://127.0.0.1:8080/usage')).toBe(
      'http://127.0.0.1:8080/api/local/downloads/abc',
    );
    expect(downloadUrl('https://bucket.example/file.csv?sig=1', 'http://x/')).toBe(
      'https://bucket.example/file.csv?sig=1',
    );
  });

  it('refuses anything that would run or is not an address', () => {
    expect(downloadUrl('javascript:alert(1)', 'http://x/')).toBeNull();
    expect(downloadUrl('data:text/html,hi', 'http://x/')).toBeNull();
    expect(downloadUrl('http://', 'http://x/')).toBeNull();
  });
});
