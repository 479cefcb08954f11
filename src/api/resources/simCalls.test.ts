import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors';
import { simCalls } from './simCalls';
import type { Sim } from './sims';

/** The typed client captures `fetch` when its module loads, so the stub is installed before any import. */
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

interface Sent {
  method: string;
  path: string;
  body: unknown;
}
let sent: Sent[];
let answer: () => Response;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const id = '8942310000000000001';
const inactive: Sim = { simId: id, status: 'inactive' };

afterAll(() => vi.unstubAllGlobals());
afterEach(() => vi.restoreAllMocks());
beforeEach(() => {
  sent = [];
  answer = () => json(inactive);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    sent.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : null });
    return answer();
  });
});

describe('simCalls', () => {
  it('answers the updated SIM when the API answers one, nothing for 202 and 204', async () => {
    expect(await simCalls.deactivate(id)).toEqual(inactive);
    answer = () => json({ messageId: 'm1' }, 202);
    expect(await simCalls.sendSms(id, { payload: 'x', encodingType: 2 })).toBeUndefined();
    answer = () => new Response(null, { status: 204 });
    expect(await simCalls.unsetExpiryTime(id)).toBeUndefined();
  });

  it("throws SORACOM's error as the client's ApiError, sent once", async () => {
    answer = () => json({ code: 'SIM0001', message: 'cannot change' }, 400);
    const error = await simCalls.setToStandby(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'SIM0001', message: 'cannot change' });
    answer = () => json({ code: 'X', message: 'down' }, 500);
    await expect(simCalls.terminate(id)).rejects.toMatchObject({ status: 500 });
    expect(sent).toHaveLength(2);
  });

  it('fails at once while the browser is offline, sending nothing', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await expect(simCalls.terminate(id)).rejects.toMatchObject({ status: 0 });
    await expect(simCalls.suspend(id)).rejects.toMatchObject({ status: 0 });
    await expect(simCalls.putTags(id, [{ tagName: 'a', tagValue: 'b' }])).rejects.toMatchObject({ status: 0 });
    expect(sent).toEqual([]);
  });

  it('renames with the name tag, trimmed', async () => {
    await simCalls.rename(id, ' pump 2 ');
    expect(sent).toEqual([
      { method: 'PUT', path: `/api/local/v1/sims/${id}/tags`, body: [{ tagName: 'name', tagValue: 'pump 2' }] },
    ]);
  });

  it('posts to the SIM’s register operation and answers the registered SIM', async () => {
    answer = () => json({ simId: '894' }, 201);
    const sim = await simCalls.register('894', { registrationSecret: 'sec' });
    expect(sim?.simId).toBe('894');
    expect(sent).toEqual([
      { method: 'POST', path: '/api/local/v1/sims/894/register', body: { registrationSecret: 'sec' } },
    ]);
  });
});
