/** Which of the operator's addresses gets which mails (guesses: the account); `primary` is the sign-in address. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { accountLimits } from '../../guesses';
import type { NotificationType } from '../../store/account';

type SetRequest = components['schemas']['SetSystemNotificationsRequest'];
type Model = components['schemas']['SystemNotificationsModel'];

function models(ctx: Ctx<unknown>, operatorId: string): Model[] {
  const operator = ctx.stores.operators.get(operatorId);
  if (!operator) throw notFound('No such operator.');
  return ctx.stores.account
    .notifications(operatorId, operator.email)
    .map(({ type, ids, at }) => ({ type, emailIdList: ids, updateDateTime: at }));
}

function modelOf(ctx: Ctx<unknown>, operatorId: string, type: NotificationType): Model {
  const model = models(ctx, operatorId).find((m) => m.type === type);
  if (!model) throw notFound('No such notification type.');
  return model;
}

const listSystemNotifications: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: models(ctx, operatorId) };
};

const getSystemNotification: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: modelOf(ctx, operatorId, ctx.path.type as NotificationType) };
};

const setSystemNotification: Handler = (ctx: Ctx<SetRequest>) => {
  const { operatorId } = caller(ctx);
  const { account, operators, passwords } = ctx.stores;
  const type = ctx.path.type as NotificationType;
  const ids = [...new Set(ctx.body.emailIdList)];
  if (ids.length > accountLimits.emails) throw badRequest(`At most ${accountLimits.emails} email addresses.`);
  const rows = ids.map((id) => account.email(operatorId, id));
  if (rows.some((row) => row === undefined)) {
    throw badRequest("Request body: 'emailIdList' holds an address the account does not have.");
  }
  if (type === 'primary') {
    const operator = operators.get(operatorId);
    if (!passwords.verify(ctx.body.password ?? '', operator?.password_hash)) {
      throw badRequest('The password is not correct.', codes.authFailed);
    }
    const [row] = rows;
    if (!row || rows.length !== 1) throw badRequest('The primary notification goes to exactly one address.');
    const other = operators.findByEmail(row.email);
    if (other && other.operator_id !== operatorId) {
      throw badRequest('Another account signs in with this address.', codes.alreadyExists);
    }
    account.setSignInEmail(operatorId, row.email, ctx.now);
  } else {
    account.setNotification(operatorId, type, ids, ctx.now);
  }
  return { status: 200, body: modelOf(ctx, operatorId, type) };
};

const deleteSystemNotification: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  ctx.stores.account.deleteNotification(operatorId, ctx.path.type as NotificationType);
  return { status: 204 };
};

export const systemNotificationHandlers = {
  listSystemNotifications,
  getSystemNotification,
  setSystemNotification,
  deleteSystemNotification,
} satisfies Handlers;
