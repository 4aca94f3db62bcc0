import { easterSunday } from './calendar-dates';
import { academicYearLabel, addDays, onOrAfter, onOrBefore, termYearLabel, ukDate, type IsoDate } from '../time';

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
  // Read from the text (yyyy-mm-dd) by its digits: no Date and no substrings made, as this runs twice for
  // each of 10,000 accounts' password changes on a cold read.
  const digit = (at: number) => date.charCodeAt(at) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  return digit(5) * 10 + digit(6) >= 9 ? year : year - 1;
}

/** The four dates of a term, as a form names them. */
export type TermDateField = 'startsOn' | 'halfTermStartsOn' | 'halfTermEndsOn' | 'endsOn';

/**
 * One problem with a calendar: which term (its index in the list given) and
 * which date it is about, so a form can show it beside that field; a
 * problem with the calendar as a whole (a term twice) has neither.
 */
export interface TermProblem {
  index: number | null;
  field: TermDateField | null;
  /** Complete on its own: names the term ("Spring term 2027: ..."). */
  message: string;
  /** The same without the term's name, for beside the date it is about ("The term must end after it starts."). */
  detail: string;
}

/** Problems with a calendar, in words; empty when it is usable. */
export function validateTerms(terms: Term[]): string[] {
  return termProblems(terms).map((p) => p.message);
}

/** Problems with a calendar, each tied to the term and date it is about. */
export function termProblems(terms: Term[]): TermProblem[] {
  const problems: TermProblem[] = [];
  terms.forEach((t, index) => problems.push(...orderProblems(t, index), ...yearProblems(t, index)));
  const sorted = terms.map((t, index) => ({ t, index })).sort((a, b) => a.t.startsOn.localeCompare(b.t.startsOn));
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1]!.t;
    const { t: cur, index } = sorted[i]!;
    if (cur.startsOn <= prev.endsOn)
      problems.push({
        index,
        field: 'startsOn',
        message: `${name(cur)} starts before the ${name(prev)} ends (${ukDate(prev.endsOn)}).`,
        detail: `Starts before the ${name(prev)} ends (${ukDate(prev.endsOn)}).`,
      });
    const expected = termNames[(termNames.indexOf(prev.term) + 1) % termNames.length];
    if (cur.term !== expected && cur.academicYear === prev.academicYear)
      problems.push(whole(`The terms of ${academicYearLabel(cur.academicYear)} are out of order.`));
  }
  const seen = new Set<string>();
  for (const t of terms) {
    const key = `${t.academicYear}-${t.term}`;
    if (seen.has(key)) problems.push(whole(`The ${name(t)} appears twice.`));
    seen.add(key);
  }
  return problems;
}

/** Start, half term start, half term end, end: in that order, each reported on the date that breaks it. */
function orderProblems(t: Term, index: number): TermProblem[] {
  const at = (field: TermDateField, what: string): TermProblem[] => [
    { index, field, message: `${name(t)}: ${what}`, detail: sentence(what) },
  ];
  if (t.endsOn <= t.startsOn) return at('endsOn', 'the term must end after it starts.');
  if (t.halfTermStartsOn <= t.startsOn) return at('halfTermStartsOn', 'half term must start after the term starts.');
  if (t.halfTermEndsOn < t.halfTermStartsOn)
    return at('halfTermEndsOn', 'half term must end on or after its first day.');
  if (t.endsOn <= t.halfTermEndsOn) return at('endsOn', 'the term must end after half term.');
  return [];
}

// A term saved under the wrong year would sit beside that year's defaults and overlap them.
function yearProblems(t: Term, index: number): TermProblem[] {
  const within = `must fall between 01/09/${t.academicYear} and 31/08/${t.academicYear + 1} (the ${academicYearLabel(t.academicYear)} school year).`;
  const fields: TermDateField[] = ['startsOn', 'endsOn'];
  return fields
    .filter((field) => academicYearOf(t[field]) !== t.academicYear)
    .map((field) => ({
      index,
      field,
      message: `${name(t)}: the ${field === 'startsOn' ? 'first' : 'last'} day ${within}`,
      detail: sentence(`the ${field === 'startsOn' ? 'first' : 'last'} day ${within}`),
    }));
}

function whole(message: string): TermProblem {
  return { index: null, field: null, message, detail: message };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function name(t: Term): string {
  return termYearLabel(t.academicYear, t.term);
}
