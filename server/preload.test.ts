/** Preload hints in the served index.html: which screens get which files. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Manifest, modulesFor, preloadTags, screenModules } from './preload';
import { createStatic } from './static';

const manifest: Manifest = {
  'src/main.tsx': { file: 'assets/boot-1.js', isEntry: true, imports: ['_runtime.js'], css: ['assets/boot-1.css'] },
  '_runtime.js': { file: 'assets/runtime-1.js' },
  '_shell.js': { file: 'assets/shell-1.js', imports: ['_runtime.js', 'src/main.tsx'], css: ['assets/shell-1.css'] },
  '_charts.js': { file: 'assets/charts-1.js', imports: ['_shell.js'] },
  'src/components/layout/SignedInLayout.tsx': { file: 'assets/SignedInLayout-1.js', imports: ['_shell.js'] },
  'src/pages/billing/routes.ts': { file: 'assets/routes-1.js', imports: ['_shell.js', '_charts.js'] },
  'src/pages/sims/SimsPage.tsx': { file: 'assets/SimsPage-1.js', imports: ['_shell.js'], css: ['assets/sims-1.css'] },
};

const hrefs = (tags: string) => [...tags.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);

describe('preload hints', () => {
  it('name nothing for the public pages, whose code the entry holds or which are small', () => {
    for (const path of ['/login', '/signup', '/verify', '/password-reset', '/mfa-revoke'])
      expect(modulesFor(path)).toEqual([]);
  });

  it('name the signed-in frame and the screen, a list or one item', () => {
    expect(modulesFor('/billing')).toEqual(['src/components/layout/SignedInLayout.tsx', 'src/pages/billing/routes.ts']);
    expect(modulesFor('/billing/202611')).toEqual([
      'src/components/layout/SignedInLayout.tsx',
      'src/pages/billing/routes.ts',
    ]);
    expect(modulesFor('/sims')[1]).toBe('src/pages/sims/SimsPage.tsx');
    expect(modulesFor('/sims/8942310063001000300')[1]).toBe('src/pages/sims/SimDetailPage.tsx');
    expect(modulesFor('/')[1]).toBe('src/pages/sims/SimsPage.tsx');
    expect(modulesFor('/no-such-screen')).toEqual(['src/components/layout/SignedInLayout.tsx']);
  });

  it('list each file once, with what it imports, leaving out what the entry loads', () => {
    const tags = preloadTags(manifest, modulesFor('/billing'));
    expect(hrefs(tags)).toEqual([
      '/assets/shell-1.css',
      '/assets/SignedInLayout-1.js',
      '/assets/shell-1.js',
      '/assets/routes-1.js',
      '/assets/charts-1.js',
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
    ]);
  });

  it('follow the router: each screen named here is one it loads, and each screen it loads is named', () => {
    const router = readFileSync(resolve(import.meta.dirname, '../src/app/router.tsx'), 'utf8');
    const loaded = new Set([...router.matchAll(/import\('\.\.\/(pages\/[^']+)'\)/g)].map((match) => `src/${match[1]}`));
    const named = new Set(Object.values(screenModules).flatMap(({ list, item }) => [list, item]));
    const stripExtension = (module: string) => module.replace(/\.tsx?$/, '');
    const signedInScreens = [...loaded].filter((module) => !/pages\/(signup|recovery)\/|NotFoundPage/.test(module));
    expect(new Set([...named].map(stripExtension))).toEqual(new Set(signedInScreens));
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
    expect(billing).toMatch(/href="\/assets\/charts-1\.js"><\/head>/);
    const login = await (await files.index('n0nce', '/login')).text();
    expect(login).not.toContain('modulepreload');
  });
});
