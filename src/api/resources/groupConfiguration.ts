/**
 * A group's configuration (`/groups/{id}/configuration/…`): saving one namespace, and applying a whole configuration
 * (import, copy from another group). A namespace is saved from the draft the editor holds, which is the loaded
 * namespace with the user's edits written into it: every key the forms do not know is sent back exactly as loaded.
 */
import { mutationOptions } from '@tanstack/react-query';
import {
  clone,
  deepEqual,
  isObject,
  type JsonObject,
  namespaces,
  savePlan,
  toUpdateRequest,
} from '../../../common/configuration';
import { api } from '../client';
import type { paths } from '../schema';
import { type Group, groupDetailQueries, refetchGroup } from './groups';

export type Configuration = Record<string, JsonObject>;
type Namespace = paths['/groups/{group_id}/configuration/{namespace}']['put']['parameters']['path']['namespace'];
type DeletableNamespace =
  paths['/groups/{group_id}/configuration/{namespace}/{name}']['delete']['parameters']['path']['namespace'];
/** The description does not list SoracomOrbit for deleting one key: there, the replacing PUT drops it instead. */
const keyDeletable = (ns: string): ns is DeletableNamespace => ns !== 'SoracomOrbit';

/** The group's namespaces that are objects, each as it is. */
export function configurationOf(value: unknown): Configuration {
  const out: Configuration = {};
  if (!isObject(value)) return out;
  for (const ns of namespaces) if (isObject(value[ns])) out[ns] = value[ns] as JsonObject;
  return out;
}

/** A copy of one namespace of the group (empty when it has none), for an editor to change. */
export function namespaceOf(group: Group, namespace: string): JsonObject {
  const value = (group.configuration as Record<string, unknown> | undefined)?.[namespace];
  return isObject(value) ? clone(value) : {};
}

/** Someone else changed the namespace since it was loaded: nothing was saved. */
export class NamespaceConflict extends Error {
  override readonly name = 'NamespaceConflict';
  constructor(
    /** The namespace as it is now on the server. */
    readonly theirs: JsonObject,
    /** The group as it was read to find that out. */
    readonly group: Group,
  ) {
    super('the namespace changed since it was loaded');
  }
}

/**
 * Makes the namespace on the server equal to `draft`, from `current` (what the server has): keys removed first
 * (DELETE each), then every remaining key in one replacing PUT; an empty draft deletes the namespace.
 */
async function putNamespace(groupId: string, namespace: string, current: JsonObject, draft: JsonObject) {
  const path = { group_id: groupId, namespace: namespace as Namespace };
  if (Object.keys(draft).length === 0) {
    if (Object.keys(current).length > 0)
      await api.DELETE('/groups/{group_id}/configuration/{namespace}', { params: { path } });
    return;
  }
  const plan = savePlan(current, draft);
  if (keyDeletable(path.namespace)) {
    for (const name of plan.remove) {
      await api.DELETE('/groups/{group_id}/configuration/{namespace}/{name}', {
        params: { path: { ...path, namespace: path.namespace, name } },
      });
    }
  }
  if (plan.put || (!keyDeletable(path.namespace) && plan.remove.length > 0)) {
    await api.PUT('/groups/{group_id}/configuration/{namespace}', { params: { path }, body: toUpdateRequest(draft) });
  }
}

export const groupConfigurationChanges = {
  /**
   * Saves `draft` over the namespace as it is on the server now. Unless `overwrite`, it first checks that nobody
   * changed the namespace since `loaded` was read, and refuses with a `NamespaceConflict` if someone did (the
   * group's lastModifiedTime moves for any change, but this save replaces only this namespace, so changes elsewhere
   * cannot be lost by it).
   */
  saveNamespace: (groupId: string, namespace: string) =>
    mutationOptions({
      mutationFn: async (
        { loaded, draft, overwrite }: { loaded: JsonObject; draft: JsonObject; overwrite: boolean },
        { client },
      ) => {
        const fresh = await client.fetchQuery({ ...groupDetailQueries.detail(groupId), staleTime: 0 });
        const theirs = namespaceOf(fresh, namespace);
        if (!overwrite && !deepEqual(theirs, loaded)) throw new NamespaceConflict(theirs, fresh);
        await putNamespace(groupId, namespace, theirs, draft);
      },
      onSuccess: (_data, _vars, _result, { client }) => refetchGroup(client, groupId),
    }),
  /** Makes the group's configuration equal to `target`: changed namespaces saved, missing ones deleted. */
  apply: (groupId: string) =>
    mutationOptions({
      mutationFn: async ({ current, target }: { current: Configuration; target: Configuration }) => {
        for (const ns of namespaces) {
          const now = current[ns] ?? {};
          const next = target[ns] ?? {};
          if (!deepEqual(now, next)) await putNamespace(groupId, ns, now, next);
        }
      },
      onSuccess: (_data, _vars, _result, { client }) => refetchGroup(client, groupId),
    }),
};
