/** The Sandbox API's SIMs: `POST /sandbox/subscribers/create` makes a SIM the caller then registers (registerSim). */
import { randomBytes } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { buildSim, plans, type Subscription, seededRandom } from '../../simFactory';

type CreateSubscriber = components['schemas']['sandboxCreateSubscriberRequest'];

const sandboxCreateSubscriber: Handler = (ctx: Ctx<CreateSubscriber | undefined>) => {
  const { operatorId } = caller(ctx);
  const requested = ctx.body?.subscription ?? 'plan01s';
  // Plans the sandbox has no SIM model for are created as plan01s SIMs, which every coverage offers.
  const subscription: Subscription = requested in plans ? (requested as Subscription) : 'plan01s';
  const index = 1_000_000 + ctx.stores.sims.countAll();
  const random = seededRandom(index);
  const sim = buildSim(
    {
      index,
      operatorId,
      subscription,
      speedClass: plans[subscription].speedClasses[0],
      status: 'ready',
      createdTime: ctx.now,
      tags: {},
    },
    random,
  );
  const registrationSecret = randomBytes(4).toString('hex').toUpperCase();
  ctx.stores.sims.insert(sim, registrationSecret);
  const profile = Object.values(sim.profiles ?? {})[0];
  const imsi = profile?.primaryImsi ?? '';
  const subscriber = profile?.subscribers?.[imsi];
  return {
    status: 200,
    body: {
      imsi,
      msisdn: subscriber?.msisdn,
      serialNumber: sim.serialNumber,
      operatorId,
      registrationSecret,
      apn: 'soracom.io',
      speedClass: sim.speedClass,
      status: sim.status,
      subscription,
      tags: {},
      createdAt: ctx.now,
      lastModifiedAt: ctx.now,
    },
  };
};

export const sandboxSubscriberHandlers = { sandboxCreateSubscriber } satisfies Handlers;
