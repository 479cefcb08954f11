/**
 * A group's configuration: the namespaces it may have, and the few documented settings whose values are checked.
 * Every other key is kept exactly as the client sent it (the console sends back keys it does not know, as loaded).
 */
import { isIP } from 'node:net';
// The namespaces of `PUT /groups/{group_id}/configuration/{namespace}`: one list, shared with the console.
import { type Namespace, namespaces } from '../../../../common/configuration';
import { badRequest } from '../../errors';
import { groupConfiguration } from '../../guesses';

export type { Namespace };
export { namespaces };

export const isNamespace = (name: string): name is Namespace => (namespaces as readonly string[]).includes(name);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Check = (value: unknown) => string | null;

const boolean: Check = (value) => (typeof value === 'boolean' ? null : 'must be true or false');

const ipList: Check = (value) =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && isIP(v) !== 0)
    ? null
    : 'must be a list of IPv4 or IPv6 addresses';

const metadata: Check = (value) => {
  if (!isObject(value)) return 'must be an object';
  for (const flag of ['enabled', 'readonly']) {
    if (Object.hasOwn(value, flag) && typeof value[flag] !== 'boolean') return `'${flag}' must be true or false`;
  }
  return null;
};

const { min, max } = groupConfiguration.endorseTokenTimeoutSeconds;
const tokenTimeout: Check = (value) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? null
    : `must be a whole number of seconds from ${min} to ${max}`;

/** Checks by namespace and key; `enabled` is checked in every namespace. */
const checks: Partial<Record<Namespace, Record<string, Check>>> = {
  SoracomAir: {
    dnsServers: ipList,
    useCustomDns: boolean,
    useVpg: boolean,
    binaryParserEnabled: boolean,
    metadata,
  },
  SoracomEndorse: { tokenTimeoutSeconds: tokenTimeout },
};

/** Throws a 400 naming the key when a documented setting of `namespace` has a value that does not fit. */
export function checkSettings(namespace: Namespace, settings: Record<string, unknown>): void {
  const table = checks[namespace] ?? {};
  for (const [key, value] of Object.entries(settings)) {
    // Own keys only: a key such as `constructor` must not find Object.prototype's.
    const check = key === 'enabled' ? boolean : Object.hasOwn(table, key) ? table[key] : undefined;
    const problem = check?.(value);
    if (problem) throw badRequest(`Configuration ${namespace}: '${key}' ${problem}.`);
  }
}

/**
 * Checks the `configuration` of a new group: only known namespaces, each an object of settings that pass
 * checkSettings. Answers a copy keyed the same way.
 */
export function checkConfiguration(configuration: unknown): Record<string, Record<string, unknown>> {
  if (configuration === undefined) return {};
  if (!isObject(configuration)) throw badRequest("Request body: 'configuration' must be an object.");
  const result: [string, Record<string, unknown>][] = [];
  for (const [namespace, settings] of Object.entries(configuration)) {
    if (!isNamespace(namespace)) {
      throw badRequest(
        `Request body: 'configuration.${namespace}' is not a namespace: use one of ${namespaces.join(', ')}.`,
      );
    }
    if (!isObject(settings)) throw badRequest(`Request body: 'configuration.${namespace}' must be an object.`);
    checkSettings(namespace, settings);
    result.push([namespace, settings]);
  }
  return Object.fromEntries(result);
}
