import { describe, expect, it } from 'vitest';
import { june, oldPassword, rotate, row, useRotationWorld } from './flow-fixtures';
import { manualClock } from './harness';

/**
 * rotations.list: the order, new accounts, England's calendar day, and the
 * school's own calendar moving the due date. Setup and term dates: flow-fixtures.ts.
 */
const { open, world } = useRotationWorld();

describe('rotations.list', () => {
  it('sorts the most urgent first: required, overdue (earliest first), due, due soon, ok, manual', async () => {
    const s = await open({ clock: manualClock('2026-03-02T10:00:00.000Z') });
    const withPassword = async (handle: string) => {
      const account = await s.account(handle);
      await s.call('secrets.set', {
        accountId: account.id,
        field: 'password',
        value: `${oldPassword}-${account.id}`,
        source: 'typed',
        reason: 'First',
      });
      return account;
    };
    // Spring 2026: due from 13/04/2026, overdue after 19/04.
    await withPassword('@OverdueSpring');
    s.clock.set(june);
    // Summer 2026: due from 07/09/2026, overdue after 13/09.
    await withPassword('@OverdueSummer');
    s.clock.set('2026-11-02T10:00:00.000Z');
    await withPassword('@Ok');
    const manual = await withPassword('@Manual');
    await s.call('rotations.setPolicy', { accountId: manual.id, policy: { kind: 'manual' } });
    const soon = await withPassword('@Soon');
    await s.call('rotations.setPolicy', { accountId: soon.id, policy: { kind: 'days', days: 30 } });
    const threat = await withPassword('@Threat');
    await s.call('rotations.setPolicy', { accountId: threat.id, policy: { kind: 'manual' } });
    await s.call('rotations.reportThreat', { accountId: threat.id, reason: 'Compromised' });
    s.clock.set('2026-11-22T10:00:00.000Z');
    await s.account('@NoPassword');

    const list = await s.call('rotations.list', {});
    expect(list.map((r) => [r.label, r.state, r.dueFrom, r.dueBy])).toEqual([
      ['@Threat', 'required', '2026-11-02', '2026-11-02'],
      ['@OverdueSpring', 'overdue', '2026-04-13', '2026-04-19'],
      ['@OverdueSummer', 'overdue', '2026-09-07', '2026-09-13'],
      ['@NoPassword', 'due', '2026-11-22', '2026-11-22'],
      ['@Soon', 'due-soon', '2026-12-02', '2026-12-02'],
      ['@Ok', 'ok', '2027-01-04', '2027-01-10'],
      ['@Manual', 'manual', null, null],
    ]);
  });

  it("lists accounts due alike in the register's order of handles (A to Z whatever the case, then by platform)", async () => {
    const s = await open({ clock: manualClock('2026-11-04T10:00:00.000Z') });
    for (const handle of ['@zebra', '@st_marys', '@Apple', '@st.marys', '@apple_two', '@Mango', '@banana'])
      await s.account(handle);
    const labels = (await s.call('rotations.list', {})).map((r) => r.label);
    const register = (await s.call('accounts.list', {})).map((a) => a.handle);
    // A locale's order would put the underscore first; the register's (SQLite's NOCASE) puts the full stop first.
    expect(labels).toEqual(['@Apple', '@apple_two', '@banana', '@Mango', '@st.marys', '@st_marys', '@zebra']);
    expect(labels).toEqual(register.filter((h) => labels.includes(h)));
  });

  it('an account created mid-term is due once it has no password, and termly from the next term once it has one', async () => {
    const s = await open({ clock: manualClock('2026-11-04T10:00:00.000Z') });
    const account = await s.account('@NewClub');
    expect(await row(s, account.id)).toMatchObject({ state: 'due', dueFrom: '2026-11-04', lastRotatedOn: null });
    s.clock.set('2026-11-05T10:00:00.000Z');
    expect((await row(s, account.id)).state).toBe('overdue');
    await s.call('secrets.set', {
      accountId: account.id,
      field: 'password',
      value: oldPassword,
      source: 'typed',
      reason: 'First',
    });
    expect(await row(s, account.id)).toMatchObject({
      state: 'ok',
      lastRotatedOn: '2026-11-05',
      dueFrom: '2027-01-04',
      dueBy: '2027-01-10',
    });
  });

  it.each([
    // Summer 2025/26 ends Friday 17/07/2026, in BST.
    ['2026-07-17T22:30:00.000Z', '2026-07-17', '2026-09-07'], // 23:30 BST: still the last day of summer
    ['2026-07-17T23:30:00.000Z', '2026-07-18', '2027-01-04'], // 00:30 BST: the holiday, counts for autumn
  ])('a rotation confirmed at %s counts for %s in England: due from %s', async (at, day, dueFrom) => {
    const { s, account } = await world(at);
    await rotate(s, account.id);
    expect(await row(s, account.id)).toMatchObject({ lastRotatedOn: day, dueFrom });
  });

  it('editing the calendar after a rotation moves the due date', async () => {
    const { s, account } = await world('2026-12-14T10:00:00.000Z');
    await rotate(s, account.id);
    expect(await row(s, account.id)).toMatchObject({ lastRotatedOn: '2026-12-14', dueFrom: '2027-01-04' });
    // The school breaks up on 11/12: the 14th becomes the holiday, counting for spring.
    await s.call('calendar.save', {
      terms: [
        {
          academicYear: 2026,
          term: 'autumn',
          startsOn: '2026-09-03',
          halfTermStartsOn: '2026-10-19',
          halfTermEndsOn: '2026-10-23',
          endsOn: '2026-12-11',
        },
        {
          academicYear: 2026,
          term: 'spring',
          startsOn: '2027-01-06',
          halfTermStartsOn: '2027-02-15',
          halfTermEndsOn: '2027-02-19',
          endsOn: '2027-03-26',
        },
        {
          academicYear: 2026,
          term: 'summer',
          startsOn: '2027-04-12',
          halfTermStartsOn: '2027-05-31',
          halfTermEndsOn: '2027-06-04',
          endsOn: '2027-07-21',
        },
      ],
    });
    expect(await row(s, account.id)).toMatchObject({ dueFrom: '2027-04-12', dueBy: '2027-04-18', state: 'ok' });
    expect((await s.call('rotations.record', { academicYear: 2026, term: 'autumn' })).map((r) => r.label)).toEqual([]);
    expect((await s.call('rotations.record', { academicYear: 2026, term: 'spring' })).map((r) => r.label)).toEqual([
      '@StMarysPE',
    ]);
  });
});
