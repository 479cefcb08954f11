/**
 * Credential sets (`/credentials`): what identifies one is kept as given, its secret fields only as a salted digest,
 * so nothing the sandbox answers or keeps can show them again (guesses.credentials).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db';

export interface CredentialRow {
  operator_id: string;
  credentials_id: string;
  type: string;
  description: string;
  /** JSON object of the fields that are not secret. */
  public_fields: string;
  /** `salt$sha256` of the secret fields, never read back into an answer. */
  secret_digest: string;
  created_at: number;
  updated_at: number;
  /** 0 until a configuration that names the set is used. */
  last_used_at: number;
}

export interface CredentialInput {
  operatorId: string;
  credentialsId: string;
  type: string;
  description: string;
  publicFields: Record<string, string>;
  secretFields: Record<string, string>;
}

/** A salted digest of the secret fields: proof that something was given, from which nothing can be read back. */
function digest(secretFields: Record<string, string>): string {
  const salt = randomBytes(16).toString('base64url');
  const text = JSON.stringify(Object.entries(secretFields).sort(([a], [b]) => a.localeCompare(b)));
  return `${salt}$${createHash('sha256').update(salt).update(text).digest('base64url')}`;
}

/** The services whose configuration uses a credential set when a device sends data. */
const forwardingNamespaces = ['SoracomFunnel', 'SoracomFunk', 'SoracomBeam'];

/** The credential sets an enabled forwarding service of a group's configuration names (guesses.credentials). */
export function credentialsInUse(configuration: Record<string, unknown>): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'credentialsId' && typeof v === 'string') found.add(v);
        else walk(v);
      }
    }
  };
  for (const namespace of forwardingNamespaces) {
    const settings = configuration[namespace] as Record<string, unknown> | undefined;
    if (!settings || typeof settings !== 'object') continue;
    // Beam keeps `enabled` per entry point; Funnel and Funk for the namespace.
    if (namespace !== 'SoracomBeam' && settings.enabled !== true) continue;
    if (namespace === 'SoracomBeam') {
      for (const entry of Object.values(settings)) {
        if (entry && typeof entry === 'object' && (entry as { enabled?: unknown }).enabled === true) walk(entry);
      }
    } else walk(settings);
  }
  return found;
}

/** Whether a configuration value (any JSON) names `credentialsId` under a `credentialsId` key, at any depth. */
export function namesCredential(value: unknown, credentialsId: string): boolean {
  if (Array.isArray(value)) return value.some((v) => namesCredential(v, credentialsId));
  if (value === null || typeof value !== 'object') return false;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'credentialsId' && v === credentialsId) return true;
    if (namesCredential(v, credentialsId)) return true;
  }
  return false;
}

export function credentialStore(db: Db) {
  const get = db.prepare<[string, string], CredentialRow>(
    'SELECT * FROM credentials WHERE operator_id = ? AND credentials_id = ?',
  );
  const list = db.prepare<[string], CredentialRow>(
    'SELECT * FROM credentials WHERE operator_id = ? ORDER BY credentials_id',
  );
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM credentials WHERE operator_id = ?');
  const insert = db.prepare(
    `INSERT INTO credentials (operator_id, credentials_id, type, description, public_fields, secret_digest,
       created_at, updated_at, last_used_at)
     VALUES (@operatorId, @credentialsId, @type, @description, @publicFields, @secretDigest, @now, @now, 0)`,
  );
  const update = db.prepare(
    `UPDATE credentials SET type = @type, description = @description, public_fields = @publicFields,
       secret_digest = @secretDigest, updated_at = @now
     WHERE operator_id = @operatorId AND credentials_id = @credentialsId`,
  );
  const remove = db.prepare('DELETE FROM credentials WHERE operator_id = ? AND credentials_id = ?');
  const used = db.prepare(
    'UPDATE credentials SET last_used_at = max(last_used_at, ?) WHERE operator_id = ? AND credentials_id = ?',
  );
  // The text search only narrows the groups down; namesCredential decides.
  const groupsNaming = db.prepare<[string, string], { group_id: string; tags: string; configuration: string }>(
    `SELECT group_id, tags, configuration FROM groups WHERE operator_id = ? AND instr(configuration, ?) > 0
     ORDER BY group_id`,
  );

  const row = (input: CredentialInput, now: number) => ({
    operatorId: input.operatorId,
    credentialsId: input.credentialsId,
    type: input.type,
    description: input.description,
    publicFields: JSON.stringify(input.publicFields),
    secretDigest: digest(input.secretFields),
    now,
  });

  return {
    get: (operatorId: string, credentialsId: string) => get.get(operatorId, credentialsId),
    list: (operatorId: string) => list.all(operatorId),
    count: (operatorId: string) => count.get(operatorId)?.n ?? 0,
    create: (input: CredentialInput, now: number) => void insert.run(row(input, now)),
    /** Replaces the set (secret fields included); whether it existed. */
    replace: (input: CredentialInput, now: number) => update.run(row(input, now)).changes > 0,
    remove: (operatorId: string, credentialsId: string) => remove.run(operatorId, credentialsId).changes > 0,
    /** Stamps `lastUsedDateTime` (never backwards). */
    markUsed: (operatorId: string, credentialsId: string, now: number) => void used.run(now, operatorId, credentialsId),
    /** The groups whose configuration names the set, with their `name` tag when they have one. */
    groupsUsing(operatorId: string, credentialsId: string): { groupId: string; name: string | undefined }[] {
      const needle = JSON.stringify(credentialsId);
      return groupsNaming
        .all(operatorId, needle)
        .filter((g) => namesCredential(JSON.parse(g.configuration), credentialsId))
        .map((g) => ({ groupId: g.group_id, name: (JSON.parse(g.tags) as Record<string, string>).name }));
    },
  };
}
export type CredentialStore = ReturnType<typeof credentialStore>;
