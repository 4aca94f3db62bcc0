import { weekday, type IsoDate } from './calendar-dates';

/**
 * Wall-clock time in Europe/London, both ways. Comments arrive at a time
 * the administrator reads off the platform in UK time, so a received time is
 * entered as a London date and HH:mm and stored as a UTC instant. Pure
 * (Intl only), so the renderer and the main process agree.
 */
const wall = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface LondonParts {
  date: IsoDate;
  /** HH:mm, 24-hour clock. */
  time: string;
}

export function londonParts(instant: string | Date): LondonParts {
  const when = typeof instant === 'string' ? new Date(instant) : instant;
  const p = Object.fromEntries(wall.formatToParts(when).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant at which London clocks show `date` `time`. In the autumn
 * repeat the first (summer time) reading is used.
 */
export function londonInstant(date: IsoDate, time: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000;
  // London is UTC or UTC+1: try both offsets and keep the one London agrees with.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const seen = londonParts(candidate);
    if (seen.date === date && seen.time === time) return candidate;
  }
  // Only in the spring gap: 01:30 does not exist, so read it as 01:30 GMT (02:30 BST).
  return new Date(asUtc);
}

/** dd/mm/yyyy HH:mm in London, as a school reads a time. */
export function ukDateTimeOf(instant: string | Date): string {
  const { date, time } = londonParts(instant);
  return `${ukDay(date)} ${time}`;
}

/** yyyy-mm-dd as dd/mm/yyyy. */
export function ukDay(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayName(date: IsoDate): string {
  return weekdayNames[weekday(date)]!;
}
