import type { z } from 'zod';
import { KeyholderError, type Issue, type issueInputSchema } from '../../shared/contract';
import { noReplyReason, replyExpected, resolveProblems, stillToDo } from '../../shared/policy/issue-rules';
import { isOverdue, responseDue } from '../../shared/policy/response-due';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { requireAccount } from '../accounts/accounts';
import { readSettings } from '../settings/settings-store';
import type { Writer } from '../figures/figures';
import { londonDateOf, londonInstant, londonToday } from '../../shared/time';
import {
  actionAudits,
  actionColumnNames,
  actionColumnValues,
  checkActionDates,
  checkSlt,
  readActions,
  type ActionRow,
} from './issue-actions';

/**
 * The issues and actions log. Each action is the day it was done and who
 * did it (./issue-actions.ts); the reply's time stops the response clock (bebington
 * "Monitoring": 24 hours, or the next working day at a weekend).
 */
type IssueValues = z.output<typeof issueInputSchema>;

interface Row extends ActionRow {
  id: number;
  account_id: number;
  handle: string;
  platform: Issue['platform'];
  replies: 'reply' | 'broadcast';
  received_at: string;
  kind: Issue['kind'];
  original_comment: string;
  reply_sent: string;
  replied_at: string | null;
  recorded_by: string;
  status: Issue['status'];
  resolved_at: string | null;
  resolution_notes: string;
}

const select = `SELECT i.*, a.handle, a.platform, a.replies, p.name AS slt_name
  FROM issues i JOIN accounts a ON a.id = i.account_id LEFT JOIN people p ON p.id = i.slt_person_id`;

function toIssue(r: Row, now: Date, bankHolidays: readonly string[]): Issue {
  const clock = { kind: r.kind, removed: r.removed_on !== null, broadcastOnly: r.replies === 'broadcast' };
  // No reply clock for abuse, press or a removed comment: nothing is chased or marked late.
  const due = replyExpected(clock) ? responseDue(r.received_at, bankHolidays) : null;
  const actions = readActions(r);
  return {
    id: r.id,
    accountId: r.account_id,
    accountLabel: r.handle,
    platform: r.platform,
    receivedAt: r.received_at,
    kind: r.kind,
    originalComment: r.original_comment,
    replySent: r.reply_sent,
    repliedAt: r.replied_at,
    recordedBy: r.recorded_by,
    actions,
    stillToDo: stillToDo({ kind: r.kind, actions }),
    status: r.status,
    resolvedAt: r.resolved_at,
    resolutionNotes: r.resolution_notes,
    dueAt: due?.dueAt ?? null,
    dueExplanation: due?.explanation ?? noReplyReason(clock),
    overdue: due !== null && r.status === 'open' && isOverdue(due.dueAt, now, r.replied_at),
    repliedLate: due !== null && r.replied_at !== null && Date.parse(r.replied_at) > Date.parse(due.dueAt),
  };
}

export interface IssueQuery {
  status?: 'open' | 'resolved' | 'all';
  accountId?: number | null;
  /** Received within these London dates (inclusive). */
  from?: string;
  to?: string;
}

