/**
 * The server as a process, against requests meant to hurt it: oversized bodies with and without a Content-Length,
 * bodies cut short, text/plain bodies, odd paths and foreign Host names. Each gets a clean `{code, message}` answer at
 * once, and the process goes on answering.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './sandbox/seed';
import { bodyOf, exchange as exchangeWith } from './test/rawHttp';

const mebibyte = 1024 * 1024;
let server: ChildProcess;
let port = 0;
let output = '';
let dist = '';
type Sending = Parameters<typeof exchangeWith>;
/** An exchange with the server under test. */
const exchange = (head: string, body?: Sending[2], options?: Sending[3]) => exchangeWith(port, head, body, options);

beforeAll(async () => {
  // A console build of one page, so that paths outside the API get the page rather than "not built yet" (503).
  dist = mkdtempSync(join(tmpdir(), 'input-safety-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head></head><body>console</body></html>');
  server = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', '0', '--db', ':memory:', '--fleet', '3', '--session-interval', '0'],
    { cwd: `${import.meta.dirname}/..`, env: { ...process.env, ENDPOINTS: 'local', DIST_DIR: dist }, stdio: 'pipe' },
  );
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  await new Promise<void>((done, fail) => {
    const timer = setInterval(() => {
      const found = /SORACOM console: http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (found) {
        port = Number(found[1]);
        clearInterval(timer);
        done();
      } else if (server.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(`the server exited: ${output}`));
      }
    }, 50);
  });
}, 60_000);

afterAll(() => {
  server.kill('SIGTERM');
  rmSync(dist, { recursive: true, force: true });
});

const post = (path: string, headers: string[]) =>
  `POST /api/local/v1${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`;
const error = (code: string) => ({ code, message: expect.any(String) });

/** The process still answers, and a sign-in still works. */
async function alive() {
  const response = await fetch(`http://127.0.0.1:${port}/api/local/v1/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demo.email, password: demo.password }),
  });
  expect(response.status).toBe(200);
  expect(server.exitCode).toBeNull();
}

describe('a request body over the limit (1 MiB for the sandbox)', () => {
  it('is refused with 413 when its Content-Length says so, before a byte of it is sent', async () => {
    // 600 MB to the sign-in: it once ended the process (a string too long to decode).
    const answer = await exchange(
      post('/auth', ['Content-Type: application/json', `Content-Length: ${600 * mebibyte}`]),
    );
    expect(answer.status).toBe(413);
    expect(bodyOf(answer.answer)).toEqual(error('COM0413'));
    expect(answer.answer.toLowerCase()).toContain('connection: close');
    await alive();
  });

  it('is refused with 413 as soon as a chunked body passes the limit, long before its end', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const answer = await exchange(post('/auth', ['Content-Type: application/json', 'Transfer-Encoding: chunked']), {
      chunk,
      total: 200 * mebibyte,
      chunked: true,
    });
    expect(answer.status).toBe(413);
    expect(bodyOf(answer.answer)).toEqual(error('COM0413'));
    // The limit plus what the sockets' buffers hold: nowhere near the 200 MB the client had to send.
    expect(answer.sent).toBeGreaterThan(mebibyte);
    expect(answer.sent).toBeLessThan(32 * mebibyte);
    await alive();
  });

  it('treats bytes past a Content-Length as the next request, which the HTTP parser refuses (400)', async () => {
    // A body longer than its Content-Length is the next request to HTTP: it is read as such and refused.
    const head = post('/auth', ['Content-Type: application/json', 'Content-Length: 2', 'Connection: close']);
    const answer = await exchange(`${head}{}garbage-that-is-no-request`);
    expect(answer.status).toBe(400);
    // The first request's answer, then the parser's refusal of the "next" one, in SORACOM's shape too.
    const refusal = answer.answer.slice(answer.answer.lastIndexOf('HTTP/1.1 '));
    expect(refusal).toMatch(/^HTTP\/1\.1 400 /);
    expect(refusal.toLowerCase()).toContain('x-frame-options: deny');
    expect(bodyOf(refusal)).toEqual(error('COM0001'));
    await alive();
  });
});

describe('a secured operation', () => {
  it('answers 401 without reading the body of a caller without credentials', async () => {
    // 300 MB to a secured operation: the answer comes before any of it is sent.
    const answer = await exchange(
      `PUT /api/local/v1/sims/x/tags HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${300 * mebibyte}\r\n\r\n`,
    );
    expect(answer.status).toBe(401);
    expect(bodyOf(answer.answer)).toEqual(error('AUM0001'));
    expect(answer.answer.toLowerCase()).toContain('connection: close');
    await alive();
  });

  it('answers 401 to a caller without credentials sending a chunked body, at once', async () => {
    const answer = await exchange(
      `PUT /api/local/v1/sims/x/tags HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      { chunk: Buffer.alloc(64 * 1024, 'a'), total: 300 * mebibyte, chunked: true },
    );
    expect(answer.status).toBe(401);
    expect(answer.sent).toBeLessThan(32 * mebibyte);
    await alive();
  });
});

