import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sim } from '../../../api/resources/sims';
import { loadCatalogPart, type MessageKey, setLanguage, t } from '../../../app/i18n';
import { simActionByKey, simActions } from './catalog';
import { speedClassesFor, toLocalDateTime } from './inputs';
import type { SimActionKey } from './types';

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

const sim = (over: Partial<Sim> = {}): Sim => ({
  simId: '8942310000000000001',
  status: 'active',
  speedClass: 's1.standard',
  terminationEnabled: false,
  capabilities: { data: true, sms: true },
  tags: { name: 'pump-1' },
  activeProfileId: 'iccid-1',
  profiles: {
    'iccid-1': {
      iccid: 'iccid-1',
      primaryImsi: '440103000000001',
      subscribers: { '440103000000001': { imsi: '440103000000001', subscription: 'plan-D' } },
    },
  },
  ...over,
});

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('console');
});
afterAll(() => {
  vi.unstubAllGlobals();
});
afterEach(() => {
  vi.restoreAllMocks();
});
beforeEach(() => {
  sent = [];
  answer = () => json(sim({ status: 'inactive' }));
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    sent.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : null });
    return answer();
  });
});

const validate = (key: SimActionKey, input: unknown) => simActionByKey(key).validate(input, t);

describe('inputs', () => {
  it('counts SMS in GSM 7-bit septets (extension characters take two) and UCS-2 code units', () => {
    expect(validate('send_sms', { payload: 'a'.repeat(160), encodingType: 1 })).toBeNull();
    expect(validate('send_sms', { payload: 'a'.repeat(161), encodingType: 1 })?.payload).toBe(
      '161 characters: at most 160 in this encoding.',
    );
    // 80 euro signs are 160 septets; one more character is too many.
    expect(validate('send_sms', { payload: '€'.repeat(80), encodingType: 1 })).toBeNull();
    expect(validate('send_sms', { payload: `${'€'.repeat(80)}a`, encodingType: 1 })?.payload).toMatch(/^161 /);
    expect(validate('send_sms', { payload: '{}[]', encodingType: 1 })).toBeNull();
    expect(validate('send_sms', { payload: 'こんにちは', encodingType: 1 })?.payload).toMatch(/cannot carry/);
    expect(validate('send_sms', { payload: 'あ'.repeat(70), encodingType: 2 })).toBeNull();
    expect(validate('send_sms', { payload: 'あ'.repeat(71), encodingType: 2 })?.payload).toMatch(/at most 70/);
    // A character outside the BMP is two UTF-16 code units.
    expect(validate('send_sms', { payload: `${'a'.repeat(69)}😀`, encodingType: 2 })?.payload).toMatch(/^71 /);
    expect(validate('send_sms', { payload: '', encodingType: 2 })?.payload).toBe('Required');
  });

  it('takes a 15-digit IMEI, optionally |ANONYMOUS', () => {
    expect(validate('set_imei_lock', { imei: '353875090123456' })).toBeNull();
    expect(validate('set_imei_lock', { imei: '353875090123456|ANONYMOUS' })).toBeNull();
    expect(validate('set_imei_lock', { imei: '35387509012345' })?.imei).toMatch(/15 digits/);
    expect(validate('set_imei_lock', { imei: '35387509012345x' })?.imei).toMatch(/15 digits/);
  });

  it('refuses an expiry in the past, and a missing one', () => {
    const future = toLocalDateTime(Date.now() + 2 * 3600_000);
    const past = toLocalDateTime(Date.now() - 3600_000);
    expect(validate('set_expiry_time', { expiryTime: future, expiryAction: 'doNothing' })).toBeNull();
    expect(validate('set_expiry_time', { expiryTime: past, expiryAction: 'doNothing' })?.expiryTime).toBe(
      'Choose a time in the future.',
    );
    expect(validate('set_expiry_time', { expiryTime: '', expiryAction: 'doNothing' })?.expiryTime).toBe('Required');
  });

  it('needs tag names, each once', () => {
    expect(validate('put_tags', { tags: [{ name: 'site', value: 'a' }] })).toBeNull();
    expect(validate('put_tags', { tags: [{ name: ' ', value: 'a' }] })).toEqual({ 'tags.0.name': 'Enter a tag name.' });
    expect(
      validate('put_tags', {
        tags: [
          { name: 'site', value: 'a' },
          { name: 'site', value: 'b' },
        ],
      }),
    ).toEqual({ 'tags.1.name': 'This tag name is used twice.' });
    expect(validate('put_tags', { tags: [] })?.tags).toBe('Add at least one tag.');
    expect(validate('delete_tag', { tagName: '' })?.tagName).toBe('Required');
    expect(validate('rename', { name: '  ' })?.name).toBe('Required');
    expect(validate('update_speed_class', { speedClass: '' })?.speedClass).toBe('Required');
    expect(validate('set_group', { groupId: '' })?.groupId).toBe('Required');
  });

  it('offers the speed classes every selected SIM’s subscription allows', () => {
    expect(speedClassesFor([sim()])).toEqual(['s1.minimum', 's1.slow', 's1.standard', 's1.fast']);
    const du = sim({
      profiles: { p: { primaryImsi: 'x', subscribers: { x: { subscription: 'plan-DU' } } } },
      activeProfileId: 'p',
    });
    expect(speedClassesFor([du])).toEqual(['u1.standard', 'u1.slow']);
    expect(speedClassesFor([sim(), du])).toEqual([]);
    expect(speedClassesFor([sim({ profiles: {} })])).toContain('s1.8xfast');
  });
});

