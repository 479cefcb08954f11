/** Security headers, the style nonce, and static files served from dist/ through the whole app. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from './app';
import { createContractSandbox } from './test/contract';

let root: string;
let app: Hono;
const secret = 'TOP-SECRET-OUTSIDE-DIST';
const indexHtml = `<!doctype html>
<html><head><meta name="csp-nonce" content="__CSP_NONCE__"><script type="module" src="/assets/app.js"></script></head>
<body><div id="root"></div></body></html>`;

const bigScript = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${i};`).join('\n');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'console-dist-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), indexHtml);
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(dist, 'assets', 'big.js'), bigScript);
  writeFileSync(join(dist, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), secret);
  mkdirSync(join(root, 'etc'));
  writeFileSync(join(root, 'etc', 'passwd'), secret);
  app = createApp({
    endpoints: [{ id: 'local', upstream: null }],
    sandbox: createContractSandbox({ fleet: 0 }).sandbox,
    distDir: dist,
    upstreamTimeoutMs: 1_000,
  });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function directives(res: Response): Map<string, string[]> {
  const csp = res.headers.get('content-security-policy');
  expect(csp).not.toBeNull();
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

const nonceInHtml = (html: string) => /<meta name="csp-nonce" content="([^"]*)">/.exec(html)?.[1];

describe('Content-Security-Policy', () => {
  it('forbids framing, other origins and inline script', async () => {
    const csp = directives(await app.request('/'));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')?.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')?.join(' ')).not.toContain('unsafe-inline');
  });

  it('puts the nonce of the header into the served page, and a new one for every response', async () => {
    const first = await app.request('/');
    const second = await app.request('/sims');
    const html1 = await first.text();
    const html2 = await second.text();
    expect(html1).not.toContain('__CSP_NONCE__');
    const nonce1 = nonceInHtml(html1);
    const nonce2 = nonceInHtml(html2);
    expect(nonce1).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(directives(first).get('style-src')).toContain(`'nonce-${nonce1}'`);
    expect(directives(second).get('style-src')).toContain(`'nonce-${nonce2}'`);
    expect(nonce2).not.toBe(nonce1);
  });

  it('is on API answers and errors too', async () => {
    for (const path of ['/api/endpoints', '/api/local/v1/sims', '/api/nowhere', '/assets/missing.js']) {
      const csp = directives(await app.request(path));
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      // Only the page has styles of its own to allow.
      expect(csp.get('style-src'), path).toEqual(["'self'"]);
    }
  });
});

describe('security headers', () => {
  it.each(['/', '/sims/123', '/assets/app.js', '/api/endpoints', '/api/local/v1/sims', '/assets/missing.js'])(
    'are set on %s',
    async (path) => {
      const res = await app.request(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBeTruthy();
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    },
  );
});

describe('static files and the single-page app', () => {
  it('serves index.html for / and for client routes, never cached', async () => {
    for (const path of ['/', '/index.html', '/sims/123', '/sims', '/settings/mfa', '/a/b/c?x=1']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(await res.text(), path).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets with their type, cached for long', async () => {
    const js = await app.request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log("app");');
    const css = await app.request('/assets/app.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const svg = await app.request('/favicon.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends scripts in Brotli to browsers that take it, and in gzip or plain to others', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const br = await app.request('/assets/big.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    const original = brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString();
    expect(original).toBe(bigScript);
    const gz = await app.request('/assets/big.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(bigScript);
    const plain = await app.request('/assets/big.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(bigScript);
  });

  it('answers a missing asset with 404, not the page', async () => {
    for (const path of ['/assets/missing.js', '/assets/', '/assets/sub/dir.css']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('<div id="root">');
    }
  });

  it.each([
    '/..%2f..%2fetc/passwd',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/etc/passwd',
    '//etc/passwd',
  ])('does not serve a file outside dist for %s', async (path) => {
    const res = await app.request(path);
    const text = await res.text();
    expect(text).not.toContain(secret);
    expect(res.status).toBeLessThan(500);
  });

  it('does not serve the page or files for API paths', async () => {
    const res = await app.request('/api/index.html');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 503 with a hint when the console is not built', async () => {
    const bare = createApp({
      endpoints: [],
      sandbox: createContractSandbox({ fleet: 0 }).sandbox,
      distDir: join(root, 'no-such-dist'),
      upstreamTimeoutMs: 1_000,
    });
    const res = await bare.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});

describe('known bugs (these tests pass while the bug is there; remove `.fails` when it is fixed)', () => {
  // server/static.ts: createStatic().file() calls decodeURIComponent(pathname) without a try/catch, so a malformed
  // percent-encoding throws URIError out of the handler and Hono answers 500 "Internal Server Error" (and logs it).
  it('a malformed percent-encoding in a page path is not a 500', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // Hono logs the URIError
    try {
      for (const path of ['/%E0%A4%A', '/assets/%E0', '/sims/%ZZ']) {
        const res = await app.request(path);
        expect(res.status, path).toBeLessThan(500);
      }
    } finally {
      quiet.mockRestore();
    }
  });
});

describe('compression', () => {
  it('gzips the console and API answers for clients that accept it, keeping the security headers', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createApp } = await import('./app');
    const { openDb } = await import('./sandbox/db');
    const { createSandbox } = await import('./sandbox/sandbox');
    const dist = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dist, 'assets'));
    const script = `console.log(${JSON.stringify('x'.repeat(5000))});`;
    writeFileSync(join(dist, 'assets', 'app.js'), script);
    writeFileSync(join(dist, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__">');
    const app = createApp({
      endpoints: [{ id: 'local', upstream: null }],
      sandbox: createSandbox({ db: openDb(':memory:') }),
      distDir: dist,
      upstreamTimeoutMs: 1000,
    });
    const zipped = await app.request('/assets/app.js', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 4);
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(body).toString()).toBe(script);
    const plain = await app.request('/assets/app.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });
});
