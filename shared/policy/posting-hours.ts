import { z } from 'zod';
import { londonParts, weekday, weekdayNames, type IsoDate } from '../time';

/**
 * Posting hours (wentworth "Usage Policy"): the accounts "will normally only
 * tweet between the hours of 8am and 6pm between Monday and Friday", the
 * exceptions being school events and urgent news. Keyholder does not enforce
 * it; the report counts the posts outside the hours and lists them so the
 * administrator can say which were events or urgent news. A post's time is
 * its London wall-clock time, to the minute, and both ends count as inside
 * ("between 8am and 6pm": a post at 18:00 is within the hours, 18:01 is not).
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time such as 08:00');

export const postingHoursSchema = z
  .object({
    start: hhmm,
    end: hhmm,
    /** 0 = Sunday ... 6 = Saturday. */
    weekdays: z
      .array(z.number().int().min(0).max(6))
      .min(1, 'Choose at least one day')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'Choose each day once'),
  })
  .strict()
  .refine((h) => h.start < h.end, { message: 'The hours must end after they start', path: ['end'] });

export type PostingHours = z.infer<typeof postingHoursSchema>;

export const defaultPostingHours: PostingHours = { start: '08:00', end: '18:00', weekdays: [1, 2, 3, 4, 5] };

/** When a post went out, as London clocks showed it. */
export interface PostTime {
  date: IsoDate;
  /** HH:mm, 24-hour clock, London. */
  time: string;
}

export function londonPostTime(instant: Date): PostTime {
  return londonParts(instant);
}

export function withinPostingHours(post: PostTime, hours: PostingHours): boolean {
  return hours.weekdays.includes(weekday(post.date)) && post.time >= hours.start && post.time <= hours.end;
}

/** The posting days in words: "Monday to Friday" for a run of days, else "Monday, Wednesday and Friday". */
export function postingDaysLabel(weekdays: readonly number[]): string {
  // Monday first, as a school week is read.
  const order = [1, 2, 3, 4, 5, 6, 0].filter((d) => weekdays.includes(d));
  if (order.length === 7) return 'every day';
  const names = order.map((d) => weekdayNames[d]!);
  const run = order.every((d, i) => i === 0 || d === (order[i - 1]! + 1) % 7);
  if (run && order.length > 2) return `${names[0]} to ${names.at(-1)}`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "08:00-18:00, Monday to Friday". */
export function postingHoursLabel(hours: PostingHours): string {
  return `${hours.start}-${hours.end}, ${postingDaysLabel(hours.weekdays)}`;
}

/** "3 of 41 posts were outside 08:00-18:00, Monday to Friday." */
export function postingHoursSentence(posts: number, outside: number, hours: PostingHours): string {
  const label = postingHoursLabel(hours);
  if (posts === 0) return `No post times were imported, so posts outside ${label} cannot be counted.`;
  if (outside === 0) return `All ${posts === 1 ? '1 post was' : `${posts} posts were`} within ${label}.`;
  return `${outside} of ${posts} post${posts === 1 ? '' : 's'} ${outside === 1 ? 'was' : 'were'} outside ${label}.`;
}
