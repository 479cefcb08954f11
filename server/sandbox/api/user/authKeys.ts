/** Auth keys of SAM users, managed by the user themself or by the root account. */
import type { Ctx, Handler, Handlers } from '../../context';
import { selfOrRoot } from '../../context';
import { notFound } from '../../errors';
import { deleteAuthKey, generateAuthKey, listAuthKeys } from '../operator/authKeys';

/** The SAM user of the path must exist; the root account and the user themself may manage its keys. */
function userOwner(ctx: Ctx<unknown>): { operatorId: string; userName: string } {
  const { operatorId } = selfOrRoot(ctx);
  const user = ctx.stores.users.get(operatorId, ctx.path.user_name ?? '');
  if (!user) throw notFound('No such user.');
  return { operatorId, userName: user.user_name };
}

const listUserAuthKeys: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  return { status: 200, body: listAuthKeys(ctx, operatorId, userName) };
};

const generateUserAuthKey: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  return { status: 200, body: generateAuthKey(ctx, operatorId, userName) };
};

const deleteUserAuthKey: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  return deleteAuthKey(ctx, operatorId, userName);
};

export const userAuthKeyHandlers = { listUserAuthKeys, generateUserAuthKey, deleteUserAuthKey } satisfies Handlers;
