/** Preload hints in the served index.html: which screens get which files. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  languageOf,
  type Manifest,
  modulesFor,
  moneyScreens,
  preloadTags,
  screenModules,
  screensModule as screens,
} from './preload';
import { createStatic } from './static';

const manifest: Manifest = {
  'src/main.tsx': { file: 'assets/boot-1.js', isEntry: true, imports: ['_runtime.js'], css: ['assets/boot-1.css'] },
  '_runtime.js': { file: 'assets/runtime-1.js' },
  '_shell.js': { file: 'assets/shell-1.js', imports: ['_runtime.js', 'src/main.tsx'], css: ['assets/shell-1.css'] },
  '_charts.js': { file: 'assets/charts-1.js', imports: ['_shell.js'] },
  'src/components/layout/SignedInLayout.tsx': { file: 'assets/SignedInLayout-1.js', imports: ['_shell.js'] },
  'src/pages/billing/routes.ts': { file: 'assets/routes-1.js', imports: ['_shell.js', '_charts.js'] },
  'src/pages/sims/SimsPage.tsx': { file: 'assets/SimsPage-1.js', imports: ['_shell.js'], css: ['assets/sims-1.css'] },
  'src/locales/en/start.json': { file: 'assets/start-en.js' },
  'src/locales/en/console.json': { file: 'assets/console-en.js' },
  'src/locales/en/money.json': { file: 'assets/money-en.js' },
  'src/locales/ja/start.json': { file: 'assets/start-ja.js' },
  'src/locales/ja/console.json': { file: 'assets/console-ja.js' },
  'src/locales/ja/money.json': { file: 'assets/money-ja.js' },
};

const hrefs = (tags: string) => [...tags.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);

describe('preload hints', () => {
  it('name no code for /login (the entry holds it); the other public pages get their part and the screens table', () => {
    expect(modulesFor('/login')).toEqual(['src/locales/en/start.json']);
    for (const path of ['/signup', '/verify', '/password-reset', '/mfa-revoke'])
      expect(modulesFor(path, 'ja')).toEqual(['src/locales/ja/start.json', 'src/locales/ja/public.json', screens]);
  });

  it('name the signed-in frame, the screen (a list or one item), the catalogue parts and the screens table', () => {
    const frame = ['src/components/layout/SignedInLayout.tsx'];
    const strings = ['src/locales/en/start.json', 'src/locales/en/console.json'];
    expect(modulesFor('/billing')).toEqual([
      ...frame,
      'src/pages/billing/routes.ts',
      ...strings,
      'src/locales/en/money.json',
      screens,
    ]);
    expect(modulesFor('/billing/202611')).toEqual([
      ...frame,
      'src/pages/billing/routes.ts',
      ...strings,
      'src/locales/en/money.json',
      screens,
    ]);
    expect(modulesFor('/sims')).toEqual([...frame, 'src/pages/sims/SimsPage.tsx', ...strings, screens]);
    expect(modulesFor('/sims/8942310063001000300')).toEqual([
      ...frame,
      'src/pages/sims/SimDetailPage.tsx',
      ...strings,
      'src/locales/en/money.json',
      'src/locales/en/events.json',
      screens,
    ]);
    expect(modulesFor('/')).toEqual([
      ...frame,
      'src/pages/home/HomePage.tsx',
      ...strings,
      'src/locales/en/home.json',
      'src/locales/en/events.json',
      screens,
    ]);
    expect(modulesFor('/event-handlers/h-1', 'ja')).toEqual([
      ...frame,
      'src/pages/eventHandlers/routes.tsx',
      'src/locales/ja/start.json',
      'src/locales/ja/console.json',
      'src/locales/ja/home.json',
      'src/locales/ja/events.json',
      screens,
    ]);
    expect(modulesFor('/logs')).toContain('src/locales/en/events.json');
    expect(modulesFor('/credentials', 'ja')).toContain('src/locales/ja/home.json');
    expect(modulesFor('/groups/g-1')).toContain('src/locales/en/home.json');
    expect(modulesFor('/groups')).not.toContain('src/locales/en/home.json');
    expect(modulesFor('/usage', 'ja')).toContain('src/locales/ja/money.json');
    expect(modulesFor('/groups')).not.toContain('src/locales/en/money.json');
    expect(modulesFor('/no-such-screen')).toEqual([...frame, ...strings, screens]);
    expect(modulesFor('/account/users/demo-viewer')).toEqual([
      ...frame,
      'src/pages/team/routes.tsx',
      ...strings,
      'src/locales/en/team.json',
      screens,
    ]);
    expect(modulesFor('/account')).not.toContain('src/locales/en/team.json');
    expect(modulesFor('/account/contracts')).toEqual([
      ...frame,
      'src/pages/account/routes.tsx',
      ...strings,
      'src/locales/en/account.json',
      screens,
    ]);
    expect(modulesFor('/support', 'ja')).toContain('src/locales/ja/account.json');
  });

  it("take the language the console starts in from the browser's first listed one", () => {
    expect(languageOf('ja-JP,ja;q=0.9,en;q=0.8')).toBe('ja');
    expect(languageOf('JA')).toBe('ja');
    expect(languageOf('en-US,en;q=0.9,ja;q=0.8')).toBe('en');
    expect(languageOf('fr-FR')).toBe('en');
    expect(languageOf('')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('list each file once, with what it imports, leaving out what the entry loads', () => {
    const tags = preloadTags(manifest, modulesFor('/billing'));
    expect(hrefs(tags)).toEqual([
      '/assets/shell-1.css',
      '/assets/SignedInLayout-1.js',
      '/assets/shell-1.js',
      '/assets/routes-1.js',
      '/assets/charts-1.js',
      '/assets/start-en.js',
      '/assets/console-en.js',
      '/assets/money-en.js',
    ]);
    expect(tags).toContain('<link rel="preload" as="style" crossorigin href="/assets/shell-1.css">');
    expect(tags).toContain('<link rel="modulepreload" crossorigin href="/assets/shell-1.js">');
    expect(tags).not.toContain('boot-1');
    expect(tags).not.toContain('runtime-1');
  });

  it('skip modules the build does not have', () => {
    expect(preloadTags({}, modulesFor('/billing'))).toBe('');
    expect(hrefs(preloadTags(manifest, modulesFor('/account')))).toEqual([
      '/assets/shell-1.css',
      '/assets/SignedInLayout-1.js',
      '/assets/shell-1.js',
      '/assets/start-en.js',
      '/assets/console-en.js',
    ]);
  });

  it('follow the router: each screen named here is one it loads, and each screen it loads is named', () => {
    const router = readFileSync(resolve(import.meta.dirname, '../src/app/screens.ts'), 'utf8');
    const loaded = new Set([...router.matchAll(/import\('\.\.\/(pages\/[^']+)'\)/g)].map((match) => `src/${match[1]}`));
    const named = new Set(Object.values(screenModules).flatMap(({ list, item }) => [list, item]));
    const stripExtension = (module: string) => module.replace(/\.tsx?$/, '');
    const signedInScreens = [...loaded].filter((module) => !/pages\/(signup|recovery)\/|NotFoundPage/.test(module));
    expect(new Set([...named].map(stripExtension))).toEqual(new Set(signedInScreens));
  });

  it("follow the router on which screens load the catalogue's 'money' part", () => {
    const router = readFileSync(resolve(import.meta.dirname, '../src/app/screens.ts'), 'utf8');
    const withMoney = new Set(
      [...router.matchAll(/import\('\.\.\/(pages\/[^']+)'\), loadCatalogPart\('money'\)/g)].map((m) => `src/${m[1]}`),
    );
    const named = new Set(
      Object.entries(moneyScreens).flatMap(([first, { list, item }]) => [
        ...(list ? [screenModules[first]?.list] : []),
        ...(item ? [screenModules[first]?.item] : []),
      ]),
    );
    expect(withMoney.size).toBeGreaterThan(0);
    expect(new Set([...named].map((module) => module?.replace(/\.tsx?$/, '')))).toEqual(withMoney);
  });

  it('are written into the served index.html before </head>, and the nonce still filled in', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'dist-preload-'));
    mkdirSync(join(dist, '.vite'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(
      join(dist, 'index.html'),
      '<html><head><meta name="csp-nonce" content="__CSP_NONCE__"></head></html>',
    );
    const files = createStatic(dist);
    const billing = await (await files.index('n0nce', '/billing')).text();
    expect(billing).toContain('content="n0nce"');
    expect(billing).toContain('<link rel="modulepreload" crossorigin href="/assets/routes-1.js">');
    expect(billing).toMatch(/href="\/assets\/money-en\.js"><\/head>/);
    expect(await (await files.index('n0nce', '/billing', 'ja')).text()).toContain('href="/assets/money-ja.js"');
    const login = await (await files.index('n0nce', '/login')).text();
    expect(hrefs(login.slice(login.indexOf('</head>') - 200))).toEqual(['/assets/start-en.js']);
  });
});
