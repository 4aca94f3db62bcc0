import { calendarFor, termPeriod, type Period } from './report-period';
import type { Term, TermName } from './term-calendar';
import type { IsoDate } from '../time';

/**
 * The "Upcoming" section of the termly meeting pack (north-herts 3:
 * "upcoming content will be shared at the termly progress meeting ... to
 * ensure no key dates or information is overlooked"). The meeting for a
 * term looks ahead from the day the pack is made to the end of the next
 * term: what is left of this term and all of the next, so a meeting held
 * early or late in the term still sees everything before the next meeting.
 */
export interface UpcomingWindow {
  from: IsoDate;
  to: IsoDate;
  /** "Autumn 2026/27", the term after the meeting's. */
  nextTerm: Period;
}

export function nextTermOf(saved: readonly Term[], academicYear: number, term: TermName): Period {
  const list = calendarFor(saved, [academicYear, academicYear + 1]);
  const index = list.findIndex((t) => t.academicYear === academicYear && t.term === term);
  const next = list[index + 1]!;
  return termPeriod(saved, next.academicYear, next.term);
}

/** From today (or the term's first day, if later) to the last day of the next term; empty when from > to. */
export function upcomingWindow(
  saved: readonly Term[],
  academicYear: number,
  term: TermName,
  today: IsoDate,
): UpcomingWindow {
  const own = termPeriod(saved, academicYear, term);
  const nextTerm = nextTermOf(saved, academicYear, term);
  return { from: today > own.from ? today : own.from, to: nextTerm.to, nextTerm };
}

export function inWindow(window: { from: IsoDate; to: IsoDate }, date: IsoDate): boolean {
  return window.from <= date && date <= window.to;
}