describe('other requests meant to hurt', () => {
  it('refuses a JSON body sent as text/plain (no CORS preflight) with 415, and signs no one in', async () => {
    const json = JSON.stringify({ email: demo.email, password: demo.password });
    const answer = await exchange(
      `${post('/auth', ['Content-Type: text/plain', `Content-Length: ${json.length}`, 'Connection: close'])}${json}`,
    );
    expect(answer.status).toBe(415);
    expect(bodyOf(answer.answer)).toEqual(error('COM0415'));
    await alive();
  });

  it('answers a body cut short with 400 and goes on', async () => {
    const answer = await exchange(
      `${post('/auth', ['Content-Type: application/json', 'Content-Length: 80'])}{"em`,
      undefined,
      {
        hangUp: true,
      },
    );
    // The client closed its side: the sandbox sees the body break off; the answer may not reach a closed client.
    expect([0, 400]).toContain(answer.status);
    await alive();
  });

  it('answers what is not HTTP, or headers too large, in SORACOM’s shape', async () => {
    const garbage = await exchange('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(bodyOf(garbage.answer)).toEqual(error('COM0001'));
    const huge = await exchange(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge.status).toBe(431);
    expect(bodyOf(huge.answer)).toEqual(error('COM0431'));
    await alive();
  });

  it('answers odd paths with 4xx, never 5xx', async () => {
    for (const path of [
      '//',
      '/api/local/v1/%',
      '/api/local/v1/sims/%E0%A4%A',
      '/api/local/v1/sims/%00',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/api/local/v1/..%2f..%2fmailbox',
      '/api/local/v1//[',
      `/api/local/v1/sims/${'a'.repeat(8000)}`,
      '/api/local/mailbox/%ZZ',
      '/api/local/downloads/%',
    ]) {
      const answer = await exchange(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(answer.status, path).toBeGreaterThanOrEqual(200);
      expect(answer.status, path).toBeLessThan(500);
    }
    await alive();
  });

  it('answers a foreign Host name with 421, so a rebound name cannot read the mailbox', async () => {
    for (const path of ['/api/local/mailbox?email=demo%40example.com', '/api/local/v1/sims', '/']) {
      const answer = await exchange(`GET ${path} HTTP/1.1\r\nHost: evil.example:${port}\r\nConnection: close\r\n\r\n`);
      expect(answer.status, path).toBe(421);
      expect(bodyOf(answer.answer)).toEqual(error('COM0421'));
      expect(answer.answer).not.toContain('mails');
    }
    for (const host of ['127.0.0.1', `127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST', `[::1]:${port}`]) {
      const answer = await exchange(`GET /api/local/mailbox HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(answer.status, host).toBe(200);
    }
    await alive();
  });

  it('is still the same process, and logged no internal error', () => {
    expect(server.exitCode).toBeNull();
    expect(output).not.toMatch(/internal error|could not answer/i);
  });
});
