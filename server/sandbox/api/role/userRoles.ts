/** The roles attached to a SAM user. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, notFound } from '../../errors';
import { teamLimits } from '../../guesses';
import { checkRoom } from '../../teamRules';
import { pathUser, roleSummary } from '../user/userDetail';

type AttachRole = components['schemas']['AttachRoleRequest'];

const listUserRoles: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  const roles = ctx.stores.roles.ofUser(user.operator_id, user.user_name);
  return { status: 200, body: roles.map((role) => ({ ...roleSummary(role), permission: role.permission })) };
};

const attachRole: Handler = (ctx: Ctx<AttachRole>) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  const roleId = ctx.body.roleId ?? '';
  if (!ctx.stores.roles.get(user.operator_id, roleId)) throw badRequest('No such role.');
  const attached = ctx.stores.roles.ofUser(user.operator_id, user.user_name);
  if (attached.some((role) => role.role_id === roleId)) throw badRequest('The role is already attached to the user.');
  checkRoom(attached.length, teamLimits.rolesPerUser, 'roles per user');
  ctx.stores.roles.attach(user.operator_id, user.user_name, roleId, ctx.now);
  return { status: 200 };
};

const detachRole: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  if (!ctx.stores.roles.detach(user.operator_id, user.user_name, ctx.path.role_id ?? '')) {
    throw notFound('The user has no such role.');
  }
  return { status: 200 };
};

export const userRoleHandlers = { listUserRoles, attachRole, detachRole } satisfies Handlers;
