/**
 * Preferences remembered per browser (localStorage): which columns the SIM table shows, saved views. Never secrets:
 * the session lives in sessionStorage only. A preference that cannot be read (private mode, bad JSON) falls back.
 */
import { useCallback, useState } from 'react';

const prefix = 'soracom-console.';

export function readPreference<T>(key: string, fallback: T, valid: (value: unknown) => value is T): T {
  try {
    const raw = globalThis.localStorage?.getItem(prefix + key);
    if (raw === null || raw === undefined) return fallback;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

export function writePreference(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(prefix + key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the preference lasts for this visit only.
  }
}

export function usePreference<T>(key: string, fallback: T, valid: (value: unknown) => value is T) {
  const [value, setValue] = useState<T>(() => readPreference(key, fallback, valid));
  const set = useCallback(
    (next: T) => {
      setValue(next);
      writePreference(key, next);
    },
    [key],
  );
  return [value, set] as const;
}

export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
