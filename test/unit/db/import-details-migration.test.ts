import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/db/migrations';
import { openDatabase, type Db } from '../../../electron/db/open';
import { useTempDirs } from '../../support/temp-dir';
import { vaultBefore } from './older-vault';

/**
 * Migration 0007 (issue 12) rebuilds account_holders so an imported holder
 * can have no authorisation yet. A vault from before it keeps every holder,
 * with the same ids, authorisations and indexes.
 */
const tempDir = useTempDirs('keyholder-migration-0007-');
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

describe('0007-import-details', () => {
  it('keeps every holder of an older vault and still allows one current holding per person', () => {
    const { old, path } = vaultBefore('import-details', tempDir());
    const at = '2025-01-06T09:00:00.000Z';
    old
      .prepare("INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Head', ?, ?), (2, 'Sam', ?, ?)")
      .run(at, at, at, at);
    old
      .prepare("INSERT INTO accounts (id, platform, handle, created_at, updated_at) VALUES (1, 'x', '@one', ?, ?)")
      .run(at, at);
    old
      .prepare(
        `INSERT INTO account_holders (id, account_id, person_id, authorised_by, authorised_on, added_on, override_reason, removed_on, removed_reason)
       VALUES (7, 1, 2, 1, '2024-09-02', '2024-09-02', '', '2024-12-01', 'left'), (9, 1, 2, 1, '2025-01-02', '2025-01-02', 'Cover', NULL, NULL)`,
      )
      .run();
    old.close();

    const { db } = openDatabase(path, { now: () => new Date(at) });
    open.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    // The columns this migration carries over (later migrations add their own).
    const kept =
      'SELECT id, account_id, person_id, authorised_by, authorised_on, added_on, override_reason, removed_on, removed_reason FROM account_holders ORDER BY id';
    expect(db.prepare(kept).all()).toEqual([
      {
        id: 7,
        account_id: 1,
        person_id: 2,
        authorised_by: 1,
        authorised_on: '2024-09-02',
        added_on: '2024-09-02',
        override_reason: '',
        removed_on: '2024-12-01',
        removed_reason: 'left',
      },
      {
        id: 9,
        account_id: 1,
        person_id: 2,
        authorised_by: 1,
        authorised_on: '2025-01-02',
        added_on: '2025-01-02',
        override_reason: 'Cover',
        removed_on: null,
        removed_reason: null,
      },
    ]);
    // An imported holder: no authorisation yet. Half an authorisation is refused.
    db.prepare("INSERT INTO account_holders (account_id, person_id, added_on) VALUES (1, 1, '2026-01-12')").run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO account_holders (account_id, person_id, authorised_by, added_on) VALUES (1, 1, 1, '2026-01-12')",
        )
        .run(),
    ).toThrow(/UNIQUE|CHECK/);
    expect(() =>
      db.prepare("UPDATE account_holders SET authorised_on = '2026-01-12' WHERE authorised_by IS NULL").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO account_holders (account_id, person_id, added_on) VALUES (1, 2, '2026-01-12')").run(),
    ).toThrow(/UNIQUE/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT username, login_url, password_weakness FROM accounts').get()).toEqual({
      username: '',
      login_url: '',
      password_weakness: '',
    });
  });
});
