/**
 * Serves the built console from dist/: hashed assets cached for long (and in Brotli for browsers that take it, about
 * a fifth smaller than gzip for scripts), index.html per request with its nonce.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { type Language, type Manifest, modulesFor, preloadTags } from './preload';

const brotli = promisify(brotliCompress);
/** Text worth compressing; images and fonts are compressed already. */
const compressible = new Set(['.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** The placeholder index.html carries where the server writes the style nonce. */
export const noncePlaceholder = '__CSP_NONCE__';

/**
 * Whether a URL path names build metadata rather than a file of the console: anything under a dot-directory or a dot
 * file (Vite's `.vite/manifest.json`, `.git`, `.env`), encoded or not, and source maps.
 */
export function isBuildMetadata(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return decoded.split(/[/\\]/).some((segment) => segment.startsWith('.')) || /\.map$/i.test(decoded);
}

export function createStatic(distDir: string) {
  /** Hashed assets never change under their name: each is read and compressed once, at the best quality, and kept. */
  const brotliCache = new Map<string, Promise<Buffer>>();

  async function file(pathname: string, acceptEncoding = ''): Promise<Response | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (isBuildMetadata(pathname)) return undefined;
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    if (relative.startsWith('..') || relative.includes(`${sep}..`)) return undefined;
    const immutable = relative.startsWith(`assets${sep}`);
    const headers: Record<string, string> = {
      'content-type': types[extname(relative)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'Accept-Encoding',
    };
    const inBrotli = (compressed: Buffer) =>
      new Response(compressed as Uint8Array<ArrayBuffer>, { headers: { ...headers, 'content-encoding': 'br' } });
    const brotliWanted = immutable && compressible.has(extname(relative)) && /\bbr\b/.test(acceptEncoding);
    const kept = brotliWanted ? brotliCache.get(relative) : undefined;
    if (kept) return inBrotli(await kept);
    try {
      const body = await readFile(join(distDir, relative));
      if (brotliWanted && body.length > 1024) {
        // Another request may have started it while this one read the file.
        const compressed =
          brotliCache.get(relative) ??
          brotli(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          });
        brotliCache.set(relative, compressed);
        return inBrotli(await compressed);
      }
      return new Response(body, { headers });
    } catch {
      return undefined;
    }
  }

  /** Vite's manifest, for the preload hints; none (and no hints) when the build has no manifest. */
  async function manifest(): Promise<Manifest> {
    try {
      return JSON.parse(await readFile(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      return {};
    }
  }

  /** index.html with its nonce, and hints for the code and strings (in `language`) of the screen at `pathname`. */
  async function index(nonce: string, pathname = '/', language: Language = 'en'): Promise<Response> {
    let indexHtml: string;
    try {
      // Read each time (they are small): a rebuild under a running server is picked up at once.
      const [html, built] = await Promise.all([readFile(join(distDir, 'index.html'), 'utf8'), manifest()]);
      indexHtml = html.replace('</head>', `${preloadTags(built, modulesFor(pathname, language))}</head>`);
    } catch {
      return new Response('The console is not built yet: run `npm run build` (or use `npm start`).', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return new Response(indexHtml.replaceAll(noncePlaceholder, nonce), {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  }

  return { file, index };
}
