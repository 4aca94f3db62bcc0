import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KeyholderError } from '../../shared/contract';
import { migrations as allMigrations, type Migration } from './migrations';
import { assertOwnSchema } from './schema-check';

export type Db = Database.Database;

export interface OpenOptions {
  migrations?: Migration[];
  /** Used to name the pre-migration backup. */
  now?: () => Date;
  readonly?: boolean;
}

export interface OpenedDb {
  db: Db;
  schemaVersion: number;
  /** The copy made before migrating, when there was one. */
  backupPath: string | null;
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDb {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.length;
  mkdirSync(dirname(path), { recursive: true });
  const existed = existsSync(path);
  const db = new Database(path, { readonly: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    // Checked before any pragma that writes (journal_mode rewrites the file
    // header), so a vault from a newer Keyholder really is left untouched.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new KeyholderError(
        'DATABASE_TOO_NEW',
        `This vault was last used by a newer version of Keyholder (data version ${current}; this version understands up to ${latest}). Nothing was changed. Install the latest Keyholder to open it.`,
      );
    }
    db.pragma('foreign_keys = ON');
    // Per connection: room for a 10,000-account register's pages (SQLite's default is 2 MB), so a
    // second read of it comes from memory rather than from the file again. Used only as pages are read.
    db.pragma('cache_size = -32000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // FULL keeps a committed transaction durable across power loss; the
      // vault writes little, so the cost is invisible.
      db.pragma('synchronous = FULL');
      // Per connection, not stored in the file: overwrite deleted content
      // (retired password history) instead of leaving it in free pages.
      db.pragma('secure_delete = ON');
    }
    let backupPath: string | null = null;
    if (current < latest) {
      if (options.readonly) throw new KeyholderError('INTERNAL', 'The vault needs upgrading but was opened read-only.');
      if (existed && current > 0) backupPath = backupBeforeMigration(db, path, current, options.now?.() ?? new Date());
      applyMigrations(db, migrations, current);
    }
    assertOwnSchema(db, 'This vault', migrations);
    return { db, schemaVersion: latest, backupPath };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** All pending migrations in one transaction: a failure leaves the old version intact. */
function applyMigrations(db: Db, migrations: Migration[], from: number): void {
  const run = db.transaction(() => {
    for (const migration of migrations.slice(from)) {
      db.exec(migration.sql);
    }
    db.pragma(`user_version = ${migrations.length}`);
  });
  run.immediate();
}

/**
 * Copies the database beside itself before touching its schema, so even a
 * bug in a migration cannot lose the school's data. `VACUUM INTO` writes a
 * consistent single file including anything still in the WAL.
 */
function backupBeforeMigration(db: Db, path: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(dirname(path), `${baseName(path)}.v${version}.${stamp}.backup`);
  db.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
  if (!existsSync(target)) copyFileSync(path, target);
  return target;
}

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? 'keyholder.db').replace(/\.db$/, '');
}
