/** The API Sandbox's own helper operations (`/sandbox/*`). */
import { randomBytes } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler } from '../../context';
import { caller } from '../../context';
import { badRequest, codes } from '../../errors';
import { checkEmail, checkPassword } from '../../rules';
import { buildSim, plans, type Subscription, seededRandom } from '../../simFactory';

type InitRequest = components['schemas']['sandboxInitRequest'];
type CreateSubscriber = components['schemas']['sandboxCreateSubscriberRequest'];

export const sandboxInitializeOperator: Handler = (ctx: Ctx<InitRequest>) => {
  const { body, stores, now } = ctx;
  checkEmail(body.email);
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

/** The newest sign-up token mailed to the email that can still be used (guesses.sandboxSignupTokenNewestUsable). */
export const sandboxGetSignupToken: Handler = (ctx) => {
  const email = ctx.path.email ?? '';
  const token = ctx.stores.mailbox
    .tokens(email, 'signup')
    .find((candidate) => ctx.stores.oneTimeTokens.peek('signup', candidate, ctx.now));
  if (!token) throw badRequest('There is no usable sign-up token for that email.');
  return { status: 200, body: { token } };
};
