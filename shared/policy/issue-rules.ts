import { ukDate, ukDateTime } from '../time';
/**
 * The issues and actions log (north-herts Appendix 1, 6.3 and 6.4; bebington
 * "Monitoring"): what kinds of comment are logged, what can be done about
 * them, and what must be done before an entry is closed.
 */
export const issueKinds = ['complaint', 'query', 'abuse', 'press', 'other'] as const;
export type IssueKind = (typeof issueKinds)[number];

export const issueKindLabels: Record<IssueKind, string> = {
  complaint: 'Complaint',
  query: 'Query',
  abuse: 'Offensive comment or abuse',
  press: 'Press or media enquiry',
  other: 'Other',
};

/** north-herts 6.3, word for word: posted publicly, never accepting liability. */
export const complaintAcknowledgement =
  'Thank you for bringing this issue to our attention. Please DM or email us to discuss this further.';

/**
 * The actions that are a day and the person who took them. The report to the
 * police or another authority and the report to SLT carry more (the
 * authority and its reference; which member of SLT) and are kept apart.
 */
export const issueActionKeys = [
  'acknowledgedPublicly',
  'removed',
  'userBlocked',
  'reportedToPlatform',
  'audienceTold',
] as const;
export type IssueActionKey = (typeof issueActionKeys)[number];

export const issueActionLabels: Record<IssueActionKey, string> = {
  acknowledgedPublicly: 'Acknowledged publicly',
  removed: 'Removed',
  userBlocked: 'User blocked',
  reportedToPlatform: 'Reported to the platform',
  // bebington "Handling abuse": "inform the audience exactly why the action was taken".
  audienceTold: 'Audience told why action was taken',
};

export interface ActionDone {
  /** The day it was done (London). */
  on: string;
  /** Who did it, as typed: staff outside People (a governor, a trip leader) can act too. */
  by: string;
}

export type IssueActionsDone = Record<IssueActionKey, ActionDone | null> & {
  reportedToAuthority: (ActionDone & { authority: string; reference: string }) | null;
  reportedToSlt: (ActionDone & { personName: string }) | null;
};

/** Kinds that are never answered on the platform, so the Appendix says what was done instead. */
export const actedOnKinds: readonly IssueKind[] = ['abuse', 'press'];

/**
 * Whether the 24-hour reply clock (bebington "Monitoring") runs for an entry.
 * It is for queries and complaints. Abuse is recorded, removed and reported
 * (north-herts 6.4), never answered; a press enquiry goes to SLT before anyone
 * responds (bebington); a comment that has been removed has nothing left to
 * reply to. Those entries are never chased for a reply.
 */
export function replyExpected(issue: { kind: IssueKind; removed: boolean; broadcastOnly?: boolean }): boolean {
  return !actedOnKinds.includes(issue.kind) && !issue.removed && !issue.broadcastOnly;
}

/** Why an entry has no reply clock, in one sentence. */
export function noReplyReason(issue: { kind: IssueKind; removed: boolean; broadcastOnly?: boolean }): string {
  if (issue.kind === 'abuse') return 'No reply needed: abuse is removed and reported, not answered.';
  if (issue.kind === 'press') return 'No reply clock: a press enquiry is referred to SLT before anyone responds.';
  if (issue.removed) return 'No reply needed: the comment was removed.';
  return 'No reply needed: the account is broadcast only, so the school does not reply to comments.';
}

export interface ProcedureIssue {
  kind: IssueKind;
  actions: { removed: unknown; reportedToSlt: unknown };
}

/**
 * What the policy still asks before an entry can be resolved, as steps to
 * take; empty when nothing is missing. Abuse is "recorded, removed, and must
 * be reported to a member of SLT" (north-herts 6.4); a journalist's request is
 * referred "to SLT for consideration before responding" (bebington).
 */
export function stillToDo(issue: ProcedureIssue): string[] {
  const steps: string[] = [];
  if (issue.kind === 'abuse' && !issue.actions.removed) steps.push('remove the comment');
  if (issue.kind === 'abuse' && !issue.actions.reportedToSlt) steps.push('report it to a named member of SLT');
  if (issue.kind === 'press' && !issue.actions.reportedToSlt) steps.push('refer it to a named member of SLT');
  return steps;
}

/** Why an entry cannot be resolved yet, in words; empty when it can. */
export function resolveProblems(issue: ProcedureIssue & { status: 'open' | 'resolved' }): string[] {
  if (issue.status === 'resolved') return ['This entry is already resolved.'];
  const steps = stillToDo(issue);
  if (steps.length === 0) return [];
  const rule =
    issue.kind === 'press'
      ? 'A press or media enquiry must be referred to a named member of SLT before the entry is resolved.'
      : 'Offensive comments and abuse must be removed and reported to a named member of SLT before the entry is resolved.';
  return [`${rule} Still to do: ${steps.join('; ')}. Use Edit to record what was done, with the day and who did it.`];
}

const by = (done: ActionDone, recordedBy: string) => (done.by === recordedBy ? '' : ` by ${done.by}`);

/**
 * "Removed 03/11/2026; user blocked 03/11/2026; reported to SLT (Jane Head)
 * 03/11/2026; reported to the police 04/11/2026, ref 123": what was done, in
 * the log's words. Who did it is named when it was not the person who
 * recorded the entry (the Appendix names them in its own column).
 */
export function actionsText(issue: { kind: IssueKind; recordedBy: string; actions: IssueActionsDone }): string {
  const a = issue.actions;
  const done: string[] = issueActionKeys.flatMap((k) => {
    const action = a[k];
    return action ? [`${issueActionLabels[k].toLowerCase()} ${ukDate(action.on)}${by(action, issue.recordedBy)}`] : [];
  });
  if (a.reportedToSlt)
    done.push(
      `${issue.kind === 'press' ? 'referred' : 'reported'} to SLT (${a.reportedToSlt.personName}) ${ukDate(a.reportedToSlt.on)}${by(a.reportedToSlt, issue.recordedBy)}`,
    );
  if (a.reportedToAuthority)
    done.push(
      `reported to ${a.reportedToAuthority.authority} ${ukDate(a.reportedToAuthority.on)}${by(a.reportedToAuthority, issue.recordedBy)}, ref ${a.reportedToAuthority.reference}`,
    );
  const text = done.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The Appendix 1 "Reply sent" cell. Abuse and press enquiries are not
 * answered on the platform, so the cell says what was done; for the rest it is
 * the reply, with what was done on a line of its own.
 */
export function replySentCell(issue: {
  kind: IssueKind;
  recordedBy: string;
  replySent: string;
  actions: IssueActionsDone;
}): { text: string; actions: string } {
  const done = actionsText(issue);
  if (!actedOnKinds.includes(issue.kind)) return { text: issue.replySent || 'No reply recorded', actions: done };
  if (issue.replySent) return { text: issue.replySent, actions: done };
  const nothing = issue.kind === 'press' ? 'Not yet referred to SLT' : 'Not yet removed or reported';
  return { text: done || nothing, actions: '' };
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
