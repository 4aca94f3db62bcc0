import { describe, expect, it } from 'vitest';
import { defaultWeeklyCheckItems, missedLastWeek, weekOf, weeksBetween } from '../../../shared/policy/weekly-checks';
import { testSchool, useOpenCore } from '../../support/open-core';

/** The weekly checks (north-herts 3 and 6.1, sutton-manor): rules first, then through the core. */
const { openCore } = useOpenCore('keyholder-checks-');
// The vault is set up on 2 November 2026; "today" is Wednesday 25 November, 10:00 in London:
// the week of Monday 23/11, last week began 16/11.
let now = new Date('2026-11-02T09:00:00Z');
const clock = { now: () => now };
const [replies, content, links, followers] = defaultWeeklyCheckItems;

async function school() {
  now = new Date('2026-11-02T09:00:00Z');
  const s = await openCore({ setUp: testSchool, clock });
  now = new Date('2026-11-25T10:00:00Z');
  const sam = await s.call('people.create', { name: 'Sam Sport', roles: ['staff'] });
  const hana = await s.call('people.create', { name: 'Hana Head', roles: ['headteacher', 'slt'] });
  const live = async (handle: string) => {
    const a = await s.call('accounts.create', { platform: 'x', handle });
    await s.call('accounts.setStatus', { id: a.id, status: 'active', on: '2026-09-01', overrideReason: 'In use' });
    return a;
  };
  const pe = await live('stmaryspe');
  const arts = await live('stmarysarts');
  // Proposed, not in use: it has no weekly checks.
  await s.call('accounts.create', { platform: 'x', handle: 'stmarysdraft' });
  return { ...s, sam, hana, pe, arts };
}

describe('the weekly check rules', () => {
  it('names a week by its Monday, a Sunday belonging to the week before it', () => {
    expect(weekOf('2026-11-25')).toBe('2026-11-23');
    expect(weekOf('2026-11-23')).toBe('2026-11-23');
    expect(weekOf('2026-11-29')).toBe('2026-11-23');
  });

  it('counts only whole weeks inside a term', () => {
    // Autumn term 2026 from Thursday 03/09 to Friday 18/12: the first whole week starts 07/09; 14/12 ends on the 20th.
    const weeks = weeksBetween('2026-09-03', '2026-12-18');
    expect(weeks[0]).toBe('2026-09-07');
    expect(weeks.at(-1)).toBe('2026-12-07');
    expect(weeks).toHaveLength(14);
  });

  it('lists what is missing from last week, and nothing when every check was done', () => {
    const items = [replies!, followers!];
    const missed = missedLastWeek('2026-11-25', items, [
      { accountId: 1, label: 'a', ticked: new Set([replies!]) },
      { accountId: 2, label: 'b', ticked: new Set(items) },
    ]);
    expect(missed).toEqual([
      { accountId: 1, label: 'a', week: '2026-11-16', missing: [followers], dueBy: '2026-11-22' },
    ]);
    expect(missedLastWeek('2026-11-25', [], [{ accountId: 1, label: 'a', ticked: new Set() }])).toEqual([]);
  });
});

