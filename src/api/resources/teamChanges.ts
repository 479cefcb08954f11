/** Team access, changes: SAM users, their password, permission and roles; roles; default permissions. */
import { mutationOptions } from '@tanstack/react-query';
import { api } from '../client';
import { refetchAfterChange } from '../queryClient';
import { teamQueries } from './team';

const usr = (operatorId: string, userName: string) => ({ operator_id: operatorId, user_name: userName });

export interface NewUser {
  userName: string;
  description: string;
  /** Set when the user gets a password to sign in with. */
  password?: string;
  /** Also give the user an auth key (its secret is in the answer, once). */
  authKey: boolean;
  roleIds: string[];
}

export const teamChanges = {
  /**
   * Creates the user, then its password, roles and auth key. Each step is its own call: when a later one fails the
   * user exists, so the error says which step failed and the user's page can finish the job.
   */
  createUser: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (input: NewUser): Promise<{ authKeyId?: string; authKey?: string }> => {
        const path = usr(operatorId, input.userName);
        await api.POST('/operators/{operator_id}/users/{user_name}', {
          params: { path },
          body: { description: input.description },
        });
        if (input.password) {
          await api.POST('/operators/{operator_id}/users/{user_name}/password', {
            params: { path },
            body: { password: input.password },
          });
        }
        for (const roleId of input.roleIds) {
          await api.POST('/operators/{operator_id}/users/{user_name}/roles', { params: { path }, body: { roleId } });
        }
        if (!input.authKey) return {};
        const { data } = await api.POST('/operators/{operator_id}/users/{user_name}/auth_keys', { params: { path } });
        return { authKeyId: data?.authKeyId, authKey: data?.authKey };
      },
      // The answer may hold an auth key secret: kept no longer than the screen shows it.
      gcTime: 0,
      onSettled: (_data, _error, _input, _result, { client }) =>
        refetchAfterChange(client, teamQueries.users(operatorId).queryKey),
    }),
  updateUser: (operatorId: string, userName: string) =>
    mutationOptions({
      mutationFn: async (description: string) => {
        await api.PUT('/operators/{operator_id}/users/{user_name}', {
          params: { path: usr(operatorId, userName) },
          body: { description },
        });
      },
      onSuccess: (_data, _vars, _result, { client }) =>
        refetchAfterChange(client, teamQueries.users(operatorId).queryKey),
    }),
  deleteUser: (operatorId: string, userName: string) =>
    mutationOptions({
      mutationFn: async () => {
        await api.DELETE('/operators/{operator_id}/users/{user_name}', { params: { path: usr(operatorId, userName) } });
      },
      onSuccess: (_data, _vars, _result, { client }) => {
        client.removeQueries({ queryKey: teamQueries.user(operatorId, userName).queryKey });
        return refetchAfterChange(client, teamQueries.users(operatorId).queryKey);
      },
    }),
  /** Sets a password for a user without one (root or an administrator; no current password asked). */
  setPassword: (operatorId: string, userName: string) =>
    mutationOptions({
      mutationFn: async (password: string) => {
        await api.POST('/operators/{operator_id}/users/{user_name}/password', {
          params: { path: usr(operatorId, userName) },
          body: { password },
        });
      },
      onSuccess: (_data, _vars, _result, { client }) =>
        refetchAfterChange(client, teamQueries.user(operatorId, userName).queryKey),
    }),
  removePassword: (operatorId: string, userName: string) =>
    mutationOptions({
      mutationFn: async () => {
        await api.DELETE('/operators/{operator_id}/users/{user_name}/password', {
          params: { path: usr(operatorId, userName) },
        });
      },
      onSuccess: (_data, _vars, _result, { client }) =>
        refetchAfterChange(client, teamQueries.user(operatorId, userName).queryKey),
    }),
  /** Saves the user's permission; an empty text removes it. */
  savePermission: (operatorId: string, userName: string) =>
    mutationOptions({
      mutationFn: async (permission: string) => {
        const path = usr(operatorId, userName);
        if (permission.trim() === '')
          await api.DELETE('/operators/{operator_id}/users/{user_name}/permission', { params: { path } });
        else
          await api.PUT('/operators/{operator_id}/users/{user_name}/permission', {
            params: { path },
            body: { permission },
          });
      },
      onSuccess: (_data, _vars, _result, { client }) =>
        refetchAfterChange(client, teamQueries.user(operatorId, userName).queryKey),
    }),
  attachRole: (operatorId: string, userName: string) =>
    mutationOptions({
      mutationFn: async (roleId: string) => {
        await api.POST('/operators/{operator_id}/users/{user_name}/roles', {
          params: { path: usr(operatorId, userName) },
          body: { roleId },
        });
      },
      onSuccess: (_data, roleId, _result, { client }) =>
        refetchAfterChange(
          client,
          teamQueries.user(operatorId, userName).queryKey,
          teamQueries.roleUsers(operatorId, roleId).queryKey,
        ),
    }),
  detachRole: (operatorId: string, userName: string) =>
    mutationOptions({
      mutationFn: async (roleId: string) => {
        await api.DELETE('/operators/{operator_id}/users/{user_name}/roles/{role_id}', {
          params: { path: { ...usr(operatorId, userName), role_id: roleId } },
        });
      },
      onSuccess: (_data, roleId, _result, { client }) =>
        refetchAfterChange(
          client,
          teamQueries.user(operatorId, userName).queryKey,
          teamQueries.roleUsers(operatorId, roleId).queryKey,
        ),
    }),
  /** Creates a role (roleId new) or replaces its description and permission. */
  saveRole: (operatorId: string, roleId: string, isNew: boolean) =>
    mutationOptions({
      mutationFn: async (body: { description?: string; permission: string }) => {
        const path = { operator_id: operatorId, role_id: roleId };
        if (isNew) await api.POST('/operators/{operator_id}/roles/{role_id}', { params: { path }, body });
        else await api.PUT('/operators/{operator_id}/roles/{role_id}', { params: { path }, body });
      },
      onSuccess: (_data, _vars, _result, { client }) =>
        refetchAfterChange(
          client,
          teamQueries.roles(operatorId).queryKey,
          teamQueries.role(operatorId, roleId).queryKey,
        ),
    }),
  deleteRole: (operatorId: string, roleId: string) =>
    mutationOptions({
      mutationFn: async () => {
        await api.DELETE('/operators/{operator_id}/roles/{role_id}', {
          params: { path: { operator_id: operatorId, role_id: roleId } },
        });
      },
      onSuccess: (_data, _vars, _result, { client }) => {
        client.removeQueries({ queryKey: teamQueries.role(operatorId, roleId).queryKey });
        return refetchAfterChange(client, teamQueries.roles(operatorId).queryKey);
      },
    }),
  /** Saves the default permissions; an empty text removes them. */
  saveDefaultPermissions: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (permissions: string) => {
        const path = { operator_id: operatorId };
        if (permissions.trim() === '')
          await api.DELETE('/operators/{operator_id}/users/default_permissions', { params: { path } });
        else
          await api.PUT('/operators/{operator_id}/users/default_permissions', {
            params: { path },
            body: { permissions },
          });
      },
      onSuccess: (_data, _vars, _result, { client }) =>
        refetchAfterChange(client, teamQueries.defaultPermissions(operatorId).queryKey),
    }),
};
