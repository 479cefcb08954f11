/** The Sandbox API's operators: a ready-to-use operator with its credentials, and the sign-up token mailed. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, forbidden } from '../../errors';
import { checkEmail, checkPassword } from '../../rules';

type InitRequest = components['schemas']['sandboxInitRequest'];

const sandboxInitializeOperator: Handler = (ctx: Ctx<InitRequest>) => {
  const { body, stores, now } = ctx;
  checkEmail(body.email);
  checkPassword(body.password);
  if (stores.operators.findByEmail(body.email)) {
    throw badRequest('An operator with that email already exists.', codes.alreadyExists);
  }
  if (stores.tokens.authKeyExists(body.authKeyId)) {
    throw badRequest('That authKeyId is already in use.', codes.alreadyExists);
  }
  const created = ctx.transaction(() => {
    const operator = stores.operators.create({
      operatorId: stores.operators.nextId(),
      email: body.email,
      password: body.password,
      verified: true,
      now,
    });
    stores.tokens.addAuthKey(body.authKeyId, body.authKey, operator.operator_id, null, now);
    return { operator, ...stores.tokens.issue(operator.operator_id, null, 86_400, now) };
  });
  return {
    status: 201,
    body: { apiKey: created.apiKey, token: created.token, operatorId: created.operator.operator_id },
  };
};

/** The newest sign-up token mailed to the email that can still be used (guesses.oneTimeTokenSeconds). */
const sandboxGetSignupToken: Handler = (ctx) => {
  const email = ctx.path.email ?? '';
  const token = ctx.stores.mailbox
    .tokens(email, 'signup')
    .find((candidate) => ctx.stores.oneTimeTokens.peek('signup', candidate, ctx.now));
  if (!token) throw badRequest('There is no usable sign-up token for that email.');
  return { status: 200, body: { token } };
};

/** Only the operator itself; every row of it goes (guesses: the account). */
const sandboxDeleteOperator: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const target = ctx.path.operator_id ?? '';
  if (!ctx.stores.operators.get(target)) throw badRequest('Operator does not exist.');
  if (target !== operatorId) throw forbidden();
  ctx.transaction(() => ctx.stores.account.deleteOperator(target));
  return { status: 200 };
};

export const sandboxOperatorHandlers = {
  sandboxInitializeOperator,
  sandboxGetSignupToken,
  sandboxDeleteOperator,
} satisfies Handlers;
