import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { complaintAcknowledgement } from '../../../shared/policy/issue-rules';
import { useReportCores } from './harness';

const ready = useReportCores('2026-10-09T17:00:00Z'); // Friday 09/10/2026 18:00 BST

function issue(accountId: number, over: Partial<ChannelInput<'issues.create'>> = {}): ChannelInput<'issues.create'> {
  return {
    accountId,
    receivedOn: '2026-10-08',
    receivedTime: '09:15',
    kind: 'complaint',
    originalComment: 'Why was the match cancelled without notice?',
    recordedBy: 'Sam Sport',
    ...over,
  };
}

const removed = { on: '2026-10-09', by: 'Sam Sport' };

describe('the issues and actions log', () => {
  it('logs an entry with its due time, flags it overdue once the time passes, and counts it for the Dashboard', async () => {
    const h = await ready();
    const logged = await h.call('issues.create', issue(h.x));
    expect(logged).toMatchObject({
      accountLabel: '@stmaryspe',
      receivedAt: '2026-10-08T08:15:00.000Z',
      dueAt: '2026-10-09T08:15:00.000Z',
      status: 'open',
      overdue: true,
      repliedAt: null,
    });
    const fresh = await h.call(
      'issues.create',
      issue(h.x, { receivedOn: '2026-10-09', receivedTime: '17:45', kind: 'query' }),
    );
    // Friday 17:45: the 24 hours end on Saturday, so it is due at the end of Monday.
    expect(fresh).toMatchObject({ dueAt: '2026-10-12T22:59:00.000Z', overdue: false });
    expect(await h.call('issues.summary', {})).toEqual({ open: 2, awaitingReply: 2, overdue: 1 });
    h.clock.set('2026-10-13T08:00:00Z');
    expect(await h.call('issues.summary', {})).toEqual({ open: 2, awaitingReply: 2, overdue: 2 });
    expect((await h.audit('issue.logged'))[0]!.details).toMatchObject({ issueId: fresh.id, kind: 'query' });
    // The comment itself is kept out of the audit trail.
    expect(JSON.stringify(await h.audit('issue.logged'))).not.toContain('match cancelled');
  });

  it('records a reply at the time it was sent, which stops the clock, and marks a late one', async () => {
    const h = await ready();
    const logged = await h.call('issues.create', issue(h.x));
    // A reply needs the date and time it went out: the time of logging is not the time of sending.
    const untimed = await h.refused(
      'issues.update',
      { id: logged.id, issue: issue(h.x, { replySent: complaintAcknowledgement }) },
      'INVALID_INPUT',
    );
    expect(untimed.message).toContain('Give the date the reply was sent');
    const replied = await h.call('issues.update', {
      id: logged.id,
      issue: issue(h.x, {
        replySent: complaintAcknowledgement,
        repliedOn: '2026-10-09',
        repliedTime: '18:00',
        actions: { acknowledgedPublicly: { on: '2026-10-09', by: 'Sam Sport' } },
      }),
    });
    expect(replied).toMatchObject({ repliedAt: '2026-10-09T17:00:00.000Z', overdue: false, repliedLate: true });
    expect(replied.actions.acknowledgedPublicly).toEqual({ on: '2026-10-09', by: 'Sam Sport' });
    expect(await h.call('issues.summary', {})).toEqual({ open: 1, awaitingReply: 0, overdue: 0 });
    const onTime = await h.call('issues.update', {
      id: logged.id,
      issue: issue(h.x, {
        replySent: 'Thanks',
        repliedOn: '2026-10-08',
        repliedTime: '11:00',
        actions: { acknowledgedPublicly: { on: '2026-10-08', by: 'Sam Sport' } },
      }),
    });
    // Logged on Friday evening, sent on Thursday morning: on time, not late.
    expect(onTime).toMatchObject({ repliedAt: '2026-10-08T10:00:00.000Z', repliedLate: false });
    // The day the action was done is the one given, not the day it was typed in.
    expect(onTime.actions.acknowledgedPublicly).toEqual({ on: '2026-10-08', by: 'Sam Sport' });
  });

  it('does not chase a reply for abuse or for a comment that was removed', async () => {
    const h = await ready();
    const abuse = await h.call('issues.create', issue(h.x, { kind: 'abuse', actions: { removed } }));
    expect(abuse).toMatchObject({ dueAt: null, overdue: false, repliedLate: false });
    expect(abuse.dueExplanation).toBe('No reply needed: abuse is removed and reported, not answered.');
    const other = await h.call('issues.create', issue(h.x, { kind: 'other', actions: { removed } }));
    expect(other).toMatchObject({
      dueAt: null,
      overdue: false,
      dueExplanation: 'No reply needed: the comment was removed.',
    });
    // A query still has its clock: received Thursday 09:15, overdue by Friday evening.
    const query = await h.call('issues.create', issue(h.x, { kind: 'query' }));
    expect(query).toMatchObject({ dueAt: '2026-10-09T08:15:00.000Z', overdue: true });
    expect(await h.call('issues.summary', {})).toEqual({ open: 3, awaitingReply: 1, overdue: 1 });
  });

  it('has no reply clock on a broadcast-only account, though abuse is still reported', async () => {
    const h = await ready();
    await h.call('accounts.update', {
      id: h.x,
      account: { platform: 'x', handle: '@stmaryspe', replies: 'broadcast' },
    });
    const query = await h.call('issues.create', issue(h.x, { kind: 'query' }));
    expect(query).toMatchObject({
      dueAt: null,
      overdue: false,
      dueExplanation: 'No reply needed: the account is broadcast only, so the school does not reply to comments.',
    });
    expect(await h.call('issues.summary', {})).toEqual({ open: 1, awaitingReply: 0, overdue: 0 });
    // Abuse on it still has to be reported to SLT before it can be resolved.
    const abuse = await h.call('issues.create', issue(h.x, { kind: 'abuse', actions: { removed } }));
    await h.refused('issues.resolve', { id: abuse.id, notes: 'Removed' }, 'POLICY');
    // Back to replying: the same query is chased again.
    await h.call('accounts.update', { id: h.x, account: { platform: 'x', handle: '@stmaryspe', replies: 'reply' } });
    expect((await h.call('issues.list', { status: 'open' })).find((i) => i.id === query.id)).toMatchObject({
      overdue: true,
    });
  });

  it('copies the standard complaint wording to the clipboard', async () => {
    const h = await ready();
    expect(await h.call('issues.copyAcknowledgement', {})).toEqual({ copied: complaintAcknowledgement });
    expect(h.platform.clipboard).toBe(
      'Thank you for bringing this issue to our attention. Please DM or email us to discuss this further.',
    );
  });

  it('refuses to resolve abuse until it is reported to a named member of SLT', async () => {
    const h = await ready();
    const abuse = await h.call('issues.create', issue(h.x, { kind: 'abuse', originalComment: 'Offensive words' }));
    const notSlt = await h.refused(
      'issues.update',
      {
        id: abuse.id,
        issue: issue(h.x, {
          kind: 'abuse',
          actions: { removed, reportedToSlt: { personId: h.teacher, on: '2026-10-09', by: 'Sam Sport' } },
        }),
      },
      'POLICY',
    );
    expect(notSlt.message).toContain('Tom Teacher is not recorded as a member of SLT');
    const reported = await h.call('issues.update', {
      id: abuse.id,
      issue: issue(h.x, {
        kind: 'abuse',
        actions: { removed, reportedToSlt: { personId: h.slt, on: '2026-10-09', by: 'Sam Sport' } },
      }),
    });
    expect(reported.actions.reportedToSlt).toEqual({
      personId: h.slt,
      personName: 'Sarah Barker',
      on: '2026-10-09',
      by: 'Sam Sport',
    });
    const resolved = await h.call('issues.resolve', { id: abuse.id, notes: 'Removed and reported' });
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNotes: 'Removed and reported', overdue: false });
    await h.refused('issues.resolve', { id: abuse.id, notes: 'Again' }, 'POLICY');
    const reopened = await h.call('issues.reopen', { id: abuse.id });
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null });
    expect(await h.audit('issue.resolved')).toHaveLength(1);
  });

  it('resolves a complaint without an SLT report, and lists by status', async () => {
    const h = await ready();
    const complaint = await h.call('issues.create', issue(h.x));
    await h.call('issues.create', issue(h.facebook, { kind: 'other' }));
    await h.call('issues.resolve', { id: complaint.id, notes: 'Parent emailed; sorted' });
    expect((await h.call('issues.list', { status: 'open' })).map((i) => i.accountLabel)).toEqual(['StMarysPTA']);
    expect((await h.call('issues.list', { status: 'resolved' })).map((i) => i.id)).toEqual([complaint.id]);
    expect(await h.call('issues.list', { accountId: h.facebook })).toHaveLength(1);
  });

  it('refuses a future receipt, a reply before the comment, and an empty comment', async () => {
    const h = await ready();
    const future = await h.refused('issues.create', issue(h.x, { receivedOn: '2026-10-10' }), 'INVALID_INPUT');
    expect(future.message).toContain('in the future');
    const early = await h.refused(
      'issues.create',
      issue(h.x, { replySent: 'Hello', repliedOn: '2026-10-07', repliedTime: '10:00' }),
      'INVALID_INPUT',
    );
    expect(early.message).toContain('before the comment was received');
    const empty = await h.refused('issues.create', issue(h.x, { originalComment: '   ' }), 'INVALID_INPUT');
    expect(empty.message).toContain('The original comment is required');
    const time = await h.refused('issues.create', issue(h.x, { receivedTime: '25:00' }), 'INVALID_INPUT');
    expect(time.message).toContain('Use a time such as 09:30');
    expect(await h.call('issues.list', {})).toEqual([]);
  });

  it('uses the bank holiday setting for due times', async () => {
    const h = await ready();
    await h.call('settings.update', { bankHolidays: ['2026-10-09'] });
    const logged = await h.call('issues.create', issue(h.x));
    expect(logged.dueAt).toBe('2026-10-12T22:59:00.000Z');
    expect(logged.dueExplanation).toContain('bank holiday');
  });
});
