import { easterSunday } from './calendar-dates';
import { addDays, onOrAfter, onOrBefore, toUtc, type IsoDate } from '../time';

/**
 * The school year: Autumn, Spring and Summer terms, each with a half-term
 * break. Schools set their own dates (a setting); the defaults below follow
 * the usual pattern for England and are shown as "defaults to check".
 */
export const termNames = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof termNames)[number];
export const termLabels: Record<TermName, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

export interface Term {
  /** The academic year by its starting calendar year: 2026 means 2026/27. */
  academicYear: number;
  term: TermName;
  startsOn: IsoDate;
  halfTermStartsOn: IsoDate;
  halfTermEndsOn: IsoDate;
  endsOn: IsoDate;
}

const MON = 1;
const FRI = 5;

/** Default term dates for England, generated from the year. */
export function defaultTerms(academicYear: number): Term[] {
  const y = academicYear;
  const next = y + 1;
  // Autumn: first Monday of September; half term the week of the last Monday in October; ends the Friday on or before 20 December.
  const autumnStart = onOrAfter(`${y}-09-01`, MON);
  const autumnHalf = onOrBefore(`${y}-10-31`, MON);
  const autumnEnd = onOrBefore(`${y}-12-20`, FRI);
  // Spring: the first Monday on or after 4 January; half term the week of the third Monday in February; ends the Friday two weeks before Easter Monday.
  const springStart = onOrAfter(`${next}-01-04`, MON);
  const springHalf = addDays(onOrAfter(`${next}-02-01`, MON), 14);
  const easter = easterSunday(next);
  const springEnd = addDays(easter, -9);
  // Summer: the Monday a week after Easter Monday; half term the week of the last Monday in May (spring bank holiday); ends the Friday on or before 22 July.
  const summerStart = addDays(easter, 8);
  const summerHalf = onOrBefore(`${next}-05-31`, MON);
  const summerEnd = onOrBefore(`${next}-07-22`, FRI);
  return [
    {
      academicYear: y,
      term: 'autumn',
      startsOn: autumnStart,
      halfTermStartsOn: autumnHalf,
      halfTermEndsOn: addDays(autumnHalf, 4),
      endsOn: autumnEnd,
    },
    {
      academicYear: y,
      term: 'spring',
      startsOn: springStart,
      halfTermStartsOn: springHalf,
      halfTermEndsOn: addDays(springHalf, 4),
      endsOn: springEnd,
    },
    {
      academicYear: y,
      term: 'summer',
      startsOn: summerStart,
      halfTermStartsOn: summerHalf,
      halfTermEndsOn: addDays(summerHalf, 4),
      endsOn: summerEnd,
    },
  ];
}

/** The academic year a date falls in (September to August). */
export function academicYearOf(date: IsoDate): number {
  const d = toUtc(date);
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

/** Problems with a calendar, in words; empty when it is usable. */
export function validateTerms(terms: Term[]): string[] {
  const problems: string[] = [];
  const sorted = [...terms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  for (const t of sorted) {
    const name = `${cap(t.term)} ${t.academicYear}/${String((t.academicYear + 1) % 100).padStart(2, '0')}`;
    if (!(t.startsOn < t.halfTermStartsOn && t.halfTermStartsOn <= t.halfTermEndsOn && t.halfTermEndsOn < t.endsOn)) {
      problems.push(`${name}: the dates must run start, half term start, half term end, end, in that order.`);
    }
    // A term saved under the wrong year would sit beside that year's defaults and overlap them.
    if (academicYearOf(t.startsOn) !== t.academicYear || academicYearOf(t.endsOn) !== t.academicYear) {
      problems.push(
        `${name}: the dates must fall between 1 September ${t.academicYear} and 31 August ${t.academicYear + 1}.`,
      );
    }
  }
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.startsOn <= prev.endsOn)
      problems.push(`${cap(cur.term)} ${cur.academicYear} starts before ${cap(prev.term)} ${prev.academicYear} ends.`);
  }
  const order = new Map(termNames.map((n, i) => [n, i]));
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    const expected = prev.term === 'summer' ? 'autumn' : termNames[(order.get(prev.term) ?? 0) + 1];
    if (cur.term !== expected && cur.academicYear === prev.academicYear)
      problems.push(`The terms of ${cur.academicYear} are out of order.`);
  }
  const seen = new Set<string>();
  for (const t of terms) {
    const key = `${t.academicYear}-${t.term}`;
    if (seen.has(key)) problems.push(`${cap(t.term)} ${t.academicYear} appears twice.`);
    seen.add(key);
  }
  return problems;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
