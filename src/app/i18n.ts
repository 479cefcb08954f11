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
type Loader = () => Promise<{ default: Catalog }>;

/**
 * The catalogue parts, each in every language: the one list to extend when a part is added (its keys then become
 * valid `t` keys, taken from the English file's type).
 */
const loaders = {
  start: { en: () => import('../locales/en/start.json'), ja: () => import('../locales/ja/start.json') },
  public: { en: () => import('../locales/en/public.json'), ja: () => import('../locales/ja/public.json') },
  console: { en: () => import('../locales/en/console.json'), ja: () => import('../locales/ja/console.json') },
  money: { en: () => import('../locales/en/money.json'), ja: () => import('../locales/ja/money.json') },
  team: { en: () => import('../locales/en/team.json'), ja: () => import('../locales/ja/team.json') },
  orders: { en: () => import('../locales/en/orders.json'), ja: () => import('../locales/ja/orders.json') },
  home: { en: () => import('../locales/en/home.json'), ja: () => import('../locales/ja/home.json') },
  account: { en: () => import('../locales/en/account.json'), ja: () => import('../locales/ja/account.json') },
  events: { en: () => import('../locales/en/events.json'), ja: () => import('../locales/ja/events.json') },
} satisfies Record<string, Record<Language, Loader>>;
export type CatalogPart = keyof typeof loaders;

/** A plural text is stored under its key with a CLDR plural category as suffix (`sims_one`, `sims_other`). */
type Unplural<K extends string> = K extends `${infer Base}_${Intl.LDMLPluralRule}` ? Base : K;
/** Every dotted key of a catalogue's texts, plural forms folded into their base key. */
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${Unplural<K>}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type English<P extends CatalogPart> = Awaited<ReturnType<(typeof loaders)[P]['en']>>['default'];
/** A key of the English catalogue (any part): what `t` accepts, so that a mistyped key fails to compile. */
export type MessageKey = { [P in CatalogPart]: KeysOf<English<P>> }[CatalogPart];

/** The keys under a dotted prefix, without it: `KeyUnder<'sims.status'>` is `'ready' | 'active' | …`. */
export type KeyUnder<Prefix extends string> = MessageKey extends infer K
  ? K extends `${Prefix}.${infer Rest}`
    ? Rest
    : never
  : never;

/**
 * `count`, when a number, chooses the plural form (`key_one`, `key_other`, … by `Intl.PluralRules`) and is written
 * in the language's digits; other values replace their `{{name}}` as they are.
 */
export type TOptions = { defaultValue?: string; count?: number | string } & Record<string, unknown>;
export type TFunction = (key: MessageKey, options?: TOptions) => string;

const storageKey = 'soracom-console.language';
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
  if (!loadedParts.has(key)) loadedParts.set(key, (await loaders[part][lang]()).default);
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

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * The text for `key`, in the plural form `count` asks for when the catalogue has plural forms of it (a count that is
 * not a number, such as "300+", takes the `other` form).
 */
function text(key: string, count: unknown): string | undefined {
  if (typeof count !== 'number') return lookup(key) ?? lookup(`${key}_other`);
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return lookup(`${key}_${rules.select(count)}`) ?? lookup(`${key}_other`) ?? lookup(key);
}

export const t: TFunction = (key, options) => {
  const found = text(key, options?.count) ?? options?.defaultValue ?? key;
  return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    if (!options || !(name in options)) return whole;
    const value = options[name];
    return name === 'count' && typeof value === 'number' ? value.toLocaleString(language) : String(value);
  });
};

/**
 * A label for a value of an API enumeration: its text under `prefix` when the catalogue has one, otherwise the value
 * as it is (a value newer than this console, or one a stand-in upstream made up).
 */
export const enumLabel = (translate: TFunction, prefix: string, value: string): string =>
  translate(`${prefix}.${value}` as MessageKey, { defaultValue: value });

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
