import { useEffect, useRef, useState } from 'react';
import { type ExportMode, type ExportTarget, exportCsv } from '../../api/queries/billing';

export type ExportPhase =
  | { kind: 'idle' }
  | { kind: 'requesting' }
  | { kind: 'waiting'; attempt: number }
  | { kind: 'ready'; url: string }
  | { kind: 'failed'; error: unknown };

/** Only web addresses are followed (a `javascript:` URL in an answer must never run). */
export function safeDownloadUrl(url: string, base = globalThis.location?.href): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Downloads by navigating to the file: a link click, not a fetch, so it works for the sandbox's same-origin files
 * and SORACOM's signed storage URLs alike, and the Content-Security-Policy's `connect-src 'self'` stays as it is.
 */
export function startDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/** One export at a time: request, wait (async mode) with progress, cancel, then download. */
export function useExport(target: ExportTarget) {
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function start(mode: ExportMode) {
    if (controller.current) return;
    const mine = new AbortController();
    controller.current = mine;
    setPhase({ kind: 'requesting' });
    try {
      const url = await exportCsv(target, mode, {
        signal: mine.signal,
        onAttempt: (attempt) => setPhase({ kind: 'waiting', attempt: attempt + 1 }),
      });
      const safe = safeDownloadUrl(url);
      if (!safe) throw new Error('unexpected download URL');
      if (mine.signal.aborted) return;
      setPhase({ kind: 'ready', url: safe });
      startDownload(safe);
    } catch (error) {
      if (!mine.signal.aborted) setPhase({ kind: 'failed', error });
    } finally {
      if (controller.current === mine) controller.current = null;
    }
  }

  function cancel() {
    controller.current?.abort(new DOMException('cancelled', 'AbortError'));
    controller.current = null;
    setPhase({ kind: 'idle' });
  }

  return { phase, start, cancel, busy: phase.kind === 'requesting' || phase.kind === 'waiting' };
}
