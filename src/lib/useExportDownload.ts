/**
 * One export at a time, for any of SORACOM's CSV exports: ask for it, wait (async mode) with progress, then download;
 * cancellable. Downloads follow a link rather than fetch, so SORACOM's signed storage URLs and the sandbox's
 * same-origin ones both work and the Content-Security-Policy's `connect-src 'self'` stays as it is.
 */
import { useEffect, useRef, useState } from 'react';

export type ExportPhase =
  | { kind: 'idle' }
  | { kind: 'requesting' }
  | { kind: 'waiting'; attempt: number }
  | { kind: 'ready'; url: string }
  | { kind: 'failed'; error: unknown };

export interface ExportProgress {
  signal: AbortSignal;
  /** Called before each check of an async export (0 first). */
  onAttempt: (attempt: number) => void;
}

/** Only web addresses are followed: a `javascript:` URL in an answer must never run. */
export function downloadUrl(url: string, base = globalThis.location?.href): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

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

/** `request` asks for the export with the arguments given to `start` and answers the file's URL. */
export function useExportDownload<A extends unknown[]>(
  request: (progress: ExportProgress, ...args: A) => Promise<string>,
) {
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  async function start(...args: A) {
    if (running.current) return;
    const mine = new AbortController();
    running.current = mine;
    setPhase({ kind: 'requesting' });
    try {
      const url = downloadUrl(
        await request(
          { signal: mine.signal, onAttempt: (attempt) => setPhase({ kind: 'waiting', attempt: attempt + 1 }) },
          ...args,
        ),
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
