import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrations, latestSchemaVersion } from '../../../electron/db/migrations';

const migrationsDir = join(import.meta.dirname, '../../../electron/db/migrations');

describe('loadMigrations', () => {
  it('sorts files by number and reads the name and SQL from each', () => {
    const loaded = loadMigrations({
      './migrations/0002-add-houses.sql': 'CREATE TABLE houses (id INTEGER);',
      './migrations/0001-foundation.sql': 'CREATE TABLE pupils (id INTEGER);',
      './migrations/0003-clubs2.sql': 'CREATE TABLE clubs (id INTEGER);',
    });
    expect(loaded).toEqual([
      { version: 1, name: 'foundation', sql: 'CREATE TABLE pupils (id INTEGER);' },
      { version: 2, name: 'add-houses', sql: 'CREATE TABLE houses (id INTEGER);' },
      { version: 3, name: 'clubs2', sql: 'CREATE TABLE clubs (id INTEGER);' },
    ]);
  });

  it('returns nothing for an empty folder', () => {
    expect(loadMigrations({})).toEqual([]);
  });

  it.each([
    '1-foundation.sql',
    '0001_foundation.sql',
    '0001-Foundation.sql',
    '0001-foundation.SQL',
    '0001-foundation.sql.bak',
    'foundation.sql',
    '00001-foundation.sql',
  ])('rejects a badly named file: %s', (file) => {
    expect(() => loadMigrations({ [`./migrations/${file}`]: 'SELECT 1;' })).toThrow(/0001-name\.sql/);
  });

  it('rejects a gap in the numbering', () => {
    expect(() =>
      loadMigrations({
        './migrations/0001-foundation.sql': 'SELECT 1;',
        './migrations/0003-skipped-two.sql': 'SELECT 3;',
      }),
    ).toThrow(/without gaps; found 3/);
  });

  it('rejects numbering that does not start at 1', () => {
    expect(() => loadMigrations({ './migrations/0002-first.sql': 'SELECT 2;' })).toThrow(/without gaps/);
  });

  it('rejects two files with the same number', () => {
    expect(() =>
      loadMigrations({
        './migrations/0001-one.sql': 'SELECT 1;',
        './migrations/0001-also-one.sql': 'SELECT 1;',
      }),
    ).toThrow(/without gaps/);
  });

  it('bundles every SQL file in electron/db/migrations, in order', () => {
    const files = readdirSync(migrationsDir)
      .filter((file) => file.endsWith('.sql'))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(latestSchemaVersion).toBe(files.length);
    expect(migrations.map((m) => m.version)).toEqual(files.map((_, index) => index + 1));
    expect(migrations.map((m) => m.sql)).toEqual(files.map((file) => readFileSync(join(migrationsDir, file), 'utf8')));
  });
});
