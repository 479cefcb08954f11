/**
 * One export at a time, for any of SORACOM's CSV exports (`src/api/resources/exports.ts`): ask for it, wait (async
 * mode) with progress, then download; cancellable, and a cancelled export downloads nothing. Downloads follow a link
 * rather than fetch, so SORACOM's signed storage URLs and the sandbox's same-origin ones both work and the
 * Content-Security-Policy's `connect-src 'self'` stays as it is.
 */
import { useEffect, useRef, useState } from 'react';
import { downloadUrl, type ExportMode, type ExportTarget, exportCsv } from '../api/resources/exports';

export type ExportPhase =
  | { kind: 'idle' }
  | { kind: 'requesting' }
  | { kind: 'waiting'; attempt: number }
  | { kind: 'ready'; url: string }
  | { kind: 'failed'; error: unknown };

export function startDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** `start(target, mode)` exports the target's CSV and downloads it. */
export function useExportDownload() {
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  async function start(target: ExportTarget, mode: ExportMode) {
    if (running.current) return;
    const mine = new AbortController();
    running.current = mine;
    setPhase({ kind: 'requesting' });
    try {
      const url = downloadUrl(
        await exportCsv(target, mode, {
          signal: mine.signal,
          onAttempt: (attempt) => setPhase({ kind: 'waiting', attempt: attempt + 1 }),
        }),
      );
      if (mine.signal.aborted) return;
      if (!url) throw new Error('The export answered with an address that is not a web address.');
      setPhase({ kind: 'ready', url });
      startDownload(url);
    } catch (error) {
      if (!mine.signal.aborted) setPhase({ kind: 'failed', error });
    } finally {
      if (running.current === mine) running.current = null;
    }
  }

  function cancel() {
    running.current?.abort(new DOMException('cancelled', 'AbortError'));
    running.current = null;
    setPhase({ kind: 'idle' });
  }

  return { phase, start, cancel, busy: phase.kind === 'requesting' || phase.kind === 'waiting' };
}
