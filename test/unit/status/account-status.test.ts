import { describe, expect, it } from 'vitest';
import type { Breach, BreachCode } from '../../../shared/contract';
import {
  accountStatus,
  countsSentence,
  stateCounts,
  type StatusInput,
  type StatusRotation,
} from '../../../shared/policy/account-status';

/**
 * The one status model (shared/policy/account-status.ts) over hand-built
 * findings: each account gets exactly one state, in the precedence closed,
 * breach, setting up, needs attention, meets the policy.
 */
const live: StatusInput['account'] = {
  id: 7,
  label: '@stmaryspe',
  status: 'active',
  approvedOn: '2026-09-01',
  hasLead: true,
  hasPassword: true,
  launch: { launchedOn: null, sltToldOn: null, websiteLinkedOn: null },
};

function breach(code: BreachCode, severity: Breach['severity'] = 'breach', dueOn: string | null = null): Breach {
  return {
    accountId: 7,
    accountLabel: '@stmaryspe',
    code,
    severity,
    message: `${code} message`,
    fix: { label: 'Fix it', href: '#/accounts/7' },
    dueOn,
  };
}

const rotation = (state: StatusRotation['state'], dueBy: string | null = '2027-01-11'): StatusRotation => ({
  state,
  dueBy,
  lastRotatedOn: '2026-09-03',
  reason: state === 'required' ? 'security threat reported: phishing email' : 'Termly',
});

const status = (input: Omit<Partial<StatusInput>, 'account'> & { account?: Partial<StatusInput['account']> }) =>
  accountStatus({
    breaches: [],
    rotation: rotation('ok', '2027-01-11'),
    ...input,
    account: { ...live, ...input.account },
  });

describe('accountStatus', () => {
  it('says "Meets the policy" only when nothing at all is found', () => {
    const s = status({});
    expect(s).toMatchObject({ kind: 'fine', wording: 'Meets the policy', dueOn: null, findings: [], steps: [] });
    expect(status({ breaches: [breach('holder-not-trained', 'warning')] }).kind).toBe('attention');
  });

  it('a brand-new account is setting up, with its checklist, not a breach for its missing password', () => {
    const s = status({
      account: { status: 'proposed', approvedOn: null, hasLead: false, hasPassword: false },
      breaches: [
        breach('business-case-incomplete', 'warning'),
        breach('not-approved', 'warning'),
        breach('too-few-holders', 'warning'),
        breach('password-not-set'),
      ],
      rotation: rotation('overdue', '2026-09-01'),
    });
    expect(s.kind).toBe('setting-up');
    expect(s.wording).toBe('Setting up: 8 steps left');
    expect(s.steps.map((step) => [step.id, step.done])).toEqual([
      ['business-case', false],
      ['approval', false],
      ['lead', false],
      ['holders', false],
      ['password', false],
      ['live', false],
      ['slt-told', false],
      ['website-linked', false],
    ]);
    // Never "overdue, last changed never": no password means no schedule yet.
    expect(s.findings.map((f) => f.kind)).not.toContain('rotation-overdue');
    expect(s.findings.every((f) => f.severity === 'setup')).toBe(true);
  });

  it('ticks the steps already done', () => {
    const launch = { launchedOn: null, sltToldOn: '2026-09-02', websiteLinkedOn: '2026-09-02' };
    const s = status({ account: { status: 'approved', hasPassword: true, launch }, breaches: [] });
    expect(s.kind).toBe('setting-up');
    expect(s.steps.filter((step) => !step.done).map((step) => step.id)).toEqual(['live']);
    expect(s.wording).toBe('Setting up: 1 step left');
  });

  it('an overdue password change is a breach, dated, and so is one required now', () => {
    const overdue = status({ rotation: rotation('overdue', '2026-01-11') });
    expect(overdue).toMatchObject({ kind: 'breach', wording: 'Breach', dueOn: '2026-01-11' });
    expect(overdue.findings[0]).toMatchObject({ kind: 'rotation-overdue', severity: 'breach' });
    expect(overdue.findings[0]!.message).toContain('11/01/2026');
    const required = status({ rotation: rotation('required', '2026-11-02'), breaches: [breach('rotation-required')] });
    // One finding for the required change, not the compliance copy as well.
    expect(required.findings.map((f) => f.kind)).toEqual(['rotation-required']);
    expect(required.kind).toBe('breach');
  });

  it('a leaver who still knows the password is a breach even before the account is live', () => {
    const s = status({ account: { status: 'proposed', approvedOn: null }, breaches: [breach('holder-left')] });
    expect(s.kind).toBe('breach');
    expect(s.steps.length).toBe(8);
  });

  it('a live account with no password stored has that breach, not an overdue change', () => {
    const s = status({
      account: { hasPassword: false },
      breaches: [breach('password-not-set')],
      rotation: rotation('overdue', '2026-09-01'),
    });
    expect(s.findings.map((f) => f.kind)).toEqual(['password-not-set']);
    expect(s.kind).toBe('breach');
  });

  it('something due soon makes it "Needs attention by" the earliest date', () => {
    const s = status({
      rotation: rotation('due-soon', '2027-01-11'),
      breaches: [breach('holder-leaving', 'warning', '2026-12-18')],
    });
    expect(s).toMatchObject({ kind: 'attention', dueOn: '2026-12-18', wording: 'Needs attention by 18/12/2026' });
    expect(s.findings.map((f) => f.kind)).toEqual(['holder-leaving', 'rotation-due-soon']);
  });

  it('breaches come before attention in the findings, earliest date first', () => {
    const s = status({
      rotation: rotation('overdue', '2026-09-10'),
      breaches: [breach('holder-not-trained', 'warning'), breach('weak-password')],
    });
    expect(s.findings.map((f) => f.severity)).toEqual(['breach', 'breach', 'attention']);
    expect(s.findings[0]!.kind).toBe('rotation-overdue');
  });

  it('closed and transferred accounts are closed, with nothing found', () => {
    expect(status({ account: { status: 'closed' }, breaches: [breach('holder-left')] })).toMatchObject({
      kind: 'closed',
      wording: 'Closed',
      findings: [],
    });
    expect(status({ account: { status: 'transferred' } }).wording).toBe('Transferred');
  });
});

describe('stateCounts and countsSentence', () => {
  it('counts each state once and says it in one line', () => {
    const kinds = ['breach', 'breach', 'attention', 'setting-up', 'fine', 'closed'] as const;
    const counts = stateCounts(kinds.map((kind) => ({ kind })));
    expect(counts).toEqual({ breach: 2, attention: 1, 'setting-up': 1, fine: 1, closed: 1, total: 6 });
    expect(countsSentence(counts)).toBe(
      '5 accounts in use: 2 breaches, 1 needs attention, 1 setting up, 1 meets the policy.',
    );
  });

  it('separates thousands in a large register, as every screen and printed document says counts', () => {
    const counts = { breach: 1204, attention: 0, 'setting-up': 12, fine: 8784, closed: 3, total: 10_003 };
    expect(countsSentence(counts)).toBe(
      '10,000 accounts in use: 1,204 breaches, 12 setting up, 8,784 meet the policy.',
    );
  });
});
