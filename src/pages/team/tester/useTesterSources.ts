import { useQuery } from '@tanstack/react-query';
import { parsePermission, type SourcedPermission } from '../../../../common/permissions';
import { teamQueries } from '../../../api/resources/team';

export interface TesterSources {
  sources: SourcedPermission[];
  /** Parts that could not be read or parsed, by name, with why. */
  problems: { label: string; message: string }[];
  loading: boolean;
}

/** The chosen user's permission, their roles' and the default permissions, or one pasted permission. */
export function useTesterSources(operatorId: string, userName: string | null, pasted: string | null): TesterSources {
  const enabled = Boolean(userName) && pasted === null;
  const own = useQuery({ ...teamQueries.userPermission(operatorId, userName ?? ''), enabled });
  const roles = useQuery({ ...teamQueries.userRoles(operatorId, userName ?? ''), enabled });
  const defaults = useQuery({ ...teamQueries.defaultPermissions(operatorId), enabled });
  const sources: SourcedPermission[] = [];
  const problems: TesterSources['problems'] = [];
  const add = (source: SourcedPermission['source'], label: string, text: string | undefined, error: unknown) => {
    if (error) problems.push({ label, message: error instanceof Error ? error.message : String(error) });
    if (!text?.trim()) return;
    const parsed = parsePermission(text);
    if (parsed.ok) sources.push({ source, permission: parsed.permission });
    else problems.push({ label, message: parsed.message });
  };
  if (pasted !== null) {
    add({ kind: 'user' }, 'pasted', pasted, null);
    return { sources, problems, loading: false };
  }
  if (!userName) return { sources, problems, loading: false };
  add({ kind: 'user' }, 'user', own.data, own.error);
  for (const role of roles.data ?? []) {
    add({ kind: 'role', roleId: role.roleId ?? '' }, `role:${role.roleId}`, role.permission, null);
  }
  if (roles.error) problems.push({ label: 'roles', message: roles.error.message });
  add({ kind: 'default' }, 'default', defaults.data, defaults.error);
  return { sources, problems, loading: own.isPending || roles.isPending || defaults.isPending };
}
