/**
 * English and Japanese for the console, in about a kilobyte: only the active language's catalogue is loaded, in two
 * parts (`start`: what the login page and the frame need; `console`: the signed-in screens, loaded with them),
 * strings are looked up by dotted key, and `{{name}}` is replaced from the options. (i18next and react-i18next, at
 * about 20 KB gzip, could not fit the login page's 130 KB budget next to React, React Router and Mantine.)
 * The chosen language is remembered per browser; it is not a secret.
 */
import { useMemo, useSyncExternalStore } from 'react';

export const languages = ['en', 'ja'] as const;
export type Language = (typeof languages)[number];
type Catalog = { [key: string]: string | Catalog };
export type CatalogPart = 'start' | 'console';
export type TOptions = { defaultValue?: string } & Record<string, unknown>;
export type TFunction = (key: string, options?: TOptions) => string;

const storageKey = 'soracom-console.language';
type Loader = () => Promise<{ default: Catalog }>;
const loaders: Record<Language, Record<CatalogPart, Loader>> = {
  en: { start: () => import('../locales/en/start.json'), console: () => import('../locales/en/console.json') },
  ja: { start: () => import('../locales/ja/start.json'), console: () => import('../locales/ja/console.json') },
};
const partsInUse = new Set<CatalogPart>(['start']);

let language: Language = 'en';
let catalog: Catalog = {};
const listeners = new Set<() => void>();

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ja';
}

function preferredLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  return globalThis.navigator?.language?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

async function loadParts(lang: Language): Promise<Catalog> {
  const parts = await Promise.all([...partsInUse].map((part) => loaders[lang][part]()));
  return Object.assign({}, ...parts.map((p) => p.default));
}

/** Makes `next` the language in use, with its catalogue given or loaded. */
export async function setLanguage(next: Language, loaded?: Catalog): Promise<void> {
  catalog = loaded ?? (await loadParts(next));
  language = next;
  if (globalThis.document) document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

/** Before the first render: the browser's or remembered language. */
export const setupI18n = (next: Language = preferredLanguage()) => setLanguage(next);

/** Adds a part of the catalogue (in the current language) before the screens that need it render. */
export async function loadCatalogPart(part: CatalogPart): Promise<void> {
  if (partsInUse.has(part)) return;
  const lang = language;
  const loaded = (await loaders[lang][part]()).default;
  partsInUse.add(part);
  if (lang === language) catalog = { ...catalog, ...loaded };
  else await setLanguage(language);
  for (const listener of listeners) listener();
}

export async function changeLanguage(next: Language): Promise<void> {
  globalThis.localStorage?.setItem(storageKey, next);
  await setLanguage(next);
}

function lookup(key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export const t: TFunction = (key, options) => {
  const text = lookup(key) ?? options?.defaultValue ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    options && name in options ? String(options[name]) : whole,
  );
};

export function useTranslation() {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => language,
  );
  // A new `t` per language, so components that memoise on it re-render when the language changes.
  return useMemo(
    () => ({ t: ((key, options) => t(key, options)) as TFunction, i18n: { language: current, changeLanguage } }),
    [current],
  );
}
