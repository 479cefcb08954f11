/**
 * Exported files (guesses.exportedFiles): the CSV is made at once and kept in SQLite; `sync` answers its URL,
 * `async` an ID that `GET /files/exported/{id}` turns into the URL after a moment. The URL is a same-origin path,
 * `/api/local/downloads/<token>`, that app.ts answers from `Sandbox.download` without API credentials, like a
 * presigned URL, until it expires.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers, Reply } from '../../context';
import { caller } from '../../context';
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
  const make = typeof content === 'string' ? () => content : content;
  const expiresAt = readyAt + exportedFiles.validMs;
  const file = { id, operatorId, token, fileName, createdAt: ctx.now, expiresAt };
  if (!async) {
    ctx.stores.exportedFiles.add({ ...file, content: make(), readyAt });
    return { status: 200, body: { url: `${downloadPath}${token}` } satisfies FileExportResponse };
  }
  ctx.stores.exportedFiles.add({ ...file, content: '', readyAt: null });
  const { exportedFiles: files } = ctx.stores;
  setImmediate(() => {
    try {
      files.write(id, make(), readyAt);
    } catch (error) {
      // The file answers `failed`; the sandbox goes on.
      ctx.log(`sandbox: export ${id} failed: ${(error as Error).stack ?? error}`);
      try {
        files.fail(id);
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
  const state = ctx.stores.exportedFiles.state(ctx.path.exported_file_id ?? '', operatorId, ctx.now);
  if (!state) throw notFound('No such exported file.');
  if (state.status !== 'exported') return { status: 200, body: { status: state.status } };
  return { status: 200, body: { status: 'exported', url: `${downloadPath}${state.token}` } };
};

export const fileHandlers = { getExportedFile } satisfies Handlers;
