import { KeyholderError, type ReportData } from '../../shared/contract';
import { combineFigures, engagementWords, reportTitle, type FiguresEntry } from '../../shared/policy/engagement';
import type { PlatformId } from '../../shared/policy/platforms';
import {
  figuresCount,
  overlapDays,
  recentTerms,
  resolvePeriod,
  type Period,
  type PeriodRef,
} from '../../shared/policy/report-period';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { requireAccount } from '../accounts/accounts';
import { readTerms } from '../calendar/calendar';
import { listFigures } from '../figures/figures';
import { listIssues } from '../issues/issues-log';
import { londonDateOf, ukDate } from '../../shared/time';
import { postingHoursFor } from './posting-hours';

/**
 * Everything the Appendix 1 report shows for one account and period, as
 * plain data: the page, the PDF, the Word file and the CSV are all drawn
 * from this, so they cannot disagree.
 */
export const chartTerms = 6;

export function periodFor(db: Db, ref: PeriodRef): Period {
  if (ref.kind === 'range' && ref.to <= ref.from)
    throw new KeyholderError('INVALID_INPUT', 'The end date must be after the start date.');
  return resolvePeriod(ref, readTerms(db));
}

export function reportData(db: Db, now: Date, accountId: number, ref: PeriodRef): ReportData {
  const account = requireAccount(db, accountId);
  const platform = account.platform as PlatformId;
  const period = periodFor(db, ref);
  const all = listFigures(db, accountId);
  const terms = readTerms(db);
  const inside = all.filter((f) => figuresCount(terms, period, f));
  const straddling = all.filter((f) => !figuresCount(terms, period, f) && overlapDays(period, f) > 0);
  const combined = combineFigures(inside as FiguresEntry[]);
  const notes: string[] = [];
  if (!combined) notes.push('No engagement figures are entered for this period yet.');
  for (const f of straddling)
    notes.push(`Figures for ${ukDate(f.from)} to ${ukDate(f.to)} run past this period, so they are not counted here.`);
  const comments = readComments(db, accountId, period);
  const history = recentTerms(terms, period.to, chartTerms).flatMap((term) => {
    const sum = combineFigures(all.filter((f) => figuresCount(terms, term, f)) as FiguresEntry[]);
    // Only terms with figures: empty bars read as a term with no activity.
    if (!sum) return [];
    return [
      {
        label: term.label,
        followersEnd: sum.followersEnd,
        newFollowers: sum.newFollowers,
        posts: sum.posts,
        shares: sum.shares,
        mentions: sum.mentions,
        likes: sum.likes,
      },
    ];
  });
  return {
    account: { id: accountId, label: account.handle, platform, displayName: account.display_name },
    title: reportTitle(platform),
    period,
    words: engagementWords[platform],
    figures: combined
      ? {
          followersStart: combined.followersStart,
          followersEnd: combined.followersEnd,
          newFollowers: combined.newFollowers,
          followerTypes: combined.followerTypes,
          posts: combined.posts,
          shares: combined.shares,
          mentions: combined.mentions,
          likes: combined.likes,
          entries: combined.entries,
        }
      : null,
    // Oldest first, as the policy's table is read down the term.
    issues: listIssues(db, now, { accountId, from: period.from, to: period.to }).reverse(),
    comments,
    history,
    notes,
    postingHours: postingHoursFor(
      db,
      inside.map((f) => f.id),
    ),
  };
}

/**
 * The comments saved for this period. A term's comments saved before term
 * reports ran over the term's own dates were keyed from the day after the
 * previous term; they are found by the term's last day so they are not lost.
 */
function readComments(db: Db, accountId: number, period: Period): string {
  const exact = db
    .prepare('SELECT comments FROM report_comments WHERE account_id = ? AND period_from = ? AND period_to = ?')
    .get(accountId, period.from, period.to) as { comments: string } | undefined;
  if (exact || !period.term) return exact?.comments ?? '';
  const earlier = db
    .prepare(
      'SELECT comments FROM report_comments WHERE account_id = ? AND period_to = ? AND period_from < ? ORDER BY period_from DESC LIMIT 1',
    )
    .get(accountId, period.to, period.from) as { comments: string } | undefined;
  return earlier?.comments ?? '';
}

export function saveComments(
  w: { db: Db; now: Date; actor: string },
  accountId: number,
  ref: PeriodRef,
  comments: string,
): string {
  const account = requireAccount(w.db, accountId);
  const period = periodFor(w.db, ref);
  w.db
    .transaction(() => {
      if (comments === '') {
        w.db
          .prepare('DELETE FROM report_comments WHERE account_id = ? AND period_from = ? AND period_to = ?')
          .run(accountId, period.from, period.to);
      } else {
        w.db
          .prepare(
            `INSERT INTO report_comments (account_id, period_from, period_to, comments, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET comments = excluded.comments,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          )
          .run(accountId, period.from, period.to, comments, w.now.toISOString(), w.actor);
      }
      appendAudit(w.db, w.now, {
        actor: w.actor,
        action: 'report.comments-saved',
        targetType: 'account',
        targetId: accountId,
        targetLabel: account.handle,
        details: { from: period.from, to: period.to, length: comments.length },
      });
    })
    .immediate();
  return comments;
}

/** "Today" for the report's own date, in London. */
export function reportDay(now: Date): string {
  return ukDate(londonDateOf(now));
}
