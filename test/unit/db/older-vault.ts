import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrations } from '../../../electron/db/migrations';

/**
 * A vault file as it was just before the migration called `name`: every
 * earlier migration applied and its user_version set, for a test to fill
 * with old rows and then open with openDatabase (which migrates it).
 */
export function vaultBefore(name: string, dir: string): { old: Database.Database; path: string } {
  const index = migrations.findIndex((m) => m.name === name);
  if (index <= 0) throw new Error(`No migration called ${name} after the first`);
  const path = join(dir, 'keyholder.db');
  const old = new Database(path);
  old.pragma('foreign_keys = ON');
  for (const m of migrations.slice(0, index)) old.exec(m.sql);
  old.pragma(`user_version = ${index}`);
  return { old, path };
}
