import { describe, expect, it } from 'vitest';
import { replySummary, replyTiming, type TimedIssue } from '../../../shared/policy/issue-rules';

/** Reply timeliness where SLT sees it (issue 16 item 3): per entry, and a summary line. */
const due = '2026-10-09T08:15:00.000Z';
const base: TimedIssue = { dueAt: due, repliedAt: null, repliedLate: false, overdue: false, dueExplanation: '' };

describe('reply timing', () => {
  it('says when the reply went out and whether it met the rule, in London time', () => {
    expect(replyTiming({ ...base, repliedAt: '2026-10-08T10:00:00.000Z' })).toBe('Replied 08/10/2026 11:00: on time');
    expect(replyTiming({ ...base, repliedAt: '2026-10-09T17:00:00.000Z', repliedLate: true })).toBe(
      'Replied 09/10/2026 18:00: late (due by 09/10/2026 09:15)',
    );
    expect(replyTiming({ ...base, overdue: true })).toBe('No reply: overdue since 09/10/2026 09:15');
    expect(replyTiming(base)).toBe('Reply due by 09/10/2026 09:15');
    expect(replyTiming({ ...base, dueAt: null, dueExplanation: 'No reply needed: the comment was removed.' })).toBe(
      'No reply needed: the comment was removed.',
    );
  });

  it('counts replies on time among the entries that needed one', () => {
    const onTime = { ...base, repliedAt: '2026-10-08T10:00:00.000Z' };
    const late = { ...base, repliedAt: '2026-10-09T17:00:00.000Z', repliedLate: true };
    const none = { ...base, dueAt: null };
    expect(replySummary([onTime, onTime, late, base, none])).toBe('2 of 4 replied on time');
    expect(replySummary([none])).toBeNull();
  });
});
