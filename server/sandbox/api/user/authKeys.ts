/** Auth keys of SAM users, managed by whoever the permissions allow (the user themself, or the root account). */
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { notFound } from '../../errors';
import { deleteAuthKey, generateAuthKey, listAuthKeys } from '../operator/authKeys';
import { pathUser } from './userDetail';

/** The SAM user of the path, which must exist. */
function userOwner(ctx: Ctx<unknown>): { operatorId: string; userName: string } {
  const user = pathUser(ctx, caller(ctx).operatorId);
  return { operatorId: user.operator_id, userName: user.user_name };
}

const listUserAuthKeys: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  return { status: 200, body: listAuthKeys(ctx, operatorId, userName) };
};

/** One key of the user, without its secret (shown only when generated). */
const getUserAuthKey: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  const key = listAuthKeys(ctx, operatorId, userName).find((k) => k.authKeyId === ctx.path.auth_key_id);
  if (!key) throw notFound('No such auth key.');
  return { status: 200, body: key };
};

const generateUserAuthKey: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  return { status: 200, body: generateAuthKey(ctx, operatorId, userName) };
};

const deleteUserAuthKey: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  return deleteAuthKey(ctx, operatorId, userName);
};

export const userAuthKeyHandlers = {
  listUserAuthKeys,
  getUserAuthKey,
  generateUserAuthKey,
  deleteUserAuthKey,
} satisfies Handlers;
