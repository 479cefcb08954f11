/** `PRAGMA data_version`: it changes when another connection writes to the database. */
import type { Db } from '../db';

/** Prepared once per database (a `db.pragma` call prepares it anew every time). */
const readers = new WeakMap<Db, () => number>();

export function dataVersionOf(db: Db): number {
  let read = readers.get(db);
  if (!read) {
    const statement = db.prepare<[], number>('PRAGMA data_version').pluck();
    read = () => statement.get() as number;
    readers.set(db, read);
  }
  return read();
}
