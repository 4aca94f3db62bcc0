import { addDays, daysBetween, ukDate } from '../time';
import type { PolicyItem } from './policy-items';

/**
 * Temporary access (wentworth: an account "run by a senior teacher on a
 * mobile phone for the period of the trip"; DOMAIN.md 13). A holder may be
 * given an end date: their last day. On that day Keyholder removes them and
 * the password must change, because they still know it.
 */

/** How far ahead the Dashboard shows temporary access coming to an end: four weeks. */
export const temporaryAccessNoticeDays = 28;

export interface TemporaryHolder {
  accountId: number;
  accountLabel: string;
  personName: string;
  /** yyyy-mm-dd, the last day of access. */
  accessEndsOn: string;
}

/** Has this holder's access ended by `today` (yyyy-mm-dd, London)? The end date itself is the day it ends. */
export function accessHasEnded(accessEndsOn: string | null, today: string): boolean {
  return accessEndsOn !== null && accessEndsOn <= today;
}

/** Why an end date cannot be used, or null: it must be a day after today (today's access ends now: remove them). */
export function accessEndProblem(accessEndsOn: string | null, today: string): string | null {
  if (accessEndsOn === null || accessEndsOn > today) return null;
  return `The end date must be after today (${ukDate(today)}). If their access should end today, remove them instead.`;
}

/** Temporary access ending within the next `withinDays` days (today included), soonest first, for the Dashboard. */
export function temporaryAccessEnding(
  holders: readonly TemporaryHolder[],
  today: string,
  withinDays = temporaryAccessNoticeDays,
): PolicyItem[] {
  const last = addDays(today, withinDays);
  return holders
    .filter((h) => h.accessEndsOn >= today && h.accessEndsOn <= last)
    .sort((a, b) => a.accessEndsOn.localeCompare(b.accessEndsOn) || a.accountLabel.localeCompare(b.accountLabel))
    .map((h) => {
      const days = daysBetween(today, h.accessEndsOn);
      const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `on ${ukDate(h.accessEndsOn)}`;
      return {
        kind: 'temporary-access-ending',
        message: `${h.personName}'s temporary access to ${h.accountLabel} ends ${when}; the password must then be changed.`,
        dueOn: h.accessEndsOn,
        screen: `#/accounts/${h.accountId}`,
      };
    });
}
