/** Changes to groups: creation, tags, configuration, membership. Callers refresh `groupQueries` afterwards. */

import { type JsonObject, savePlan, toUpdateRequest } from '../../../common/configuration';
import { api } from '../client';
import type { paths } from '../schema';
import type { Group } from './groups';

type Namespace = paths['/groups/{group_id}/configuration/{namespace}']['put']['parameters']['path']['namespace'];
type DeletableNamespace =
  paths['/groups/{group_id}/configuration/{namespace}/{name}']['delete']['parameters']['path']['namespace'];
/** The description does not list SoracomOrbit for deleting one key: there, the replacing PUT drops it instead. */
const keyDeletable = (ns: string): ns is DeletableNamespace => ns !== 'SoracomOrbit';

const path = (groupId: string) => ({ group_id: groupId });

export const groupActions = {
  async create(name: string, tags: Record<string, string>): Promise<Group> {
    const { data } = await api.POST('/groups', { body: { tags: { ...tags, name } } });
    if (!data?.groupId) throw new Error('no group in the answer');
    return data;
  },
  async remove(groupId: string): Promise<void> {
    await api.DELETE('/groups/{group_id}', { params: { path: path(groupId) } });
  },
  async putTags(groupId: string, tags: Record<string, string>): Promise<void> {
    await api.PUT('/groups/{group_id}/tags', {
      params: { path: path(groupId) },
      body: Object.entries(tags).map(([tagName, tagValue]) => ({ tagName, tagValue })),
    });
  },
  async deleteTag(groupId: string, tagName: string): Promise<void> {
    await api.DELETE('/groups/{group_id}/tags/{tag_name}', {
      params: { path: { ...path(groupId), tag_name: tagName } },
    });
  },
  /**
   * Makes the namespace on the server equal to `draft`, from `current` (what the server has): keys removed first
   * (DELETE each), then every remaining key in one replacing PUT; an empty draft deletes the namespace.
   */
  async saveNamespace(groupId: string, namespace: string, current: JsonObject, draft: JsonObject): Promise<void> {
    const ns = namespace as Namespace;
    if (Object.keys(draft).length === 0) {
      if (Object.keys(current).length > 0) await groupActions.deleteNamespace(groupId, namespace);
      return;
    }
    const plan = savePlan(current, draft);
    if (keyDeletable(ns)) {
      for (const name of plan.remove) {
        await api.DELETE('/groups/{group_id}/configuration/{namespace}/{name}', {
          params: { path: { ...path(groupId), namespace: ns, name } },
        });
      }
    }
    if (plan.put || (!keyDeletable(ns) && plan.remove.length > 0)) {
      await api.PUT('/groups/{group_id}/configuration/{namespace}', {
        params: { path: { ...path(groupId), namespace: ns } },
        body: toUpdateRequest(draft),
      });
    }
  },
  async deleteNamespace(groupId: string, namespace: string): Promise<void> {
    await api.DELETE('/groups/{group_id}/configuration/{namespace}', {
      params: { path: { ...path(groupId), namespace: namespace as Namespace } },
    });
  },
  async addSim(groupId: string, simId: string): Promise<void> {
    await api.POST('/sims/{sim_id}/set_group', { params: { path: { sim_id: simId } }, body: { groupId } });
  },
  async removeSim(simId: string): Promise<void> {
    await api.POST('/sims/{sim_id}/unset_group', { params: { path: { sim_id: simId } } });
  },
};
