import Database from 'better-sqlite3';
import { KeyholderError } from '../../shared/contract';
import { migrations as allMigrations, type Migration } from './migrations';
import type { Db } from './open';

/**
 * The database's schema must be exactly what Keyholder's migrations make. An
 * extra trigger could quietly delete audit entries as they are written, an
 * extra table or view could hide data, so a vault (or a backup about to be
 * restored) with anything Keyholder did not put there is refused.
 */
interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

const readSchema = (db: Db): SchemaObject[] =>
  db
    .prepare(
      "SELECT type, name, COALESCE(sql, '') AS sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all() as SchemaObject[];

const expected = new Map<number, Map<string, string>>();

/** What the first `version` migrations create, made once per process in memory. */
function expectedSchema(version: number, migrations: Migration[]): Map<string, string> {
  const cached = expected.get(version);
  if (cached && migrations === allMigrations) return cached;
  const memory = new Database(':memory:');
  try {
    for (const migration of migrations.slice(0, version)) memory.exec(migration.sql);
    const made = new Map(readSchema(memory).map((o) => [`${o.type} ${o.name}`, o.sql]));
    if (migrations === allMigrations) expected.set(version, made);
    return made;
  } finally {
    memory.close();
  }
}

/** The objects that differ from what the migrations make, described for a person. */
export function schemaDifferences(db: Db, migrations: Migration[] = allMigrations): string[] {
  const version = db.pragma('user_version', { simple: true }) as number;
  const want = expectedSchema(version, migrations);
  const found = readSchema(db);
  const differences: string[] = [];
  const seen = new Set<string>();
  for (const object of found) {
    const id = `${object.type} ${object.name}`;
    seen.add(id);
    const sql = want.get(id);
    if (sql === undefined) differences.push(`an extra ${object.type} named "${object.name}"`);
    else if (sql !== object.sql) differences.push(`a changed ${object.type} named "${object.name}"`);
  }
  for (const id of want.keys()) if (!seen.has(id)) differences.push(`a missing ${id.replace(' ', ' named "')}"`);
  return differences;
}

/** Refuses a database whose schema is not Keyholder's own. `what` names it for the message. */
export function assertOwnSchema(db: Db, what: string, migrations: Migration[] = allMigrations): void {
  const differences = schemaDifferences(db, migrations);
  if (differences.length === 0) return;
  throw new KeyholderError(
    'VAULT_DAMAGED',
    `${what} has been changed outside Keyholder (${differences.slice(0, 3).join('; ')}${differences.length > 3 ? '; and more' : ''}), so Keyholder will not use it. Nothing was changed. Keep the file as evidence and restore a backup.`,
  );
}
