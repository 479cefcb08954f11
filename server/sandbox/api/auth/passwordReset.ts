/** Password reset by mail: issue a token to a verified operator's email, then spend it on a new password. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { tokenInvalid } from '../../errors';
import { oneTimeTokenSeconds } from '../../guesses';
import { checkEmail, checkOperatorPassword } from '../../rules';

type IssueRequest = components['schemas']['IssuePasswordResetTokenRequest'];
type VerifyRequest = components['schemas']['VerifyPasswordResetTokenRequest'];

const issuePasswordResetToken: Handler = (ctx: Ctx<IssueRequest>) => {
  const { stores, now } = ctx;
  const email = checkEmail(ctx.body.email);
  const operator = stores.operators.findByEmail(email);
  // 200 whatever the email, so that nothing tells which emails have accounts.
  if (operator?.verified) {
    const token = stores.oneTimeTokens.issue(
      'passwordReset',
      { email: operator.email, operatorId: operator.operator_id },
      oneTimeTokenSeconds.passwordReset,
      now,
    );
    // To the sign-in address and the recovery addresses (guesses: the account).
    for (const to of stores.account.recipients(operator.operator_id, operator.email, 'recovery')) {
      ctx.mail({ to, kind: 'passwordReset', subject: 'Reset your password', token });
    }
  }
  return { status: 200 };
};

const verifyPasswordResetToken: Handler = (ctx: Ctx<VerifyRequest>) => {
  const { stores, now } = ctx;
  const row = stores.oneTimeTokens.peek('passwordReset', ctx.body.token, now);
  if (!row) throw tokenInvalid();
  const password = checkOperatorPassword(ctx.body.password);
  ctx.transaction(() => {
    stores.oneTimeTokens.use(row);
    stores.operators.setPassword(row.operator_id, password, now);
    // Every session of the root account ends (guesses.oneTimeTokenSeconds): SAM users keep theirs.
    stores.tokens.revokeAll(row.operator_id, null);
  });
  return { status: 200 };
};

export const passwordResetHandlers = { issuePasswordResetToken, verifyPasswordResetToken } satisfies Handlers;
