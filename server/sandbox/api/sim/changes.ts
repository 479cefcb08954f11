/**
 * What can be done to one SIM: status changes (guesses.simStatusTransitions), termination protection, speed class,
 * tags, IMEI lock, expiry and session deletion. Each is answered twice: by SIM ID (api/sim/actions.ts) and by the
 * IMSI of the older subscriber operations (api/subscriber/actions.ts), over the same change.
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { runEventHandlersOnChange } from '../../eventRunner';
import { imeiPattern, type SimStatus, simStatusTransitions } from '../../guesses';
import { plans, subscriberStatus } from '../../simFactory';
import type { SessionEvent } from '../../store/simRecords';
import type { Sim } from '../../store/sims';

/** Changes the SIM read for the request; a throw leaves it as it was. */
export type Change = (ctx: Ctx<never>, sim: Sim) => void;

/** A change, and whether its operations answer 204 without a body instead of the SIM. */
export interface SimAction {
  change: Change;
  noContent?: boolean;
}

/**
 * Applies `change` to the caller's SIM in one transaction (with any records it writes); 404 for an unknown SIM. A
 * status or speed class it changes is an event for the handlers watching the SIM (eventRunner.ts).
 */
export function applyChange(ctx: Ctx<never>, simId: string, change: Change): Sim {
  let before: Pick<Sim, 'status' | 'speedClass'> = {};
  const sim = ctx.stores.sims.modify(
    caller(ctx).operatorId,
    simId,
    (s) => {
      before = { status: s.status, speedClass: s.speedClass };
      change(ctx, s);
    },
    ctx.now,
  );
  if (!sim) throw notFound('No such SIM found.');
  runEventHandlersOnChange(ctx, sim, before);
  return sim;
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

const termination =
  (enabled: boolean): Change =>
  (_ctx, sim) => {
    sim.terminationEnabled = enabled;
  };

type SpeedClassRequest = components['schemas']['UpdateSpeedClassRequest'];
const updateSpeedClass: Change = (ctx, sim) => {
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
};

const deleteTag: Change = (ctx, sim) => {
  const name = ctx.path.tag_name ?? '';
  if (!sim.tags || !Object.hasOwn(sim.tags, name)) throw notFound(`The SIM has no tag '${name}'.`);
  delete sim.tags[name];
};

type ImeiLockRequest = components['schemas']['SetImeiLockRequest'];
const setImeiLock: Change = (ctx, sim) => {
  // The description does not mark the body required: a request without one has no IMEI either.
  const imei = (ctx.body as ImeiLockRequest | undefined)?.imei;
  if (typeof imei !== 'string' || !imeiPattern.test(imei)) {
    throw badRequest(
      "Request body: 'imei' must be 15 digits (optionally followed by |ANONYMOUS).",
      codes.simSettingInvalid,
    );
  }
  sim.imeiLock = { imei };
};

type ExpiryRequest = components['schemas']['ExpiryTime'];
const setExpiryTime: Change = (ctx, sim) => {
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
};

const deleteSession: Change = (ctx, sim) => {
  if (!sim.sessionStatus?.online) {
    throw badRequest('The specified subscriber is offline', codes.sessionOffline);
  }
  endSession(ctx, sim);
};

/** The actions, each the change behind a `/sims/{sim_id}/...` operation and its `/subscribers/{imsi}/...` twin. */
export const simActions = {
  activate: { change: changeStatus('active') },
  deactivate: { change: changeStatus('inactive') },
  setToStandby: { change: changeStatus('standby') },
  suspend: { change: changeStatus('suspended') },
  terminate: { change: changeStatus('terminated') },
  enableTermination: { change: termination(true) },
  disableTermination: { change: termination(false) },
  updateSpeedClass: { change: updateSpeedClass },
  deleteTag: { change: deleteTag, noContent: true },
  setImeiLock: { change: setImeiLock },
  unsetImeiLock: {
    change: (_ctx, sim) => {
      delete sim.imeiLock;
    },
  },
  setExpiryTime: { change: setExpiryTime },
  unsetExpiryTime: {
    change: (_ctx, sim) => {
      delete sim.expiryTime;
      delete sim.expiryAction;
    },
    noContent: true,
  },
  deleteSession: { change: deleteSession },
} satisfies Record<string, SimAction>;
