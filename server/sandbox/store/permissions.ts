/**
 * Permissions as stored: JSON text, checked with common/permissions.ts before it is written. The user's own, the
 * operator's default permissions, and the one read a SAM user's every call makes: all that applies to the user.
 */
import type { Db } from '../db';

export interface PermissionRow {
  kind: 'user' | 'role' | 'default';
  role_id: string | null;
  permission: string;
}

export function permissionStore(db: Db) {
  const ofCaller = db.prepare<{ operatorId: string; userName: string }, PermissionRow>(
    `SELECT 'user' AS kind, NULL AS role_id, permission FROM users
       WHERE operator_id = @operatorId AND user_name = @userName AND permission IS NOT NULL
     UNION ALL
     SELECT 'role', r.role_id, r.permission FROM user_roles ur
       JOIN roles r ON r.operator_id = ur.operator_id AND r.role_id = ur.role_id
       WHERE ur.operator_id = @operatorId AND ur.user_name = @userName
     UNION ALL
     SELECT 'default', NULL, permission FROM default_permissions WHERE operator_id = @operatorId`,
  );
  const setUser = db.prepare('UPDATE users SET permission = ?, updated_at = ? WHERE operator_id = ? AND user_name = ?');
  const getDefault = db.prepare<[string], { permission: string }>(
    'SELECT permission FROM default_permissions WHERE operator_id = ?',
  );
  const setDefault = db.prepare(
    `INSERT INTO default_permissions (operator_id, permission, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (operator_id) DO UPDATE SET permission = excluded.permission, updated_at = excluded.updated_at`,
  );
  const deleteDefault = db.prepare('DELETE FROM default_permissions WHERE operator_id = ?');
  const setTrust = db.prepare(
    'UPDATE users SET trust_policy = ?, updated_at = ? WHERE operator_id = ? AND user_name = ?',
  );

  return {
    /** Every permission that applies to a SAM user: its own, its roles' (by role ID) and the defaults, in that order. */
    ofUser: (operatorId: string, userName: string) => ofCaller.all({ operatorId, userName }),
    /** Sets (text) or removes (null) a user's own permission. */
    setUser: (operatorId: string, userName: string, permission: string | null, now: number) =>
      setUser.run(permission, now, operatorId, userName),
    getDefault: (operatorId: string) => getDefault.get(operatorId)?.permission,
    setDefault: (operatorId: string, permission: string, now: number) => setDefault.run(operatorId, permission, now),
    deleteDefault: (operatorId: string) => deleteDefault.run(operatorId),
    /** Sets (text) or removes (null) a user's trust policy. */
    setTrustPolicy: (operatorId: string, userName: string, policy: string | null, now: number) =>
      setTrust.run(policy, now, operatorId, userName),
  };
}
export type PermissionStore = ReturnType<typeof permissionStore>;
