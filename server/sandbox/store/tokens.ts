import type { Db } from '../db';
import { digest, newApiKey, newToken } from './secrets';

export interface Identity {
  apiKey: string;
  operatorId: string;
  userName: string | null;
  /** The token presented has passed its expiry time. */
  expired: boolean;
}

export function tokenStore(db: Db) {
  const insertKey = db.prepare(
    'INSERT INTO api_keys (api_key, operator_id, user_name, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertToken = db.prepare('INSERT INTO api_tokens (token_hash, api_key, expires_at) VALUES (?, ?, ?)');
  const lookup = db.prepare<
    [string, string],
    { api_key: string; operator_id: string; user_name: string | null; expires_at: number }
  >(
    `SELECT k.api_key, k.operator_id, k.user_name, t.expires_at FROM api_tokens t
     JOIN api_keys k ON k.api_key = t.api_key WHERE t.token_hash = ? AND k.api_key = ?`,
  );
  const revokeKey = db.prepare('DELETE FROM api_keys WHERE api_key = ?');
  const revokeAll = db.prepare(
    'DELETE FROM api_keys WHERE operator_id = @operatorId AND user_name IS @userName AND api_key IS NOT @keep',
  );
  const purge = db.prepare('DELETE FROM api_tokens WHERE expires_at < ?');
  const authKeyInsert = db.prepare(
    'INSERT INTO auth_keys (auth_key_id, secret_hash, operator_id, user_name, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const authKeyGet = db.prepare<
    [string],
    { auth_key_id: string; secret_hash: string; operator_id: string; user_name: string | null }
  >('SELECT * FROM auth_keys WHERE auth_key_id = ?');
  const authKeyList = db.prepare<
    [string, string | null],
    { auth_key_id: string; created_at: number; last_used_at: number | null }
  >(
    `SELECT auth_key_id, created_at, last_used_at FROM auth_keys WHERE operator_id = ? AND user_name IS ?
     ORDER BY created_at, rowid`,
  );
  const authKeyDelete = db.prepare(
    'DELETE FROM auth_keys WHERE auth_key_id = ? AND operator_id = ? AND user_name IS ?',
  );
  const authKeyTouch = db.prepare('UPDATE auth_keys SET last_used_at = ? WHERE auth_key_id = ?');

  return {
    /** A new API key with its first token. */
    issue(operatorId: string, userName: string | null, timeoutSeconds: number, now: number) {
      const apiKey = newApiKey();
      const token = newToken();
      db.transaction(() => {
        insertKey.run(apiKey, operatorId, userName, now);
        insertToken.run(digest(token), apiKey, now + timeoutSeconds * 1000);
      })();
      return { apiKey, token };
    },
    /** Another token for an existing API key. */
    refresh(apiKey: string, timeoutSeconds: number, now: number): string {
      const token = newToken();
      insertToken.run(digest(token), apiKey, now + timeoutSeconds * 1000);
      return token;
    },
    identify(apiKey: string, token: string, now: number): Identity | undefined {
      const row = lookup.get(digest(token), apiKey);
      if (!row) return undefined;
      return {
        apiKey: row.api_key,
        operatorId: row.operator_id,
        userName: row.user_name,
        expired: row.expires_at <= now,
      };
    },
    revoke: (apiKey: string) => revokeKey.run(apiKey),
    /** Revokes every API key (and so every token) of the root account (`userName` null) or a SAM user, but `keep`. */
    revokeAll(operatorId: string, userName: string | null, keep: string | null = null) {
      revokeAll.run({ operatorId, userName, keep });
    },
    /** Tokens that expired long ago are of no use even for an error message. */
    purgeBefore: (time: number) => purge.run(time),
    addAuthKey(authKeyId: string, secret: string, operatorId: string, userName: string | null, now: number) {
      authKeyInsert.run(authKeyId, digest(secret), operatorId, userName, now);
    },
    authKeyExists: (authKeyId: string) => authKeyGet.get(authKeyId) !== undefined,
    findAuthKey(authKeyId: string, secret: string) {
      const row = authKeyGet.get(authKeyId);
      return row && row.secret_hash === digest(secret) ? row : undefined;
    },
    /** The auth keys of the root account (`userName` null) or of a SAM user, oldest first. */
    listAuthKeys: (operatorId: string, userName: string | null) => authKeyList.all(operatorId, userName),
    /** Whether the key existed for that account. */
    deleteAuthKey: (authKeyId: string, operatorId: string, userName: string | null) =>
      authKeyDelete.run(authKeyId, operatorId, userName).changes > 0,
    touchAuthKey: (authKeyId: string, now: number) => authKeyTouch.run(now, authKeyId),
  };
}
export type TokenStore = ReturnType<typeof tokenStore>;
