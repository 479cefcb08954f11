/** The API Sandbox's own helper operations (`/sandbox/*`). */
import { randomBytes } from 'node:crypto';
import type { components } from '../../src/api/schema';
import type { Ctx, Handler } from './context';
import { caller } from './context';
import { badRequest, codes } from './errors';
import { buildSim, plans, type Subscription, seededRandom } from './simFactory';
import { checkPassword } from './users';

type InitRequest = components['schemas']['sandboxInitRequest'];
type CreateSubscriber = components['schemas']['sandboxCreateSubscriberRequest'];

export const sandboxInitializeOperator: Handler = (ctx: Ctx<InitRequest>) => {
  const { body, stores, now } = ctx;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email))
    throw badRequest("Request body: 'email' is not an email address.");
  checkPassword(body.password);
  if (stores.operators.findByEmail(body.email)) {
    throw badRequest('An operator with that email already exists.', codes.alreadyExists);
  }
  if (stores.tokens.authKeyExists(body.authKeyId)) {
    throw badRequest('That authKeyId is already in use.', codes.alreadyExists);
  }
  const created = ctx.db.transaction(() => {
    const operator = stores.operators.create({
      operatorId: stores.operators.nextId(),
      email: body.email,
      password: body.password,
      verified: true,
      now,
    });
    stores.tokens.addAuthKey(body.authKeyId, body.authKey, operator.operator_id, null, now);
    return { operator, ...stores.tokens.issue(operator.operator_id, null, 86_400, now) };
  })();
  return {
    status: 201,
    body: { apiKey: created.apiKey, token: created.token, operatorId: created.operator.operator_id },
  };
};

export const sandboxCreateSubscriber: Handler = (ctx: Ctx<CreateSubscriber | undefined>) => {
  const { operatorId } = caller(ctx);
  const requested = ctx.body?.subscription ?? 'plan01s';
  // Plans the sandbox has no SIM model for are created as plan01s SIMs, which every coverage offers.
  const subscription: Subscription = requested in plans ? (requested as Subscription) : 'plan01s';
  const index = 1_000_000 + (ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sims').get()?.n ?? 0);
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
