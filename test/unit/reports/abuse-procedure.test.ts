import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { auditActionLabel } from '../../../shared/policy/audit-actions';
import { replySentCell } from '../../../shared/policy/issue-rules';
import { useReportCores } from './harness';

/**
 * The whole abuse procedure (DOMAIN rule 12): abuse is recorded, removed and
 * reported to a named member of SLT (north-herts 6.4); the user blocked and
 * reported to the platform, and where needed to the police or another
 * authority (sutton-manor, wentworth); the audience told why (bebington).
 * A press enquiry is referred to SLT (bebington). Each action is a day and a
 * person, and each is in the audit trail.
 */
const ready = useReportCores('2026-11-04T12:00:00Z'); // Wednesday 04/11/2026

function abuse(accountId: number, over: Partial<ChannelInput<'issues.create'>> = {}): ChannelInput<'issues.create'> {
  return {
    accountId,
    receivedOn: '2026-11-03',
    receivedTime: '21:40',
    kind: 'abuse',
    originalComment: 'Offensive words about a teacher',
    recordedBy: 'Alex Admin',
    ...over,
  };
}

const removed = { on: '2026-11-03', by: 'Alex Admin' };

describe('the abuse procedure', () => {
  it('resolves abuse only once it is removed and reported to a named member of SLT, saying what is missing', async () => {
    const h = await ready();
    const logged = await h.call('issues.create', abuse(h.x));
    expect(logged.stillToDo).toEqual(['remove the comment', 'report it to a named member of SLT']);
    const neither = await h.refused('issues.resolve', { id: logged.id, notes: 'Dealt with' }, 'POLICY');
    expect(neither.message).toBe(
      'Offensive comments and abuse must be removed and reported to a named member of SLT before the entry is resolved. Still to do: remove the comment; report it to a named member of SLT. Use Edit to record what was done, with the day and who did it.',
    );
    // Reported but not removed: still refused, naming only the removal.
    const slt = { personId: h.slt, on: '2026-11-04', by: 'Alex Admin' };
    await h.call('issues.update', { id: logged.id, issue: abuse(h.x, { actions: { reportedToSlt: slt } }) });
    const notRemoved = await h.refused('issues.resolve', { id: logged.id, notes: 'Dealt with' }, 'POLICY');
    expect(notRemoved.message).toContain('Still to do: remove the comment.');
    expect(notRemoved.message).not.toContain('report it to');
    const both = await h.call('issues.update', {
      id: logged.id,
      issue: abuse(h.x, { actions: { removed, reportedToSlt: slt } }),
    });
    expect(both.stillToDo).toEqual([]);
    const resolved = await h.call('issues.resolve', { id: logged.id, notes: 'Removed, reported, blocked' });
    expect(resolved.status).toBe('resolved');
    // Resolved, it keeps what resolving needed: taking the removal back means reopening first.
    const undo = await h.refused(
      'issues.update',
      { id: logged.id, issue: abuse(h.x, { actions: { reportedToSlt: slt } }) },
      'POLICY',
    );
    expect(undo.message).toContain('Reopen it first');
  });

  it('records each action with its day and who did it, says what was done in the Appendix, and audits each', async () => {
    const h = await ready();
    const logged = await h.call('issues.create', abuse(h.x));
    const actions = {
      removed,
      userBlocked: { on: '2026-11-03', by: 'Alex Admin' },
      reportedToPlatform: { on: '2026-11-04', by: 'Alex Admin' },
      reportedToAuthority: { authority: 'the police', reference: 'CR/4471/26', on: '2026-11-04', by: 'Sarah Barker' },
      audienceTold: { on: '2026-11-04', by: 'Sam Sport' },
      reportedToSlt: { personId: h.slt, on: '2026-11-04', by: 'Alex Admin' },
    };
    const saved = await h.call('issues.update', { id: logged.id, issue: abuse(h.x, { actions }) });
    expect(saved.actions).toEqual({
      ...actions,
      acknowledgedPublicly: null,
      reportedToSlt: { ...actions.reportedToSlt, personName: 'Sarah Barker' },
    });
    expect(saved.dueAt).toBeNull();
    // Abuse is not answered: the Appendix's "Reply sent" says what was done, naming who when not the recorder.
    expect(replySentCell(saved)).toEqual({
      text: 'Removed 03/11/2026; user blocked 03/11/2026; reported to the platform 04/11/2026; audience told why action was taken 04/11/2026 by Sam Sport; reported to SLT (Sarah Barker) 04/11/2026; reported to the police 04/11/2026 by Sarah Barker, ref CR/4471/26',
      actions: '',
    });
    const trail = await h.call('audit.list', {});
    const mine = trail.filter((e) => e.action.startsWith('issue.') && e.action !== 'issue.logged');
    expect(mine.map((e) => auditActionLabel(e.action)).sort()).toEqual(
      [
        'Comment changed',
        'Comment removed from the platform',
        'User blocked on the platform',
        'Comment reported to the platform',
        'Reported to the police or another authority',
        'Audience told why action was taken',
        'Offensive comment reported to SLT',
      ].sort(),
    );
    const police = mine.find((e) => e.action === 'issue.reported-to-authority')!;
    expect(police.details).toMatchObject({
      issueId: logged.id,
      authority: 'the police',
      reference: 'CR/4471/26',
      on: '2026-11-04',
      by: 'Sarah Barker',
    });
    // Saving again unchanged adds no action entries; taking one back is recorded.
    await h.call('issues.update', { id: logged.id, issue: abuse(h.x, { actions }) });
    expect(await h.audit('issue.removed')).toHaveLength(1);
    await h.call('issues.update', {
      id: logged.id,
      issue: abuse(h.x, { actions: { ...actions, audienceTold: null } }),
    });
    expect((await h.audit('issue.action-withdrawn'))[0]!.details).toMatchObject({
      issueId: logged.id,
      withdrawn: 'Audience told why action was taken',
    });
  });

  it('refuses an action dated in the future or before the comment, and a report to the police without its reference', async () => {
    const h = await ready();
    const future = await h.refused(
      'issues.create',
      abuse(h.x, { actions: { removed: { on: '2026-11-05', by: 'Alex Admin' } } }),
      'INVALID_INPUT',
    );
    expect(future.message).toBe('The day for “Removed” is in the future. Check the date.');
    const early = await h.refused(
      'issues.create',
      abuse(h.x, { actions: { userBlocked: { on: '2026-11-02', by: 'Alex Admin' } } }),
      'INVALID_INPUT',
    );
    expect(early.message).toContain('before the comment was received (03/11/2026)');
    const noRef = await h.refused(
      'issues.create',
      abuse(h.x, {
        actions: {
          reportedToAuthority: { authority: 'the police', reference: ' ', on: '2026-11-04', by: 'Alex Admin' },
        },
      }),
      'INVALID_INPUT',
    );
    expect(noRef.message).toContain('The reference is required');
    const nobody = await h.refused(
      'issues.create',
      abuse(h.x, { actions: { removed: { on: '2026-11-03', by: '' } } }),
      'INVALID_INPUT',
    );
    expect(nobody.message).toContain('Who did it is required');
    expect(await h.call('issues.list', {})).toEqual([]);
  });

  it('logs a press enquiry with no reply clock, resolved only once referred to a named member of SLT', async () => {
    const h = await ready();
    const press = await h.call(
      'issues.create',
      abuse(h.x, { kind: 'press', originalComment: 'Local paper asking about the closure' }),
    );
    expect(press).toMatchObject({
      dueAt: null,
      overdue: false,
      dueExplanation: 'No reply clock: a press enquiry is referred to SLT before anyone responds.',
      stillToDo: ['refer it to a named member of SLT'],
    });
    h.clock.set('2026-11-20T12:00:00Z');
    expect(await h.call('issues.summary', {})).toEqual({ open: 1, awaitingReply: 0, overdue: 0 });
    const refused = await h.refused('issues.resolve', { id: press.id, notes: 'Answered' }, 'POLICY');
    expect(refused.message).toContain(
      'A press or media enquiry must be referred to a named member of SLT before the entry is resolved.',
    );
    const referred = await h.call('issues.update', {
      id: press.id,
      issue: abuse(h.x, {
        kind: 'press',
        originalComment: 'Local paper asking about the closure',
        actions: { reportedToSlt: { personId: h.slt, on: '2026-11-04', by: 'Alex Admin' } },
      }),
    });
    expect(replySentCell(referred).text).toBe('Referred to SLT (Sarah Barker) 04/11/2026');
    expect(await h.audit('issue.referred-to-slt')).toHaveLength(1);
    expect((await h.call('issues.resolve', { id: press.id, notes: 'Head replied' })).status).toBe('resolved');
  });
});
