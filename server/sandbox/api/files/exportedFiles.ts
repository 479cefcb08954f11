/**
 * Exported files (guesses.exportedFiles): the CSV is made at once and kept in SQLite; `sync` answers its URL,
 * `async` an ID that `GET /files/exported/{id}` turns into the URL after a moment. The URL is a same-origin path,
 * `/api/local/downloads/<token>`, that app.ts answers from `downloadExport` without API credentials, like a
 * presigned URL, until it expires.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers, Reply } from '../../context';
import { caller } from '../../context';
import type { Db } from '../../db';
import { notFound } from '../../errors';
import { exportedFiles } from '../../guesses';

type FileExportResponse = components['schemas']['FileExportResponse'];

/** Where the console downloads an exported file: the gateway's own origin. */
export const downloadPath = '/api/local/downloads/';

type Cell = string | number | null | undefined;
const cell = (value: Cell): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
/** RFC 4180 CSV with CRLF line ends. */
export const csv = (header: string[], rows: Iterable<Cell[]>): string => {
  const out = [header.map(cell).join(',')];
  for (const row of rows) out.push(row.map(cell).join(','));
  return `${out.join('\r\n')}\r\n`;
};

/** Until an async export has been written, its row says it is never ready. */
const notWritten = Number.MAX_SAFE_INTEGER;

/**
 * Keeps the file and answers as the operation's `export_mode` asks. `sync` makes the file before answering; `async`
 * answers at once and makes it right after (a large fleet's CSV takes a while), ready `asyncDelayMs` after the call.
 */
export function exportFile(ctx: Ctx<unknown>, fileName: string, content: string | (() => string)): Reply {
  const { operatorId } = caller(ctx);
  const id = randomUUID();
  const token = randomBytes(24).toString('base64url');
  const async = ctx.query.export_mode === 'async';
  const readyAt = async ? ctx.now + exportedFiles.asyncDelayMs : ctx.now;
  const { db } = ctx;
  const make = typeof content === 'string' ? () => content : content;
  db.prepare('DELETE FROM exported_files WHERE expires_at < ?').run(ctx.now);
  const insert = db.prepare(
    `INSERT INTO exported_files (exported_file_id, operator_id, token, file_name, content, created_at, ready_at,
       expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const expiresAt = readyAt + exportedFiles.validMs;
  if (!async) {
    insert.run(id, operatorId, token, fileName, make(), ctx.now, readyAt, expiresAt);
    return { status: 200, body: { url: `${downloadPath}${token}` } satisfies FileExportResponse };
  }
  insert.run(id, operatorId, token, fileName, '', ctx.now, notWritten, expiresAt);
  setImmediate(() => {
    try {
      db.prepare('UPDATE exported_files SET content = ?, ready_at = ? WHERE exported_file_id = ?').run(
        make(),
        readyAt,
        id,
      );
    } catch (error) {
      // The file stays `processing` until it expires; the sandbox goes on.
      ctx.log(`sandbox: export ${id} failed: ${(error as Error).stack ?? error}`);
      try {
        db.prepare("UPDATE exported_files SET content = 'failed', ready_at = -1 WHERE exported_file_id = ?").run(id);
      } catch {}
    }
  });
  return {
    status: 200,
    body: {
      exportedFileId: id,
      exportedFilePath: `exported/${operatorId}/${id}/${fileName}`,
    } satisfies FileExportResponse,
  };
}

const getExportedFile: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const row = ctx.db
    .prepare<[string, string], { token: string; ready_at: number; expires_at: number }>(
      'SELECT token, ready_at, expires_at FROM exported_files WHERE exported_file_id = ? AND operator_id = ?',
    )
    .get(ctx.path.exported_file_id ?? '', operatorId);
  if (!row || row.expires_at < ctx.now) throw notFound('No such exported file.');
  if (row.ready_at === -1) return { status: 200, body: { status: 'failed' } };
  if (row.ready_at > ctx.now) return { status: 200, body: { status: 'processing' } };
  return { status: 200, body: { status: 'exported', url: `${downloadPath}${row.token}` } };
};

/** The file behind a download token, while it is ready and not expired. */
export function downloadExport(db: Db, token: string, now: number): { fileName: string; content: string } | undefined {
  const row = db
    .prepare<[string], { file_name: string; content: string | Buffer; ready_at: number; expires_at: number }>(
      'SELECT file_name, content, ready_at, expires_at FROM exported_files WHERE token = ?',
    )
    .get(token);
  if (!row || row.ready_at < 0 || row.ready_at > now || row.expires_at < now) return undefined;
  return { fileName: row.file_name, content: String(row.content) };
}

export const fileHandlers = { getExportedFile } satisfies Handlers;
