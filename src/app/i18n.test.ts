import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import enAccount from '../locales/en/account.json';
import enConsole from '../locales/en/console.json';
import enHome from '../locales/en/home.json';
import enMoney from '../locales/en/money.json';
import enPublic from '../locales/en/public.json';
import enStart from '../locales/en/start.json';
import jaAccount from '../locales/ja/account.json';
import jaConsole from '../locales/ja/console.json';
import jaHome from '../locales/ja/home.json';
import jaMoney from '../locales/ja/money.json';
import jaPublic from '../locales/ja/public.json';
import jaStart from '../locales/ja/start.json';
import {
  changeLanguage,
  enumLabel,
  isLanguage,
  languages,
  loadCatalogPart,
  type MessageKey,
  setLanguage,
  t,
  useTranslation,
} from './i18n';

type Catalog = { [key: string]: string | Catalog };

/** Every leaf of a catalogue as [dotted key, text]. */
function leaves(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** CLDR's plural categories, the suffixes of plural forms. */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
/** A key as `t` is called with it: a plural form (`sims_one`) stands for its base key (`sims`). */
const messageKey = (key: string) => key.replace(pluralSuffix, '');
/** Each plural base key with the categories its forms are written for. */
function pluralForms(catalog: Catalog): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const [key] of leaves(catalog)) {
    const category = pluralSuffix.exec(key)?.[1];
    if (category) forms.set(messageKey(key), [...(forms.get(messageKey(key)) ?? []), category].sort());
  }
  return forms;
}
/** The text `t` falls back to for a key: the plain text, or the plural `other` form. */
const otherForm = (texts: Map<string, string>, key: string) => texts.get(key) ?? texts.get(`${key}_other`);

/** A key that is not in the catalogue, for the fallbacks (a literal one would not compile). */
const unknownKey = (key: string) => key as MessageKey;

/**
 * Texts with a {{count}} that need no plural forms: the figure is not followed by a noun it agrees with. Any other
 * count-bearing text has plural forms, so "1 SIMs" cannot be written.
 */
const countsWithoutNoun = new Set([
  'simActions.fields.smsCount',
  'groups.members',
  'simTable.fleet.showing',
  'bulk.selected',
  'bulk.typeCount',
  'bulk.retryFailed',
]);

const parts = {
  start: { en: enStart as Catalog, ja: jaStart as Catalog },
  public: { en: enPublic as Catalog, ja: jaPublic as Catalog },
  console: { en: enConsole as Catalog, ja: jaConsole as Catalog },
  money: { en: enMoney as Catalog, ja: jaMoney as Catalog },
  home: { en: enHome as Catalog, ja: jaHome as Catalog },
  account: { en: enAccount as Catalog, ja: jaAccount as Catalog },
};

afterEach(async () => {
  localStorage.clear();
  await setLanguage('en');
});

