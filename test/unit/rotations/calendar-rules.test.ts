import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../../shared/policy/calendar-dates';
import {
  defaultTerms,
  termProblems,
  validateTerms,
  type Term,
  type TermDateField,
} from '../../../shared/policy/term-calendar';
import { addDays, londonDateOf } from '../../../shared/time';

/**
 * The calendar rules under the due dates: the default terms for England,
 * Easter, the calendar day in England, checking a school's own terms, and
 * adding days. The default terms, worked out by hand, are listed in due-fixtures.ts.
 */

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

describe('londonDateOf: the calendar day in England', () => {
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
    expect(londonDateOf(instant)).toBe(expected);
    expect(londonDateOf(new Date(instant))).toBe(expected);
  });
});

describe('validateTerms', () => {
  const good = defaultTerms(2026);
  const at = (index: number, date: TermDateField) => ({ index, date });
  const edit = (index: number, patch: Partial<Term>) => good.map((t, i) => (i === index ? { ...t, ...patch } : t));

  it('accepts the defaults', () => {
    expect(validateTerms(good)).toEqual([]);
  });

  it.each([
    [
      'spring starts before autumn ends',
      edit(1, { startsOn: '2026-12-14' }),
      'Spring term 2027 starts before the Autumn term 2026 ends (18/12/2026).',
    ],
    [
      'summer overlaps spring',
      edit(2, { startsOn: '2027-03-15' }),
      'Summer term 2027 starts before the Spring term 2027 ends (19/03/2027).',
    ],
    [
      'next year overlaps this year',
      [...good, ...defaultTerms(2027).map((t, i) => (i === 0 ? { ...t, startsOn: '2027-07-12' } : t))],
      'Autumn term 2027 starts before the Summer term 2027 ends (16/07/2027).',
    ],
  ])('rejects overlaps: %s', (_case, terms, problem) => {
    expect(validateTerms(terms)).toContain(problem);
  });

  it.each([
    ['half term starts before the term', edit(0, { halfTermStartsOn: '2026-09-01' }), at(0, 'halfTermStartsOn')],
    ['half term ends before it starts', edit(0, { halfTermEndsOn: '2026-10-25' }), at(0, 'halfTermEndsOn')],
    ['half term runs past the end of term', edit(1, { halfTermEndsOn: '2027-03-22' }), at(1, 'endsOn')],
    ['half term on the first day', edit(2, { halfTermStartsOn: '2027-04-05' }), at(2, 'halfTermStartsOn')],
    ['term ends on the last day of half term', edit(2, { endsOn: '2027-06-04' }), at(2, 'endsOn')],
    ['term ends before it starts', edit(0, { endsOn: '2026-09-04' }), at(0, 'endsOn')],
  ])('rejects dates out of order within a term, beside the date that breaks it: %s', (_case, terms, field) => {
    const problems = termProblems(terms);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: field.index, field: field.date });
    expect(problems[0]!.message).toMatch(/^(Autumn term 2026|Spring term 2027|Summer term 2027): /);
  });

  it.each([
    [
      'the 2026/27 dates saved as 2027',
      good.map((t) => ({ ...t, academicYear: 2027 })),
      'Autumn term 2027: the first day must fall between 01/09/2027 and 31/08/2028 (the 2027/28 school year).',
    ],
    [
      'autumn starting a year early',
      edit(0, { startsOn: '2025-09-07' }),
      'Autumn term 2026: the first day must fall between 01/09/2026 and 31/08/2027 (the 2026/27 school year).',
    ],
    [
      'summer ending in September',
      edit(2, { endsOn: '2027-09-03' }),
      'Summer term 2027: the last day must fall between 01/09/2026 and 31/08/2027 (the 2026/27 school year).',
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
    expect(validateTerms(swapped)).toContain('The terms of 2026/27 are out of order.');
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
    expect(validateTerms(duplicate)).toContain('The Spring term 2027 appears twice.');
  });

  it('rejects an identical duplicate row', () => {
    expect(validateTerms([...good, good[0]!])).toContain('The Autumn term 2026 appears twice.');
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
