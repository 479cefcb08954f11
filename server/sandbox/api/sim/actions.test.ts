/** SIM status actions, termination protection, speed class, tags, IMEI lock, expiry, sessions and SMS. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox } from '../../../test/contract';
import { codes } from '../../errors';
import type { SimStatus } from '../../guesses';

let s: ContractSandbox;
let op: Credentials & { operatorId: string };
beforeAll(async () => {
  s = createContractSandbox({ fleet: 0 });
  op = await s.newOperator();
});

const actionFor: Record<SimStatus, string> = {
  ready: '',
  active: 'activate',
  inactive: 'deactivate',
  standby: 'set_to_standby',
  suspended: 'suspend',
  terminated: 'terminate',
};
const statuses: SimStatus[] = ['ready', 'active', 'inactive', 'standby', 'suspended', 'terminated'];
/**
 * The moves the sandbox must allow, written out here rather than read from guesses.simStatusTransitions: a test that
 * takes its expectations from the table it tests passes whatever the table says.
 */
const allowedMoves: Record<SimStatus, string> = {
  ready: 'active inactive standby suspended terminated',
  active: 'inactive suspended terminated',
  inactive: 'active standby suspended terminated',
  standby: 'active inactive suspended terminated',
  suspended: 'active inactive terminated',
  terminated: '',
};

/** A fresh `ready` SIM of the test operator (plan01s unless told). */
async function newSim(subscription = 'plan01s'): Promise<{ simId: string; imsi: string; secret: string }> {
  const created = await s.call('POST', '/sandbox/subscribers/create', { auth: op, body: { subscription } });
  expect(created.status).toBe(200);
  const row = s.db.prepare('SELECT sim_id FROM sims WHERE imsi = ?').get(created.body.imsi) as { sim_id: string };
  return { simId: row.sim_id, imsi: created.body.imsi, secret: created.body.registrationSecret };
}

const post = (path: string, body?: unknown) => s.call('POST', path, { auth: op, body });

/** A fresh SIM moved from ready to `status` (ready allows every status). */
async function simIn(status: SimStatus) {
  const sim = await newSim();
  if (status === 'terminated') expect((await post(`/sims/${sim.simId}/enable_termination`)).status).toBe(200);
  if (status !== 'ready') expect((await post(`/sims/${sim.simId}/${actionFor[status]}`)).status).toBe(200);
  return sim;
}

/** Puts an online session on a SIM, straight into the store (as the simulator does). */
function goOnline(simId: string) {
  const row = s.db.prepare('SELECT doc FROM sims WHERE sim_id = ?').get(simId) as { doc: string };
  const doc = JSON.parse(row.doc);
  doc.sessionStatus = { online: true, lastUpdatedAt: s.clock.now, imsi: doc.profiles[doc.serialNumber].primaryImsi };
  s.db.prepare('UPDATE sims SET doc = ?, session_online = 1 WHERE sim_id = ?').run(JSON.stringify(doc), simId);
}