describe('catalogues', () => {
  describe.each(Object.entries(parts))('the %s part', (_part, { en, ja }) => {
    const enLeaves = new Map(leaves(en));
    const jaLeaves = new Map(leaves(ja));

    it('has the same keys in English and Japanese (plural forms counted as their key)', () => {
      const keys = (texts: Map<string, string>) => [...new Set([...texts.keys()].map(messageKey))].sort();
      expect(keys(jaLeaves)).toEqual(keys(enLeaves));
      expect(enLeaves.size).toBeGreaterThan(0);
    });

    it.each(languages)('writes in %s exactly the plural forms its rules choose, for every plural key', (lang) => {
      const catalog = lang === 'en' ? en : ja;
      const texts = lang === 'en' ? enLeaves : jaLeaves;
      const needed = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      for (const [key, forms] of pluralForms(catalog)) {
        expect(forms, `${lang} ${key}`).toEqual(needed);
        expect(texts.has(key), `${lang} ${key} is both plain and plural`).toBe(false);
      }
      expect(pluralForms(ja).size).toBe(pluralForms(en).size);
    });

    it('has plural forms for every text that counts something', () => {
      const unpluralised = [...enLeaves]
        .filter(([key, text]) => text.includes('{{count}}') && !pluralSuffix.test(key) && !countsWithoutNoun.has(key))
        .map(([key]) => key);
      expect(unpluralised).toEqual([]);
    });

    it('has no empty strings', () => {
      const empty = [...leaves(en), ...leaves(ja)].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it('uses the same {{placeholders}} in each English and Japanese pair', () => {
      const mismatched = [...new Set([...enLeaves.keys()].map(messageKey))].filter((key) => {
        const [english, japanese] = [otherForm(enLeaves, key), otherForm(jaLeaves, key)];
        return japanese !== undefined && placeholders(english ?? '').join() !== placeholders(japanese).join();
      });
      expect(mismatched).toEqual([]);
    });

    it('uses in every plural form only placeholders of its other form', () => {
      const stray = [enLeaves, jaLeaves].flatMap((texts) =>
        [...texts]
          .filter(([key]) => pluralSuffix.test(key))
          .filter(([key, text]) => {
            const other = placeholders(otherForm(texts, messageKey(key)) ?? '');
            return placeholders(text).some((name) => !other.includes(name));
          })
          .map(([key]) => key),
      );
      expect(stray).toEqual([]);
    });

    it('holds only strings and nested objects', () => {
      const values = (catalog: unknown): unknown[] =>
        typeof catalog === 'object' && catalog !== null ? Object.values(catalog).flatMap(values) : [catalog];
      for (const value of [...values(en), ...values(ja)]) expect(typeof value).toBe('string');
    });
  });

  it.each(languages)('has no top-level key in two parts (%s), as parts are merged shallowly', (lang) => {
    const owners = new Map<string, string[]>();
    for (const [part, catalogs] of Object.entries(parts)) {
      for (const key of Object.keys(catalogs[lang])) owners.set(key, [...(owners.get(key) ?? []), part]);
    }
    expect([...owners].filter(([, inParts]) => inParts.length > 1)).toEqual([]);
  });
});

describe('t', () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('looks up a dotted key', () => {
    expect(t('login.submit')).toBe('Sign in');
    expect(t('login.errors.failed')).toBe('Sign-in failed. Check what you entered and try again.');
  });

  it('replaces {{placeholders}} from the options', () => {
    expect(t(unknownKey('x'), { defaultValue: 'Endpoint: {{endpoint}}', endpoint: 'jp' })).toBe('Endpoint: jp');
    expect(t(unknownKey('x'), { defaultValue: '{{ a }} and {{b}} and {{a}}', a: 1, b: false })).toBe(
      '1 and false and 1',
    );
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(t(unknownKey('x'), { defaultValue: 'Hello {{name}}' })).toBe('Hello {{name}}');
    expect(t(unknownKey('x'), { defaultValue: 'Hello {{name}}', other: 'y' })).toBe('Hello {{name}}');
  });

  it('falls back to defaultValue, then to the key', () => {
    expect(t(unknownKey('no.such.key'), { defaultValue: 'Fallback' })).toBe('Fallback');
    expect(t(unknownKey('no.such.key'))).toBe('no.such.key');
  });

  it('prefers the catalogue to defaultValue', () => {
    expect(t('login.submit', { defaultValue: 'Fallback' })).toBe('Sign in');
  });

  it('does not return a whole section for a key that is not a leaf', () => {
    expect(t(unknownKey('login'))).toBe('login');
    expect(t(unknownKey('login.errors'), { defaultValue: 'x' })).toBe('x');
  });

  it('chooses the plural form by count, in the language in use, and writes the count in its digits', async () => {
    await loadCatalogPart('money');
    expect(t('usage.spans.hours', { count: 1 })).toBe('Last hour');
    expect(t('usage.spans.hours', { count: 24 })).toBe('Last 24 hours');
    await setLanguage('en', { n: { sims_one: '{{count}} SIM', sims_other: '{{count}} SIMs' } });
    const sims = unknownKey('n.sims');
    expect(t(sims, { count: 1 })).toBe('1 SIM');
    expect(t(sims, { count: 0 })).toBe('0 SIMs');
    expect(t(sims, { count: 1234 })).toBe('1,234 SIMs');
    // A count that is not a figure ("300+") takes the other form, as it is.
    expect(t(sims, { count: '300+' })).toBe('300+ SIMs');
    await setLanguage('ja');
    await loadCatalogPart('money');
    expect(t('usage.spans.hours', { count: 1 })).toBe('過去 1 時間');
    expect(t('usage.spans.hours', { count: 1234 })).toBe('過去 1,234 時間');
  });

  it('types its keys: a key not in the English catalogue does not compile', () => {
    // @ts-expect-error a mistyped key
    expect(t('login.submitt')).toBe('login.submitt');
    // @ts-expect-error a plural form is asked for by its base key and a count
    expect(typeof t('usage.spans.hours_one')).toBe('string');
    expect(t('login.submit')).toBe('Sign in');
  });

  it('shows an enumeration value the catalogue does not know as it is', () => {
    expect(enumLabel(t, 'endpoints', 'jp')).toBe('Japan coverage');
    expect(enumLabel(t, 'endpoints', 'mars')).toBe('mars');
  });

  it('does not read past a string', () => {
    expect(t(unknownKey('login.submit.more'))).toBe('login.submit.more');
  });

  it('follows the language in use', async () => {
    await setLanguage('ja');
    expect(t('login.submit')).toBe(jaStart.login.submit);
    expect(t('login.submit')).not.toBe('Sign in');
    expect(document.documentElement.lang).toBe('ja');

    await setLanguage('en');
    expect(t('login.submit')).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
  });

  it('uses a catalogue given to setLanguage as it is', async () => {
    await setLanguage('ja', { login: { submit: 'サインイン' } });
    expect(t('login.submit')).toBe('サインイン');
    expect(t('login.title')).toBe('login.title');
  });
});

describe('loadCatalogPart', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('makes the console keys available, in the language in use', async () => {
    const i18n = await import('./i18n');
    await i18n.setLanguage('en');
    expect(i18n.t('nav.signOut')).toBe('nav.signOut');

    await i18n.loadCatalogPart('console');
    expect(i18n.t('nav.signOut')).toBe(enConsole.nav.signOut);
    expect(i18n.t('nav.endpoint', { endpoint: 'jp' })).toBe('Endpoint: jp');
    expect(i18n.t('login.submit')).toBe('Sign in');
  });

  it('keeps the console part loaded across a change of language', async () => {
    const i18n = await import('./i18n');
    await i18n.setLanguage('en');
    await i18n.loadCatalogPart('console');

    await i18n.setLanguage('ja');
    expect(i18n.t('nav.signOut')).toBe(jaConsole.nav.signOut);
    expect(i18n.t('login.submit')).toBe(jaStart.login.submit);
  });

  it('tells subscribed components', async () => {
    const i18n = await import('./i18n');
    await i18n.setLanguage('en');
    const { result } = renderHook(() => i18n.useTranslation());
    await act(() => i18n.loadCatalogPart('console'));
    expect(result.current.t('nav.signOut')).toBe(enConsole.nav.signOut);
  });
});