describe('weekly checks through the core', () => {
  it('lists every active account with the school’s items, and records who ticked what and when', async () => {
    const { call, sam, pe } = await school();
    const week = await call('checks.week', { week: '2026-11-23' });
    expect(week.items).toEqual([...defaultWeeklyCheckItems]);
    expect(week.accounts.map((a) => a.label)).toEqual(['@stmarysarts', '@stmaryspe']);
    const after = await call('checks.tick', {
      accountId: pe.id,
      week: '2026-11-23',
      item: replies!,
      checkedById: sam.id,
    });
    const ticks = after.accounts.find((a) => a.accountId === pe.id)!.ticks;
    expect(ticks).toEqual([
      { item: replies, checkedBy: { personId: sam.id, name: 'Sam Sport' }, checkedAt: '2026-11-25T10:00:00.000Z' },
    ]);
    const audit = await call('audit.list', { action: 'check.ticked' });
    expect(audit.map((e) => [e.targetLabel, e.actor])).toEqual([['@stmaryspe', 'Alex Admin']]);
  });

  it('puts last week on the Dashboard until every check is ticked, and can take a tick back', async () => {
    const { call, sam, hana, pe, arts } = await school();
    const missed = await call('checks.missed', {});
    expect(missed.map((m) => [m.label, m.week, m.missing.length])).toEqual([
      ['@stmarysarts', '2026-11-16', 4],
      ['@stmaryspe', '2026-11-16', 4],
    ]);
    for (const item of [replies!, content!, links!])
      await call('checks.tick', { accountId: pe.id, week: '2026-11-16', item, checkedById: sam.id });
    await call('checks.tick', { accountId: pe.id, week: '2026-11-16', item: followers!, checkedById: hana.id });
    expect((await call('checks.missed', {})).map((m) => m.accountId)).toEqual([arts.id]);
    await call('checks.untick', { accountId: pe.id, week: '2026-11-16', item: followers! });
    const again = await call('checks.missed', {});
    expect(again.find((m) => m.accountId === pe.id)?.missing).toEqual([followers]);
    expect(await call('audit.list', { action: 'check.unticked' })).toHaveLength(1);
  });

  it('does not count a week before the vault was set up, or before the account went live', async () => {
    now = new Date('2026-11-18T09:00:00Z');
    const s = await openCore({ setUp: testSchool, clock });
    const a = await s.call('accounts.create', { platform: 'x', handle: 'newsdesk' });
    await s.call('accounts.setStatus', { id: a.id, status: 'active', on: '2026-11-18', overrideReason: 'In use' });
    now = new Date('2026-11-25T10:00:00Z');
    // Set up on Wednesday 18/11: last week was only partly Keyholder's.
    expect(await s.call('checks.missed', {})).toEqual([]);
    now = new Date('2026-12-02T10:00:00Z');
    expect((await s.call('checks.missed', {})).map((m) => [m.label, m.week])).toEqual([['@newsdesk', '2026-11-23']]);
    const late = await s.call('accounts.create', { platform: 'x', handle: 'late' });
    await s.call('accounts.setStatus', { id: late.id, status: 'active', on: '2026-11-26', overrideReason: 'In use' });
    expect((await s.call('checks.missed', {})).map((m) => m.label)).toEqual(['@newsdesk']);
  });

  it('keeps the first record of a tick made twice, and counts a term’s complete weeks', async () => {
    const { call, sam, hana, pe } = await school();
    for (const item of defaultWeeklyCheckItems)
      await call('checks.tick', { accountId: pe.id, week: '2026-11-16', item, checkedById: sam.id });
    const twice = await call('checks.tick', {
      accountId: pe.id,
      week: '2026-11-16',
      item: replies!,
      checkedById: hana.id,
    });
    expect(twice.accounts.find((a) => a.accountId === pe.id)!.ticks[0]!.checkedBy.name).toBe('Sam Sport');
    const record = await call('checks.record', { from: '2026-11-09', to: '2026-11-29' });
    expect(record.find((r) => r.accountId === pe.id)).toMatchObject({ weeks: 3, complete: 1 });
  });

  it('refuses a week not started, a week not named by its Monday, an account not in use and a leaver', async () => {
    const { call, refused, sam, pe } = await school();
    const draft = (await call('accounts.list', {})).find((a) => a.handle === '@stmarysdraft')!;
    const base = { item: replies!, checkedById: sam.id };
    expect(
      (await refused('checks.tick', { ...base, accountId: pe.id, week: '2026-11-30' }, 'INVALID_INPUT')).message,
    ).toContain('not started yet');
    expect(
      (await refused('checks.tick', { ...base, accountId: pe.id, week: '2026-11-24' }, 'INVALID_INPUT')).message,
    ).toContain('Monday');
    expect(
      (await refused('checks.tick', { ...base, accountId: draft.id, week: '2026-11-23' }, 'POLICY')).message,
    ).toContain('not in use');
    await call('people.update', {
      id: sam.id,
      person: { name: 'Sam Sport', roles: ['staff'], status: 'left', leftOn: '2026-11-20' },
    });
    expect(
      (await refused('checks.tick', { ...base, accountId: pe.id, week: '2026-11-23' }, 'POLICY')).message,
    ).toContain('has left');
  });

  it('takes the school’s own list of checks from the settings', async () => {
    const { call, refused } = await school();
    await call('settings.update', { weeklyCheckItems: ['Comments read'] });
    expect((await call('checks.week', { week: '2026-11-23' })).items).toEqual(['Comments read']);
    await refused('settings.update', { weeklyCheckItems: ['Same', 'Same'] }, 'INVALID_INPUT');
    await call('settings.update', { weeklyCheckItems: [] });
    expect(await call('checks.missed', {})).toEqual([]);
  });
});
