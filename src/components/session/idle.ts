/** The idle timeout: how long the console may sit untouched before it signs out (a per-browser preference). */
const storageKey = 'soracom-console.idleMinutes';
export const idleChoices = [5, 15, 30, 60, 120, 240] as const;
export const defaultIdleMinutes = 30;
/** The warning comes this long before signing out. */
export const idleWarningMs = 60_000;

export function idleMinutes(): number {
  const stored = Number(globalThis.localStorage?.getItem(storageKey));
  return (idleChoices as readonly number[]).includes(stored) ? stored : defaultIdleMinutes;
}

export function setIdleMinutes(minutes: number): void {
  globalThis.localStorage?.setItem(storageKey, String(minutes));
}

export type IdleState = { kind: 'active' } | { kind: 'warning'; secondsLeft: number } | { kind: 'timedOut' };

/** Where an idle period of `idleMs` stands against a timeout of `timeoutMs`. */
export function idleState(idleMs: number, timeoutMs: number): IdleState {
  if (idleMs >= timeoutMs) return { kind: 'timedOut' };
  if (idleMs >= timeoutMs - idleWarningMs)
    return { kind: 'warning', secondsLeft: Math.ceil((timeoutMs - idleMs) / 1000) };
  return { kind: 'active' };
}
