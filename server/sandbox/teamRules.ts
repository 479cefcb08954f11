/** Input rules of team access (users, roles, permissions, trust policies); the limits are guesses.ts's. */
import { parsePermission } from '../../common/permissions';
import { badRequest, codes } from './errors';
import { teamLimits, trustPolicyLimits } from './guesses';

/** A user name or role ID. */
export function checkId(id: string | undefined, what: 'user name' | 'role ID'): string {
  if (!id || !teamLimits.idPattern.test(id)) {
    throw badRequest(`A ${what} is 1 to 100 letters, digits and the characters @ _ . + -`);
  }
  return id;
}

export function checkDescription(description: string | undefined): string {
  const text = description ?? '';
  if (text.length > teamLimits.descriptionLength) {
    throw badRequest(`A description is at most ${teamLimits.descriptionLength} characters.`);
  }
  return text;
}

/** Permission JSON text, as common/permissions.ts reads it: kept as given when it is valid. */
export function checkPermission(text: string | undefined, field = 'permission'): string {
  if (text === undefined) throw badRequest(`Request body: '${field}' is required.`);
  const result = parsePermission(text);
  if (!result.ok) throw badRequest(`Request body: '${field}': ${result.message}`, codes.permissionInvalid);
  return text;
}

/** A count that would pass its limit with one more. */
export function checkRoom(count: number, max: number, what: string): void {
  if (count >= max) throw badRequest(`At most ${max} ${what}.`, codes.limitExceeded);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a trust policy is not one, or undefined. */
function trustPolicyProblem(value: unknown): string | undefined {
  if (!isRecord(value) || !Array.isArray(value.statements)) return 'A trust policy is an object with "statements".';
  if (value.statements.length > trustPolicyLimits.statements) {
    return `A trust policy has at most ${trustPolicyLimits.statements} statements.`;
  }
  for (const [index, statement] of value.statements.entries()) {
    const at = `statements[${index}]`;
    if (!isRecord(statement)) return `${at} must be an object.`;
    if (statement.effect !== 'allow' && statement.effect !== 'deny') return `${at}.effect must be "allow" or "deny".`;
    const principal = statement.principal;
    if (!isRecord(principal) || !Array.isArray(principal.soracom)) return `${at}.principal.soracom must be a list.`;
    if (principal.soracom.length > trustPolicyLimits.principals) {
      return `${at}.principal.soracom has at most ${trustPolicyLimits.principals} entries.`;
    }
    const wrong = principal.soracom.find(
      (srn) =>
        typeof srn !== 'string' || !srn.startsWith('srn:soracom:') || srn.length > trustPolicyLimits.principalLength,
    );
    if (wrong !== undefined) return `${at}.principal.soracom holds something that is not an SRN (srn:soracom:…).`;
  }
  return undefined;
}

export function checkTrustPolicy(text: string | undefined): string {
  if (text === undefined) throw badRequest("Request body: 'trustPolicy' is required.");
  if (text.length > trustPolicyLimits.textLength) {
    throw badRequest(`A trust policy is at most ${trustPolicyLimits.textLength} characters.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The trust policy is not valid JSON.', codes.permissionInvalid);
  }
  const problem = trustPolicyProblem(value);
  if (problem) throw badRequest(problem, codes.permissionInvalid);
  return text;
}
