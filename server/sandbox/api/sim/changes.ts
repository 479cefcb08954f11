/**
 * What can be done to one SIM: status changes (guesses.simStatusTransitions), termination protection, speed class,
 * tags, IMEI lock, expiry, session deletion and SMS; each as a `/sims/{sim_id}` operation and its
 * `/subscribers/{imsi}` twin acting on the SIM whose primary IMSI that is.
 */
import { randomUUID } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Reply } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { imeiPattern, type SimStatus, simRecordPaging, simStatusTransitions, smsLimits } from '../../guesses';
import { pageHeaders } from '../../paging';
import { plans, subscriberStatus } from '../../simFactory';
import type { SessionEvent } from '../../store/simRecords';
import type { Sim } from '../../store/sims';
import { simIdOf, toSubscriber } from '../subscriber/subscribers';

type Change = (ctx: Ctx<never>, sim: Sim) => void;

/** Applies `change` to the caller's SIM in one transaction (with any records it writes); 404 for an unknown SIM. */
function apply(ctx: Ctx<never>, simId: string, change: Change): Sim {
  const sim = ctx.stores.sims.modify(caller(ctx).operatorId, simId, (s) => change(ctx, s), ctx.now);
  if (!sim) throw notFound('No such SIM found.');
  return sim;
}

/** The two handlers of an action: by SIM ID answering the Sim, by IMSI answering the Subscriber view. */
function action(change: Change, reply?: (sim: Sim) => Reply): [Handler, Handler] {
  return [
    (ctx) => {
      const sim = apply(ctx, ctx.path.sim_id ?? '', change);
      return reply ? reply(sim) : { status: 200, body: sim };
    },
    (ctx) => {
      const sim = apply(ctx, simIdOf(ctx), change);
      return reply ? reply(sim) : { status: 200, body: toSubscriber(sim) };
    },
  ];
}

function primaryOf(sim: Sim) {
  const profile = Object.values(sim.profiles ?? {})[0];
  const imsi = profile?.primaryImsi ?? '';
  return { imsi, subscriber: profile?.subscribers?.[imsi] };
}

/** Appends a status history record of the SIM as it is now. */
function recordHistory(ctx: Ctx<never>, sim: Sim) {
  const { imsi, subscriber } = primaryOf(sim);
  ctx.stores.simRecords.statusHistory.add(sim.operatorId ?? '', sim.simId ?? '', ctx.now, {
    simId: sim.simId,
    imsi,
    primaryImsi: imsi,
    isPrimary: true,
    status: sim.status,
    speedClass: sim.speedClass,
    subscription: subscriber?.subscription,
    bundles: subscriber?.bundles ?? [],
    ...(sim.groupId ? { groupId: sim.groupId } : {}),
    applyDateTimeEpochSec: Math.floor(ctx.now / 1000),
  });
}

/** Appends a session event (`Created`, `Modified`, `Deleted`) of the SIM's current or just ended session. */
export function sessionEvent(sim: Sim, event: string, time: number): SessionEvent {
  const session = sim.sessionStatus ?? {};
  const record: SessionEvent = {
    operatorId: sim.operatorId,
    simId: sim.simId,
    imsi: session.imsi ?? primaryOf(sim).imsi,
    subscription: session.subscription ?? primaryOf(sim).subscriber?.subscription,
    event,
    time,
    createdTime: new Date(time).toISOString(),
    apn: 'soracom.io',
    imei: session.imei,
    ueIpAddress: session.ueIpAddress,
    dns0: session.dnsServers?.[0],
    dns1: session.dnsServers?.[1],
    cell: session.cell,
  };
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as SessionEvent;
}

