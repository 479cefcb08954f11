/**
 * Operator-managed roles: a named permission that SAM users get by attachment. There are no Soracom-managed roles
 * locally (guesses: users, permissions and roles).
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { teamLimits } from '../../guesses';
import type { RoleRow } from '../../store/roles';
import { checkDescription, checkId, checkPermission, checkRoom } from '../../teamRules';
import { roleSummary, userDetail } from '../user/userDetail';

type RoleInput = components['schemas']['CreateOrUpdateRoleRequest'];
type Role = components['schemas']['RoleResponse'];

/** Soracom-managed roles are named by SRN. */
export const isSoracomRole = (roleId: string) => roleId.startsWith('srn:');

/** The operator's role of the path, which must exist. */
export function pathRole(ctx: Ctx<unknown>, operatorId: string): RoleRow {
  const role = ctx.stores.roles.get(operatorId, ctx.path.role_id ?? '');
  if (!role) throw notFound('No such role.');
  return role;
}

const roleResponse = (role: RoleRow): Role => ({ ...roleSummary(role), permission: role.permission });

const listRoles: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const owner = (ctx.query.owner as string | undefined) ?? 'operator';
  const roles = owner === 'soracom' ? [] : ctx.stores.roles.list(operatorId);
  return { status: 200, body: roles.map(roleSummary) };
};

const getRole: Handler = (ctx) => ({ status: 200, body: roleResponse(pathRole(ctx, caller(ctx).operatorId)) });

const createRole: Handler = (ctx: Ctx<RoleInput>) => {
  const { operatorId } = caller(ctx);
  if (isSoracomRole(ctx.path.role_id ?? '')) throw badRequest('Soracom-managed roles cannot be created.');
  const roleId = checkId(ctx.path.role_id, 'role ID');
  const description = checkDescription(ctx.body.description);
  const permission = checkPermission(ctx.body.permission);
  if (ctx.stores.roles.get(operatorId, roleId)) throw badRequest('That role already exists.', codes.alreadyExists);
  checkRoom(ctx.stores.roles.count(operatorId), teamLimits.rolesPerOperator, 'roles per operator');
  ctx.stores.roles.create({ operatorId, roleId, description, permission }, ctx.now);
  return { status: 200, body: { roleId } };
};

const updateRole: Handler = (ctx: Ctx<RoleInput>) => {
  const role = pathRole(ctx, caller(ctx).operatorId);
  const description = checkDescription(ctx.body.description);
  const permission = checkPermission(ctx.body.permission);
  ctx.stores.roles.update({ operatorId: role.operator_id, roleId: role.role_id, description, permission }, ctx.now);
  return { status: 200 };
};

const deleteRole: Handler = (ctx) => {
  const role = pathRole(ctx, caller(ctx).operatorId);
  if (ctx.stores.roles.isAttached(role.operator_id, role.role_id)) {
    throw badRequest('The role is still in use: detach it from its users first.', codes.roleInUse);
  }
  ctx.stores.roles.remove(role.operator_id, role.role_id);
  return { status: 204 };
};

const listRoleAttachedUsers: Handler = (ctx) => {
  const role = pathRole(ctx, caller(ctx).operatorId);
  const users = ctx.stores.roles
    .usersOf(role.operator_id, role.role_id)
    .flatMap((name) => ctx.stores.users.get(role.operator_id, name) ?? []);
  return { status: 200, body: users.map((user) => userDetail(ctx, user)) };
};

/** Versions are kept for Soracom-managed roles only, and there are none locally. */
const listRoleVersions: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  if (ctx.stores.roles.get(operatorId, ctx.path.role_id ?? '')) {
    throw badRequest('Operator managed roles have no versions: give a Soracom managed role.');
  }
  throw notFound('No such Soracom managed role.');
};

export const roleHandlers = {
  listRoles,
  getRole,
  createRole,
  updateRole,
  deleteRole,
  listRoleAttachedUsers,
  listRoleVersions,
} satisfies Handlers;