describe('useTranslation', () => {
  it('re-renders with a new t when the language changes', async () => {
    await setLanguage('en');
    const { result } = renderHook(() => useTranslation());
    const englishT = result.current.t;
    expect(result.current.i18n.language).toBe('en');
    expect(result.current.t('login.submit')).toBe('Sign in');

    await act(() => setLanguage('ja'));
    expect(result.current.i18n.language).toBe('ja');
    expect(result.current.t).not.toBe(englishT);
    expect(result.current.t('login.submit')).toBe(jaStart.login.submit);
  });

  it('changeLanguage remembers the choice for this browser', async () => {
    const { result } = renderHook(() => useTranslation());
    await act(() => result.current.i18n.changeLanguage('ja'));
    expect(localStorage.getItem('soracom-console.language')).toBe('ja');
    expect(result.current.i18n.language).toBe('ja');
  });
});

describe('setupI18n', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('uses the remembered language first', async () => {
    await changeLanguage('ja');
    const i18n = await import('./i18n');
    await i18n.setupI18n();
    expect(i18n.t('login.submit')).toBe(jaStart.login.submit);
  });

  it("otherwise follows the browser's language", async () => {
    const spy = vi.spyOn(navigator, 'language', 'get').mockReturnValue('ja-JP');
    try {
      const i18n = await import('./i18n');
      await i18n.setupI18n();
      expect(i18n.t('login.submit')).toBe(jaStart.login.submit);
    } finally {
      spy.mockRestore();
    }
  });

  it('ignores a remembered value that is not a language', async () => {
    localStorage.setItem('soracom-console.language', 'xx');
    const spy = vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
    try {
      const i18n = await import('./i18n');
      await i18n.setupI18n();
      expect(i18n.t('login.submit')).toBe('Sign in');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('isLanguage', () => {
  it('accepts en and ja only', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('ja')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage('ja-JP')).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});

describe('language requests that overlap', () => {
  /** A fresh i18n module whose Japanese catalogue parts arrive only when `release` is called. */
  async function withSlowJapanese() {
    vi.resetModules();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.doMock('../locales/ja/start.json', async () => {
      await gate;
      return { default: jaStart };
    });
    vi.doMock('../locales/ja/console.json', async () => {
      await gate;
      return { default: jaConsole };
    });
    const i18n = await import('./i18n');
    await i18n.setLanguage('en');
    return { i18n, release };
  }

  afterEach(() => {
    vi.doUnmock('../locales/ja/start.json');
    vi.doUnmock('../locales/ja/console.json');
    vi.resetModules();
  });

  it('shows the last language chosen, even when an earlier choice finishes loading later', async () => {
    const { i18n, release } = await withSlowJapanese();
    const toJapanese = i18n.changeLanguage('ja');
    await i18n.changeLanguage('en');
    release();
    await toJapanese;
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('login.submit')).toBe('Sign in');
    expect(localStorage.getItem('soracom-console.language')).toBe('en');
  });

  it('loads a catalogue part asked for during a switch in the language being switched to', async () => {
    const { i18n, release } = await withSlowJapanese();
    const toJapanese = i18n.setLanguage('ja');
    const consolePart = i18n.loadCatalogPart('console');
    // Anything not held back (the English console part, in the old order of things) arrives first.
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([toJapanese, consolePart]);
    expect(i18n.t('nav.signOut')).toBe('ログアウト');
    expect(i18n.t('login.submit')).toBe('ログイン');
  });
});
