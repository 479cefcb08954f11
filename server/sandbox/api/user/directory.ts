/** The operator's SAM users as a list: listing, describing and deleting them. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { checkDescription } from '../../teamRules';
import { pathUser, userDetail } from './userDetail';

type UpdateUser = components['schemas']['UpdateUserRequest'];

const listUsers: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: ctx.stores.users.list(operatorId).map((user) => userDetail(ctx, user)) };
};

const updateUser: Handler = (ctx: Ctx<UpdateUser>) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  // A body without `description` leaves it as it is.
  const description = ctx.body.description === undefined ? user.description : checkDescription(ctx.body.description);
  ctx.stores.users.setDescription(user.operator_id, user.user_name, description, ctx.now);
  return { status: 200 };
};

/** The user goes with everything that lets it in: API keys and tokens, auth keys, and its roles' attachments. */
const deleteUser: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  const { operator_id: operatorId, user_name: userName } = user;
  ctx.transaction(() => {
    ctx.stores.tokens.revokeAll(operatorId, userName);
    for (const key of ctx.stores.tokens.listAuthKeys(operatorId, userName)) {
      ctx.stores.tokens.deleteAuthKey(key.auth_key_id, operatorId, userName);
    }
    ctx.stores.roles.detachAll(operatorId, userName);
    ctx.stores.users.remove(operatorId, userName);
  });
  return { status: 204 };
};

export const userDirectoryHandlers = { listUsers, updateUser, deleteUser } satisfies Handlers;
