import { useEffect, useRef, useState } from 'react';
import { type ExportMode, exportOperatorUsage, type UsageRange } from '../../api/queries/usage';

export type ExportPhase =
  | { kind: 'idle' }
  | { kind: 'requesting' }
  | { kind: 'waiting'; attempt: number }
  | { kind: 'ready'; url: string }
  | { kind: 'failed'; error: unknown };

/** Only web addresses are followed: a `javascript:` URL in an answer must never run. */
export function downloadUrl(url: string, base = globalThis.location?.href): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Downloads by following a link rather than fetching, so SORACOM's signed storage URLs and the sandbox's
 * same-origin ones both work and `connect-src 'self'` need not change.
 */
function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** One export of the operator's usage at a time: request, wait in async mode, then download; cancellable. */
export function useUsageExport(operatorId: string) {
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  async function start(range: UsageRange, mode: ExportMode) {
    if (running.current) return;
    const mine = new AbortController();
    running.current = mine;
    setPhase({ kind: 'requesting' });
    try {
      const url = downloadUrl(
        await exportOperatorUsage(operatorId, range, mode, {
          signal: mine.signal,
          onAttempt: (attempt) => setPhase({ kind: 'waiting', attempt: attempt + 1 }),
        }),
      );
      if (mine.signal.aborted) return;
      if (!url) throw new Error('The export answered with an address that is not a web address.');
      setPhase({ kind: 'ready', url });
      download(url);
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
