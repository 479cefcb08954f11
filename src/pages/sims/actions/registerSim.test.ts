import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogPart, setLanguage, t } from '../../../app/i18n';
import { emptyRegisterInput, registerBody, registerSim, validateRegister } from './registerSim';

const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => {
  fetchMock.mockReset();
});

describe('register a SIM', () => {
  it('needs the SIM ID and the secret, and tag names when tags are given', () => {
    expect(validateRegister(emptyRegisterInput(), t)).toEqual({ simId: 'Required', registrationSecret: 'Required' });
    expect(
      validateRegister({ simId: 'x', registrationSecret: 's', groupId: '', tags: [{ name: '', value: 'v' }] }, t),
    ).toEqual({ 'tags.0.name': 'Enter a tag name.' });
    expect(validateRegister({ ...emptyRegisterInput(), simId: 'x', registrationSecret: 's' }, t)).toBeNull();
  });

  it('sends the group and tags only when given', () => {
    expect(registerBody({ simId: 'x', registrationSecret: ' s ', groupId: '', tags: [] })).toEqual({
      registrationSecret: 's',
    });
    expect(
      registerBody({ simId: 'x', registrationSecret: 's', groupId: 'g', tags: [{ name: 'name ', value: 'Pump' }] }),
    ).toEqual({ registrationSecret: 's', groupId: 'g', tags: { name: 'Pump' } });
  });

  it('posts to the SIM’s register operation', async () => {
    let seen: { method: string; path: string; body: unknown } | undefined;
    fetchMock.mockImplementation(async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      seen = { method: request.method, path: new URL(request.url).pathname, body: await request.json() };
      return new Response(JSON.stringify({ simId: '894' }), { status: 201 });
    });
    const sim = await registerSim({ simId: ' 894 ', registrationSecret: 'sec', groupId: '', tags: [] });
    expect(sim?.simId).toBe('894');
    expect(seen).toEqual({
      method: 'POST',
      path: '/api/local/v1/sims/894/register',
      body: { registrationSecret: 'sec' },
    });
  });
});
