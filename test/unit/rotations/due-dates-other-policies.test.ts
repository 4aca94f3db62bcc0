import { describe, expect, it } from 'vitest';
import type { RotationPolicy } from '../../../shared/policy/rotation-due';
import { due, halfTermly, termly } from './due-fixtures';

/**
 * Due dates for every N days, manual, "rotation required" and an account with
 * no password yet. Defaults and the terms by hand: due-fixtures.ts.
 */

describe('computeDue: every N days', () => {
  it.each([
    // [days, last, today, state, due]
    [30, '2028-02-01', '2028-03-01', 'due-soon', '2028-03-02'], // 2028 has 29 February
    [30, '2028-02-01', '2028-03-02', 'due', '2028-03-02'],
    [30, '2028-02-01', '2028-03-03', 'overdue', '2028-03-02'],
    [30, '2027-02-01', '2027-03-02', 'due-soon', '2027-03-03'], // 2027 does not
    [1, '2028-02-28', '2028-02-29', 'due', '2028-02-29'],
    [365, '2027-03-01', '2028-02-29', 'due', '2028-02-29'],
    [366, '2027-03-01', '2028-02-29', 'due-soon', '2028-03-01'],
    [90, '2026-01-10', '2026-03-27', 'due-soon', '2026-04-10'],
    [90, '2026-01-10', '2026-03-26', 'ok', '2026-04-10'],
    [7, '2026-10-22', '2026-10-29', 'due', '2026-10-29'], // across the clocks going back
  ])('every %i days from %s, on %s: %s (due %s)', (days, last, today, state, dueOn) => {
    expect(due({ policy: { kind: 'days', days }, lastRotatedOn: last, today })).toEqual({
      state,
      dueFrom: dueOn,
      dueBy: dueOn,
      reason: `Every ${days} days`,
    });
  });

  it('ignores the term calendar', () => {
    const a = due({ policy: { kind: 'days', days: 30 }, lastRotatedOn: '2026-12-18', today: '2026-12-20' });
    expect(a.dueBy).toBe('2027-01-17');
  });
});

describe('computeDue: manual, required, no password', () => {
  it.each([
    ['recently changed', '2026-11-10'],
    ['changed years ago', '2020-01-01'],
    ['never set', null],
  ])('manual: never due (%s)', (_case, last) => {
    expect(due({ policy: { kind: 'manual' }, lastRotatedOn: last, today: '2027-06-01' })).toEqual({
      state: 'manual',
      dueFrom: null,
      dueBy: null,
      reason: 'Changed only when needed',
    });
  });

  it.each<[string, RotationPolicy, string | null]>([
    ['termly, changed yesterday', termly, '2026-11-21'],
    ['manual', { kind: 'manual' }, '2026-11-21'],
    ['every 365 days', { kind: 'days', days: 365 }, '2026-11-21'],
    ['half-termly, no password yet', halfTermly, null],
  ])('required overrides everything: %s', (_case, policy, last) => {
    const required = { reason: 'security threat reported: phishing email', since: '2026-11-20' };
    expect(due({ policy, lastRotatedOn: last, required, today: '2026-11-22' })).toEqual({
      state: 'required',
      dueFrom: '2026-11-20',
      dueBy: '2026-11-20',
      reason: 'security threat reported: phishing email',
    });
  });

  it.each([
    ['the day it was created', '2026-11-04', 'due'],
    ['the day after', '2026-11-05', 'overdue'],
  ])('no password stored: due from the creation date (%s)', (_case, today, state) => {
    expect(due({ lastRotatedOn: null, createdOn: '2026-11-04', today })).toEqual({
      state,
      dueFrom: '2026-11-04',
      dueBy: '2026-11-04',
      reason: 'No password is stored yet',
    });
  });
});
