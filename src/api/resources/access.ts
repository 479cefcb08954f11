/**
 * The signed-in SAM user's own permissions, as far as they may read them: their permission, their roles' and the
 * operator's default permissions. What cannot be read (403, or a permission that does not parse) makes the result
 * incomplete rather than failing: the console then cannot know, shows everything and relies on the API's 403.
 */
import { queryOptions } from '@tanstack/react-query';
import { parsePermission, type SourcedPermission } from '../../../common/permissions';
import type { KnownPermissions } from '../../lib/access';
import { api } from '../client';
import { ApiError } from '../errors';

type Read = { text: string } | 'unreadable';

async function read(call: () => Promise<string | undefined>): Promise<Read> {
  try {
    return { text: (await call()) ?? '' };
  } catch (error) {
    // Never set: nothing to add. Anything else (403 first of all): this part is unknown.
    if (error instanceof ApiError && error.status === 404) return { text: '' };
    return 'unreadable';
  }
}

export const accessQueries = {
  mine: (operatorId: string, userName: string) =>
    queryOptions({
      queryKey: ['access', operatorId, userName],
      queryFn: async ({ signal }): Promise<KnownPermissions> => {
        const path = { operator_id: operatorId, user_name: userName };
        const [own, defaults, roles] = await Promise.all([
          read(async () => {
            const { data } = await api.GET('/operators/{operator_id}/users/{user_name}/permission', {
              params: { path },
              signal,
            });
            return data?.permission;
          }),
          read(async () => {
            const { data } = await api.GET('/operators/{operator_id}/users/default_permissions', {
              params: { path: { operator_id: operatorId } },
              signal,
            });
            return data?.defaultPermissions;
          }),
          api
            .GET('/operators/{operator_id}/users/{user_name}/roles', { params: { path }, signal })
            .then(({ data }) => data ?? [])
            .catch(() => 'unreadable' as const),
        ]);
        let complete = true;
        const sources: SourcedPermission[] = [];
        const add = (source: SourcedPermission['source'], part: Read) => {
          if (part === 'unreadable') {
            complete = false;
            return;
          }
          if (part.text.trim() === '') return;
          const parsed = parsePermission(part.text);
          if (parsed.ok) sources.push({ source, permission: parsed.permission });
          else complete = false;
        };
        add({ kind: 'user' }, own);
        if (roles === 'unreadable') complete = false;
        else {
          for (const role of roles) {
            if (!role.roleId) continue;
            add(
              { kind: 'role', roleId: role.roleId },
              role.permission === undefined ? 'unreadable' : { text: role.permission },
            );
          }
        }
        add({ kind: 'default' }, defaults);
        return { sources, complete };
      },
      staleTime: 5 * 60_000,
      retry: false,
    }),
};
