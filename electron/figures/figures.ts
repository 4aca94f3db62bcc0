import { KeyholderError, type Figures } from '../../shared/contract';
import type { z } from 'zod';
import type { figuresInputSchema } from '../../shared/contract';
import { newFollowers } from '../../shared/policy/engagement';
import { overlapDays, periodProblems } from '../../shared/policy/report-period';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { requireAccount } from '../accounts/accounts';
import type { WriteContext } from '../core/context';
import { ukDate } from '../../shared/time';
import { addPostTimes, movePostTimes, type PostRow } from './post-times';

/**
 * Engagement figures: saved per account and period, never overlapping
 * another entry for the same account unless the administrator chooses to
 * merge them, knowing that counts on the shared days are added twice.
 */
export type FiguresValues = z.output<typeof figuresInputSchema> & { source: 'manual' | 'csv' };

/** The write context of the call (electron/core/context.ts). */
export type Writer = WriteContext;

interface Row {
  id: number;
  account_id: number;
  handle: string;
  platform: Figures['platform'];
  period_from: string;
  period_to: string;
  followers_start: number;
  followers_end: number;
  followers_schools: number | null;
  followers_clubs: number | null;
  followers_individuals: number | null;
  followers_other: number | null;
  posts: number;
  shares: number;
  mentions: number;
  likes: number;
  notes: string;
  source: Figures['source'];
  recorded_by: string;
  updated_at: string;
}

const select = `SELECT f.*, a.handle, a.platform FROM engagement_figures f JOIN accounts a ON a.id = f.account_id`;

function toFigures(r: Row): Figures {
  return {
    id: r.id,
    accountId: r.account_id,
    accountLabel: r.handle,
    platform: r.platform,
    from: r.period_from,
    to: r.period_to,
    followersStart: r.followers_start,
    followersEnd: r.followers_end,
    newFollowers: newFollowers(r.followers_start, r.followers_end),
    followerTypes: {
      schools: r.followers_schools,
      clubs: r.followers_clubs,
      individuals: r.followers_individuals,
      other: r.followers_other,
    },
    posts: r.posts,
    shares: r.shares,
    mentions: r.mentions,
    likes: r.likes,
    notes: r.notes,
    source: r.source,
    recordedBy: r.recorded_by,
    updatedAt: r.updated_at,
  };
}

export function listFigures(db: Db, accountId: number | null): Figures[] {
  const where = accountId === null ? '' : 'WHERE f.account_id = ?';
  const rows = db
    .prepare(`${select} ${where} ORDER BY a.handle COLLATE NOCASE, f.period_from DESC`)
    .all(...(accountId === null ? [] : [accountId])) as Row[];
  return rows.map(toFigures);
}

export function getFigures(db: Db, id: number): Figures {
  const row = db.prepare(`${select} WHERE f.id = ?`).get(id) as Row | undefined;
  if (!row) throw new KeyholderError('NOT_FOUND', 'Those figures no longer exist. Refresh the list.');
  return toFigures(row);
}

/**
 * Saves new figures (id null) or replaces an entry; returns the saved entry.
 * Runs in one transaction, with the post times an import carried.
 */
