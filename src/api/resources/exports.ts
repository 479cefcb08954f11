/**
 * SORACOM's CSV exports (bills, payment statements, Air usage), one way for all: ask for the file, then in async
 * mode wait on `GET /files/exported/{id}` with growing pauses until it has a URL, and follow only web addresses.
 */
import { sleep } from '../../lib/sleep';
import { api } from '../client';
import type { components } from '../schema';
import type { UsageRange } from './usage';

export type FileExport = components['schemas']['FileExportResponse'];
export type ExportedFile = components['schemas']['GetExportedFileResponse'];
/** `sync`: the answer has the file's URL. `async`: it has an ID to wait on, for files that take long to prepare. */
export type ExportMode = 'sync' | 'async';
export type ExportTarget =
  | { kind: 'month'; yyyyMM: string }
  | { kind: 'latest' }
  | { kind: 'paymentStatement'; id: string }
  | { kind: 'usage'; operatorId: string; range: UsageRange };

export class ExportFailedError extends Error {
  override readonly name = 'ExportFailedError';
}

/** Asks SORACOM to export a CSV: in sync mode the answer has its URL; in async mode an ID to wait on. */
export async function requestExport(target: ExportTarget, mode: ExportMode, signal?: AbortSignal) {
  const query = { export_mode: mode };
  let answer: { data?: FileExport };
  if (target.kind === 'month') {
    answer = await api.POST('/bills/{yyyyMM}/export', { params: { path: { yyyyMM: target.yyyyMM }, query }, signal });
  } else if (target.kind === 'latest') {
    answer = await api.POST('/bills/latest/export', { params: { query }, signal });
  } else if (target.kind === 'paymentStatement') {
    answer = await api.POST('/payment_statements/{payment_statement_id}/export', {
      params: { path: { payment_statement_id: target.id }, query },
      signal,
    });
  } else {
    const { from, to, period } = target.range;
    answer = await api.POST('/stats/air/operators/{operator_id}/export', {
      params: { path: { operator_id: target.operatorId }, query },
      body: { from, to, period },
      signal,
    });
  }
  return answer.data ?? {};
}

/** 0.5 s, 0.8 s, 1.3 s… up to 5 s between two looks at an export that is not ready yet. */
export const exportBackoff = (attempt: number) => Math.min(Math.round(500 * 1.6 ** attempt), 5_000);

export interface WaitOptions {
  signal?: AbortSignal;
  /** Gives up after this long (SORACOM prepares large files in minutes, not hours). */
  timeoutMs?: number;
  /** Called before each look, with the number of looks so far. */
  onAttempt?: (attempt: number) => void;
  getFile?: (id: string, signal?: AbortSignal) => Promise<ExportedFile>;
  /** Rejects when the signal is aborted, so that a cancelled wait looks no more. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

const getExportedFile = async (id: string, signal?: AbortSignal): Promise<ExportedFile> => {
  const { data } = await api.GET('/files/exported/{exported_file_id}', {
    params: { path: { exported_file_id: id } },
    signal,
  });
  return data ?? {};
};

/** Looks at an async export (`GET /files/exported/{id}`) with growing pauses until it has a URL. */
export async function waitForExportedFile(id: string, options: WaitOptions = {}): Promise<string> {
  const { signal, timeoutMs = 300_000, onAttempt, getFile = getExportedFile } = options;
  const pause = options.sleep ?? ((ms: number, pauseSignal?: AbortSignal) => sleep(ms, pauseSignal, 'reject'));
  const now = options.now ?? Date.now;
  const deadline = now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    onAttempt?.(attempt);
    const file = await getFile(id, signal);
    if (file.status === 'failed') throw new ExportFailedError('the export failed');
    if (file.url && (file.status === 'exported' || file.status === undefined)) return file.url;
    const wait = exportBackoff(attempt);
    if (now() + wait > deadline) throw new ExportFailedError('the export took too long');
    await pause(wait, signal);
  }
}

/** Exports a CSV and returns its download URL, waiting for it in async mode. */
export async function exportCsv(
  target: ExportTarget,
  mode: ExportMode,
  options: WaitOptions & { request?: typeof requestExport } = {},
): Promise<string> {
  const answer = await (options.request ?? requestExport)(target, mode, options.signal);
  if (answer.url) return answer.url;
  if (answer.exportedFileId) return waitForExportedFile(answer.exportedFileId, options);
  throw new ExportFailedError('the answer has neither a URL nor an export ID');
}

/** The address to download from, or null: only web addresses are followed, so a `javascript:` URL never runs. */
export function downloadUrl(url: string, base = globalThis.location?.href): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
