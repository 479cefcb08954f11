import type { Db } from '../db';
import { hashPassword } from './secrets';

export interface UserRow {
  operator_id: string;
  user_name: string;
  description: string;
  password_hash: string | null;
  created_at: number;
  updated_at: number;
  mfa_status: 'ACTIVE' | 'INACTIVE' | 'UNCONFIRMED';
  mfa_secret: string | null;
  mfa_last_counter: number;
  mfa_failures: number;
  mfa_locked_until: number;
  /** The user's own permission (JSON text), when set. */
  permission: string | null;
  trust_policy: string | null;
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
  const setMfa = db.prepare(
    `UPDATE users SET mfa_status = @status, mfa_secret = @secret, mfa_last_counter = @lastCounter, mfa_failures = 0,
       mfa_locked_until = 0, updated_at = @now WHERE operator_id = @operatorId AND user_name = @userName`,
  );
  const setCounter = db.prepare(
    'UPDATE users SET mfa_last_counter = ?, mfa_failures = 0 WHERE operator_id = ? AND user_name = ?',
  );
  // Every right-hand side sees the row as it was, so both CASEs test the count before this failure.
  const mfaFailed = db.prepare(
    `UPDATE users SET
       mfa_locked_until = CASE WHEN mfa_failures + 1 >= @max THEN @lockedUntil ELSE mfa_locked_until END,
       mfa_failures = CASE WHEN mfa_failures + 1 >= @max THEN 0 ELSE mfa_failures + 1 END
     WHERE operator_id = @operatorId AND user_name = @userName`,
  );
  const list = db.prepare<[string], UserRow>('SELECT * FROM users WHERE operator_id = ? ORDER BY user_name');
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM users WHERE operator_id = ?');
  const setDescription = db.prepare(
    'UPDATE users SET description = ?, updated_at = ? WHERE operator_id = ? AND user_name = ?',
  );
  const remove = db.prepare('DELETE FROM users WHERE operator_id = ? AND user_name = ?');
  const clearPassword = db.prepare(
    'UPDATE users SET password_hash = NULL, updated_at = ? WHERE operator_id = ? AND user_name = ?',
  );
  return {
    get: (operatorId: string, userName: string) => get.get(operatorId, userName),
    /** The operator's SAM users by name. */
    list: (operatorId: string) => list.all(operatorId),
    count: (operatorId: string) => count.get(operatorId)?.n ?? 0,
    setDescription: (operatorId: string, userName: string, description: string, now: number) =>
      setDescription.run(description, now, operatorId, userName),
    /** The user row only (role attachments go with it); its keys and tokens are the token store's. */
    remove: (operatorId: string, userName: string) => remove.run(operatorId, userName),
    clearPassword: (operatorId: string, userName: string, now: number) => clearPassword.run(now, operatorId, userName),
    setMfa(
      operatorId: string,
      userName: string,
      mfa: { status: UserRow['mfa_status']; secret: string | null; lastCounter?: number },
      now: number,
    ) {
      setMfa.run({
        operatorId,
        userName,
        status: mfa.status,
        secret: mfa.secret,
        lastCounter: mfa.lastCounter ?? 0,
        now,
      });
    },
    /** A right code: remembers its time step (so it cannot be used again) and clears the failure count. */
    setMfaCounter: (operatorId: string, userName: string, counter: number) =>
      setCounter.run(counter, operatorId, userName),
    /** A wrong code: counts it, and at `max` in a row locks password logins until `lockedUntil`. */
    mfaFailed: (operatorId: string, userName: string, max: number, lockedUntil: number) =>
      mfaFailed.run({ operatorId, userName, max, lockedUntil }),
    create(operatorId: string, userName: string, description: string, now: number) {
      insert.run({ operatorId, userName, description, now });
    },
    setPassword(operatorId: string, userName: string, password: string, now: number) {
      setPassword.run(hashPassword(password), now, operatorId, userName);
    },
  };
}
export type UserStore = ReturnType<typeof userStore>;
