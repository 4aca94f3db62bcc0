import { addDays, weekday, type IsoDate, londonInstant, londonParts, ukDate, weekdayName } from '../time';
/**
 * When a reply to a comment, query or complaint is due. bebington
 * "Monitoring": "queries concerning accounts must be responded to within 24
 * hours (or on the next working day if received at a weekend)".
 *
 * Read as: a comment received on a working day is due 24 hours later; if
 * those 24 hours end on a weekend or a bank holiday (a Friday evening
 * comment), the reply is due by the end of the next working day instead.
 * A comment received on a weekend or a bank holiday is due by the end of
 * the next working day. Days are London days; bank holidays are a setting.
 */
export type DueRule = 'within-24-hours' | 'next-working-day';

export interface ResponseDue {
  /** ISO instant (UTC). */
  dueAt: string;
  rule: DueRule;
  /** One sentence for the administrator saying why it is due then. */
  explanation: string;
}

/** The end of a working day: replies are due before London clocks pass 23:59. */
export const endOfDayTime = '23:59';

export function isWorkingDay(date: IsoDate, bankHolidays: readonly IsoDate[]): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !bankHolidays.includes(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, bankHolidays: readonly IsoDate[]): IsoDate {
  let next = addDays(date, 1);
  // A year of holidays cannot hold more than a few weeks of closed days in a row.
  for (let i = 0; i < 60 && !isWorkingDay(next, bankHolidays); i += 1) next = addDays(next, 1);
  return next;
}

export function responseDue(receivedAt: string | Date, bankHolidays: readonly IsoDate[]): ResponseDue {
  const received = typeof receivedAt === 'string' ? new Date(receivedAt) : receivedAt;
  const receivedDay = londonParts(received).date;
  if (!isWorkingDay(receivedDay, bankHolidays)) {
    const day = nextWorkingDay(receivedDay, bankHolidays);
    return {
      dueAt: londonInstant(day, endOfDayTime).toISOString(),
      rule: 'next-working-day',
      explanation: `Received on a ${closedDayName(receivedDay, bankHolidays)}: reply by the end of the next working day, ${weekdayName(day)} ${ukDate(day)}.`,
    };
  }
  const dayLater = new Date(received.getTime() + 24 * 3_600_000);
  const laterDay = londonParts(dayLater).date;
  if (isWorkingDay(laterDay, bankHolidays)) {
    return { dueAt: dayLater.toISOString(), rule: 'within-24-hours', explanation: 'Reply within 24 hours.' };
  }
  const day = nextWorkingDay(laterDay, bankHolidays);
  return {
    dueAt: londonInstant(day, endOfDayTime).toISOString(),
    rule: 'next-working-day',
    explanation: `The 24 hours end on a ${closedDayName(laterDay, bankHolidays)}: reply by the end of the next working day, ${weekdayName(day)} ${ukDate(day)}.`,
  };
}

function closedDayName(date: IsoDate, bankHolidays: readonly IsoDate[]): string {
  return bankHolidays.includes(date) ? 'bank holiday' : 'weekend';
}

/** Awaiting a reply and past its due time. */
export function isOverdue(dueAt: string, now: Date, repliedAt: string | null): boolean {
  return repliedAt === null && now.getTime() > Date.parse(dueAt);
}
