import type { FiguresCsvMapping } from '../../shared/contract';
import { isValidIsoDate, type IsoDate, londonInstant, londonParts } from '../../shared/time';

/**
 * Reading cells of a platform's analytics export. X's per-post export writes
 * times such as "2026-09-14 10:05 +0000"; newer exports write "Mon, Sep 14,
 * 2026"; a file saved again by Excel in a UK locale has "14/09/2026 10:05".
 * Times with an offset are placed on their London day and clock; a time
 * written without one is taken as London time already (how Excel and the
 * platforms' UK exports write it).
 */
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::\d{2})?)?$/;
const clock = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*(am|pm)?$/i;
const monthFirst = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const dayFirst = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;

const pad = (n: string | number) => String(n).padStart(2, '0');

/** When a post went out, London time; `time` is null when the cell has only a date. */
export interface AnalyticsWhen {
  date: IsoDate;
  time: string | null;
}

export function parseAnalyticsDate(text: string): IsoDate | null {
  return parseAnalyticsWhen(text)?.date ?? null;
}

export function parseAnalyticsWhen(text: string): AnalyticsWhen | null {
  const value = text.trim();
  let m = iso.exec(value);
  if (m) {
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (!isValidIsoDate(date)) return null;
    if (!m[4]) return { date, time: null };
    if (m[7]) {
      const offset = m[7].toUpperCase() === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(-2)}`;
      const instant = new Date(`${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}${offset}`);
      return Number.isNaN(instant.getTime()) ? null : londonParts(instant);
    }
    return withTime(date, m[4], m[5]!);
  }
  m = uk.exec(value);
  if (m) {
    const date = checked(`${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`);
    if (date === null) return null;
    return m[4] ? withTime(date, m[4], m[5]!) : { date, time: null };
  }
  m = monthFirst.exec(value);
  if (m) return dateOnly(named(m[3]!, m[1]!, m[2]!));
  m = dayFirst.exec(value);
  if (m) return dateOnly(named(m[3]!, m[2]!, m[1]!));
  return null;
}

/** A time of day in its own column ("10:05", "10:05:30", "3:40 pm"); null when it is not one. */
export function parseAnalyticsTime(text: string): string | null {
  const m = clock.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const half = m[3]?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) return null;
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || Number(m[2]) > 59) return null;
  return `${pad(hour)}:${m[2]}`;
}

/** A wall-clock time in London; in the spring gap (01:00-01:59 on the change day) as London reads it back. */
function withTime(date: IsoDate, hour: string, minute: string): AnalyticsWhen | null {
  if (Number(hour) > 23 || Number(minute) > 59) return null;
  return londonParts(londonInstant(date, `${pad(hour)}:${minute}`));
}

const dateOnly = (date: IsoDate | null): AnalyticsWhen | null => (date === null ? null : { date, time: null });

function named(year: string, month: string, day: string): IsoDate | null {
  const index = months.indexOf(month.slice(0, 3).toLowerCase());
  return index < 0 ? null : checked(`${year}-${pad(index + 1)}-${pad(day)}`);
}

function checked(date: string): IsoDate | null {
  return isValidIsoDate(date) ? date : null;
}

/** "1,234" or " 12 " as a whole number; an empty cell is 0; anything else is null. */
export function parseCount(text: string): number | null {
  const value = text.trim().replace(/,/g, '');
  if (value === '') return 0;
  if (!/^\d{1,12}(\.0+)?$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

const guesses: Record<keyof FiguresCsvMapping, RegExp> = {
  date: /^(time|date|created( at)?|posted( at)?|publish(ed)?( time| date)?)$/i,
  // A time in a column of its own; X's "time" column holds the date and time, so it is the date column.
  time: /^(time of day|time of (the )?post|post(ed)? time|time posted)$/i,
  text: /^(tweet text|post text|text|message|caption|description|content|title)$/i,
  shares: /^(retweets|reposts|shares)$/i,
  mentions: /^(replies|comments|mentions)$/i,
  likes: /^(likes|favou?rites|reactions)$/i,
};

/** The columns an X per-post export (or one like it) uses; null when there is no date column. */
export function suggestMapping(headers: string[]): FiguresCsvMapping | null {
  const find = (key: keyof FiguresCsvMapping) => {
    const index = headers.findIndex((h) => guesses[key].test(h.trim()));
    return index < 0 ? null : index;
  };
  const date = find('date');
  if (date === null) return null;
  const time = find('time');
  return {
    date,
    time: time === date ? null : time,
    text: find('text'),
    shares: find('shares'),
    mentions: find('mentions'),
    likes: find('likes'),
  };
}
