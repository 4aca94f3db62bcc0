import { academicYearOf, defaultTerms, termLabels, type Term, type TermName } from './term-calendar';
import { addDays, daysBetween, isValidIsoDate, type IsoDate, ukDate } from '../time';

/**
 * The period a report or a set of engagement figures covers: a term by
 * default, or any date range. A term's report runs over the term's own
 * dates in the school's calendar, from its first day to its last (the
 * termly progress meeting reviews the term, not the holiday before it);
 * anything in a holiday is reported with a date range chosen for it.
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
  const target = calendarFor(saved, [academicYear]).find((t) => t.term === term)!;
  return {
    from: target.startsOn,
    to: target.endsOn,
    label: termLabel(academicYear, term),
    term: { academicYear, term },
  };
}

/**
 * The dates engagement figures for a term may cover: the term and the
 * holidays either side of it. Platforms give figures by calendar month, so
 * September's figures (from 01/09) belong to the Autumn term that starts a
 * few days later; figures that reach into another term do not.
 */
export function figuresReach(saved: readonly Term[], period: Period): { from: IsoDate; to: IsoDate } {
  if (!period.term) return { from: period.from, to: period.to };
  const { academicYear, term } = period.term;
  const list = calendarFor(saved, [academicYear - 1, academicYear, academicYear + 1]);
  const index = list.findIndex((t) => t.academicYear === academicYear && t.term === term);
  const previous = list[index - 1];
  const next = list[index + 1];
  return {
    from: previous ? addDays(previous.endsOn, 1) : period.from,
    to: next ? addDays(next.startsOn, -1) : period.to,
  };
}

/** Figures counted in a period: inside it, or for a term inside its reach and overlapping the term. */
export function figuresCount(saved: readonly Term[], period: Period, figures: { from: IsoDate; to: IsoDate }): boolean {
  return contains(figuresReach(saved, period), figures) && periodsOverlap(period, figures);
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

/**
 * The term a date belongs to: the one it falls in, or in a holiday the term
 * that has just ended (the report the administrator is most likely writing).
 */
export function termOf(saved: readonly Term[], date: IsoDate): { academicYear: number; term: TermName } {
  const year = academicYearOf(date);
  const started = calendarFor(saved, [year - 1, year, year + 1]).filter((t) => t.startsOn <= date);
  const last = started.at(-1)!;
  return { academicYear: last.academicYear, term: last.term };
}

/** The term a date falls in, term time only; null in a holiday. */
export function termContaining(saved: readonly Term[], date: IsoDate): { academicYear: number; term: TermName } | null {
  const found = termOf(saved, date);
  const period = termPeriod(saved, found.academicYear, found.term);
  return date <= period.to ? found : null;
}

/** The `count` terms ending with the one `date` counts for, oldest first (for the chart). */
export function recentTerms(saved: readonly Term[], date: IsoDate, count: number): Period[] {
  const last = termOf(saved, date);
  const years = Array.from({ length: Math.ceil(count / 3) + 1 }, (_, i) => last.academicYear - i);
  const list = calendarFor(saved, years);
  const index = list.findIndex((t) => t.academicYear === last.academicYear && t.term === last.term);
  return list.slice(Math.max(0, index - count + 1), index + 1).map((t) => termPeriod(saved, t.academicYear, t.term));
}
