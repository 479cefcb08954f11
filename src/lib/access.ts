/**
 * What the console knows of the signed-in SAM user's permissions, and what it concludes for one call. The decision is
 * the sandbox's own (`evaluatePermissions` in common/); this adds only what to do when part of the permissions could
 * not be read: a call no readable statement allows may still be allowed by the part we cannot see, so it is shown
 * (and a 403, should it come, is explained); a call a readable statement denies is refused whatever the rest says.
 */
import {
  type Decision,
  evaluatePermissions,
  type PermissionSource,
  type SourcedPermission,
} from '../../common/permissions';

export interface KnownPermissions {
  sources: SourcedPermission[];
  /** False when a source (the user's permission, a role, the default permissions) could not be read. */
  complete: boolean;
}

export interface CallContext {
  samUserName: string;
  pathVariables?: Record<string, string>;
  now?: number;
  sourceIp?: string;
}

export type Verdict = { allowed: true; decision?: Decision } | { allowed: false; decision: Decision };

/** `Service:operationId` → its two parts. */
export function splitApi(api: string): { service: string; operationId: string } {
  const at = api.indexOf(':');
  return { service: api.slice(0, at), operationId: api.slice(at + 1) };
}

/** `known` is null for the root account (which may do anything) or while nothing is known yet. */
export function verdictFor(known: KnownPermissions | null, api: string, context: CallContext): Verdict {
  if (!known) return { allowed: true };
  const decision = evaluatePermissions(known.sources, {
    ...splitApi(api),
    pathVariables: context.pathVariables ?? {},
    samUserName: context.samUserName,
    sourceIp: context.sourceIp,
    now: context.now ?? Date.now(),
  });
  if (decision.allowed || (decision.reason === 'not-allowed' && !known.complete)) return { allowed: true, decision };
  return { allowed: false, decision };
}

/** Whether any of `apis` is allowed (a screen opens when one of the calls it starts with is). */
export function anyAllowed(known: KnownPermissions | null, apis: readonly string[], context: CallContext): boolean {
  return apis.length === 0 || apis.some((api) => verdictFor(known, api, context).allowed);
}

export function sourceKey(source: PermissionSource): string {
  return source.kind === 'role' ? `role:${source.roleId}` : source.kind;
}