/** Takes an online SIM offline now, recording a `Deleted` session event. */
export function endSession(ctx: Pick<Ctx<never>, 'stores' | 'now'>, sim: Sim) {
  if (!sim.sessionStatus?.online) return;
  ctx.stores.simRecords.sessionEvents.add(
    sim.operatorId ?? '',
    sim.simId ?? '',
    ctx.now,
    sessionEvent(sim, 'Deleted', ctx.now),
  );
  const { imsi, subscription } = sim.sessionStatus;
  sim.sessionStatus = { online: false, lastUpdatedAt: ctx.now, imsi, subscription };
}

function changeStatus(to: SimStatus): Change {
  return (ctx, sim) => {
    const from = (sim.status ?? 'ready') as SimStatus;
    if (from === to && to !== 'terminated') return;
    if (!simStatusTransitions[from]?.includes(to)) {
      throw badRequest(
        `The status of SIM ${sim.simId} cannot change from ${from} to ${to}.`,
        codes.invalidStatusTransition,
      );
    }
    if (to === 'terminated' && !sim.terminationEnabled) {
      throw badRequest(
        `SIM ${sim.simId} is protected from termination (from ${from} to ${to}); enable termination first.`,
        codes.terminationProtected,
      );
    }
    sim.status = to;
    for (const profile of Object.values(sim.profiles ?? {})) {
      for (const subscriber of Object.values(profile.subscribers ?? {})) subscriber.status = subscriberStatus(to);
    }
    if (to === 'terminated') {
      endSession(ctx, sim);
      delete sim.expiryTime;
      delete sim.expiryAction;
    }
    recordHistory(ctx, sim);
  };
}

export const [activateSim, activateSubscriber] = action(changeStatus('active'));
export const [deactivateSim, deactivateSubscriber] = action(changeStatus('inactive'));
export const [setSimToStandby, setSubscriberToStandby] = action(changeStatus('standby'));
export const [suspendSim, suspendSubscriber] = action(changeStatus('suspended'));
export const [terminateSim, terminateSubscriber] = action(changeStatus('terminated'));

const termination =
  (enabled: boolean): Change =>
  (_ctx, sim) => {
    sim.terminationEnabled = enabled;
  };
export const [enableSimTermination, enableTermination] = action(termination(true));
export const [disableSimTermination, disableTermination] = action(termination(false));

type SpeedClassRequest = components['schemas']['UpdateSpeedClassRequest'];
export const [updateSimSpeedClass, updateSpeedClass] = action((ctx, sim) => {
  const { speedClass } = ctx.body as SpeedClassRequest;
  const subscription = primaryOf(sim).subscriber?.subscription ?? '';
  const offered = (plans as Record<string, { speedClasses: readonly string[] }>)[subscription]?.speedClasses;
  if (offered && !offered.includes(speedClass)) {
    throw badRequest(
      `Speed class ${speedClass} is not available for ${subscription}; use one of ${offered.join(', ')}.`,
      codes.speedClassNotOffered,
    );
  }
  if (sim.speedClass === speedClass) return;
  sim.speedClass = speedClass;
  recordHistory(ctx, sim);
});

const deleteTag: Change = (ctx, sim) => {
  const name = ctx.path.tag_name ?? '';
  if (!sim.tags || !Object.hasOwn(sim.tags, name)) throw notFound(`The SIM has no tag '${name}'.`);
  delete sim.tags[name];
};
export const [deleteSimTag, deleteSubscriberTag] = action(deleteTag, () => ({ status: 204 }));

type TagUpdate = components['schemas']['TagUpdateRequest'];
export const putSubscriberTags: Handler = (ctx) => {
  const body = ctx.body as TagUpdate[];
  const tags: Record<string, string> = {};
  for (const [i, tag] of body.entries()) {
    if (tag.tagName === '') throw badRequest(`Request body: '${i}.tagName' must not be empty.`);
    tags[tag.tagName] = tag.tagValue;
  }
  const sim = apply(ctx, simIdOf(ctx), (_ctx, s) => {
    s.tags = { ...s.tags, ...tags };
  });
  return { status: 200, body: toSubscriber(sim) };
};

