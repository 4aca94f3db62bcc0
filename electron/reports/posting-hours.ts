import type { ReportData } from '../../shared/contract';
import { postingHoursSentence, withinPostingHours } from '../../shared/policy/posting-hours';
import type { Db } from '../db/open';
import { postTimesOf } from '../figures/post-times';
import { readSettings } from '../settings/settings-store';

/**
 * Posts outside the school's posting hours (wentworth "Usage Policy") for
 * the figures a report counts, from the post times their imports carried;
 * null when none of them had times, so the report says nothing it cannot
 * know. Each post outside is listed with its text so the administrator can
 * see whether it was an event or urgent news.
 */
export function postingHoursFor(db: Db, figuresIds: readonly number[]): ReportData['postingHours'] {
  const posts = postTimesOf(db, figuresIds);
  if (posts.length === 0) return null;
  const hours = readSettings(db).postingHours;
  const outside = posts.filter((p) => !withinPostingHours(p, hours));
  return { sentence: postingHoursSentence(posts.length, outside.length, hours), posts: posts.length, outside };
}
