import { describe, expect, it } from 'vitest';
import { addDays, easterSunday, londonDate } from '../../../shared/policy/calendar-dates';
import { computeDue, type DueInput, type RotationPolicy } from '../../../shared/policy/rotation-due';
import { defaultTerms, validateTerms, type Term } from '../../../shared/policy/term-calendar';

/**
 * Due dates (DOMAIN.md rule 5): termly by default, at once after a threat.
 * Every expected date below was worked out by hand from a calendar, not by
 * calling the code under test. Defaults used: 7 days' grace (so a termly
 * change is overdue from the 8th day of the next term) and "due soon" from
 * 14 days before.
 *
 * The default terms for England, by hand:
 *   2025/26 Autumn 01/09/2025-19/12/2025 (half 27/10-31/10), Spring 05/01/2026-27/03/2026 (half 16/02-20/02),
 *           Summer 13/04/2026-17/07/2026 (half 25/05-29/05); Easter Sunday 05/04/2026
 *   2026/27 Autumn 07/09/2026-18/12/2026 (half 26/10-30/10), Spring 04/01/2027-19/03/2027 (half 15/02-19/02),
 *           Summer 05/04/2027-16/07/2027 (half 31/05-04/06); Easter Sunday 28/03/2027
 *   2027/28 Autumn 06/09/2027-17/12/2027 (half 25/10-29/10), Spring 10/01/2028-07/04/2028 (half 21/02-25/02),
 *           Summer 24/04/2028-21/07/2028 (half 29/05-02/06); Easter Sunday 16/04/2028
 */

const termly: RotationPolicy = { kind: 'termly' };
const halfTermly: RotationPolicy = { kind: 'half-termly' };

function due(input: Partial<DueInput> & Pick<DueInput, 'today'>) {
  return computeDue({
    policy: termly,
    lastRotatedOn: null,
    createdOn: '2025-06-01',
    required: null,
    terms: [],
    graceDays: 7,
    dueSoonDays: 14,
    ...input,
  });
}

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

describe('defaultTerms: the usual pattern for England', () => {
  it.each([
    [
      2025,
      [
        ['autumn', '2025-09-01', '2025-10-27', '2025-10-31', '2025-12-19'],
        ['spring', '2026-01-05', '2026-02-16', '2026-02-20', '2026-03-27'],
        ['summer', '2026-04-13', '2026-05-25', '2026-05-29', '2026-07-17'],
      ],
    ],
    [
      2026,
      [
        ['autumn', '2026-09-07', '2026-10-26', '2026-10-30', '2026-12-18'],
        ['spring', '2027-01-04', '2027-02-15', '2027-02-19', '2027-03-19'],
        ['summer', '2027-04-05', '2027-05-31', '2027-06-04', '2027-07-16'],
      ],
    ],
    [
      2027,
      [
        ['autumn', '2027-09-06', '2027-10-25', '2027-10-29', '2027-12-17'],
        ['spring', '2028-01-10', '2028-02-21', '2028-02-25', '2028-04-07'],
        ['summer', '2028-04-24', '2028-05-29', '2028-06-02', '2028-07-21'],
      ],
    ],
  ])('academic year %i', (year, expected) => {
    expect(defaultTerms(year)).toEqual(
      expected.map(([name, startsOn, halfTermStartsOn, halfTermEndsOn, endsOn]) => ({
        academicYear: year,
        term: name,
        startsOn,
        halfTermStartsOn,
        halfTermEndsOn,
        endsOn,
      })),
    );
  });

  it('autumn 2026 starts on the first Monday of September', () => {
    expect(defaultTerms(2026)[0]?.startsOn).toBe('2026-09-07');
  });

  it.each([2024, 2025, 2026, 2027, 2028, 2035])('the defaults for %i and the next year validate together', (year) => {
    expect(validateTerms([...defaultTerms(year), ...defaultTerms(year + 1)])).toEqual([]);
  });
});

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('%i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('londonDate: the calendar day in England', () => {
  it.each([
    ['2026-10-24T23:30:00Z', '2026-10-25', 'BST: 00:30 on the 25th'],
    ['2026-10-25T00:59:00Z', '2026-10-25', 'BST until 01:00 UTC on the 25th'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 'GMT after the clocks go back: still 23:30 on the 25th'],
    ['2026-03-28T23:30:00Z', '2026-03-28', 'GMT the night before the clocks go forward'],
    ['2026-03-29T23:30:00Z', '2026-03-30', 'BST after the clocks go forward'],
    ['2026-07-17T22:59:59Z', '2026-07-17', 'one second before midnight in BST'],
    ['2026-07-17T23:00:00Z', '2026-07-18', 'midnight in BST'],
    ['2026-12-31T23:59:00Z', '2026-12-31', 'GMT in winter'],
    ['2028-02-28T23:30:00Z', '2028-02-28', 'leap year, GMT'],
  ])('%s is %s (%s)', (instant, expected) => {
    expect(londonDate(instant)).toBe(expected);
    expect(londonDate(new Date(instant))).toBe(expected);
  });
});

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
    const result = due({ lastRotatedOn: londonDate(confirmedAt), today: '2027-07-20' });
    expect(result).toMatchObject({ dueFrom, dueBy });
  });

  it('two changes 24 hours apart across the clocks going back fall on the same day in England', () => {
    // 23:30 UTC on Saturday 24/10/2026 is 00:30 BST on Sunday 25/10; 23:30 UTC on the 25th is 23:30 GMT, still the 25th.
    const policy: RotationPolicy = { kind: 'days', days: 7 };
    for (const instant of ['2026-10-24T23:30:00Z', '2026-10-25T23:30:00Z']) {
      expect(due({ policy, lastRotatedOn: londonDate(instant), today: '2026-10-26' }).dueBy).toBe('2026-11-01');
    }
  });
});

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
});

