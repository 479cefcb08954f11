/**
 * Team access, read side: SAM users, their permission and roles, the roles, and the default permissions of an
 * operator. The changes are in teamChanges.ts.
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { ApiError } from '../errors';
import type { components } from '../schema';

export type SamUser = components['schemas']['UserDetailResponse'];
export type RoleSummary = components['schemas']['ListRolesResponse'];
export type Role = components['schemas']['RoleResponse'];

const op = (operatorId: string) => ({ operator_id: operatorId });
const usr = (operatorId: string, userName: string) => ({ operator_id: operatorId, user_name: userName });

/** A permission that was never set reads as none: SORACOM may answer 404 rather than an empty string. */
async function orEmpty(read: () => Promise<string | undefined>): Promise<string> {
  try {
    return (await read()) ?? '';
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return '';
    throw error;
  }
}

export const teamQueries = {
  all: (operatorId: string) => ['team', operatorId] as const,
  users: (operatorId: string) =>
    queryOptions({
      queryKey: [...teamQueries.all(operatorId), 'users'],
      queryFn: async ({ signal }): Promise<SamUser[]> => {
        const { data } = await api.GET('/operators/{operator_id}/users', { params: { path: op(operatorId) }, signal });
        return data ?? [];
      },
    }),
  user: (operatorId: string, userName: string) =>
    queryOptions({
      queryKey: [...teamQueries.all(operatorId), 'users', userName],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/operators/{operator_id}/users/{user_name}', {
          params: { path: usr(operatorId, userName) },
          signal,
        });
        return data as SamUser;
      },
    }),
  /** The user's own permission document (JSON text), '' when none is set. */
  userPermission: (operatorId: string, userName: string) =>
    queryOptions({
      queryKey: [...teamQueries.all(operatorId), 'users', userName, 'permission'],
      queryFn: ({ signal }) =>
        orEmpty(async () => {
          const { data } = await api.GET('/operators/{operator_id}/users/{user_name}/permission', {
            params: { path: usr(operatorId, userName) },
            signal,
          });
          return data?.permission;
        }),
    }),
  /** The user's roles, each with its permission. */
  userRoles: (operatorId: string, userName: string) =>
    queryOptions({
      queryKey: [...teamQueries.all(operatorId), 'users', userName, 'roles'],
      queryFn: async ({ signal }): Promise<Role[]> => {
        const { data } = await api.GET('/operators/{operator_id}/users/{user_name}/roles', {
          params: { path: usr(operatorId, userName) },
          signal,
        });
        return data ?? [];
      },
    }),
  hasPassword: (operatorId: string, userName: string) =>
    queryOptions({
      queryKey: [...teamQueries.all(operatorId), 'users', userName, 'password'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/operators/{operator_id}/users/{user_name}/password', {
          params: { path: usr(operatorId, userName) },
          signal,
        });
        return Boolean(data?.hasPassword);
      },
    }),
  roles: (operatorId: string) =>
    queryOptions({
      queryKey: [...teamQueries.all(operatorId), 'roles'],
      queryFn: async ({ signal }): Promise<RoleSummary[]> => {
        const { data } = await api.GET('/operators/{operator_id}/roles', { params: { path: op(operatorId) }, signal });
        return data ?? [];
      },
    }),
  role: (operatorId: string, roleId: string) =>
    queryOptions({
      queryKey: [...teamQueries.all(operatorId), 'roles', roleId],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/operators/{operator_id}/roles/{role_id}', {
          params: { path: { operator_id: operatorId, role_id: roleId } },
          signal,
        });
        return data as Role;
      },
    }),
  roleUsers: (operatorId: string, roleId: string) =>
    queryOptions({
      queryKey: [...teamQueries.all(operatorId), 'roles', roleId, 'users'],
      queryFn: async ({ signal }): Promise<SamUser[]> => {
        const { data } = await api.GET('/operators/{operator_id}/roles/{role_id}/users', {
          params: { path: { operator_id: operatorId, role_id: roleId } },
          signal,
        });
        return data ?? [];
      },
    }),
  /** The operator's default permissions (JSON text), '' when none are set. */
  defaultPermissions: (operatorId: string) =>
    queryOptions({
      queryKey: [...teamQueries.all(operatorId), 'defaultPermissions'],
      queryFn: ({ signal }) =>
        orEmpty(async () => {
          const { data } = await api.GET('/operators/{operator_id}/users/default_permissions', {
            params: { path: op(operatorId) },
            signal,
          });
          return data?.defaultPermissions;
        }),
    }),
};
