/**
 * The SIM actions by IMSI (`/subscribers/{imsi}/...`), acting on the SIM whose primary IMSI that is and answering
 * its Subscriber view; the same changes as by SIM ID (api/sim/changes.ts).
 */
import type { components } from '../../../../src/api/schema';
import type { Handler, Handlers } from '../../context';
import { badRequest } from '../../errors';
import { applyChange, type SimAction, simActions } from '../sim/changes';
import { sendSmsTo } from '../sim/sms';
import { simIdOf, toSubscriber } from './subscribers';

type TagUpdate = components['schemas']['TagUpdateRequest'];

function byImsi({ change, noContent }: SimAction): Handler {
  return (ctx) => {
    const sim = applyChange(ctx, simIdOf(ctx), change);
    return noContent ? { status: 204 } : { status: 200, body: toSubscriber(sim) };
  };
}

const putSubscriberTags: Handler = (ctx) => {
  const body = ctx.body as TagUpdate[];
  const tags: Record<string, string> = {};
  for (const [i, tag] of body.entries()) {
    if (tag.tagName === '') throw badRequest(`Request body: '${i}.tagName' must not be empty.`);
    tags[tag.tagName] = tag.tagValue;
  }
  const sim = applyChange(ctx, simIdOf(ctx), (_ctx, s) => {
    s.tags = { ...s.tags, ...tags };
  });
  return { status: 200, body: toSubscriber(sim) };
};

export const subscriberActionHandlers = {
  activateSubscriber: byImsi(simActions.activate),
  deactivateSubscriber: byImsi(simActions.deactivate),
  setSubscriberToStandby: byImsi(simActions.setToStandby),
  suspendSubscriber: byImsi(simActions.suspend),
  terminateSubscriber: byImsi(simActions.terminate),
  enableTermination: byImsi(simActions.enableTermination),
  disableTermination: byImsi(simActions.disableTermination),
  updateSpeedClass: byImsi(simActions.updateSpeedClass),
  deleteSubscriberTag: byImsi(simActions.deleteTag),
  putSubscriberTags,
  setImeiLock: byImsi(simActions.setImeiLock),
  unsetImeiLock: byImsi(simActions.unsetImeiLock),
  setExpiryTime: byImsi(simActions.setExpiryTime),
  unsetExpiryTime: byImsi(simActions.unsetExpiryTime),
  deleteSubscriberSession: byImsi(simActions.deleteSession),
  sendSms: (ctx) => sendSmsTo(ctx, simIdOf(ctx)),
} satisfies Handlers;
