import { academicYearOf, defaultTerms, termLabels, type Term, type TermName } from './term-calendar';
import { addDays, daysBetween, isValidIsoDate, type IsoDate, ukDate } from '../time';

/**
 * The period a report or a set of engagement figures covers: a term by
 * default, or any date range. A term's report runs from the day after the
 * previous term ends to the term's last day, so a comment received in the
 * holiday lands in the next term's report and no day falls between two
 * reports (the rotation record counts holidays the same way).
 */
export type PeriodRef =
  { kind: 'term'; academicYear: number; term: TermName } | { kind: 'range'; from: IsoDate; to: IsoDate };

export interface Period {
  from: IsoDate;
  to: IsoDate;
  /** "Autumn 2026/27" or "01/09/2026 to 20/12/2026". */
  label: string;
  term: { academicYear: number; term: TermName } | null;
}

export function yearLabel(academicYear: number): string {
  return `${academicYear}/${String((academicYear + 1) % 100).padStart(2, '0')}`;
}

export function termLabel(academicYear: number, term: TermName): string {
  return `${termLabels[term]} ${yearLabel(academicYear)}`;
}

/** The school's terms for these academic years, falling back to the defaults where a year is not saved. */
export function calendarFor(saved: readonly Term[], years: readonly number[]): Term[] {
  const all = [...new Set(years)].flatMap((year) => {
    const own = saved.filter((t) => t.academicYear === year);
    return own.length === 3 ? own : defaultTerms(year);
  });
  return all.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

export function termPeriod(saved: readonly Term[], academicYear: number, term: TermName): Period {
  const list = calendarFor(saved, [academicYear - 1, academicYear]);
  const index = list.findIndex((t) => t.academicYear === academicYear && t.term === term);
  const target = list[index]!;
  const previous = list[index - 1];
  return {
    from: previous ? addDays(previous.endsOn, 1) : target.startsOn,
    to: target.endsOn,
    label: termLabel(academicYear, term),
    term: { academicYear, term },
  };
}

export function resolvePeriod(ref: PeriodRef, saved: readonly Term[]): Period {
  if (ref.kind === 'term') return termPeriod(saved, ref.academicYear, ref.term);
  return { from: ref.from, to: ref.to, label: `${ukDate(ref.from)} to ${ukDate(ref.to)}`, term: null };
}

/** Problems with a date range, in words; empty when it is usable. */
export function periodProblems(from: IsoDate, to: IsoDate): string[] {
  const problems: string[] = [];
  if (!isValidIsoDate(from)) problems.push('The start date is not a real date.');
  if (!isValidIsoDate(to)) problems.push('The end date is not a real date.');
  if (problems.length === 0 && to <= from) problems.push('The end date must be after the start date.');
  if (problems.length === 0 && daysBetween(from, to) > 366 * 2)
    problems.push('A period can be at most two years long; enter each term or year separately.');
  return problems;
}

export function periodsOverlap(a: { from: IsoDate; to: IsoDate }, b: { from: IsoDate; to: IsoDate }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Days (inclusive) that two periods share; 0 when they do not overlap. */
export function overlapDays(a: { from: IsoDate; to: IsoDate }, b: { from: IsoDate; to: IsoDate }): number {
  if (!periodsOverlap(a, b)) return 0;
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return daysBetween(from, to) + 1;
}

export function contains(outer: { from: IsoDate; to: IsoDate }, inner: { from: IsoDate; to: IsoDate }): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

/** The term a date counts for: the one whose report period contains it. */
export function termOf(saved: readonly Term[], date: IsoDate): { academicYear: number; term: TermName } {
  const year = academicYearOf(date);
  for (const t of calendarFor(saved, [year, year + 1])) {
    const period = termPeriod(saved, t.academicYear, t.term);
    if (date >= period.from && date <= period.to) return { academicYear: t.academicYear, term: t.term };
  }
  // After the summer term ends the date belongs to next year's autumn report.
  return { academicYear: year + 1, term: 'autumn' };
}

/** The `count` terms ending with the one `date` counts for, oldest first (for the chart). */
export function recentTerms(saved: readonly Term[], date: IsoDate, count: number): Period[] {
  const last = termOf(saved, date);
  const years = Array.from({ length: Math.ceil(count / 3) + 1 }, (_, i) => last.academicYear - i);
  const list = calendarFor(saved, years);
  const index = list.findIndex((t) => t.academicYear === last.academicYear && t.term === last.term);
  return list.slice(Math.max(0, index - count + 1), index + 1).map((t) => termPeriod(saved, t.academicYear, t.term));
}