describe('the status state machine', () => {
  for (const from of statuses) {
    for (const to of statuses.filter((t) => t !== 'ready')) {
      const allowed = allowedMoves[from].split(' ').includes(to);
      const same = from === to && to !== 'terminated';
      it(`${from} → ${to}: ${same ? 'no change' : allowed ? 'allowed' : 'refused'}`, async () => {
        const sim = await simIn(from);
        if (to === 'terminated' && from !== 'terminated') await post(`/sims/${sim.simId}/enable_termination`);
        s.clock.advance(1000);
        const res = await post(`/sims/${sim.simId}/${actionFor[to]}`);
        if (allowed || same) {
          expect(res.status).toBe(200);
          expect(res.body.status).toBe(to);
          expect(res.body.lastModifiedTime).toBe(s.clock.now);
        } else {
          expect(res.status).toBe(400);
          expect(res.body.code).toBe(codes.invalidStatusTransition);
          expect(res.body.message).toContain(from);
          expect(res.body.message).toContain(to);
          expect((await s.call('GET', `/sims/${sim.simId}`, { auth: op })).body.status).toBe(from);
        }
      });
    }
  }

  it('refuses to terminate a protected SIM, then terminates it once protection is off', async () => {
    const sim = await simIn('active');
    const refused = await post(`/sims/${sim.simId}/terminate`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(codes.terminationProtected);
    expect((await post(`/sims/${sim.simId}/enable_termination`)).body.terminationEnabled).toBe(true);
    expect((await post(`/sims/${sim.simId}/disable_termination`)).body.terminationEnabled).toBe(false);
    expect((await post(`/sims/${sim.simId}/terminate`)).status).toBe(400);
    expect((await post(`/subscribers/${sim.imsi}/enable_termination`)).body.terminationEnabled).toBe(true);
    const done = await post(`/sims/${sim.simId}/terminate`);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('terminated');
  });

  it('ends the session of a terminated SIM and records it', async () => {
    const sim = await simIn('active');
    goOnline(sim.simId);
    await post(`/sims/${sim.simId}/enable_termination`);
    s.clock.advance(5000);
    const res = await post(`/sims/${sim.simId}/terminate`);
    expect(res.body.sessionStatus.online).toBe(false);
    expect(res.body.sessionStatus.lastUpdatedAt).toBe(s.clock.now);
    const events = await s.call('GET', `/sims/${sim.simId}/events/sessions`, { auth: op });
    expect(events.body.map((e: { event: string }) => e.event)).toEqual(['Deleted']);
  });

  it('acts on the same SIM through /subscribers/{imsi}, answering the Subscriber view', async () => {
    const sim = await newSim();
    const res = await post(`/subscribers/${sim.imsi}/activate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imsi: sim.imsi, simId: sim.simId, status: 'active' });
    expect((await s.call('GET', `/sims/${sim.simId}`, { auth: op })).body.status).toBe('active');
    for (const [path, status] of [
      ['suspend', 'suspended'],
      ['deactivate', 'inactive'],
      ['set_to_standby', 'standby'],
    ] as const) {
      expect((await post(`/subscribers/${sim.imsi}/${path}`)).body.status).toBe(status);
    }
    await post(`/subscribers/${sim.imsi}/enable_termination`);
    expect((await post(`/subscribers/${sim.imsi}/terminate`)).body.status).toBe('terminated');
    const refused = await post(`/subscribers/${sim.imsi}/activate`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(codes.invalidStatusTransition);
  });

  it('answers 404 for a SIM or IMSI that is not the caller’s', async () => {
    const other = await s.newOperator();
    const sim = await newSim();
    expect((await s.call('POST', `/sims/${sim.simId}/activate`, { auth: other })).status).toBe(404);
    expect((await s.call('POST', `/subscribers/${sim.imsi}/activate`, { auth: other })).status).toBe(404);
    expect((await post('/sims/nope/suspend')).status).toBe(404);
  });
});

describe('status history', () => {
  it('lists the changes newest first (or oldest first), paged without gaps', async () => {
    const sim = await newSim();
    const steps = ['activate', 'suspend', 'activate', 'deactivate', 'set_to_standby'];
    for (const step of steps) {
      s.clock.advance(2000);
      expect((await post(`/sims/${sim.simId}/${step}`)).status).toBe(200);
    }
    const all = await s.call('GET', `/sims/${sim.simId}/statuses/history`, { auth: op });
    expect(all.status).toBe(200);
    expect(all.body.map((h: { status: string }) => h.status)).toEqual([
      'standby',
      'inactive',
      'active',
      'suspended',
      'active',
    ]);
    expect(all.body[0]).toMatchObject({ simId: sim.simId, imsi: sim.imsi, primaryImsi: sim.imsi, isPrimary: true });
    expect(all.body[0].applyDateTimeEpochSec).toBe(Math.floor(s.clock.now / 1000));

    const asc = await s.call('GET', `/sims/${sim.simId}/statuses/history?sort=asc`, { auth: op });
    expect(asc.body.map((h: { status: string }) => h.status)).toEqual(
      all.body.map((h: { status: string }) => h.status).reverse(),
    );

    const seen: string[] = [];
    let key: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof s.call>> = await s.call(
        'GET',
        `/sims/${sim.simId}/statuses/history?limit=2${key ? `&last_evaluated_key=${key}` : ''}`,
        { auth: op },
      );
      seen.push(...page.body.map((h: { status: string }) => h.status));
      key = page.headers.get('x-soracom-next-key');
    } while (key);
    expect(seen).toEqual(all.body.map((h: { status: string }) => h.status));

    const none = await s.call('GET', `/sims/${sim.simId}/statuses/history?to=${s.clock.now - 100_000}`, { auth: op });
    expect(none.body).toEqual([]);
  });

  it('answers 404 for another operator’s SIM', async () => {
    const sim = await newSim();
    const other = await s.newOperator();
    expect((await s.call('GET', `/sims/${sim.simId}/statuses/history`, { auth: other })).status).toBe(404);
  });
});

describe('speed class', () => {
  it('accepts the classes of the subscription and refuses the others', async () => {
    const sim = await newSim('plan-DU');
    const ok = await post(`/sims/${sim.simId}/update_speed_class`, { speedClass: 'u1.slow' });
    expect(ok.status).toBe(200);
    expect(ok.body.speedClass).toBe('u1.slow');
    const bad = await post(`/sims/${sim.simId}/update_speed_class`, { speedClass: 's1.fast' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(codes.speedClassNotOffered);
    const notInSchema = await post(`/sims/${sim.simId}/update_speed_class`, { speedClass: 'x9.warp' });
    expect(notInSchema.status).toBe(400);
    const bySubscriber = await post(`/subscribers/${sim.imsi}/update_speed_class`, { speedClass: 'u1.standard' });
    expect(bySubscriber.body).toMatchObject({ speedClass: 'u1.standard', type: 'u1.standard' });
    const plan01s = await newSim();
    expect((await post(`/sims/${plan01s.simId}/update_speed_class`, { speedClass: 's1.4xfast' })).status).toBe(200);
    expect((await post(`/sims/${plan01s.simId}/update_speed_class`, { speedClass: 'u1.slow' })).status).toBe(400);
  });
});

describe('tags', () => {
  it('deletes a tag (204), 404 for an unknown one, through either path, and puts tags by IMSI', async () => {
    const sim = await newSim();
    const put = await s.call('PUT', `/subscribers/${sim.imsi}/tags`, {
      auth: op,
      body: [
        { tagName: 'name', tagValue: 'kept' },
        { tagName: 'site', tagValue: 'kyoto' },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.body.tags).toEqual({ name: 'kept', site: 'kyoto' });
    const del = await s.call('DELETE', `/sims/${sim.simId}/tags/site`, { auth: op });
    expect(del.status).toBe(204);
    expect((await s.call('DELETE', `/sims/${sim.simId}/tags/site`, { auth: op })).status).toBe(404);
    expect((await s.call('DELETE', `/subscribers/${sim.imsi}/tags/name`, { auth: op })).status).toBe(204);
    expect((await s.call('GET', `/sims/${sim.simId}`, { auth: op })).body.tags).toEqual({});
    const row = s.db.prepare('SELECT name FROM sims WHERE sim_id = ?').get(sim.simId) as { name: string | null };
    expect(row.name).toBeNull();
  });
});

describe('IMEI lock', () => {
  it('needs 15 digits (optionally |ANONYMOUS) and can be unset', async () => {
    const sim = await newSim();
    for (const imei of ['12345', '12345678901234a', '1234567890123456', '']) {
      const res = await post(`/sims/${sim.simId}/set_imei_lock`, { imei });
      expect(res.status, imei).toBe(400);
      expect(res.body.code).toBe(codes.simSettingInvalid);
    }
    expect((await post(`/sims/${sim.simId}/set_imei_lock`, {})).status).toBe(400);
    // No body at all (the description does not require one): once a 500 (found by the fuzz suite).
    for (const path of [`/sims/${sim.simId}/set_imei_lock`, `/subscribers/${sim.imsi}/set_imei_lock`]) {
      const bare = await post(path);
      expect(bare.status, path).toBe(400);
      expect(bare.body.code).toBe(codes.simSettingInvalid);
    }
    const ok = await post(`/sims/${sim.simId}/set_imei_lock`, { imei: '353456789012345' });
    expect(ok.body.imeiLock).toEqual({ imei: '353456789012345' });
    const anon = await post(`/subscribers/${sim.imsi}/set_imei_lock`, { imei: '353456789012345|ANONYMOUS' });
    expect(anon.body.imeiLock).toEqual({ imei: '353456789012345|ANONYMOUS' });
    const unset = await post(`/subscribers/${sim.imsi}/unset_imei_lock`);
    expect(unset.status).toBe(200);
    expect(unset.body.imeiLock).toBeUndefined();
    expect((await post(`/sims/${sim.simId}/unset_imei_lock`)).body.imeiLock).toBeUndefined();
  });
});

describe('expiry', () => {
  it('needs a future time and an action of the schema; terminate needs protection off', async () => {
    const sim = await newSim();
    const past = await post(`/sims/${sim.simId}/set_expiry_time`, { expiryTime: s.clock.now - 1 });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe(codes.simSettingInvalid);
    const badAction = await post(`/sims/${sim.simId}/set_expiry_time`, {
      expiryTime: s.clock.now + 86_400_000,
      expiryAction: 'explode',
    });
    expect(badAction.status).toBe(400);
    const protectedSim = await post(`/sims/${sim.simId}/set_expiry_time`, {
      expiryTime: s.clock.now + 86_400_000,
      expiryAction: 'terminate',
    });
    expect(protectedSim.body.code).toBe(codes.terminationProtected);
    const ok = await post(`/sims/${sim.simId}/set_expiry_time`, {
      expiryTime: s.clock.now + 86_400_000,
      expiryAction: 'suspend',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ expiryTime: s.clock.now + 86_400_000, expiryAction: 'suspend' });
    const noAction = await post(`/subscribers/${sim.imsi}/set_expiry_time`, {
      expiryTime: s.clock.now + 1000,
      expiryAction: null,
    });
    expect(noAction.status, noAction.text).toBe(200);
    expect(noAction.body.expiryTime).toBe(s.clock.now + 1000);
    expect(noAction.body.expiryAction).toBeUndefined();
    expect((await post(`/sims/${sim.simId}/unset_expiry_time`)).status).toBe(204);
    expect((await post(`/subscribers/${sim.imsi}/unset_expiry_time`)).status).toBe(204);
    const after = (await s.call('GET', `/sims/${sim.simId}`, { auth: op })).body;
    expect(after.expiryTime).toBeUndefined();
  });
});

describe('delete_session', () => {
  it('takes an online SIM offline and records the event; an offline SIM is 400 SEM0016', async () => {
    const sim = await simIn('active');
    const offline = await post(`/sims/${sim.simId}/delete_session`);
    expect(offline.status).toBe(400);
    expect(offline.body.code).toBe(codes.sessionOffline);
    goOnline(sim.simId);
    s.clock.advance(3000);
    const res = await post(`/sims/${sim.simId}/delete_session`);
    expect(res.status).toBe(200);
    expect(res.body.sessionStatus).toMatchObject({ online: false, lastUpdatedAt: s.clock.now });
    goOnline(sim.simId);
    s.clock.advance(3000);
    const bySubscriber = await post(`/subscribers/${sim.imsi}/delete_session`);
    expect(bySubscriber.body.sessionStatus.online).toBe(false);
    const events = await s.call('GET', `/sims/${sim.simId}/events/sessions`, { auth: op });
    expect(events.body).toHaveLength(2);
    expect(events.body[0]).toMatchObject({ event: 'Deleted', simId: sim.simId, imsi: sim.imsi, time: s.clock.now });
    expect(events.body[1].time).toBe(s.clock.now - 3000);
    const row = s.db.prepare('SELECT session_online FROM sims WHERE sim_id = ?').get(sim.simId) as {
      session_online: number;
    };
    expect(row.session_online).toBe(0);
  });
});

describe('send_sms', () => {
  it('counts GSM 7-bit septets up to 160 and UCS-2 characters up to 70', async () => {
    const sim = await newSim();
    const send = (body: unknown) => post(`/sims/${sim.simId}/send_sms`, body);
    const ok = await send({ encodingType: 1, payload: 'a'.repeat(160) });
    expect(ok.status).toBe(202);
    expect(ok.body.messageId).toEqual(expect.any(String));
    expect((await send({ encodingType: 1, payload: 'a'.repeat(161) })).status).toBe(400);
    // An extension character counts two septets.
    expect((await send({ encodingType: 1, payload: `${'a'.repeat(158)}€` })).status).toBe(202);
    expect((await send({ encodingType: 1, payload: `${'a'.repeat(159)}€` })).status).toBe(400);
    expect((await send({ encodingType: 1, payload: 'テスト' })).status).toBe(400);
    expect((await send({ encodingType: 2, payload: 'テ'.repeat(70) })).status).toBe(202);
    expect((await send({ encodingType: 2, payload: 'テ'.repeat(71) })).status).toBe(400);
    expect((await send({ payload: 'テ'.repeat(71) })).status).toBe(400);
    expect((await send({ payload: 'テスト' })).status).toBe(202);
    expect((await send({ encodingType: 3, payload: 'x' })).status).toBe(400);
    expect((await send({ encodingType: 1, payload: '' })).status).toBe(400);
    expect((await send({ encodingType: 1 })).status).toBe(400);
    const bySubscriber = await post(`/subscribers/${sim.imsi}/send_sms`, { encodingType: 1, payload: 'hi' });
    expect(bySubscriber.status).toBe(202);
  });

  it('refuses SIMs without SMS and terminated SIMs', async () => {
    const noSms = await newSim('plan-KM1');
    const res = await post(`/sims/${noSms.simId}/send_sms`, { encodingType: 1, payload: 'hi' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(codes.smsNotAllowed);
    const gone = await simIn('terminated');
    expect((await post(`/sims/${gone.simId}/send_sms`, { encodingType: 1, payload: 'hi' })).status).toBe(400);
  });
});
