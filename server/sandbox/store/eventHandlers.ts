/** Event handlers (their rule, actions and target, as one JSON document) and the IMSIs each one ignores. */
import type { components } from '../../../src/api/schema';
import type { Db } from '../db';

export type EventHandler = components['schemas']['EventHandlerModel'];

export function eventHandlerStore(db: Db) {
  const get = db.prepare<[string, string], { doc: string }>(
    'SELECT doc FROM event_handlers WHERE operator_id = ? AND handler_id = ?',
  );
  const list = db.prepare<[string], { doc: string }>(
    'SELECT doc FROM event_handlers WHERE operator_id = ? ORDER BY created_at, handler_id',
  );
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM event_handlers WHERE operator_id = ?');
  const insert = db.prepare(
    `INSERT INTO event_handlers (operator_id, handler_id, doc, created_at, updated_at)
     VALUES (@operatorId, @handlerId, @doc, @now, @now)`,
  );
  const update = db.prepare(
    'UPDATE event_handlers SET doc = @doc, updated_at = @now WHERE operator_id = @operatorId AND handler_id = @handlerId',
  );
  const remove = db.prepare('DELETE FROM event_handlers WHERE operator_id = ? AND handler_id = ?');
  const removeIgnores = db.prepare('DELETE FROM event_handler_ignores WHERE operator_id = ? AND handler_id = ?');
  const ignore = db.prepare(
    'INSERT OR IGNORE INTO event_handler_ignores (operator_id, handler_id, imsi, created_at) VALUES (?, ?, ?, ?)',
  );
  const unignore = db.prepare(
    'DELETE FROM event_handler_ignores WHERE operator_id = ? AND handler_id = ? AND imsi = ?',
  );
  const ignored = db.prepare<[string, string, string], { n: number }>(
    'SELECT count(*) AS n FROM event_handler_ignores WHERE operator_id = ? AND handler_id = ? AND imsi = ?',
  );

  return {
    get: (operatorId: string, handlerId: string): EventHandler | undefined => {
      const row = get.get(operatorId, handlerId);
      return row ? (JSON.parse(row.doc) as EventHandler) : undefined;
    },
    list: (operatorId: string): EventHandler[] =>
      list.all(operatorId).map((row) => JSON.parse(row.doc) as EventHandler),
    count: (operatorId: string) => count.get(operatorId)?.n ?? 0,
    create: (operatorId: string, handler: EventHandler, now: number) =>
      void insert.run({ operatorId, handlerId: handler.handlerId, doc: JSON.stringify(handler), now }),
    replace: (operatorId: string, handler: EventHandler, now: number) =>
      update.run({ operatorId, handlerId: handler.handlerId, doc: JSON.stringify(handler), now }).changes > 0,
    remove(operatorId: string, handlerId: string): boolean {
      return db.transaction(() => {
        removeIgnores.run(operatorId, handlerId);
        return remove.run(operatorId, handlerId).changes > 0;
      })();
    },
    ignore: (operatorId: string, handlerId: string, imsi: string, now: number) =>
      void ignore.run(operatorId, handlerId, imsi, now),
    /** Whether the IMSI was ignored. */
    unignore: (operatorId: string, handlerId: string, imsi: string) =>
      unignore.run(operatorId, handlerId, imsi).changes > 0,
    isIgnored: (operatorId: string, handlerId: string, imsi: string) =>
      (ignored.get(operatorId, handlerId, imsi)?.n ?? 0) > 0,
  };
}