type ImeiLockRequest = components['schemas']['SetImeiLockRequest'];
export const [setSimImeiLock, setImeiLock] = action((ctx, sim) => {
  const imei = (ctx.body as ImeiLockRequest).imei;
  if (typeof imei !== 'string' || !imeiPattern.test(imei)) {
    throw badRequest(
      "Request body: 'imei' must be 15 digits (optionally followed by |ANONYMOUS).",
      codes.simSettingInvalid,
    );
  }
  sim.imeiLock = { imei };
});
export const [unsetSimImeiLock, unsetImeiLock] = action((_ctx, sim) => {
  delete sim.imeiLock;
});

type ExpiryRequest = components['schemas']['ExpiryTime'];
export const [setSimExpiryTime, setExpiryTime] = action((ctx, sim) => {
  const { expiryTime, expiryAction } = ctx.body as ExpiryRequest;
  if (!Number.isSafeInteger(expiryTime) || expiryTime <= ctx.now) {
    throw badRequest(
      "Request body: 'expiryTime' must be a time in the future (UNIX time in ms).",
      codes.simSettingInvalid,
    );
  }
  if (expiryAction === 'terminate' && !sim.terminationEnabled) {
    throw badRequest(
      "Request body: 'expiryAction' terminate needs termination protection off (enable termination first).",
      codes.terminationProtected,
    );
  }
  sim.expiryTime = expiryTime;
  if (expiryAction === undefined || expiryAction === null || expiryAction === '(null value)') delete sim.expiryAction;
  else sim.expiryAction = expiryAction;
});
export const [unsetSimExpiryTime, unsetExpiryTime] = action(
  (_ctx, sim) => {
    delete sim.expiryTime;
    delete sim.expiryAction;
  },
  () => ({ status: 204 }),
);

export const [deleteSimSession, deleteSubscriberSession] = action((ctx, sim) => {
  if (!sim.sessionStatus?.online) {
    throw badRequest('The specified subscriber is offline', codes.sessionOffline);
  }
  endSession(ctx, sim);
});

const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '\f^{}\\[~]|€';

/** Septets of `text` in the GSM 7-bit default alphabet, or null when a character is not in it. */
export function gsm7Length(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (gsmBasic.includes(ch)) n += 1;
    else if (gsmExtension.includes(ch)) n += 2;
    else return null;
  }
  return n;
}

type SmsRequest = components['schemas']['SmsForwardingRequest'];
function sendSmsTo(ctx: Ctx<never>, simId: string): Reply {
  const sim = ctx.stores.sims.get(caller(ctx).operatorId, simId);
  if (!sim) throw notFound('No such SIM found.');
  if (!sim.capabilities?.sms || sim.status === 'terminated') {
    throw badRequest(`SIM ${simId} cannot receive SMS.`, codes.smsNotAllowed);
  }
  const body = (ctx.body ?? {}) as SmsRequest;
  const encoding = body.encodingType ?? 2;
  const payload = body.payload;
  if (typeof payload !== 'string' || payload === '') throw badRequest("Request body: 'payload' is required.");
  if (encoding === 1) {
    const septets = gsm7Length(payload);
    if (septets === null) {
      throw badRequest(
        'The payload has characters outside the GSM 7-bit default alphabet; use encodingType 2.',
        codes.smsNotAllowed,
      );
    }
    if (septets > smsLimits.gsm7) {
      throw badRequest(
        `The payload is ${septets} GSM 7-bit characters; at most ${smsLimits.gsm7}.`,
        codes.smsNotAllowed,
      );
    }
  } else if (encoding === 2) {
    if (payload.length > smsLimits.ucs2) {
      throw badRequest(
        `The payload is ${payload.length} UCS-2 characters; at most ${smsLimits.ucs2}.`,
        codes.smsNotAllowed,
      );
    }
  } else {
    throw badRequest("Request body: 'encodingType' must be 1 (GSM 7-bit) or 2 (UCS-2).");
  }
  return { status: 202, body: { messageId: randomUUID().replaceAll('-', '') } };
}
export const sendSmsToSim: Handler = (ctx) => sendSmsTo(ctx, ctx.path.sim_id ?? '');
export const sendSms: Handler = (ctx) => sendSmsTo(ctx, simIdOf(ctx));

