/**
 * The operator's email addresses (guesses: the account): the sign-in address and the ones added by a token mailed
 * to the new address. Root account only (guesses.rootOnlyOperations).
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { requireRoot } from '../../context';
import { badRequest, codes, notFound, tokenInvalid } from '../../errors';
import { accountLimits } from '../../guesses';
import { checkEmail } from '../../rules';
import type { EmailRow } from '../../store/account';

type IssueRequest = components['schemas']['IssueAddEmailTokenRequest'];
type VerifyRequest = components['schemas']['VerifyAddEmailTokenRequest'];
type EmailsModel = components['schemas']['EmailsModel'];

export const emailModel = (row: EmailRow): EmailsModel => ({
  emailId: row.email_id,
  email: row.email,
  verified: true,
  createDateTime: row.created_at,
  updateDateTime: row.updated_at,
});

const listEmails: Handler = (ctx) => {
  const { operatorId } = requireRoot(ctx);
  return { status: 200, body: ctx.stores.account.emails(operatorId).map(emailModel) };
};

const getEmail: Handler = (ctx) => {
  const { operatorId } = requireRoot(ctx);
  const row = ctx.stores.account.email(operatorId, ctx.path.email_id ?? '');
  if (!row) throw notFound('No such email address.');
  return { status: 200, body: emailModel(row) };
};

const deleteEmail: Handler = (ctx) => {
  const { operatorId } = requireRoot(ctx);
  const { account, operators } = ctx.stores;
  const row = account.email(operatorId, ctx.path.email_id ?? '');
  if (!row) throw notFound('No such email address.');
  if (row.email.toLowerCase() === operators.get(operatorId)?.email.toLowerCase()) {
    throw badRequest('The primary email address cannot be deleted. Make another address primary first.');
  }
  ctx.transaction(() => account.deleteEmail(operatorId, row.email_id, ctx.now));
  return { status: 204 };
};

const issueAddEmailToken: Handler = (ctx: Ctx<IssueRequest>) => {
  const { operatorId } = requireRoot(ctx);
  const { account, operators, oneTimeTokens, passwords } = ctx.stores;
  const email = checkEmail(ctx.body.email);
  if (!passwords.verify(ctx.body.password, operators.get(operatorId)?.password_hash)) {
    throw badRequest('The password is not correct.', codes.authFailed);
  }
  if (account.emailByAddress(operatorId, email)) {
    throw badRequest('The account has this email address already.', codes.alreadyExists);
  }
  if (account.emails(operatorId).length >= accountLimits.emails) {
    throw badRequest(`An account has at most ${accountLimits.emails} email addresses.`);
  }
  const token = oneTimeTokens.issue('addEmail', { email, operatorId }, accountLimits.addEmailTokenSeconds, ctx.now);
  ctx.mail({ to: email, kind: 'addEmail', subject: 'Verify your email address', token });
  return { status: 200 };
};

/** No key or token: whoever reads the mail may add the address it was sent to, once. */
const verifyAddEmailToken: Handler = (ctx: Ctx<VerifyRequest>) => {
  const { account, oneTimeTokens } = ctx.stores;
  const row = oneTimeTokens.peek('addEmail', ctx.body.token, ctx.now);
  if (!row) throw tokenInvalid();
  ctx.transaction(() => {
    oneTimeTokens.useOnly(row);
    if (!account.emailByAddress(row.operator_id, row.email)) {
      if (account.emails(row.operator_id).length >= accountLimits.emails) {
        throw badRequest(`An account has at most ${accountLimits.emails} email addresses.`);
      }
      account.addEmail(row.operator_id, row.email, ctx.now);
    }
  });
  return { status: 200 };
};

export const emailHandlers = {
  listEmails,
  getEmail,
  deleteEmail,
  issueAddEmailToken,
  verifyAddEmailToken,
} satisfies Handlers;
