import { describe, expect, it } from 'vitest';
import type { RotationPolicy } from '../../../shared/policy/rotation-due';
import { due, halfTermly } from './due-fixtures';
import { londonDateOf } from '../../../shared/time';

/**
 * Due dates for the termly and half-termly policies, and which day in England
 * a change counts for. Defaults and the terms by hand: due-fixtures.ts.
 */

describe('computeDue: termly', () => {
  it.each([
    // [case, last rotated, today, state, due from, due by]
    ['mid-autumn, weeks before', '2026-11-10', '2026-11-22', 'ok', '2027-01-04', '2027-01-10'],
    ['mid-autumn, the day before due soon', '2026-11-10', '2026-12-20', 'ok', '2027-01-04', '2027-01-10'],
    [
      'mid-autumn, exactly 14 days before: due soon',
      '2026-11-10',
      '2026-12-21',
      'due-soon',
      '2027-01-04',
      '2027-01-10',
    ],
    ['mid-autumn, the day before spring starts', '2026-11-10', '2027-01-03', 'due-soon', '2027-01-04', '2027-01-10'],
    ['mid-autumn, first day of spring', '2026-11-10', '2027-01-04', 'due', '2027-01-04', '2027-01-10'],
    ['mid-autumn, last day of grace', '2026-11-10', '2027-01-10', 'due', '2027-01-04', '2027-01-10'],
    ['mid-autumn, the day after grace: overdue', '2026-11-10', '2027-01-11', 'overdue', '2027-01-04', '2027-01-10'],
    ['mid-autumn, months later', '2026-11-10', '2027-06-01', 'overdue', '2027-01-04', '2027-01-10'],
    ['autumn half-term holiday counts for autumn', '2026-10-28', '2026-11-22', 'ok', '2027-01-04', '2027-01-10'],
    ['first day of autumn', '2026-09-07', '2026-09-07', 'ok', '2027-01-04', '2027-01-10'],
    ['summer holiday counts for autumn', '2026-08-10', '2026-09-20', 'ok', '2027-01-04', '2027-01-10'],
    ['last day of autumn counts for autumn', '2026-12-18', '2026-12-21', 'due-soon', '2027-01-04', '2027-01-10'],
    [
      'first day of the Christmas holiday counts for spring',
      '2026-12-19',
      '2027-01-05',
      'ok',
      '2027-04-05',
      '2027-04-11',
    ],
    ['last day of spring counts for spring', '2027-03-19', '2027-03-25', 'due-soon', '2027-04-05', '2027-04-11'],
    ['Easter holiday counts for summer', '2027-03-29', '2027-04-06', 'ok', '2027-09-06', '2027-09-12'],
    ['last day of summer counts for summer', '2027-07-16', '2027-09-06', 'due', '2027-09-06', '2027-09-12'],
    ['mid-summer 2026', '2026-06-15', '2026-09-14', 'overdue', '2026-09-07', '2026-09-13'],
    ['spring 2028 (leap year) to summer 2028', '2028-02-29', '2028-04-30', 'due', '2028-04-24', '2028-04-30'],
    [
      'account created mid-term, first password the same day',
      '2026-11-04',
      '2026-11-04',
      'ok',
      '2027-01-04',
      '2027-01-10',
    ],
  ])('%s', (_case, last, today, state, dueFrom, dueBy) => {
    expect(due({ lastRotatedOn: last, today })).toEqual({ state, dueFrom, dueBy, reason: 'Termly' });
  });

  it.each([
    [1, '2027-01-04', '2027-01-04', '2027-01-05'],
    [7, '2027-01-04', '2027-01-10', '2027-01-11'],
    [14, '2027-01-04', '2027-01-17', '2027-01-18'],
  ])('grace of %i days: due by %s... overdue from %s', (graceDays, dueFrom, dueBy, overdueOn) => {
    expect(due({ lastRotatedOn: '2026-11-10', today: dueBy, graceDays })).toMatchObject({
      state: 'due',
      dueFrom,
      dueBy,
    });
    expect(due({ lastRotatedOn: '2026-11-10', today: overdueOn, graceDays }).state).toBe('overdue');
  });

  it.each([
    [0, '2027-01-03', 'ok'],
    [0, '2027-01-04', 'due'],
    [30, '2026-12-05', 'due-soon'],
    [30, '2026-12-04', 'ok'],
  ])('due soon %i days before: on %s the state is %s', (dueSoonDays, today, state) => {
    expect(due({ lastRotatedOn: '2026-11-10', today, dueSoonDays }).state).toBe(state);
  });
});

