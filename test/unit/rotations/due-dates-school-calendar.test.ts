import { describe, expect, it } from 'vitest';
import { segments } from '../../../shared/policy/rotation-due';
import { validateTerms, type Term } from '../../../shared/policy/term-calendar';
import { due, halfTermly } from './due-fixtures';

/**
 * Due dates follow the school's own term calendar where it has saved one, and
 * the defaults elsewhere. Defaults and the terms by hand: due-fixtures.ts.
 */

function term(
  academicYear: number,
  name: Term['term'],
  startsOn: string,
  halfTermStartsOn: string,
  halfTermEndsOn: string,
  endsOn: string,
): Term {
  return { academicYear, term: name, startsOn, halfTermStartsOn, halfTermEndsOn, endsOn };
}

describe("computeDue: the school's own calendar", () => {
  // A school whose 2026/27 year differs from the defaults: autumn ends 11/12, spring starts Wednesday 06/01.
  const school2026 = [
    term(2026, 'autumn', '2026-09-03', '2026-10-19', '2026-10-23', '2026-12-11'),
    term(2026, 'spring', '2027-01-06', '2027-02-15', '2027-02-19', '2027-03-26'),
    term(2026, 'summer', '2027-04-12', '2027-05-31', '2027-06-04', '2027-07-21'),
  ];

  it('the calendar is valid', () => {
    expect(validateTerms(school2026)).toEqual([]);
  });

  it.each([
    ['defaults: mid-autumn', [], '2026-11-10', '2027-01-04', '2027-01-10'],
    ['edited: spring starts later', school2026, '2026-11-10', '2027-01-06', '2027-01-12'],
    ['defaults: 14/12 is still autumn', [], '2026-12-14', '2027-01-04', '2027-01-10'],
    ['edited: 14/12 is now the holiday, so counts for spring', school2026, '2026-12-14', '2027-04-12', '2027-04-18'],
    ['defaults: 22/10 is the first half of autumn', [], '2026-10-22', '2027-01-04', '2027-01-10'],
  ])('%s', (_case, terms, last, dueFrom, dueBy) => {
    expect(due({ lastRotatedOn: last, today: '2026-12-15', terms })).toMatchObject({ dueFrom, dueBy });
  });

  it('editing the calendar after a rotation moves the due date (and the state) on the same day', () => {
    const before = due({ lastRotatedOn: '2026-11-10', today: '2027-01-05', terms: [] });
    const after = due({ lastRotatedOn: '2026-11-10', today: '2027-01-05', terms: school2026 });
    expect(before).toMatchObject({ state: 'due', dueFrom: '2027-01-04' });
    expect(after).toMatchObject({ state: 'due-soon', dueFrom: '2027-01-06' });
  });

  it('half-termly follows the edited half terms', () => {
    // Edited first half of autumn ends 18/10; the second half starts 24/10.
    expect(due({ policy: halfTermly, lastRotatedOn: '2026-09-20', today: '2026-10-01', terms: school2026 })).toEqual({
      state: 'ok',
      dueFrom: '2026-10-24',
      dueBy: '2026-10-30',
      reason: 'Every half term',
    });
  });

  it.each([
    // Only 2026/27 is the school's own; 2027/28 falls back to the defaults (autumn from 06/09/2027).
    ['summer 2027 (school) to autumn 2027 (default)', '2027-06-01', '2027-09-06', '2027-09-12'],
    // 2025/26 falls back too: mid-spring 2026 is due from the default summer start, 13/04/2026.
    ['spring 2026 (default) to summer 2026 (default)', '2026-02-02', '2026-04-13', '2026-04-19'],
    // The default summer 2026 ends 17/07; the school's autumn 2026 starts 03/09.
    ['summer 2026 (default) to autumn 2026 (school)', '2026-07-01', '2026-09-03', '2026-09-09'],
  ])('years missing from the calendar fall back to the defaults: %s', (_case, last, dueFrom, dueBy) => {
    expect(due({ lastRotatedOn: last, today: '2026-12-15', terms: school2026 })).toMatchObject({ dueFrom, dueBy });
  });

  it('a year with only some terms saved uses the defaults for that whole year', () => {
    const partial = school2026.filter((t) => t.term !== 'summer');
    expect(due({ lastRotatedOn: '2026-11-10', today: '2026-12-15', terms: partial }).dueFrom).toBe('2027-01-04');
  });

  it("works a calendar's terms out once, whichever copy of it is read, and afresh when a date changes", () => {
    const first = segments(school2026, false, ['2026-11-10']);
    // Another read of the same dates (a new array) in the same years: the same list, not worked out again.
    expect(segments(structuredClone(school2026), false, ['2026-12-15'])).toBe(first);
    const moved = school2026.map((t) => (t.term === 'spring' ? { ...t, startsOn: '2027-01-05' } : t));
    const again = segments(moved, false, ['2026-11-10']);
    expect(again).not.toBe(first);
    expect(again.map((s) => s.start)).toContain('2027-01-05');
    expect(segments(school2026, true, ['2026-11-10'])).not.toBe(first);
  });
});
