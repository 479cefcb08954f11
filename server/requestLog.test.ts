/** The request log's lines: what a path looks like once its secrets are out, both formats, and cut-off answers. */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatLine, loggedPath, logRequests, type RequestLine } from './requestLog';
import { eventually } from './test/process';

describe('loggedPath', () => {
  it('keeps paths and harmless query values as they are', () => {
    expect(loggedPath('/api/local/v1/sims?limit=10&tag_name=site')).toBe('/api/local/v1/sims?limit=10&tag_name=site');
    expect(loggedPath('/sims/8981100000000000001')).toBe('/sims/8981100000000000001');
  });

  it('replaces the values of query names that may hold a secret or an address', () => {
    expect(loggedPath('/api/local/mailbox?email=a%40b.example')).toBe('/api/local/mailbox?email=[redacted]');
    expect(loggedPath('/verify?token=abc&endpoint=local')).toBe('/verify?token=[redacted]&endpoint=local');
    expect(loggedPath('/x?password=p&apiKey=k&X-Soracom-Token=t&mfaOTPCode=123456')).toBe(
      '/x?password=[redacted]&apiKey=[redacted]&X-Soracom-Token=[redacted]&mfaOTPCode=[redacted]',
    );
    // A name spelled with escapes is still the name.
    expect(loggedPath('/x?t%6Fken=abc')).toBe('/x?t%6Fken=[redacted]');
  });

  it('replaces the path segments that are secrets themselves', () => {
    expect(loggedPath('/api/local/v1/sandbox/operators/token/someone%40example.com')).toBe(
      '/api/local/v1/sandbox/operators/token/[redacted]',
    );
    expect(loggedPath('/api/local/downloads/0123456789abcdef?x=1')).toBe('/api/local/downloads/[redacted]?x=1');
    expect(loggedPath('/api/jp/v1/coupons/WELCOME-2026/register')).toBe('/api/jp/v1/coupons/[redacted]/register');
  });

  it('cuts a very long target', () => {
    const path = loggedPath(`/${'a'.repeat(10_000)}`);
    expect(path.length).toBeLessThanOrEqual(2049);
    expect(path.endsWith('…')).toBe(true);
  });
});

const line: RequestLine = {
  time: '2026-12-07T00:00:00.000Z',
  method: 'GET',
  path: '/healthz',
  status: 200,
  ms: 1.5,
  client: '127.0.0.1',
};

describe('formatLine', () => {
  it('writes one JSON object, or one line of words', () => {
    expect(JSON.parse(formatLine(line, 'json'))).toEqual(line);
    expect(formatLine(line, 'text')).toBe('2026-12-07T00:00:00.000Z 127.0.0.1 GET /healthz 200 1.5 ms');
    expect(formatLine({ ...line, aborted: true }, 'text')).toMatch(/ \(aborted\)$/);
  });

  it('cannot be made to write two lines', () => {
    const forged = { ...line, path: '/a\nfake 200 line\r', method: 'GET\tX' };
    expect(formatLine(forged, 'text').split('\n')).toHaveLength(1);
    expect(formatLine(forged, 'text')).toContain('/a%0afake%20200%20line%0d');
    expect(formatLine(forged, 'json').split('\n')).toHaveLength(1);
  });
});

describe('logRequests', () => {
  it('logs an answer the client left before it ended as aborted, with its status', async () => {
    const lines: string[] = [];
    const server = createServer(
      logRequests(
        (_request, response) => {
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.write('part of it');
        },
        { format: 'json', trustProxy: false, write: (text) => lines.push(text) },
      ),
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((done) => {
      const sent = httpRequest({ port, host: '127.0.0.1', path: '/slow?token=x' }, (response) => {
        response.once('data', () => sent.destroy());
      });
      sent.on('error', () => {});
      sent.on('close', () => done());
      sent.end();
    });
    await eventually(() => lines.length > 0, 5000, 'the line');
    await new Promise<void>((done) => server.close(() => done()));
    expect(lines.map((text) => JSON.parse(text))).toEqual([
      expect.objectContaining({ method: 'GET', path: '/slow?token=[redacted]', status: 200, aborted: true }),
    ]);
  });
});
