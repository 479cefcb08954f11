import { type CoverageType, ownerIn } from '../coverage';
import type { Db } from '../db';
import { type PasswordHasher, passwordHasher } from './secrets';

export interface OperatorRow {
  operator_id: string;
  email: string;
  password_hash: string;
  description: string;
  verified: number;
  created_at: number;
  updated_at: number;
  mfa_status: 'ACTIVE' | 'INACTIVE' | 'UNCONFIRMED';
  mfa_secret: string | null;
  mfa_last_counter: number;
  mfa_backup_codes: string;
  mfa_failures: number;
  mfa_locked_until: number;
}

export function operatorStore(db: Db, passwords: PasswordHasher = passwordHasher()) {
  const byId = db.prepare<[string], OperatorRow>('SELECT * FROM operators WHERE operator_id = ?');
  // A coverage partition (coverage.ts) is nobody's sign-in: never found by address, never counted as an operator.
  const byEmail = db.prepare<[string], OperatorRow>('SELECT * FROM operators WHERE email = ? AND account_of IS NULL');
  const insert = db.prepare(
    `INSERT INTO operators (operator_id, email, password_hash, verified, created_at, updated_at)
     VALUES (@operatorId, @email, @passwordHash, @verified, @now, @now)`,
  );
  const setMfa = db.prepare(
    `UPDATE operators SET mfa_status = @status, mfa_secret = @secret, mfa_backup_codes = @backupCodes,
       mfa_last_counter = @lastCounter, mfa_failures = 0, mfa_locked_until = 0, updated_at = @now
     WHERE operator_id = @operatorId`,
  );
  const setCounter = db.prepare('UPDATE operators SET mfa_last_counter = ?, mfa_failures = 0 WHERE operator_id = ?');
  const setBackupCodes = db.prepare(
    'UPDATE operators SET mfa_backup_codes = ?, mfa_failures = 0 WHERE operator_id = ?',
  );
  // Every right-hand side sees the row as it was, so both CASEs test the count before this failure.
  const mfaFailed = db.prepare(
    `UPDATE operators SET
       mfa_locked_until = CASE WHEN mfa_failures + 1 >= @max THEN @lockedUntil ELSE mfa_locked_until END,
       mfa_failures = CASE WHEN mfa_failures + 1 >= @max THEN 0 ELSE mfa_failures + 1 END
     WHERE operator_id = @id`,
  );
  const setVerified = db.prepare('UPDATE operators SET verified = 1, updated_at = ? WHERE operator_id = ?');
  const setPassword = db.prepare('UPDATE operators SET password_hash = ?, updated_at = ? WHERE operator_id = ?');
  const setHash = db.prepare('UPDATE operators SET password_hash = ? WHERE operator_id = ?');
  // The highest number given so far (not the count: a deleted operator's number is not given again).
  const lastNumber = db.prepare<[], { n: number | null }>(
    'SELECT max(CAST(substr(operator_id, 3) AS INTEGER)) AS n FROM operators WHERE account_of IS NULL',
  );
  const insertPartition = db.prepare(
    `INSERT OR IGNORE INTO operators (operator_id, email, password_hash, verified, created_at, updated_at, account_of)
     VALUES (@ownerId, @email, '', 1, @now, @now, @operatorId)`,
  );

  return {
    get: (operatorId: string) => byId.get(operatorId),
    findByEmail: (email: string) => byEmail.get(email),
    /** Operator IDs are `OP` and ten digits, numbered in order of creation. */
    nextId: () => `OP${String((lastNumber.get()?.n ?? 0) + 1).padStart(10, '0')}`,
    /**
     * The owner of the operator's rows in `coverage` (coverage.ts): the operator in Japan; in Global its partition,
     * made on first use. A partition's address is under `.invalid` and its password hash empty, so that nothing can
     * sign in as it; `findByEmail` does not see it anyway.
     */
    partition(operatorId: string, coverage: CoverageType, now: number): string {
      const ownerId = ownerIn(operatorId, coverage);
      if (ownerId === operatorId || byId.get(ownerId)) return ownerId;
      insertPartition.run({ ownerId, email: `${ownerId.toLowerCase()}@coverage.invalid`, now, operatorId });
      return ownerId;
    },

    create(input: { operatorId: string; email: string; password: string; verified: boolean; now: number }) {
      insert.run({
        operatorId: input.operatorId,
        email: input.email,
        passwordHash: passwords.hash(input.password),
        verified: input.verified ? 1 : 0,
        now: input.now,
      });
      return byId.get(input.operatorId) as OperatorRow;
    },
    setMfa(
      operatorId: string,
      mfa: { status: OperatorRow['mfa_status']; secret: string | null; backupCodes: string[]; lastCounter?: number },
      now: number,
    ) {
      setMfa.run({
        operatorId,
        status: mfa.status,
        secret: mfa.secret,
        backupCodes: JSON.stringify(mfa.backupCodes),
        lastCounter: mfa.lastCounter ?? 0,
        now,
      });
    },
    /** A right code: remembers its time step (so it cannot be used again) and clears the failure count. */
    setMfaCounter: (operatorId: string, counter: number) => setCounter.run(counter, operatorId),
    /** What is left of the backup codes (digests) after one was used; clears the failure count. */
    setBackupCodes: (operatorId: string, digests: string[]) => setBackupCodes.run(JSON.stringify(digests), operatorId),
    /** A wrong code: counts it, and at `max` in a row locks password logins until `lockedUntil`. */
    mfaFailed: (operatorId: string, max: number, lockedUntil: number) =>
      mfaFailed.run({ id: operatorId, max, lockedUntil }),
    backupCodes: (row: OperatorRow): string[] => JSON.parse(row.mfa_backup_codes) as string[],
    setVerified: (operatorId: string, now: number) => setVerified.run(now, operatorId),
    setPassword: (operatorId: string, password: string, now: number) =>
      setPassword.run(passwords.hash(password), now, operatorId),
    /** The same password hashed again at today's cost (after a sign-in): nothing the account shows changes. */
    rehashPassword: (operatorId: string, password: string) => setHash.run(passwords.hash(password), operatorId),
  };
}
export type OperatorStore = ReturnType<typeof operatorStore>;
