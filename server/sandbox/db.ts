/** The sandbox's SQLite database: opened in WAL mode, schema created or migrated on open. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations';

export type Db = Database.Database;

export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Reads through the OS's own page cache instead of a copy per page, which makes a random page of a large fleet
  // cheaper to read (scripts/bench-load.ts, "list: deep page"). Up to 1 GiB of the file; the rest reads as usual.
  db.pragma(`mmap_size = ${2 ** 30}`);
  return prepare(db);
}

/** An in-memory database starting from an image made by `db.serialize()` (tests copy one seeded database). */
export function openDbImage(image: Buffer): Db {
  return prepare(new Database(image));
}

function prepare(db: Db): Db {
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < migrations.length; i++) {
    db.transaction(() => {
      db.exec(migrations[i] as string);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
  return db;
}
