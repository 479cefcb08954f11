/** `UserDetailResponse`, as `getUser`, `listUsers` and `listRoleAttachedUsers` answer it. */
import type { components } from '../../../../src/api/schema';
import type { Ctx } from '../../context';
import { notFound } from '../../errors';
import type { RoleRow } from '../../store/roles';
import type { UserRow } from '../../store/users';
import { listAuthKeys } from '../operator/authKeys';

type UserDetail = components['schemas']['UserDetailResponse'];
type RoleSummary = components['schemas']['ListRolesResponse'];

const seconds = (ms: number) => Math.floor(ms / 1000);

/** A role as `ListRolesResponse` (no permission): times in UNIX seconds. */
export const roleSummary = (role: RoleRow): RoleSummary => ({
  roleId: role.role_id,
  roleName: role.role_id,
  owner: 'operator',
  description: role.description,
  createDateTime: seconds(role.created_at),
  updateDateTime: seconds(role.updated_at),
});

export function userDetail(ctx: Ctx<unknown>, user: UserRow): UserDetail {
  return {
    userName: user.user_name,
    description: user.description,
    hasPassword: user.password_hash !== null,
    authKeyList: listAuthKeys(ctx, user.operator_id, user.user_name),
    roleList: ctx.stores.roles.ofUser(user.operator_id, user.user_name).map(roleSummary),
    ...(user.permission === null ? {} : { permission: user.permission }),
    createDateTime: seconds(user.created_at),
    updateDateTime: seconds(user.updated_at),
  };
}

/** The SAM user of the path, which must exist in the operator. */
export function pathUser(ctx: Ctx<unknown>, operatorId: string): UserRow {
  const user = ctx.stores.users.get(operatorId, ctx.path.user_name ?? '');
  if (!user) throw notFound('No such user.');
  return user;
}
