import { ukDateTime } from '../time';
/**
 * The issues and actions log (north-herts Appendix 1, 6.3 and 6.4; bebington
 * "Monitoring"): what kinds of comment are logged, what can be done about
 * them, and what must be done before an entry is closed.
 */
export const issueKinds = ['complaint', 'query', 'abuse', 'other'] as const;
export type IssueKind = (typeof issueKinds)[number];

export const issueKindLabels: Record<IssueKind, string> = {
  complaint: 'Complaint',
  query: 'Query',
  abuse: 'Offensive comment or abuse',
  other: 'Other',
};

/** north-herts 6.3, word for word: posted publicly, never accepting liability. */
export const complaintAcknowledgement =
  'Thank you for bringing this issue to our attention. Please DM or email us to discuss this further.';

export const issueActionKeys = ['acknowledgedPublicly', 'removed', 'userBlocked', 'reportedToPlatform'] as const;
export type IssueActionKey = (typeof issueActionKeys)[number];

export const issueActionLabels: Record<IssueActionKey, string> = {
  acknowledgedPublicly: 'Acknowledged publicly',
  removed: 'Removed',
  userBlocked: 'User blocked',
  reportedToPlatform: 'Reported to the platform',
};

/**
 * Whether the 24-hour reply clock (bebington "Monitoring") runs for an entry.
 * It is for queries and complaints. Abuse is recorded, removed and reported
 * (north-herts 6.4), never answered; a comment that has been removed has
 * nothing left to reply to. Those entries are never chased for a reply.
 */
export function replyExpected(issue: { kind: IssueKind; removed: boolean; broadcastOnly?: boolean }): boolean {
  return issue.kind !== 'abuse' && !issue.removed && !issue.broadcastOnly;
}

/** Why an entry has no reply clock, in one sentence. */
export function noReplyReason(issue: { kind: IssueKind; removed: boolean; broadcastOnly?: boolean }): string {
  if (issue.kind === 'abuse') return 'No reply needed: abuse is removed and reported, not answered.';
  if (issue.removed) return 'No reply needed: the comment was removed.';
  return 'No reply needed: the account is broadcast only, so the school does not reply to comments.';
}

export interface ResolvableIssue {
  kind: IssueKind;
  status: 'open' | 'resolved';
  reportedToSlt: { personName: string; on: string } | null;
}

/** Why an entry cannot be resolved yet, in words; empty when it can. */
export function resolveProblems(issue: ResolvableIssue): string[] {
  const problems: string[] = [];
  if (issue.status === 'resolved') problems.push('This entry is already resolved.');
  // north-herts 6.4: "must be reported to a member of SLT".
  if (issue.kind === 'abuse' && !issue.reportedToSlt)
    problems.push(
      'Offensive comments and abuse must be reported to a named member of SLT before the entry is resolved. Record who you told and when.',
    );
  return problems;
}

export interface IssueActions {
  actions: Record<IssueActionKey, string | null> & { reportedToSlt: { personName: string; on: string } | null };
}

/** "Removed; Reported to SLT (Sarah Barker, 02/11/2026)": what was done, in the log's words. */
export function actionsText(issue: IssueActions): string {
  const done: string[] = issueActionKeys.filter((k) => issue.actions[k]).map((k) => issueActionLabels[k]);
  const slt = issue.actions.reportedToSlt;
  if (slt)
    done.push(
      `Reported to SLT (${slt.personName}, ${slt.on.slice(8, 10)}/${slt.on.slice(5, 7)}/${slt.on.slice(0, 4)})`,
    );
  return done.join('; ');
}

export interface TimedIssue {
  dueAt: string | null;
  repliedAt: string | null;
  repliedLate: boolean;
  overdue: boolean;
  dueExplanation: string;
}

/** When the reply went out and whether it met the 24-hour / next-working-day rule, for SLT to see. */
export function replyTiming(issue: TimedIssue): string {
  if (issue.dueAt === null) return issue.dueExplanation;
  if (issue.repliedAt)
    return issue.repliedLate
      ? `Replied ${ukDateTime(issue.repliedAt)}: late (due by ${ukDateTime(issue.dueAt)})`
      : `Replied ${ukDateTime(issue.repliedAt)}: on time`;
  return issue.overdue
    ? `No reply: overdue since ${ukDateTime(issue.dueAt)}`
    : `Reply due by ${ukDateTime(issue.dueAt)}`;
}

/** "5 of 6 replied on time", over the entries that needed a reply; null when none did. */
export function replySummary(issues: readonly TimedIssue[]): string | null {
  const expected = issues.filter((i) => i.dueAt !== null);
  if (expected.length === 0) return null;
  const onTime = expected.filter((i) => i.repliedAt !== null && !i.repliedLate).length;
  return `${onTime} of ${expected.length} replied on time`;
}
