import { addDays, onOrAfter, onOrBefore, ukDate, type IsoDate } from '../time';

/**
 * Weekly checks of each active account (DOMAIN.md 14): north-herts 3 asks
 * the nominated person each week to check responses, that key content is
 * published, and that links and hashtags are right; sutton-manor has SLT
 * check recent followers weekly; north-herts 6.1 posts at least once a
 * week. A week runs Monday to Sunday (London) and is named by its Monday.
 */
export const defaultWeeklyCheckItems = [
  'Replies, messages and mentions checked',
  'Key content published, with at least one post',
  'Links and hashtags in posts checked',
  'Recent followers checked by a member of SLT',
] as const;

const monday = 1;

/** The Monday of the week `date` falls in. */
export function weekOf(date: IsoDate): IsoDate {
  return onOrBefore(date, monday);
}

/** "Week of Monday 23/11/2026". */
export function weekLabel(week: IsoDate): string {
  return `Week of Monday ${ukDate(week)}`;
}

export interface WeekTicks {
  accountId: number;
  label: string;
  /** The items ticked for this account in the week. */
  ticked: ReadonlySet<string>;
}

export interface MissedWeek {
  accountId: number;
  label: string;
  week: IsoDate;
  missing: string[];
  /** The Sunday the week ended: the check was due by then. */
  dueBy: IsoDate;
}

/**
 * The accounts whose checks for the last whole week were not all done:
 * one entry each, naming the items still missing. A school with no items
 * set has nothing to check.
 */
export function missedLastWeek(today: IsoDate, items: readonly string[], ticks: readonly WeekTicks[]): MissedWeek[] {
  const week = addDays(weekOf(today), -7);
  if (items.length === 0) return [];
  return ticks
    .map((t) => ({
      accountId: t.accountId,
      label: t.label,
      week,
      missing: items.filter((item) => !t.ticked.has(item)),
      dueBy: addDays(week, 6),
    }))
    .filter((m) => m.missing.length > 0);
}

/** The Mondays of the weeks that lie wholly between two dates (a term's record). */
export function weeksBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const weeks: IsoDate[] = [];
  for (let week = onOrAfter(from, monday); addDays(week, 6) <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}
