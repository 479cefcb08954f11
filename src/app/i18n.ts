/**
 * English and Japanese for the console, in a small module of our own: only the active language's catalogue is
 * loaded, in parts (`start`: what the login page and the frame need; `public`: sign-up and recovery pages; `console`: the
 * signed-in screens; `money`: the billing and usage dashboards; `team`: users, roles, permissions and the audit log, and
 * what a SAM user's permissions refuse; each loaded with its screens),
 * strings are looked up by dotted key, and `{{name}}` is replaced from the options. (i18next and react-i18next did not
 * fit the login page's JavaScript budget next to React, React Router and Mantine: see the README.)
 * The chosen language is remembered per browser; it is not a secret.
 */
import { useMemo, useSyncExternalStore } from 'react';

export const languages = ['en', 'ja'] as const;
export type Language = (typeof languages)[number];
type Catalog = { [key: string]: string | Catalog };
export type CatalogPart = 'start' | 'public' | 'console' | 'money' | 'team';
export type TOptions = { defaultValue?: string } & Record<string, unknown>;
export type TFunction = (key: string, options?: TOptions) => string;

const storageKey = 'soracom-console.language';
type Loader = () => Promise<{ default: Catalog }>;
const loaders: Record<Language, Record<CatalogPart, Loader>> = {
  en: {
    start: () => import('../locales/en/start.json'),
    public: () => import('../locales/en/public.json'),
    console: () => import('../locales/en/console.json'),
    money: () => import('../locales/en/money.json'),
    team: () => import('../locales/en/team.json'),
  },
  ja: {
    start: () => import('../locales/ja/start.json'),
    public: () => import('../locales/ja/public.json'),
    console: () => import('../locales/ja/console.json'),
    money: () => import('../locales/ja/money.json'),
    team: () => import('../locales/ja/team.json'),
  },
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

const loadedParts = new Map<string, Catalog>();
/** The language asked for last; what is shown catches up with it once its catalogue is loaded. */
let requested: Language = language;
let generation = 0;
let latest: Promise<void> = Promise.resolve();

async function loadPart(lang: Language, part: CatalogPart): Promise<void> {
  const key = `${lang}/${part}`;
  if (!loadedParts.has(key)) loadedParts.set(key, (await loaders[lang][part]()).default);
}

function show(lang: Language, loaded: Catalog): void {
  catalog = loaded;
  language = lang;
  if (globalThis.document) document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

/**
 * Loads every part in use for `lang` (parts added meanwhile included), then shows it, unless a later request came
 * in while loading: the last choice wins, and a superseded call resolves when the latest one has been shown.
 */
function request(lang: Language, given?: Catalog): Promise<void> {
  requested = lang;
  const mine = ++generation;
  const run = (async () => {
    if (!given) {
      for (;;) {
        const missing = [...partsInUse].filter((part) => !loadedParts.has(`${lang}/${part}`));
        if (missing.length === 0) break;
        await Promise.all(missing.map((part) => loadPart(lang, part)));
      }
    }
    if (mine !== generation) return latest;
    show(lang, given ?? Object.assign({}, ...[...partsInUse].map((part) => loadedParts.get(`${lang}/${part}`))));
  })();
  latest = run;
  return run;
}

/** Makes `next` the language in use, with its catalogue loaded (or given, for tests). */
export const setLanguage = (next: Language, given?: Catalog): Promise<void> => request(next, given);

/** Before the first render: the browser's or remembered language. */
export const setupI18n = (next: Language = preferredLanguage()) => setLanguage(next);

/** Adds a part of the catalogue, in the language being shown or switched to, before the screens that need it. */
export async function loadCatalogPart(part: CatalogPart): Promise<void> {
  if (partsInUse.has(part) && loadedParts.has(`${requested}/${part}`) && requested === language) return;
  partsInUse.add(part);
  await request(requested);
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
