/** Exported files (guesses.exportedFiles): kept until they expire, reached by ID (their owner) or download token. */
import type { Db } from '../db';

/** `ready_at` of a file not written yet: never ready. */
const notWritten = Number.MAX_SAFE_INTEGER;
/** `ready_at` of a file that could not be made. */
const failed = -1;

export interface NewExportedFile {
  id: string;
  operatorId: string;
  token: string;
  fileName: string;
  createdAt: number;
  /** When it is ready; null for a file written later (`write`). */
  readyAt: number | null;
  expiresAt: number;
  content: string;
}

export type ExportState = { status: 'processing' | 'failed' } | { status: 'exported'; token: string };

export function exportedFileStore(db: Db) {
  const prune = db.prepare('DELETE FROM exported_files WHERE expires_at < ?');
  const insert = db.prepare(
    `INSERT INTO exported_files (exported_file_id, operator_id, token, file_name, content, created_at, ready_at,
       expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = db.prepare('UPDATE exported_files SET content = ?, ready_at = ? WHERE exported_file_id = ?');
  const fail = db.prepare(
    `UPDATE exported_files SET content = 'failed', ready_at = ${failed} WHERE exported_file_id = ?`,
  );
  const byId = db.prepare<[string, string], { token: string; ready_at: number; expires_at: number }>(
    'SELECT token, ready_at, expires_at FROM exported_files WHERE exported_file_id = ? AND operator_id = ?',
  );
  const byToken = db.prepare<
    [string],
    { file_name: string; content: string | Buffer; ready_at: number; expires_at: number }
  >('SELECT file_name, content, ready_at, expires_at FROM exported_files WHERE token = ?');

  return {
    /** Keeps a file, after dropping those expired at its creation. */
    add(file: NewExportedFile) {
      prune.run(file.createdAt);
      insert.run(
        file.id,
        file.operatorId,
        file.token,
        file.fileName,
        file.content,
        file.createdAt,
        file.readyAt ?? notWritten,
        file.expiresAt,
      );
    },
    /** The content of a file added without, ready at `readyAt`. */
    write(id: string, content: string, readyAt: number) {
      write.run(content, readyAt, id);
    },
    /** A file that could not be made: `failed` from now on. */
    fail(id: string) {
      fail.run(id);
    },
    /** Where the operator's file stands; undefined when there is no such file or it has expired. */
    state(id: string, operatorId: string, now: number): ExportState | undefined {
      const row = byId.get(id, operatorId);
      if (!row || row.expires_at < now) return undefined;
      if (row.ready_at === failed) return { status: 'failed' };
      if (row.ready_at > now) return { status: 'processing' };
      return { status: 'exported', token: row.token };
    },
    /** The file behind a download token, while it is ready and not expired. */
    download(token: string, now: number): { fileName: string; content: string } | undefined {
      const row = byToken.get(token);
      if (!row || row.ready_at < 0 || row.ready_at > now || row.expires_at < now) return undefined;
      return { fileName: row.file_name, content: String(row.content) };
    },
  };
}
export type ExportedFileStore = ReturnType<typeof exportedFileStore>;