describe('computeDue: half-termly', () => {
  it.each([
    // The first half of autumn 2026 runs 07/09-25/10, the second 31/10-18/12.
    ['first half of autumn', '2026-09-20', '2026-10-20', 'due-soon', '2026-10-31', '2026-11-06'],
    ['first half of autumn, overdue', '2026-09-20', '2026-11-07', 'overdue', '2026-10-31', '2026-11-06'],
    ['the half-term holiday counts for the second half', '2026-10-28', '2026-11-22', 'ok', '2027-01-04', '2027-01-10'],
    ['second half of autumn', '2026-11-10', '2027-01-04', 'due', '2027-01-04', '2027-01-10'],
    ['first half of spring', '2027-01-20', '2027-02-20', 'due', '2027-02-20', '2027-02-26'],
    ['second half of spring', '2027-03-01', '2027-04-12', 'overdue', '2027-04-05', '2027-04-11'],
    ['first half of summer', '2027-05-20', '2027-05-22', 'due-soon', '2027-06-05', '2027-06-11'],
    ['second half of summer', '2027-06-20', '2027-08-30', 'due-soon', '2027-09-06', '2027-09-12'],
  ])('%s', (_case, last, today, state, dueFrom, dueBy) => {
    expect(due({ policy: halfTermly, lastRotatedOn: last, today })).toEqual({
      state,
      dueFrom,
      dueBy,
      reason: 'Every half term',
    });
  });
});

describe('computeDue: Europe/London dates', () => {
  it.each([
    // The summer term 2026/27 ends on Friday 16/07/2027, in British Summer Time.
    ['22:30 UTC is 23:30 BST: still the last day of term', '2027-07-16T22:30:00Z', '2027-09-06', '2027-09-12'],
    [
      '23:30 UTC is 00:30 BST the next day: the holiday, counts for autumn',
      '2027-07-16T23:30:00Z',
      '2028-01-10',
      '2028-01-16',
    ],
    // Autumn 2026 ends on Friday 18/12/2026, in GMT: 23:30 UTC is still the 18th.
    ['23:30 UTC in winter is still the last day of autumn', '2026-12-18T23:30:00Z', '2027-01-04', '2027-01-10'],
    ['00:30 UTC the next morning is the holiday', '2026-12-19T00:30:00Z', '2027-04-05', '2027-04-11'],
  ])('%s', (_case, confirmedAt, dueFrom, dueBy) => {
    const result = due({ lastRotatedOn: londonDateOf(confirmedAt), today: '2027-07-20' });
    expect(result).toMatchObject({ dueFrom, dueBy });
  });

  it('two changes 24 hours apart across the clocks going back fall on the same day in England', () => {
    // 23:30 UTC on Saturday 24/10/2026 is 00:30 BST on Sunday 25/10; 23:30 UTC on the 25th is 23:30 GMT, still the 25th.
    const policy: RotationPolicy = { kind: 'days', days: 7 };
    for (const instant of ['2026-10-24T23:30:00Z', '2026-10-25T23:30:00Z']) {
      expect(due({ policy, lastRotatedOn: londonDateOf(instant), today: '2026-10-26' }).dueBy).toBe('2026-11-01');
    }
  });
});