describe('applies', () => {
  const reason = (key: SimActionKey, s: Sim) => {
    const result = simActionByKey(key).applies(s);
    return result.ok ? null : result.reasonKey;
  };

  it('explains why an action makes no sense for the SIM now', () => {
    expect(reason('activate', sim())).toBe('simActions.reasons.alreadyActive');
    expect(reason('deactivate', sim())).toBeNull();
    expect(reason('suspend', sim({ status: 'suspended' }))).toBe('simActions.reasons.alreadySuspended');
    expect(reason('terminate', sim())).toBe('simActions.reasons.protected');
    expect(reason('terminate', sim({ terminationEnabled: true }))).toBeNull();
    expect(reason('enable_termination', sim())).toBeNull();
    expect(reason('enable_termination', sim({ terminationEnabled: true }))).toBe('simActions.reasons.notProtected');
    expect(reason('disable_termination', sim())).toBe('simActions.reasons.alreadyProtected');
    expect(reason('unset_group', sim())).toBe('simActions.reasons.noGroup');
    expect(reason('unset_group', sim({ groupId: 'g1' }))).toBeNull();
    expect(reason('unset_imei_lock', sim())).toBe('simActions.reasons.noImeiLock');
    expect(reason('unset_expiry_time', sim({ expiryTime: 1 }))).toBeNull();
    expect(reason('delete_session', sim())).toBe('simActions.reasons.offline');
    expect(reason('delete_session', sim({ sessionStatus: { online: true } }))).toBeNull();
    expect(reason('send_sms', sim({ capabilities: { sms: false } }))).toBe('simActions.reasons.noSms');
    expect(reason('delete_tag', sim({ tags: {} }))).toBe('simActions.reasons.noTags');
  });

  it('offers nothing for a terminated SIM', () => {
    const terminated = sim({ status: 'terminated', terminationEnabled: true });
    for (const action of simActions) {
      expect(action.applies(terminated)).toEqual({ ok: false, reasonKey: 'simActions.reasons.terminated' });
    }
  });

  it('has a name, a confirmation and a description in the catalogue for every action', () => {
    for (const action of simActions) {
      const keys: MessageKey[] = [
        action.labelKey,
        `simActions.confirm.${action.key}`,
        `simActions.descriptions.${action.key}`,
      ];
      for (const key of keys) {
        expect(t(key)).not.toBe(key);
      }
    }
    expect(simActions.filter((a) => a.destructive).map((a) => a.key)).toEqual(['terminate']);
  });
});

describe('run', () => {
  const id = '8942310000000000001';
  const cases: [SimActionKey, unknown, string, string, unknown][] = [
    ['activate', null, 'POST', 'activate', null],
    ['deactivate', null, 'POST', 'deactivate', null],
    ['set_to_standby', null, 'POST', 'set_to_standby', null],
    ['suspend', null, 'POST', 'suspend', null],
    ['terminate', null, 'POST', 'terminate', null],
    ['enable_termination', null, 'POST', 'enable_termination', null],
    ['disable_termination', null, 'POST', 'disable_termination', null],
    ['update_speed_class', { speedClass: 's1.fast' }, 'POST', 'update_speed_class', { speedClass: 's1.fast' }],
    ['set_group', { groupId: 'g-1' }, 'POST', 'set_group', { groupId: 'g-1' }],
    ['unset_group', null, 'POST', 'unset_group', null],
    ['rename', { name: ' pump 2 ' }, 'PUT', 'tags', [{ tagName: 'name', tagValue: 'pump 2' }]],
    ['put_tags', { tags: [{ name: 'site ', value: 'A b' }] }, 'PUT', 'tags', [{ tagName: 'site', tagValue: 'A b' }]],
    ['delete_tag', { tagName: 'a b/c' }, 'DELETE', 'tags/a%20b%2Fc', null],
    ['set_imei_lock', { imei: '353875090123456' }, 'POST', 'set_imei_lock', { imei: '353875090123456' }],
    ['unset_imei_lock', null, 'POST', 'unset_imei_lock', null],
    ['unset_expiry_time', null, 'POST', 'unset_expiry_time', null],
    ['delete_session', null, 'POST', 'delete_session', null],
    ['send_sms', { payload: 'hi', encodingType: 1 }, 'POST', 'send_sms', { payload: 'hi', encodingType: 1 }],
  ];

  it.each(cases)('%s sends one request of its own', async (key, input, method, path, body) => {
    await simActionByKey(key).run(id, input);
    expect(sent).toEqual([{ method, path: `/api/local/v1/sims/${id}/${path}`, body }]);
  });

  it.each(cases)('%s fails at once while the browser is offline, sending nothing', async (key, input) => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await expect(simActionByKey(key).run(id, input)).rejects.toMatchObject({ status: 0 });
    expect(sent).toEqual([]);
  });

  it('sends the expiry as UNIX milliseconds of the local time chosen, with its action', async () => {
    const at = Date.now() + 86_400_000;
    const local = toLocalDateTime(at);
    await simActionByKey('set_expiry_time').run(id, { expiryTime: local, expiryAction: 'suspend' });
    expect(sent[0]?.body).toEqual({ expiryTime: new Date(local).getTime(), expiryAction: 'suspend' });
    const body = sent[0]?.body as { expiryTime: number } | undefined;
    expect(Math.abs((body?.expiryTime ?? 0) - at)).toBeLessThan(60_000);
  });
});
