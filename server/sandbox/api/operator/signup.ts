/** Sign-up: `POST /operators` mails a token, `POST /operators/verify` spends it and the operator can log in. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { tokenInvalid } from '../../errors';
import { oneTimeTokenSeconds, signUpStatus } from '../../guesses';
import { checkEmail, checkOperatorPassword } from '../../rules';

type CreateOperator = components['schemas']['CreateOperatorRequest'];
type VerifyOperator = components['schemas']['VerifyOperatorRequest'];

const createOperator: Handler = (ctx: Ctx<CreateOperator>) => {
  const { stores, now } = ctx;
  const email = checkEmail(ctx.body.email);
  const password = checkOperatorPassword(ctx.body.password);
  const existing = stores.operators.findByEmail(email);
  if (existing) {
    // guesses.signUpStatus: the same answer, and the same hashing effort, as for a new account, so that nothing
    // tells that the email is taken.
    stores.passwords.hash(password);
    ctx.mail({
      to: existing.email,
      kind: 'signup',
      subject: 'You already have an account: sign in, or reset your password if you forgot it',
      token: null,
    });
    return { status: signUpStatus.create };
  }
  ctx.transaction(() => {
    const operator = stores.operators.create({
      operatorId: stores.operators.nextId(),
      email,
      password,
      verified: false,
      now,
    });
    const token = stores.oneTimeTokens.issue(
      'signup',
      { email, operatorId: operator.operator_id },
      oneTimeTokenSeconds.signup,
      now,
    );
    ctx.mail({ to: email, kind: 'signup', subject: 'Verify your email', token });
  });
  return { status: signUpStatus.create };
};

const verifyOperator: Handler = (ctx: Ctx<VerifyOperator>) => {
  const { stores, now } = ctx;
  const row = stores.oneTimeTokens.peek('signup', ctx.body.token, now);
  if (!row) throw tokenInvalid();
  ctx.transaction(() => {
    stores.oneTimeTokens.use(row);
    stores.operators.setVerified(row.operator_id, now);
  });
  return { status: signUpStatus.verify };
};

export const signupHandlers = { createOperator, verifyOperator } satisfies Handlers;
