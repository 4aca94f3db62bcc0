import { describe, expect, it } from 'vitest';
import { june, november, oldPassword, reveal, rotate, row, useRotationWorld } from './flow-fixtures';
import { manualClock } from './harness';

/**
 * What happens when the app starts: the overdue notification (at start-up
 * and once a day), and a pending change surviving a restart.
 * Setup and term dates: flow-fixtures.ts.
 */
const { world } = useRotationWorld();

describe('overdue notification', () => {
  it('at start-up and once a day, only when something is overdue', async () => {
    const first = await world(june);
    // Nothing overdue in June: no notification at start-up or the next day.
    first.s.clock.set('2026-06-16T09:00:00.000Z');
    first.s.core.tick();
    expect(first.s.platform.notifications).toEqual([]);

    // The app is opened again in January: the June password is overdue (due by 13/09/2026).
    const s = await first.s.reopen(manualClock('2027-01-20T09:00:00.000Z'));
    expect(s.platform.notifications).toEqual([
      {
        title: 'Keyholder: passwords to change',
        body: "1 account is overdue for a password change. Open Keyholder's Rotations page.",
      },
    ]);
    s.clock.set('2027-01-20T23:59:00.000Z');
    s.core.tick();
    expect(s.platform.notifications).toHaveLength(1);

    const other = await s.account('@Other');
    await s.call('rotations.reportThreat', { accountId: other.id, reason: 'Compromised' });
    s.clock.set('2027-01-21T00:01:00.000Z');
    s.core.tick();
    s.core.tick();
    expect(s.platform.notifications).toHaveLength(2);
    expect(s.platform.notifications[1]?.body).toBe(
      "2 accounts are overdue for a password change. Open Keyholder's Rotations page.",
    );
  });

  it('stops once the overdue password is changed', async () => {
    const { s, account } = await world('2027-01-20T09:00:00.000Z');
    const restarted = await s.reopen();
    expect(restarted.platform.notifications).toHaveLength(1);
    await rotate(restarted, account.id);
    restarted.clock.set('2027-01-21T09:00:00.000Z');
    restarted.core.tick();
    expect(restarted.platform.notifications).toHaveLength(1);
  });
});

describe('restarts', () => {
  it('a pending rotation survives closing and reopening, and can then be confirmed', async () => {
    const { s, account } = await world();
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    const candidate = await reveal(s, account.id, 'pendingPassword');

    const again = await s.reopen(manualClock('2026-11-13T09:00:00.000Z'));
    expect((await again.call('vault.status', {})).state).toBe('unlocked');
    expect((await row(again, account.id)).pending).toEqual({ rotationId, startedAt: november });
    expect(await reveal(again, account.id, 'password')).toBe(oldPassword);
    expect(await reveal(again, account.id, 'pendingPassword')).toBe(candidate);
    await again.refused('rotations.start', { accountId: account.id, reason: 'Again' }, 'CONFLICT');

    await again.call('rotations.confirm', { rotationId });
    expect(await reveal(again, account.id, 'password')).toBe(candidate);
    expect(await again.call('secrets.history', { accountId: account.id })).toHaveLength(1);
    expect((await again.call('audit.verify', {})).ok).toBe(true);
  });
});
