/** Operator-managed roles and which SAM users they are attached to. */
import type { Db } from '../db';

export interface RoleRow {
  operator_id: string;
  role_id: string;
  description: string;
  permission: string;
  created_at: number;
  updated_at: number;
}

export function roleStore(db: Db) {
  const get = db.prepare<[string, string], RoleRow>('SELECT * FROM roles WHERE operator_id = ? AND role_id = ?');
  const list = db.prepare<[string], RoleRow>('SELECT * FROM roles WHERE operator_id = ? ORDER BY role_id');
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM roles WHERE operator_id = ?');
  const insert = db.prepare(
    `INSERT INTO roles (operator_id, role_id, description, permission, created_at, updated_at)
     VALUES (@operatorId, @roleId, @description, @permission, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE roles SET description = @description, permission = @permission, updated_at = @now
     WHERE operator_id = @operatorId AND role_id = @roleId`,
  );
  const remove = db.prepare('DELETE FROM roles WHERE operator_id = ? AND role_id = ?');
  const ofUser = db.prepare<[string, string], RoleRow>(
    `SELECT r.* FROM user_roles ur JOIN roles r ON r.operator_id = ur.operator_id AND r.role_id = ur.role_id
     WHERE ur.operator_id = ? AND ur.user_name = ? ORDER BY r.role_id`,
  );
  const usersOf = db.prepare<[string, string], { user_name: string }>(
    'SELECT user_name FROM user_roles WHERE operator_id = ? AND role_id = ? ORDER BY user_name',
  );
  const attached = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM user_roles WHERE operator_id = ? AND role_id = ?',
  );
  const attach = db.prepare(
    'INSERT OR IGNORE INTO user_roles (operator_id, user_name, role_id, attached_at) VALUES (?, ?, ?, ?)',
  );
  const detach = db.prepare('DELETE FROM user_roles WHERE operator_id = ? AND user_name = ? AND role_id = ?');
  const detachUser = db.prepare('DELETE FROM user_roles WHERE operator_id = ? AND user_name = ?');

  return {
    get: (operatorId: string, roleId: string) => get.get(operatorId, roleId),
    list: (operatorId: string) => list.all(operatorId),
    count: (operatorId: string) => count.get(operatorId)?.n ?? 0,
    create(role: { operatorId: string; roleId: string; description: string; permission: string }, now: number) {
      insert.run({ ...role, now });
    },
    /** Whether the role existed. */
    update: (role: { operatorId: string; roleId: string; description: string; permission: string }, now: number) =>
      update.run({ ...role, now }).changes > 0,
    remove: (operatorId: string, roleId: string) => remove.run(operatorId, roleId).changes > 0,
    /** The roles attached to a user, by role ID. */
    ofUser: (operatorId: string, userName: string) => ofUser.all(operatorId, userName),
    /** The names of the users a role is attached to. */
    usersOf: (operatorId: string, roleId: string) => usersOf.all(operatorId, roleId).map((row) => row.user_name),
    isAttached: (operatorId: string, roleId: string) => (attached.get(operatorId, roleId)?.n ?? 0) > 0,
    /** Whether it was attached now (false: it already was). */
    attach: (operatorId: string, userName: string, roleId: string, now: number) =>
      attach.run(operatorId, userName, roleId, now).changes > 0,
    /** Whether it was attached. */
    detach: (operatorId: string, userName: string, roleId: string) =>
      detach.run(operatorId, userName, roleId).changes > 0,
    detachAll: (operatorId: string, userName: string) => detachUser.run(operatorId, userName),
  };
}
export type RoleStore = ReturnType<typeof roleStore>;