export function listIssues(db: Db, now: Date, query: IssueQuery = {}): Issue[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (query.status && query.status !== 'all') {
    where.push('i.status = @status');
    params.status = query.status;
  }
  if (query.accountId) {
    where.push('i.account_id = @accountId');
    params.accountId = query.accountId;
  }
  if (query.from) {
    where.push('i.received_at >= @fromAt');
    params.fromAt = londonInstant(query.from, '00:00').toISOString();
  }
  if (query.to) {
    where.push('i.received_at < @toAt');
    params.toAt = londonInstant(nextDay(query.to), '00:00').toISOString();
  }
  const rows = db
    .prepare(`${select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.received_at DESC, i.id DESC`)
    .all(params) as Row[];
  const holidays = readSettings(db).bankHolidays;
  return rows.map((r) => toIssue(r, now, holidays));
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function getIssue(db: Db, now: Date, id: number): Issue {
  const row = db.prepare(`${select} WHERE i.id = ?`).get(id) as Row | undefined;
  if (!row) throw new KeyholderError('NOT_FOUND', 'That log entry no longer exists. Refresh the list.');
  return toIssue(row, now, readSettings(db).bankHolidays);
}

export function issuesSummary(db: Db, now: Date): { awaitingReply: number; overdue: number; open: number } {
  const open = listIssues(db, now, { status: 'open' });
  return {
    open: open.length,
    awaitingReply: open.filter((i) => i.dueAt !== null && i.repliedAt === null).length,
    overdue: open.filter((i) => i.overdue).length,
  };
}

/** Creates (id null) or updates an entry; returns it. One transaction with its audit entry. */
export function saveIssue(w: Writer, id: number | null, v: IssueValues): Issue {
  const account = requireAccount(w.db, v.accountId);
  const before = id === null ? null : getIssue(w.db, w.now, id);
  const receivedAt = londonInstant(v.receivedOn, v.receivedTime);
  if (receivedAt.getTime() > w.now.getTime() + 60_000)
    throw new KeyholderError('INVALID_INPUT', 'The received date and time is in the future. Check the date.');
  if (v.actions.reportedToSlt) checkSlt(w.db, v.actions.reportedToSlt.personId);
  checkActionDates(v.actions, londonDateOf(receivedAt), londonToday(w.now));
  if ((v.repliedOn === null) !== (v.repliedTime === null))
    throw new KeyholderError('INVALID_INPUT', 'Give both the date and the time the reply was sent, or neither.');
  let repliedAt: string | null = null;
  if (v.replySent !== '') {
    if (!v.repliedOn || !v.repliedTime)
      throw new KeyholderError('INVALID_INPUT', 'Give the date and time the reply was sent.');
    repliedAt = londonInstant(v.repliedOn, v.repliedTime).toISOString();
    if (Date.parse(repliedAt) < receivedAt.getTime())
      throw new KeyholderError('INVALID_INPUT', 'The reply cannot have been sent before the comment was received.');
    if (Date.parse(repliedAt) > w.now.getTime() + 60_000)
      throw new KeyholderError(
        'INVALID_INPUT',
        'The reply time is in the future. Check the date and time it was sent.',
      );
  }
  const now = w.now.toISOString();
  const values = {
    account_id: v.accountId,
    received_at: receivedAt.toISOString(),
    kind: v.kind,
    original_comment: v.originalComment,
    reply_sent: v.replySent,
    replied_at: repliedAt,
    recorded_by: v.recordedBy,
    ...actionColumnValues(v.actions),
    now,
  };
  // A resolved entry keeps what resolving it needed: taking a step back means reopening it.
  if (before?.status === 'resolved') {
    const missing = stillToDo(v).filter((step) => !before.stillToDo.includes(step));
    if (missing.length > 0)
      throw new KeyholderError(
        'POLICY',
        `This entry is resolved, and without that it would still need you to ${missing.join('; ')}. Reopen it first.`,
      );
  }
  return w.db
    .transaction(() => {
      let savedId = id;
      if (id === null) {
        const result = w.db
          .prepare(
            `INSERT INTO issues (account_id, received_at, kind, original_comment, reply_sent, replied_at, recorded_by,
             ${actionColumnNames.join(', ')}, created_at, updated_at)
           VALUES (@account_id, @received_at, @kind, @original_comment, @reply_sent, @replied_at, @recorded_by,
             ${actionColumnNames.map((c) => `@${c}`).join(', ')}, @now, @now)`,
          )
          .run(values);
        savedId = Number(result.lastInsertRowid);
      } else {
        w.db
          .prepare(
            `UPDATE issues SET account_id = @account_id, received_at = @received_at, kind = @kind,
             original_comment = @original_comment, reply_sent = @reply_sent, replied_at = @replied_at,
             recorded_by = @recorded_by, ${actionColumnNames.map((c) => `${c} = @${c}`).join(', ')},
             updated_at = @now WHERE id = @id`,
          )
          .run({ ...values, id });
      }
      const saved = getIssue(w.db, w.now, savedId!);
      const target = {
        actor: w.actor,
        targetType: 'account',
        targetId: v.accountId,
        targetLabel: account.handle,
      } as const;
      appendAudit(w.db, w.now, {
        ...target,
        action: id === null ? 'issue.logged' : 'issue.updated',
        // The comment itself stays in the log, not in the audit trail: it may name a child.
        details: { issueId: savedId, kind: v.kind, replied: repliedAt !== null },
      });
      for (const entry of actionAudits(before?.actions ?? null, saved.actions, v.kind))
        appendAudit(w.db, w.now, { ...target, action: entry.action, details: { issueId: savedId, ...entry.details } });
      return saved;
    })
    .immediate();
}

export function resolveIssue(w: Writer, id: number, notes: string): Issue {
  const issue = getIssue(w.db, w.now, id);
  const problems = resolveProblems(issue);
  if (problems.length > 0) throw new KeyholderError('POLICY', problems.join(' '));
  return setStatus(w, issue, 'resolved', notes);
}

export function reopenIssue(w: Writer, id: number): Issue {
  const issue = getIssue(w.db, w.now, id);
  if (issue.status === 'open') throw new KeyholderError('CONFLICT', 'This entry is already open.');
  return setStatus(w, issue, 'open', issue.resolutionNotes);
}

function setStatus(w: Writer, issue: Issue, status: Issue['status'], notes: string): Issue {
  const now = w.now.toISOString();
  w.db
    .transaction(() => {
      w.db
        .prepare('UPDATE issues SET status = ?, resolved_at = ?, resolution_notes = ?, updated_at = ? WHERE id = ?')
        .run(status, status === 'resolved' ? now : null, notes, now, issue.id);
      appendAudit(w.db, w.now, {
        actor: w.actor,
        action: status === 'resolved' ? 'issue.resolved' : 'issue.reopened',
        targetType: 'account',
        targetId: issue.accountId,
        targetLabel: issue.accountLabel,
        details: { issueId: issue.id, kind: issue.kind },
      });
    })
    .immediate();
  return getIssue(w.db, w.now, issue.id);
}
