/**
 * The one date-and-time module, for the main process and the renderer alike.
 * Calendar dates are ISO yyyy-mm-dd strings with arithmetic done in UTC (no
 * local time zone or clock change can shift a day); instants become London
 * dates and times through one cached Intl formatter, whatever the computer's
 * own time zone; and people read dd/mm/yyyy and 24-hour times.
 * (date-fns `format` and `toLocale*` are not used elsewhere: see eslint.config.js.)
 */
export type IsoDate = string;

// --- Calendar dates ---------------------------------------------------------

export function toUtc(date: IsoDate): Date {
  const [y, m, d] = date.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

export function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/**
 * Day numbers (days since 1970-01-01) and back, each remembered: a register
 * of 10,000 accounts asks about a few hundred distinct dates thousands of
 * times, and a Map lookup costs a fraction of building a Date and its ISO
 * string. Bounded, as the hour memo below is.
 */
const dayNumbers = new Map<IsoDate, number>();
const isoDays = new Map<number, IsoDate>();
const memoLimit = 20_000;

function dayNumber(date: IsoDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    if (dayNumbers.size > memoLimit) dayNumbers.clear();
    n = Math.round(toUtc(date).getTime() / 86_400_000);
    dayNumbers.set(date, n);
  }
  return n;
}

function isoDay(n: number): IsoDate {
  let date = isoDays.get(n);
  if (date === undefined) {
    if (isoDays.size > memoLimit) isoDays.clear();
    date = fromUtc(new Date(n * 86_400_000));
    isoDays.set(n, date);
  }
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDay(dayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return toUtc(date).getUTCDay();
}

/** The first `weekdayWanted` on or after `date`. */
export function onOrAfter(date: IsoDate, weekdayWanted: number): IsoDate {
  return addDays(date, (weekdayWanted - weekday(date) + 7) % 7);
}

/** The last `weekdayWanted` on or before `date`. */
export function onOrBefore(date: IsoDate, weekdayWanted: number): IsoDate {
  return addDays(date, -((weekday(date) - weekdayWanted + 7) % 7));
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return fromUtc(toUtc(value)) === value;
}

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayName(date: IsoDate): string {
  return weekdayNames[weekday(date)]!;
}

// --- London wall-clock time -------------------------------------------------

/** Built once: constructing an Intl.DateTimeFormat costs about 200 times a format. */
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

const asDate = (instant: string | Date) => (typeof instant === 'string' ? new Date(instant) : instant);

export function londonParts(instant: string | Date): LondonParts {
  const p = Object.fromEntries(wall.formatToParts(asDate(instant)).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * London's offset from UTC is a whole number of hours and changes on the
 * hour, so the London date of every instant within one UTC hour is the same:
 * it is worked out once per hour and remembered.
 */
const dateByUtcHour = new Map<number, IsoDate>();

/** The calendar date in Europe/London for an instant (23:30 UTC on a summer evening is the next day there). */
export function londonDateOf(instant: string | Date): IsoDate {
  // Date.parse, not new Date: no object made for each of 10,000 stored timestamps.
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return '';
  const hour = Math.floor(ms / 3_600_000);
  let date = dateByUtcHour.get(hour);
  if (date === undefined) {
    if (dateByUtcHour.size > 50_000) dateByUtcHour.clear();
    date = londonParts(new Date(hour * 3_600_000)).date;
    dateByUtcHour.set(hour, date);
  }
  return date;
}

/** Today in London, by the given clock's now. */
export function londonToday(now: Date): IsoDate {
  return londonDateOf(now);
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

// --- As people read them ----------------------------------------------------

/** yyyy-mm-dd (a calendar date) as dd/mm/yyyy; '' for nothing or a malformed value. */
export function ukDate(date: IsoDate | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** An instant as its London date, dd/mm/yyyy. */
export function ukDateOf(instant: string | Date | null | undefined): string {
  return instant ? ukDate(londonDateOf(instant)) : '';
}

/** An instant as dd/mm/yyyy HH:mm in London. */
export function ukDateTime(instant: string | Date | null | undefined): string {
  if (!instant || Number.isNaN(asDate(instant).getTime())) return '';
  const { date, time } = londonParts(instant);
  return `${ukDate(date)} ${time}`;
}

/** The academic year starting in September of `startYear`, as schools write it: "2026/27". */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * A term named as a school writes it, by the calendar year it falls in: the
 * Spring term of 2026/27 runs from January 2027, so it is "Spring term 2027"
 * (never "Spring 2026", which reads as the previous January).
 */
export function termYearLabel(academicYear: number, term: 'autumn' | 'spring' | 'summer'): string {
  const name = term === 'autumn' ? 'Autumn' : term === 'spring' ? 'Spring' : 'Summer';
  return `${name} term ${term === 'autumn' ? academicYear : academicYear + 1}`;
}