describe('validateTerms', () => {
  const good = defaultTerms(2026);
  const edit = (index: number, patch: Partial<Term>) => good.map((t, i) => (i === index ? { ...t, ...patch } : t));

  it('accepts the defaults', () => {
    expect(validateTerms(good)).toEqual([]);
  });

  it.each([
    [
      'spring starts before autumn ends',
      edit(1, { startsOn: '2026-12-14' }),
      'Spring 2026 starts before Autumn 2026 ends.',
    ],
    ['summer overlaps spring', edit(2, { startsOn: '2027-03-15' }), 'Summer 2026 starts before Spring 2026 ends.'],
    [
      'next year overlaps this year',
      [...good, ...defaultTerms(2027).map((t, i) => (i === 0 ? { ...t, startsOn: '2027-07-12' } : t))],
      'Autumn 2027 starts before Summer 2026 ends.',
    ],
  ])('rejects overlaps: %s', (_case, terms, problem) => {
    expect(validateTerms(terms)).toContain(problem);
  });

  it.each([
    ['half term starts before the term', edit(0, { halfTermStartsOn: '2026-09-01' })],
    ['half term ends before it starts', edit(0, { halfTermEndsOn: '2026-10-25' })],
    ['half term runs past the end of term', edit(1, { halfTermEndsOn: '2027-03-22' })],
    ['half term on the first day', edit(2, { halfTermStartsOn: '2027-04-05' })],
    ['term ends on the last day of half term', edit(2, { endsOn: '2027-06-04' })],
  ])('rejects dates out of order within a term: %s', (_case, terms) => {
    const problems = validateTerms(terms);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/the dates must run start, half term start, half term end, end/);
  });

  it.each([
    [
      'the 2026/27 dates saved as 2027',
      good.map((t) => ({ ...t, academicYear: 2027 })),
      'Autumn 2027/28: the dates must fall between 1 September 2027 and 31 August 2028.',
    ],
    [
      'autumn starting a year early',
      edit(0, { startsOn: '2025-09-07' }),
      'Autumn 2026/27: the dates must fall between 1 September 2026 and 31 August 2027.',
    ],
    [
      'summer ending in September',
      edit(2, { endsOn: '2027-09-03' }),
      'Summer 2026/27: the dates must fall between 1 September 2026 and 31 August 2027.',
    ],
  ])('rejects dates outside the academic year: %s', (_case, terms, problem) => {
    expect(validateTerms(terms)).toContain(problem);
  });

  it('accepts a term starting on 1 September and one ending on 31 August', () => {
    expect(validateTerms(edit(0, { startsOn: '2026-09-01' }))).toEqual([]);
    expect(validateTerms(edit(2, { endsOn: '2027-08-31' }))).toEqual([]);
  });

  it('accepts a one-day half term', () => {
    expect(validateTerms(edit(0, { halfTermStartsOn: '2026-10-26', halfTermEndsOn: '2026-10-26' }))).toEqual([]);
  });

  it('rejects terms in the wrong order', () => {
    const swapped = good.map((t) => ({
      ...t,
      term: t.term === 'autumn' ? ('spring' as const) : t.term === 'spring' ? ('autumn' as const) : t.term,
    }));
    expect(validateTerms(swapped)).toContain('The terms of 2026 are out of order.');
  });

  it('rejects a duplicate term', () => {
    const duplicate = [
      ...good,
      {
        ...good[1]!,
        startsOn: '2027-05-01',
        halfTermStartsOn: '2027-05-10',
        halfTermEndsOn: '2027-05-12',
        endsOn: '2027-05-20',
      },
    ];
    expect(validateTerms(duplicate)).toContain('Spring 2026 appears twice.');
  });

  it('rejects an identical duplicate row', () => {
    expect(validateTerms([...good, good[0]!])).toContain('Autumn 2026 appears twice.');
  });
});

describe('addDays', () => {
  it.each([
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2027-01-04', -14, '2026-12-21'],
  ])('%s + %i = %s (no clock change can shift a day)', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });
});
