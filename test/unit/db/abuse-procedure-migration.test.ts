import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/db/migrations';
import { openDatabase, type Db } from '../../../electron/db/open';
import { useTempDirs } from '../../support/temp-dir';
import { vaultBefore } from './older-vault';

/**
 * Migration 0012 (issue 16 item 2) rebuilds the issues log so each action is
 * a day and who did it, and a press enquiry is a kind of its own. An older
 * vault keeps every entry with its id: each action's moment becomes its day
 * in London, and the person who recorded the entry is taken to have done it.
 */
const tempDir = useTempDirs('keyholder-migration-0012-');
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

describe('0012-abuse-procedure', () => {
  it('keeps every entry, turning action moments into London days done by the recorder', () => {
    const { old, path } = vaultBefore('abuse-procedure', tempDir());
    const at = '2026-07-01T09:00:00.000Z';
    old
      .prepare(
        `INSERT INTO people (id, name, roles, created_at, updated_at) VALUES (1, 'Sarah Barker', '["slt"]', ?, ?)`,
      )
      .run(at, at);
    old
      .prepare("INSERT INTO accounts (id, platform, handle, created_at, updated_at) VALUES (1, 'x', '@one', ?, ?)")
      .run(at, at);
    const insert = old.prepare(
      `INSERT INTO issues (id, account_id, received_at, kind, original_comment, recorded_by, acknowledged_publicly_at,
       removed_at, user_blocked_at, reported_to_platform_at, slt_person_id, slt_reported_on, status, resolved_at,
       created_at, updated_at) VALUES (@id, 1, @received, @kind, 'Words', @by, @ack, @removed, @blocked, @platform,
       @slt, @sltOn, @status, @resolvedAt, @received, @received)`,
    );
    // 23:30 UTC on 01/07 is 00:30 on 02/07 in London (summer time); in December it is the same day.
    insert.run({
      id: 4,
      received: '2026-07-01T20:00:00.000Z',
      kind: 'abuse',
      by: 'Alex Admin',
      ack: null,
      removed: '2026-07-01T23:30:00.000Z',
      blocked: '2026-12-01T23:30:00.000Z',
      platform: null,
      slt: 1,
      sltOn: '2026-07-02',
      status: 'resolved',
      resolvedAt: '2026-07-02T10:00:00.000Z',
    });
    insert.run({
      id: 9,
      received: '2026-10-05T08:00:00.000Z',
      kind: 'complaint',
      by: 'Sam Sport',
      ack: '2026-10-05T10:00:00.000Z',
      removed: null,
      blocked: null,
      platform: '2026-10-25T00:30:00.000Z',
      slt: null,
      sltOn: null,
      status: 'open',
      resolvedAt: null,
    });
    old.close();

    const { db } = openDatabase(path, { now: () => new Date('2026-12-10T09:00:00.000Z') });
    open.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const rows = db
      .prepare(
        `SELECT id, kind, status, resolved_at, acknowledged_on, acknowledged_by, removed_on, removed_by, blocked_on,
         blocked_by, platform_reported_on, platform_reported_by, audience_told_on, authority_name, slt_person_id,
         slt_reported_on, slt_reported_by FROM issues ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      {
        id: 4,
        kind: 'abuse',
        status: 'resolved',
        resolved_at: '2026-07-02T10:00:00.000Z',
        acknowledged_on: null,
        acknowledged_by: null,
        removed_on: '2026-07-02',
        removed_by: 'Alex Admin',
        blocked_on: '2026-12-01',
        blocked_by: 'Alex Admin',
        platform_reported_on: null,
        platform_reported_by: null,
        audience_told_on: null,
        authority_name: null,
        slt_person_id: 1,
        slt_reported_on: '2026-07-02',
        slt_reported_by: 'Alex Admin',
      },
      {
        id: 9,
        kind: 'complaint',
        status: 'open',
        resolved_at: null,
        acknowledged_on: '2026-10-05',
        acknowledged_by: 'Sam Sport',
        removed_on: null,
        removed_by: null,
        blocked_on: null,
        blocked_by: null,
        // 00:30 UTC on the last Sunday of October is still summer time: 01:30 in London, the same day.
        platform_reported_on: '2026-10-25',
        platform_reported_by: 'Sam Sport',
        audience_told_on: null,
        authority_name: null,
        slt_person_id: null,
        slt_reported_on: null,
        slt_reported_by: null,
      },
    ]);
    // A press enquiry is a kind now; closing one not referred to SLT is refused by the database too.
    const press = `INSERT INTO issues (account_id, received_at, kind, original_comment, recorded_by, status, created_at,
      updated_at) VALUES (1, ?, 'press', 'Reporter', 'Alex Admin', ?, ?, ?)`;
    db.prepare(press).run(at, 'open', at, at);
    expect(() => db.prepare(press).run(at, 'resolved', at, at)).toThrow(/CHECK constraint failed/);
    // Half an action (a day with nobody) is refused.
    expect(() => db.prepare("UPDATE issues SET removed_on = '2026-10-06' WHERE id = 9").run()).toThrow(
      /CHECK constraint failed/,
    );
  });
});
