/** One-time tokens mailed for sign-up, password reset and MFA revoke; kept as SHA-256 digests. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { digest } from './secrets';

export type OneTimeTokenKind = 'signup' | 'passwordReset' | 'mfaRevoke' | 'addEmail';

export interface OneTimeTokenRow {
  token_hash: string;
  kind: OneTimeTokenKind;
  email: string;
  operator_id: string;
  user_name: string | null;
  created_at: number;
  expires_at: number;
  used: number;
}

/** Shaped like the tokens of the recorded examples: two UUIDs joined by a hyphen. */
const newOneTimeToken = (): string => `${randomUUID()}-${randomUUID()}`;

export function oneTimeTokenStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO one_time_tokens (token_hash, kind, email, operator_id, user_name, created_at, expires_at)
     VALUES (@hash, @kind, @email, @operatorId, @userName, @now, @expiresAt)`,
  );
  const usable = db.prepare<[string, string, number], OneTimeTokenRow>(
    'SELECT * FROM one_time_tokens WHERE token_hash = ? AND kind = ? AND used = 0 AND expires_at > ?',
  );
  const useOne = db.prepare<[string]>('UPDATE one_time_tokens SET used = 1 WHERE token_hash = ?');
  const useAll = db.prepare<[string, string]>(
    'UPDATE one_time_tokens SET used = 1 WHERE operator_id = ? AND kind = ? AND used = 0',
  );

  return {
    /** A new token; only its digest is kept. */
    issue(
      kind: OneTimeTokenKind,
      account: { email: string; operatorId: string; userName?: string | null },
      lifetimeSeconds: number,
      now: number,
    ): string {
      const token = newOneTimeToken();
      insert.run({
        hash: digest(token),
        kind,
        email: account.email,
        operatorId: account.operatorId,
        userName: account.userName ?? null,
        now,
        expiresAt: now + lifetimeSeconds * 1000,
      });
      return token;
    },
    /** The token's row when it is of this kind, unused and not expired; it stays usable. */
    peek(kind: OneTimeTokenKind, token: string, now: number): OneTimeTokenRow | undefined {
      return usable.get(digest(token), kind, now);
    },
    /** Uses up the token, and every other unused token of its kind for the same account. */
    use(row: OneTimeTokenRow): void {
      useAll.run(row.operator_id, row.kind);
    },
    /** Uses up this token only (an address added by mail leaves the tokens mailed to other addresses usable). */
    useOnly(row: OneTimeTokenRow): void {
      useOne.run(row.token_hash);
    },
  };
}
export type OneTimeTokenStore = ReturnType<typeof oneTimeTokenStore>;
