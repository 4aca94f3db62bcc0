import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/db/open';
import { migrations as realMigrations, type Migration } from '../../../electron/db/migrations';
import { KeyholderError } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('keyholder-db-');
const toClose: Db[] = [];
afterEach(() => {
  for (const db of toClose.splice(0)) if (db.open) db.close();
});

/** Keeps the handle so it is closed after the test, even when an assertion fails. */
function track(db: Db): Db {
  toClose.push(db);
  return db;
}

const pupils: Migration = {
  version: 1,
  name: 'pupils',
  sql: 'CREATE TABLE pupils (id INTEGER PRIMARY KEY, name TEXT);',
};
const houses: Migration = {
  version: 2,
  name: 'houses',
  sql: 'CREATE TABLE houses (id INTEGER PRIMARY KEY, name TEXT);',
};

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function schemaOf(db: Db): unknown[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
}

/** A vault at data version 1 holding one pupil, written by plain better-sqlite3. */
function makeVersionOneVault(path: string): void {
  const db = new Database(path);
  db.exec(pupils.sql);
  db.prepare('INSERT INTO pupils (name) VALUES (?)').run('Ada Lovelace');
  db.pragma('user_version = 1');
  db.close();
}

describe('openDatabase with the real migrations', () => {
  it('creates a WAL database with foreign keys on and every migration applied', () => {
    const path = join(tempDir(), 'keyholder.db');
    const opened = openDatabase(path);
    const db = track(opened.db);
    expect(realMigrations.length).toBeGreaterThan(0);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(realMigrations.length);
    expect(opened.schemaVersion).toBe(realMigrations.length);
    expect(opened.backupPath).toBeNull();
  });

  it('reopens without applying anything again or making a backup', () => {
    const dir = tempDir();
    const path = join(dir, 'keyholder.db');
    const first = openDatabase(path);
    const schemaBefore = schemaOf(first.db);
    first.db.close();

    const second = openDatabase(path);
    track(second.db);
    expect(second.backupPath).toBeNull();
    expect(second.db.pragma('user_version', { simple: true })).toBe(realMigrations.length);
    expect(schemaOf(second.db)).toEqual(schemaBefore);
    expect(readdirSync(dir).filter((name) => name.endsWith('.backup'))).toEqual([]);
  });

  it('refuses to UPDATE or DELETE audit_log rows', () => {
    const db = track(openDatabase(join(tempDir(), 'keyholder.db')).db);
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, prev_hash, hash) VALUES ('2024-01-01T00:00:00Z', 'admin', 'test', '0', '1')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM audit_log').all()).toEqual([{ actor: 'admin' }]);
  });
});

describe('openDatabase with synthetic migrations', () => {
  it('does not re-run a migration that has already been applied', () => {
    const path = join(tempDir(), 'keyholder.db');
    const seeded: Migration[] = [
      { version: 1, name: 'seeded', sql: "CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('once');" },
    ];
    openDatabase(path, { migrations: seeded }).db.close();
    const db = track(openDatabase(path, { migrations: seeded }).db);
    expect(db.prepare('SELECT x FROM t').all()).toEqual([{ x: 'once' }]);
  });

  it('backs up an older vault beside itself before upgrading it', () => {
    const dir = tempDir();
    const path = join(dir, 'keyholder.db');
    makeVersionOneVault(path);
    const now = new Date('2024-09-02T08:30:15.250Z');

    const opened = openDatabase(path, { migrations: [pupils, houses], now: () => now });
    track(opened.db);
    expect(opened.backupPath).toBe(join(dir, 'keyholder.v1.2024-09-02T08-30-15-250Z.backup'));
    expect(opened.db.pragma('user_version', { simple: true })).toBe(2);
    expect(opened.db.prepare("SELECT name FROM sqlite_master WHERE name = 'houses'").get()).toBeDefined();

    expect(existsSync(opened.backupPath ?? '')).toBe(true);
    const backup = track(new Database(opened.backupPath ?? '', { readonly: true, fileMustExist: true }));
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM pupils').all()).toEqual([{ name: 'Ada Lovelace' }]);
    expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'houses'").get()).toBeUndefined();
  });

  it.each([
    ['a rollback-journal file', false],
    ['a WAL file', true],
  ])('leaves a vault from a newer Keyholder byte-for-byte unchanged (%s)', (_label, wal) => {
    const path = join(tempDir(), 'keyholder.db');
    const seed = new Database(path);
    if (wal) seed.pragma('journal_mode = WAL');
    seed.exec(pupils.sql);
    seed.prepare('INSERT INTO pupils (name) VALUES (?)').run('Grace Hopper');
    seed.pragma('user_version = 7');
    seed.close();
    const before = sha256(path);

    let thrown: unknown;
    try {
      track(openDatabase(path, { migrations: [pupils, houses] }).db);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KeyholderError);
    expect((thrown as KeyholderError).code).toBe('DATABASE_TOO_NEW');
    expect((thrown as KeyholderError).message).toMatch(/install the latest Keyholder/i);
    expect(sha256(path)).toBe(before);
  });

  it.each([
    [
      'the only pending migration fails midway',
      [pupils, { ...houses, sql: `${houses.sql} INSERT INTO nowhere VALUES (1);` }],
    ],
    [
      'a later migration fails after an earlier one succeeded',
      [pupils, houses, { version: 3, name: 'broken', sql: 'CREATE TABLE clubs (id INTEGER); NOT VALID SQL;' }],
    ],
  ])('rolls everything back when %s', (_label, migrations) => {
    const path = join(tempDir(), 'keyholder.db');
    makeVersionOneVault(path);
    const plain = new Database(path, { readonly: true });
    const schemaBefore = schemaOf(plain);
    plain.close();

    expect(() => openDatabase(path, { migrations })).toThrow(/no such table: nowhere|syntax error/);

    const after = track(new Database(path, { readonly: true }));
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(schemaOf(after)).toEqual(schemaBefore);
    expect(after.prepare('SELECT name FROM pupils').all()).toEqual([{ name: 'Ada Lovelace' }]);
  });
});
