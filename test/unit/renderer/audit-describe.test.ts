import { describe, expect, it } from 'vitest';
import { describeEntry } from '../../../renderer/src/pages/audit/describe';

/** The Audit page says what happened in a sentence: no codes, JSON or ISO timestamps. */
describe('an audit entry in words', () => {
  it('reads a change as what was set, with the date as dd/mm/yyyy', () => {
    const entry = {
      action: 'person.updated',
      targetLabel: 'Anna Carter',
      details: { leftOn: { from: null, to: '2026-10-23' } },
    };
    expect(describeEntry(entry)).toBe("Anna Carter's leaving date set to 23/10/2026.");
  });

  it('reads changes from one value to another and a cleared value', () => {
    const entry = {
      action: 'account.updated',
      targetLabel: '@oakfield_pe',
      details: {
        changes: { displayName: { from: 'PE', to: 'Oakfield PE' }, loginEmail: { from: 'a@b.uk', to: null } },
      },
    };
    expect(describeEntry(entry)).toBe(
      "@oakfield_pe's display name changed from PE to Oakfield PE; @oakfield_pe's login email cleared.",
    );
  });

  it('reads an action on a log entry with its day, who did it and the member of SLT, without row numbers', () => {
    const entry = {
      action: 'issue.reported-to-slt',
      targetLabel: '@oakfield_pe',
      details: { issueId: 7, on: '2026-11-04', by: 'Alex Admin', memberOfSlt: 'Sarah Barker', sltPersonId: 3 },
    };
    expect(describeEntry(entry)).toBe(
      'Offensive comment reported to SLT for @oakfield_pe: on 04/11/2026; by Alex Admin; member of SLT Sarah Barker.',
    );
  });

  it.each([
    [{ action: 'account.created', targetLabel: '@oakfield_pe', details: { platform: 'x' } }, 'X (Twitter)'],
    [{ action: 'person.added', targetLabel: 'Hannah Head', details: { roles: ['headteacher'] } }, 'Headteacher'],
    [
      {
        action: 'backup.created',
        targetLabel: null,
        details: { path: '/b/keyholder-backup-2026-01-12-100000-ab12.khbackup' },
      },
      'the backup of 12/01/2026',
    ],
    [
      { action: 'secret.revealed', targetLabel: '@oakfield_pe', details: { field: 'recoveryCodes', rotationId: 4 } },
      'recovery codes',
    ],
  ])('names codes, files and fields in words: %j', (entry, expected) => {
    const sentence = describeEntry(entry);
    expect(sentence).toContain(expected);
    expect(sentence).not.toMatch(/[{}"]|\d{4}-\d{2}-\d{2}|rotation id|recoveryCodes|\(x\)/);
  });
});
