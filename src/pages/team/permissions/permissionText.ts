/** Pure helpers of the permission editor: validation as you type, adding a statement, and the diff before saving. */
import type { Change } from '../../../../common/configuration';
import { formatPermission, type PermissionStatement, parsePermission } from '../../../../common/permissions';

/** `message` is the evaluator's explanation; `required` when an empty text is not allowed. */
export type Validation =
  | { ok: true }
  | { ok: false; required: true }
  | { ok: false; required?: false; message: string };

/** An empty text means "no permission" where that is allowed (a user, the defaults), not for a role. */
export function validatePermissionText(text: string, allowEmpty: boolean): Validation {
  if (text.trim() === '') return allowEmpty ? { ok: true } : { ok: false, required: true };
  const parsed = parsePermission(text);
  return parsed.ok ? { ok: true } : { ok: false, message: parsed.message };
}

/** The text with one more statement, or null when the text is not a permission yet (nothing is overwritten). */
export function withStatement(text: string, statement: PermissionStatement): string | null {
  if (text.trim() === '') return formatPermission({ statements: [statement] });
  const parsed = parsePermission(text);
  if (!parsed.ok) return null;
  return formatPermission({ statements: [...parsed.permission.statements, statement] });
}

function statementsOf(text: string): unknown[] {
  if (text.trim() === '') return [];
  try {
    const value = JSON.parse(text) as { statements?: unknown };
    return Array.isArray(value.statements) ? value.statements : [];
  } catch {
    return [];
  }
}

/** Statement by statement: what is added, removed or changed between the saved text and the edited one. */
export function permissionChanges(before: string, after: string): Change[] {
  const a = statementsOf(before);
  const b = statementsOf(after);
  const changes: Change[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const path = [`statements[${i}]`];
    const was = a[i] as Change['before'];
    const now = b[i] as Change['after'];
    if (i >= a.length) changes.push({ kind: 'added', path, after: now });
    else if (i >= b.length) changes.push({ kind: 'removed', path, before: was });
    else if (JSON.stringify(was) !== JSON.stringify(now))
      changes.push({ kind: 'changed', path, before: was, after: now });
  }
  return changes;
}