export function saveFigures(
  w: Writer,
  id: number | null,
  input: FiguresValues,
  postTimes: readonly PostRow[] = [],
): Figures {
  const problems = periodProblems(input.from, input.to);
  if (problems.length > 0)
    throw new KeyholderError('INVALID_INPUT', `The figures were not saved. ${problems.join(' ')}`);
  const account = requireAccount(w.db, input.accountId);
  if (id !== null) getFigures(w.db, id);
  const others = listFigures(w.db, input.accountId).filter((f) => f.id !== id && overlapDays(f, input) > 0);
  if (others.length > 0 && input.onOverlap !== 'merge') {
    const list = others.map((f) => `${ukDate(f.from)} to ${ukDate(f.to)}`).join(', ');
    throw new KeyholderError(
      'CONFLICT',
      `Figures for ${account.handle} already cover ${list}, which overlaps ${ukDate(input.from)} to ${ukDate(input.to)}. Change the dates, or choose to merge them into one entry.`,
    );
  }
  const merged = others.length > 0 ? mergeInto(input, others) : input;
  const now = w.now.toISOString();
  return w.db
    .transaction(() => {
      const values = {
        account_id: input.accountId,
        period_from: merged.from,
        period_to: merged.to,
        followers_start: merged.followersStart,
        followers_end: merged.followersEnd,
        followers_schools: merged.followerTypes.schools,
        followers_clubs: merged.followerTypes.clubs,
        followers_individuals: merged.followerTypes.individuals,
        followers_other: merged.followerTypes.other,
        posts: merged.posts,
        shares: merged.shares,
        mentions: merged.mentions,
        likes: merged.likes,
        notes: merged.notes,
        source: input.source,
        recorded_by: w.actor,
        now,
      };
      let savedId = id;
      if (id === null) {
        const result = w.db
          .prepare(
            `INSERT INTO engagement_figures (account_id, period_from, period_to, followers_start, followers_end,
             followers_schools, followers_clubs, followers_individuals, followers_other, posts, shares, mentions, likes,
             notes, source, recorded_by, created_at, updated_at)
           VALUES (@account_id, @period_from, @period_to, @followers_start, @followers_end, @followers_schools,
             @followers_clubs, @followers_individuals, @followers_other, @posts, @shares, @mentions, @likes,
             @notes, @source, @recorded_by, @now, @now)`,
          )
          .run(values);
        savedId = Number(result.lastInsertRowid);
      } else {
        w.db
          .prepare(
            `UPDATE engagement_figures SET account_id = @account_id, period_from = @period_from, period_to = @period_to,
             followers_start = @followers_start, followers_end = @followers_end, followers_schools = @followers_schools,
             followers_clubs = @followers_clubs, followers_individuals = @followers_individuals,
             followers_other = @followers_other, posts = @posts, shares = @shares, mentions = @mentions, likes = @likes,
             notes = @notes, source = @source, recorded_by = @recorded_by, updated_at = @now WHERE id = @id`,
          )
          .run({ ...values, id });
      }
      // The merged entries' post times stay with the entry they were merged into.
      movePostTimes(
        w.db,
        others.map((f) => f.id),
        savedId!,
      );
      for (const other of others) w.db.prepare('DELETE FROM engagement_figures WHERE id = ?').run(other.id);
      addPostTimes(w.db, savedId!, postTimes);
      appendAudit(w.db, w.now, {
        actor: w.actor,
        action: id === null ? 'figures.saved' : 'figures.updated',
        targetType: 'account',
        targetId: input.accountId,
        targetLabel: account.handle,
        details: {
          figuresId: savedId,
          from: merged.from,
          to: merged.to,
          source: input.source,
          merged: others.map((f) => ({ id: f.id, from: f.from, to: f.to })),
          ...(postTimes.length > 0 ? { postTimes: postTimes.length } : {}),
        },
      });
      return getFigures(w.db, savedId!);
    })
    .immediate();
}

/**
 * One entry covering every overlapping period: followers from whichever
 * starts first and ends last, counts added (the administrator was told
 * that days in both are counted twice), follower types as just entered.
 */
function mergeInto(input: FiguresValues, others: Figures[]): FiguresValues {
  const all = [...others, { ...input }];
  const first = all.reduce((a, b) => (b.from < a.from ? b : a));
  const last = all.reduce((a, b) => (b.to > a.to ? b : a));
  const sum = (key: 'posts' | 'shares' | 'mentions' | 'likes') => all.reduce((t, f) => t + f[key], 0);
  const notes = [input.notes, `Merged with ${others.map((f) => `${ukDate(f.from)} to ${ukDate(f.to)}`).join(', ')}.`]
    .filter(Boolean)
    .join(' ');
  return {
    ...input,
    from: first.from,
    to: last.to,
    followersStart: first.followersStart,
    followersEnd: last.followersEnd,
    posts: sum('posts'),
    shares: sum('shares'),
    mentions: sum('mentions'),
    likes: sum('likes'),
    notes: notes.slice(0, 1000),
  };
}

export function deleteFigures(w: Writer, id: number): void {
  const figures = getFigures(w.db, id);
  w.db
    .transaction(() => {
      w.db.prepare('DELETE FROM engagement_figures WHERE id = ?').run(id);
      appendAudit(w.db, w.now, {
        actor: w.actor,
        action: 'figures.deleted',
        targetType: 'account',
        targetId: figures.accountId,
        targetLabel: figures.accountLabel,
        details: { figuresId: id, from: figures.from, to: figures.to },
      });
    })
    .immediate();
}
