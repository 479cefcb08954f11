/** A SAM user's own permission, and the default permissions every SAM user of the operator has. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { checkDescription, checkPermission } from '../../teamRules';
import { pathUser } from './userDetail';

type SetPermission = components['schemas']['SetUserPermissionRequest'];
type SetDefaults = components['schemas']['UpdateDefaultPermissionsRequest'];

const getUserPermission: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  return { status: 200, body: { permission: user.permission ?? '' } };
};

const updateUserPermission: Handler = (ctx: Ctx<SetPermission>) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  checkDescription(ctx.body.description);
  const permission = checkPermission(ctx.body.permission);
  ctx.stores.permissions.setUser(user.operator_id, user.user_name, permission, ctx.now);
  return { status: 200 };
};

const deleteUserPermission: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  ctx.stores.permissions.setUser(user.operator_id, user.user_name, null, ctx.now);
  return { status: 204 };
};

const getDefaultPermissions: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: { defaultPermissions: ctx.stores.permissions.getDefault(operatorId) ?? '' } };
};

const updateDefaultPermissions: Handler = (ctx: Ctx<SetDefaults>) => {
  const { operatorId } = caller(ctx);
  ctx.stores.permissions.setDefault(operatorId, checkPermission(ctx.body.permissions, 'permissions'), ctx.now);
  return { status: 202 };
};

const deleteDefaultPermissions: Handler = (ctx) => {
  ctx.stores.permissions.deleteDefault(caller(ctx).operatorId);
  return { status: 204 };
};

export const userPermissionHandlers = {
  getUserPermission,
  updateUserPermission,
  deleteUserPermission,
  getDefaultPermissions,
  updateDefaultPermissions,
  deleteDefaultPermissions,
} satisfies Handlers;
