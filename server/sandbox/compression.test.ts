/** Which API answers go gzipped: the large ones, to clients that take gzip; small ones go as they are. */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createContractSandbox } from '../test/contract';
import { gzipFrom } from './answers';

describe('API answers and gzip', async () => {
  const s = createContractSandbox({ fleet: 120 });
  const root = await s.loginRoot();
  const get = (path: string, acceptEncoding?: string) =>
    s.sandbox.handle(
      new Request(`http://sandbox.test/v1${path}`, {
        headers: {
          'X-Soracom-API-Key': root.apiKey,
          'X-Soracom-Token': root.token,
          ...(acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {}),
        },
      }),
      path.split('?')[0] as string,
    );

  it('a page of 100 SIMs goes gzipped to a client that takes it, and decompresses to the page', async () => {
    const plain = await get('/sims?limit=100');
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(gzipFrom);
    expect(plain.headers.get('content-encoding')).toBeNull();

    const zipped = await get('/sims?limit=100', 'gzip, deflate, br');
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(Number(zipped.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(text.length / 4);
    expect(gunzipSync(bytes).toString()).toBe(text);
  });

  it('a small answer goes as it is, with its length: compressing it would cost more than it saves', async () => {
    const small = await get('/sims?limit=1', 'gzip');
    const text = await small.text();
    expect(JSON.parse(text)).toHaveLength(1);
    expect(text.length).toBeLessThan(gzipFrom);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(Number(small.headers.get('content-length'))).toBe(Buffer.byteLength(text));
  });

  it('gzip refused with q=0 means no gzip', async () => {
    const refused = await get('/sims?limit=100', 'gzip;q=0, identity');
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(await refused.text())).toHaveLength(100);
  });
});
