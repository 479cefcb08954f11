import { deepEqual, isObject, type JsonObject, namespaces } from '../../../../common/configuration';
import { groupActions } from '../../../api/resources/groupActions';

export type Configuration = Record<string, JsonObject>;

export function configurationOf(value: unknown): Configuration {
  const out: Configuration = {};
  if (!isObject(value)) return out;
  for (const ns of namespaces) if (isObject(value[ns])) out[ns] = value[ns] as JsonObject;
  return out;
}

/** Makes the group's configuration equal to `target`: changed namespaces saved, missing ones deleted. */
export async function applyConfiguration(
  groupId: string,
  current: Configuration,
  target: Configuration,
): Promise<void> {
  for (const ns of namespaces) {
    const now = current[ns] ?? {};
    const next = target[ns] ?? {};
    if (!deepEqual(now, next)) await groupActions.saveNamespace(groupId, ns, now, next);
  }
}
