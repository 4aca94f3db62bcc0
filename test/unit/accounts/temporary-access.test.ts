import { describe, expect, it } from 'vitest';
import { accessEndProblem, temporaryAccessEnding } from '../../../shared/policy/temporary-access';
import { temporaryHoldersSql } from '../../../electron/holders/temporary-access';
import { useRegister } from './harness';

/**
 * Temporary access (issue 16 item 4; DOMAIN.md 13; wentworth: an account
 * "run by a senior teacher on a mobile phone for the period of the trip"):
 * a holder with an end date is removed on that day, by the core's clock,
 * and the password change becomes required.
 */
const open = useRegister();

/** A clock the test moves on: the app's "now" and nothing else. */
function movableClock(start: string) {
  let now = new Date(start);
  return { clock: { now: () => now }, moveTo: (at: string) => (now = new Date(at)) };
}

describe('temporary access as pure policy', () => {
  const trip = { accountId: 4, accountLabel: '@stmaryspe', personName: 'Tia Trip' };

  it('lists access ending within four weeks, today included, soonest first', () => {
    const items = temporaryAccessEnding(
      [
        { ...trip, personName: 'Later', accessEndsOn: '2026-04-01' },
        { ...trip, personName: 'Too late', accessEndsOn: '2026-04-08' },
        { ...trip, personName: 'Today', accessEndsOn: '2026-03-10' },
        { ...trip, personName: 'Tomorrow', accessEndsOn: '2026-03-11' },
        { ...trip, personName: 'Already ended', accessEndsOn: '2026-03-09' },
      ],
      '2026-03-10',
    );
    expect(items).toEqual([
      {
        kind: 'temporary-access-ending',
        message: "Today's temporary access to @stmaryspe ends today; the password must then be changed.",
        dueOn: '2026-03-10',
        screen: '#/accounts/4',
      },
      expect.objectContaining({ dueOn: '2026-03-11', message: expect.stringContaining('ends tomorrow') as string }),
      expect.objectContaining({
        dueOn: '2026-04-01',
        message: expect.stringContaining('ends on 01/04/2026') as string,
      }),
    ]);
    // The 28th day is the last one shown.
    expect(temporaryAccessEnding([{ ...trip, accessEndsOn: '2026-04-07' }], '2026-03-10', 28)).toHaveLength(1);
  });

  it('wants an end date after today', () => {
    expect(accessEndProblem(null, '2026-03-10')).toBeNull();
    expect(accessEndProblem('2026-03-11', '2026-03-10')).toBeNull();
    expect(accessEndProblem('2026-03-10', '2026-03-10')).toContain('must be after today (10/03/2026)');
  });
});

describe('holders with an end date', () => {
  async function setUp(start = '2026-03-02T09:00:00Z') {
    const time = movableClock(start);
    const s = await open({ clock: time.clock });
    const head = await s.person('Hana Head', { roles: ['headteacher'] });
    const teacher = await s.person('Tia Trip');
    const account = await s.account('@stmaryspe');
    return { s, time, head, teacher, account };
  }

  it('finds the holders with an end date through their own index, not by reading every holder', async () => {
    const s = await open();
    const plan = s.core.context.db
      .prepare(`EXPLAIN QUERY PLAN ${temporaryHoldersSql}`)
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join(' | ');
    expect(plan).toMatch(/USING INDEX account_holders_temporary/);
    expect(plan).not.toMatch(/SCAN h\b(?! USING)/);
  });

  it('refuses an end date that is not after today, and adds nothing', async () => {
    const { s, head, teacher, account } = await setUp();
    const error = await s.refused(
      'holders.add',
      {
        accountId: account.id,
        personId: teacher.id,
        authorisedById: head.id,
        authorisedOn: '2026-03-02',
        accessEndsOn: '2026-03-02',
      },
      'INVALID_INPUT',
    );
    expect(error.message).toContain('must be after today (02/03/2026)');
    expect(s.count('account_holders')).toBe(0);
  });

  it('removes the holder on the end date at the tick, audited, and makes the password change required', async () => {
    const { s, time, head, teacher, account } = await setUp();
    const added = await s.call('holders.add', {
      accountId: account.id,
      personId: teacher.id,
      authorisedById: head.id,
      authorisedOn: '2026-03-02',
      accessEndsOn: '2026-03-13',
    });
    expect(added[0]).toMatchObject({ accessEndsOn: '2026-03-13', removedOn: null });
    expect((await s.audit('holder.added'))[0]?.details).toMatchObject({ accessEndsOn: '2026-03-13' });
    expect(await s.call('holders.temporary', {})).toEqual([
      {
        holderId: added[0]!.id,
        accountId: account.id,
        accountLabel: '@stmaryspe',
        personName: 'Tia Trip',
        accessEndsOn: '2026-03-13',
      },
    ]);

    // The day before: still a holder. 23:30 London on the 12th is still the 12th.
    time.moveTo('2026-03-12T23:30:00Z');
    s.core.activity();
    s.core.tick();
    expect((await s.call('holders.list', { accountId: account.id }))[0]?.removedOn).toBeNull();

    // Their last day has come: removed that day, with the reason, and the password must change.
    time.moveTo('2026-03-13T07:00:00Z');
    s.core.activity();
    s.core.tick();
    const [holder] = await s.call('holders.list', { accountId: account.id });
    expect(holder).toMatchObject({ removedOn: '2026-03-13', removedReason: 'temporary access ended on 13/03/2026' });
    expect((await s.call('accounts.get', { id: account.id })).rotationRequired).toEqual({
      reason: "Tia Trip's temporary access ended on 13/03/2026",
      since: '2026-03-13T07:00:00.000Z',
    });
    const [ended] = await s.audit('holder.access-ended');
    expect(ended).toMatchObject({ targetId: account.id, details: { holder: 'Tia Trip', accessEndsOn: '2026-03-13' } });
    expect(await s.call('holders.temporary', {})).toEqual([]);

    // Nothing more to do on the next tick: no second entry.
    const entries = s.count('audit_log');
    s.core.tick();
    expect(s.count('audit_log')).toBe(entries);
  });

  it('ends access that passed while the vault was locked as soon as it is unlocked', async () => {
    const { s, time, head, teacher, account } = await setUp();
    await s.call('holders.add', {
      accountId: account.id,
      personId: teacher.id,
      authorisedById: head.id,
      authorisedOn: '2026-03-02',
      accessEndsOn: '2026-03-06',
    });
    await s.call('vault.lock', {});
    time.moveTo('2026-03-20T09:00:00Z');
    // Locked, nothing can be recorded: the holder stays until the vault is unlocked.
    s.core.tick();
    expect((await s.call('holders.list', { accountId: account.id }))[0]?.removedOn).toBeNull();
    await s.call('vault.unlock', {});
    const [holder] = await s.call('holders.list', { accountId: account.id });
    // Removed as of their last day, not the day it was noticed.
    expect(holder?.removedOn).toBe('2026-03-06');
    expect((await s.call('accounts.get', { id: account.id })).rotationRequired?.reason).toContain('Tia Trip');
  });
});
