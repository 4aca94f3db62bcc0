import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotationCache } from '../../../electron/rotations/rotation-cache';
import { row, typedNew, useRotationWorld } from './flow-fixtures';

/**
 * The rotation schedule cached and refreshed by what changed. Verify mode is
 * on for the whole suite, so every rotations.list here is also compared with
 * a fresh full read: a change the cache missed fails the call.
 * Default terms (flow-fixtures.ts): the June password is overdue in November.
 */
const { world } = useRotationWorld();

describe('the rotation cache', () => {
  it('reads the schedule once for start-up and the Dashboard, then only the account a write touched', async () => {
    const { s, account } = await world();
    const restarted = await s.reopen(); // start() checks for overdue passwords
    const cache = rotationCache(restarted.core.context.db);
    expect(cache.reads).toEqual({ full: 1, one: 0 });
    expect((await restarted.call('rotations.list', {})).map((r) => r.state)).toEqual(['overdue']);
    expect(cache.reads).toEqual({ full: 1, one: 0 });
    await restarted.call('rotations.setPolicy', { accountId: account.id, policy: { kind: 'manual' } });
    expect((await row(restarted, account.id)).state).toBe('manual');
    expect(cache.reads).toEqual({ full: 1, one: 1 });
  });

  it('sees a change started and abandoned, a new password, and the account closed', async () => {
    const { s, account } = await world();
    expect((await row(s, account.id)).state).toBe('overdue');
    const started = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    expect((await row(s, account.id)).pending?.rotationId).toBe(started.rotationId);
    await s.call('rotations.abandon', { rotationId: started.rotationId });
    expect((await row(s, account.id)).pending).toBeNull();
    await s.call('secrets.set', {
      accountId: account.id,
      field: 'password',
      value: typedNew,
      source: 'typed',
      reason: 'x',
    });
    expect((await row(s, account.id)).state).toBe('ok');
    await s.call('accounts.setStatus', { id: account.id, status: 'closed', on: '2026-11-12' });
    expect(await s.call('rotations.list', {})).toEqual([]);
  });

  it('sees the calendar saved, a setting changed and a new day', async () => {
    const { s, account } = await world('2026-09-08T09:00:00.000Z');
    expect(await row(s, account.id)).toMatchObject({ state: 'due', dueFrom: '2026-09-07', dueBy: '2026-09-13' });
    await s.call('settings.update', { rotationGraceDays: 14 });
    expect((await row(s, account.id)).dueBy).toBe('2026-09-20');
    const t = (
      term: 'autumn' | 'spring' | 'summer',
      startsOn: string,
      half: string,
      halfEnd: string,
      endsOn: string,
    ) => ({ academicYear: 2026, term, startsOn, halfTermStartsOn: half, halfTermEndsOn: halfEnd, endsOn });
    await s.call('calendar.save', {
      terms: [
        t('autumn', '2026-09-03', '2026-10-19', '2026-10-23', '2026-12-11'),
        t('spring', '2027-01-06', '2027-02-15', '2027-02-19', '2027-03-26'),
        t('summer', '2027-04-12', '2027-05-31', '2027-06-04', '2027-07-21'),
      ],
    });
    expect((await row(s, account.id)).dueFrom).toBe('2026-09-03');
    s.clock.set('2026-09-30T09:00:00.000Z');
    expect((await row(s, account.id)).state).toBe('overdue');
  });

  it('keeps nothing of a rolled-back change and sees a commit by another connection', async () => {
    const { s, account } = await world();
    const db = s.core.context.db;
    await s.call('rotations.list', {});
    const setManual = db.prepare("UPDATE accounts SET rotation_policy = 'manual' WHERE id = ?");
    expect(() =>
      db.transaction(() => {
        setManual.run(account.id);
        throw new Error('fail mid-way');
      })(),
    ).toThrow('fail mid-way');
    expect((await row(s, account.id)).state).toBe('overdue');
    const other = new Database(join(s.dataDir, 'keyholder.db'));
    other.prepare("UPDATE accounts SET rotation_policy = 'manual' WHERE id = ?").run(account.id);
    other.close();
    expect((await row(s, account.id)).state).toBe('manual');
  });

  it('refuses, in verify mode, an answer that differs from a fresh read', async () => {
    const { s, account } = await world();
    const db = s.core.context.db;
    await s.call('rotations.list', {});
    // Changed behind the cache's back: the tracking trigger is dropped first.
    db.exec('DROP TRIGGER temp.rot_accounts_u');
    db.prepare("UPDATE accounts SET rotation_policy = 'manual' WHERE id = ?").run(account.id);
    expect(() => rotationCache(db).list(s.clock.now())).toThrow(/differs from a fresh read/);
  });
});
