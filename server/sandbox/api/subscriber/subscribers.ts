/** `/subscribers/{imsi}`: the SIM whose primary IMSI is `imsi`, answered as SORACOM's older `Subscriber` view. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { notFound } from '../../errors';
import { subscriberView } from '../../guesses';
import type { Sim } from '../../store/sims';
import { moveSim, requestedGroupId } from '../sim/sims';

export type Subscriber = components['schemas']['Subscriber'];
type SetGroup = components['schemas']['SetGroupRequest'];

/** The Subscriber view of a SIM (guesses.subscriberView); fields the SIM has no value for are left out. */
export function toSubscriber(sim: Sim): Subscriber {
  const profile = Object.values(sim.profiles ?? {})[0];
  const imsi = profile?.primaryImsi;
  const subscriber = imsi ? profile?.subscribers?.[imsi] : undefined;
  const view: Subscriber = {
    simId: sim.simId,
    imsi,
    msisdn: subscriber?.msisdn,
    iccid: profile?.iccid ?? sim.serialNumber,
    serialNumber: sim.serialNumber,
    operatorId: sim.operatorId,
    apn: subscriberView.apn,
    type: sim.speedClass,
    speedClass: sim.speedClass,
    status: sim.status,
    subscription: subscriber?.subscription,
    bundles: subscriber?.bundles,
    groupId: sim.groupId,
    tags: sim.tags ?? {},
    moduleType: sim.moduleType,
    sessionStatus: sim.sessionStatus,
    previousSession: sim.previousSession,
    imeiLock: sim.imeiLock,
    expiryTime: sim.expiryTime,
    expiryAction: sim.expiryAction,
    terminationEnabled: sim.terminationEnabled,
    createdTime: sim.createdTime,
    createdAt: sim.createdTime,
    lastModifiedTime: sim.lastModifiedTime,
    lastModifiedAt: sim.lastModifiedTime,
    lastPortMappingCreatedTime: sim.lastPortMappingCreatedTime,
    renewalFeeStatusSetTime: sim.renewalFeeStatusSetTime,
  };
  return Object.fromEntries(
    Object.entries(view).filter(([, value]) => value !== undefined && value !== null),
  ) as Subscriber;
}

export function simIdOf(ctx: Ctx<unknown>): string {
  const sim = ctx.stores.sims.findByImsi(caller(ctx).operatorId, ctx.path.imsi ?? '');
  if (!sim?.simId) throw notFound('No such subscriber found.');
  return sim.simId;
}

const setGroup: Handler = (ctx: Ctx<SetGroup>) => {
  const groupId = requestedGroupId(ctx.body);
  return { status: 200, body: toSubscriber(moveSim(ctx, simIdOf(ctx), groupId)) };
};

const unsetGroup: Handler = (ctx) => ({ status: 200, body: toSubscriber(moveSim(ctx, simIdOf(ctx), null)) });

export const subscriberGroupHandlers = { setGroup, unsetGroup } satisfies Handlers;
