import { describe, expect, it } from 'vitest';
import type { AccountState, Finding } from '../../../shared/contract';
import { needsYou, type NeedsYouInput } from '../../../shared/policy/needs-you';

/**
 * The Dashboard's to-do list (shared/policy/needs-you.ts): threats and
 * leavers first, then overdue password changes one by one, replies, abuse,
 * breaches, the termly report and the backup; later things "coming up".
 */
const today = '2026-11-16';

function finding(kind: string, severity: Finding['severity'], dueOn: string | null = null): Finding {
  return { kind, severity, dueOn, message: `${kind}.`, fix: { label: 'Fix', href: '#/x' } };
}

function account(id: number, label: string, findings: Finding[], kind: AccountState['kind'] = 'breach'): AccountState {
  return { accountId: id, label, kind, wording: kind, dueOn: null, findings, steps: [] };
}

const empty: NeedsYouInput = {
  today,
  accounts: [],
  pending: [],
  issues: [],
  handovers: [],
  termReport: { label: 'Autumn 2026/27', dueOn: '2026-12-18', saved: false },
  backup: { lastBackupAt: '2026-11-15T17:00:00.000Z', warning: null },
};

describe('needsYou', () => {
  it('puts threats and leavers first, then overdue changes named one by one, then the rest in order', () => {
    const result = needsYou({
      ...empty,
      accounts: [
        account(1, '@aardvark', [finding('weak-password', 'breach')]),
        account(2, '@beta', [finding('rotation-overdue', 'breach', '2026-09-10')]),
        account(3, '@gamma', [finding('rotation-overdue', 'breach', '2026-01-11')]),
        account(4, '@zeta', [finding('holder-left', 'breach')]),
        account(5, '@eta', [finding('rotation-required', 'breach', '2026-11-02')]),
        account(6, '@theta', [finding('holder-not-trained', 'attention')], 'attention'),
      ],
      issues: [
        {
          id: 9,
          accountLabel: '@beta',
          kind: 'abuse',
          receivedAt: '2026-11-10T09:00:00.000Z',
          dueAt: '2026-11-11T09:00:00.000Z',
          overdue: true,
          repliedAt: null,
          removed: false,
          reportedToSlt: false,
        },
      ],
      termReport: { label: 'Autumn 2026/27', dueOn: '2026-11-20', saved: false },
      backup: { lastBackupAt: null, warning: 'No backup has been made yet.' },
    });
    expect(result.now.map((i) => [i.group, i.text.split(':')[0]])).toEqual([
      ['threat', '@eta'],
      ['threat', '@zeta'],
      ['password-overdue', '@gamma'],
      ['password-overdue', '@beta'],
      ['reply-overdue', '@beta'],
      ['abuse-unreported', '@beta'],
      ['breach', '@aardvark'],
      ['report', 'The termly meeting pack for Autumn 2026/27 is due before the termly meeting, by 20/11/2026.'],
      ['backup', 'No backup has been made yet.'],
      ['attention', '@theta'],
    ]);
    expect(result.now.every((i) => i.fix.href.startsWith('#/'))).toBe(true);
    expect(result.now[0]).toMatchObject({ code: 'rotation-required', dueOn: '2026-11-02' });
  });

  it('lists abuse not yet removed or not reported to SLT, and press enquiries not yet referred, each opening its entry', () => {
    const entry = (id: number, kind: string, removed: boolean, reportedToSlt: boolean) => ({
      id,
      accountLabel: `@entry${id}`,
      kind,
      receivedAt: '2026-11-10T09:00:00.000Z',
      dueAt: null,
      overdue: false,
      repliedAt: null,
      removed,
      reportedToSlt,
    });
    const result = needsYou({
      ...empty,
      issues: [
        entry(1, 'abuse', false, false),
        entry(2, 'abuse', true, false),
        entry(3, 'abuse', false, true),
        entry(4, 'abuse', true, true),
        entry(5, 'press', false, false),
        entry(6, 'press', false, true),
        entry(7, 'complaint', false, false),
      ],
    });
    expect(result.now.map((i) => [i.group, i.text, i.fix.href])).toEqual([
      [
        'abuse-unreported',
        '@entry1: the offensive comment received on 10/11/2026 has not been removed or reported to a member of SLT.',
        '#/reports/issues/1',
      ],
      [
        'abuse-unreported',
        '@entry2: the offensive comment received on 10/11/2026 has not been reported to a member of SLT.',
        '#/reports/issues/2',
      ],
      [
        'abuse-unreported',
        '@entry3: the offensive comment received on 10/11/2026 has not been removed.',
        '#/reports/issues/3',
      ],
      [
        'press-unreferred',
        '@entry5: the press enquiry received on 10/11/2026 has not been referred to a member of SLT.',
        '#/reports/issues/5',
      ],
    ]);
  });

  it('keeps the next four weeks apart, and leaves out what is later', () => {
    const result = needsYou({
      ...empty,
      accounts: [
        account(1, '@soon', [finding('rotation-due-soon', 'attention', '2026-12-01')], 'attention'),
        account(2, '@later', [finding('holder-leaving', 'attention', '2027-03-01')], 'attention'),
        account(3, '@week', [finding('rotation-due', 'attention', '2026-11-20')], 'attention'),
      ],
      handovers: [{ id: 4, personName: 'Sam Sport', state: 'scheduled', leavingOn: '2026-11-30', remaining: 2 }],
    });
    expect(result.now.map((i) => i.text.split(':')[0])).toEqual(['@week']);
    // The leaving date in March and the meeting pack due 18/12 (32 days away) are past the four weeks.
    expect(result.comingUp.map((i) => i.dueOn)).toEqual(['2026-11-30', '2026-12-01']);
    expect(needsYou({ ...empty, today: '2026-11-21' }).comingUp.map((i) => i.id)).toEqual(['term-report']);
  });

  it('names the next step of an account still being set up', () => {
    const result = needsYou({
      ...empty,
      accounts: [
        {
          ...account(1, '@new', [finding('not-approved', 'setup')], 'setting-up'),
          steps: [
            {
              id: 'business-case',
              label: 'Complete the business case',
              done: true,
              fix: { label: 'Edit', href: '#/accounts/1' },
            },
            {
              id: 'approval',
              label: "Record the Headteacher's approval",
              done: false,
              fix: { label: 'Record approval', href: '#/accounts/1' },
            },
          ],
        },
      ],
    });
    expect(result.now).toEqual([
      expect.objectContaining({
        group: 'setting-up',
        text: "@new is not live yet. Next step: record the Headteacher's approval.",
      }),
    ]);
  });

  it('with nothing to do, says what it checked', () => {
    const result = needsYou({
      ...empty,
      accounts: [account(1, '@fine', [], 'fine')],
      termReport: { ...empty.termReport!, saved: true },
    });
    expect(result.now).toEqual([]);
    expect(result.comingUp).toEqual([]);
    expect(result.checked).toEqual([
      '1 account against the school policy',
      'Password changes for 1 account: none overdue',
      '0 open comments in the issues log: no reply overdue',
      'The meeting pack for Autumn 2026/27 is saved',
      'Last backup 15/11/2026',
    ]);
  });

  it("lists last week's weekly checks not done after the termly report, each naming the account and the week", () => {
    const result = needsYou({
      ...empty,
      termReport: { label: 'Autumn 2026/27', dueOn: '2026-11-20', saved: false },
      backup: { lastBackupAt: null, warning: 'No backup has been made yet.' },
      weeklyChecks: [
        { accountId: 3, label: '@pe', week: '2026-11-09', missing: ['Replies checked'], dueBy: '2026-11-15' },
      ],
    });
    expect(result.now.map((i) => i.group)).toEqual(['report', 'weekly-check', 'backup']);
    const item = result.now.find((i) => i.group === 'weekly-check')!;
    expect(item.text).toBe('@pe: one weekly check was not done in the week of 09/11/2026.');
    expect(item.fix.href).toBe('#/checks');
    expect(needsYou({ ...empty, weeklyChecks: [] }).checked).toContain("Last week's weekly checks: all done");
  });
});