/** `from`/`to` (ms) and paging of the record lists. */
function recordQuery(ctx: Ctx<never>, defaultLimit: number, maxLimit: number) {
  const q = ctx.query;
  const limit = q.limit === undefined ? defaultLimit : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw badRequest(`Query: 'limit' must be between 1 and ${maxLimit}.`);
  }
  const from = q.from === undefined ? 0 : Number(q.from);
  const to = q.to === undefined ? ctx.now : Number(q.to);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from > to) {
    throw badRequest("Query: 'from' and 'to' must be UNIX times in ms with from <= to.");
  }
  let after: number | null = null;
  if (typeof q.last_evaluated_key === 'string' && q.last_evaluated_key !== '') {
    after = Number(q.last_evaluated_key);
    if (!Number.isSafeInteger(after)) throw badRequest("Query: 'last_evaluated_key' is not a key this list gave.");
  }
  return { from, to, after, limit };
}

function ownSim(ctx: Ctx<never>): string {
  const simId = ctx.path.sim_id ?? '';
  if (!ctx.stores.sims.get(caller(ctx).operatorId, simId)) throw notFound('No such SIM found.');
  return simId;
}

export const listSimStatusHistory: Handler = (ctx) => {
  const simId = ownSim(ctx);
  const q = recordQuery(ctx, simRecordPaging.historyDefaultLimit, 100);
  const page = ctx.stores.simRecords.statusHistory.page(caller(ctx).operatorId, simId, {
    ...q,
    newestFirst: ctx.query.sort !== 'asc',
  });
  const path = `/sims/${encodeURIComponent(simId)}/statuses/history`;
  return { status: 200, body: page.items, headers: pageHeaders(path, ctx.query, q.limit, page.nextKey) };
};

export const listSimSessionEvents: Handler = (ctx) => {
  const simId = ownSim(ctx);
  const q = recordQuery(ctx, simRecordPaging.eventsDefaultLimit, simRecordPaging.eventsMaxLimit);
  const page = ctx.stores.simRecords.sessionEvents.page(caller(ctx).operatorId, simId, { ...q, newestFirst: true });
  const path = `/sims/${encodeURIComponent(simId)}/events/sessions`;
  return { status: 200, body: page.items, headers: pageHeaders(path, ctx.query, q.limit, page.nextKey) };
};

type RegisterRequest = components['schemas']['RegisterSimRequest'];
/** `registerSim` (guesses.registerOnce): the secret `/sandbox/subscribers/create` gave, once. */
export const registerSim: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const simId = ctx.path.sim_id ?? '';
  const body = ctx.body as RegisterRequest;
  return ctx.db.transaction((): Reply => {
    if (!ctx.stores.sims.get(operatorId, simId)) throw notFound('No such SIM found.');
    const secret = ctx.stores.sims.registrationSecret(operatorId, simId);
    if (secret === null) throw badRequest(`SIM ${simId} is already registered.`, codes.registrationFailed);
    if (body.registrationSecret !== secret) {
      throw badRequest('The registration secret is wrong.', codes.registrationFailed);
    }
    if (body.groupId !== undefined && !ctx.stores.groups.get(operatorId, body.groupId)) {
      throw badRequest(`Request body: there is no group '${body.groupId}'.`);
    }
    const sim = apply(ctx, simId, (_ctx, s) => {
      if (body.groupId !== undefined) s.groupId = body.groupId;
      if (body.tags) s.tags = { ...s.tags, ...(body.tags as Record<string, string>) };
    });
    ctx.stores.sims.clearRegistrationSecret(operatorId, simId);
    return { status: 201, body: sim };
  })();
};
