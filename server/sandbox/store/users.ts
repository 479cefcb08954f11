import type { Db } from '../db';
import { hashPassword } from './secrets';

export interface UserRow {
  operator_id: string;
  user_name: string;
  description: string;
  password_hash: string | null;
  created_at: number;
  updated_at: number;
}

export function userStore(db: Db) {
  const get = db.prepare<[string, string], UserRow>('SELECT * FROM users WHERE operator_id = ? AND user_name = ?');
  const insert = db.prepare(
    `INSERT INTO users (operator_id, user_name, description, created_at, updated_at)
     VALUES (@operatorId, @userName, @description, @now, @now)`,
  );
  const setPassword = db.prepare(
    'UPDATE users SET password_hash = ?, updated_at = ? WHERE operator_id = ? AND user_name = ?',
  );
  return {
    get: (operatorId: string, userName: string) => get.get(operatorId, userName),
    create(operatorId: string, userName: string, description: string, now: number) {
      insert.run({ operatorId, userName, description, now });
    },
    setPassword(operatorId: string, userName: string, password: string, now: number) {
      setPassword.run(hashPassword(password), now, operatorId, userName);
    },
  };
}
export type UserStore = ReturnType<typeof userStore>;
