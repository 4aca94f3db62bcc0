import { describe, expect, it } from 'vitest';
import { accountStatus, type StatusInput } from '../../../shared/policy/account-status';
import { launchFindings, launchSteps, type LaunchState } from '../../../shared/policy/launch-checklist';
import { needsYou } from '../../../shared/policy/needs-you';

/**
 * The launch checklist (north-herts 5: URL and identity to SLT; sutton-manor
 * 6.5: linked from the school website): the last setting-up steps before an
 * account is live, then "Needs attention" due a week after it went live,
 * never a breach, and on the Dashboard's list through the one status model.
 */
const none: LaunchState = { launchedOn: null, sltToldOn: null, websiteLinkedOn: null };

function state(status: StatusInput['account']['status'], launch: LaunchState) {
  return accountStatus({
    account: { id: 4, label: '@oakpe', status, approvedOn: '2026-09-01', hasLead: true, hasPassword: true, launch },
    breaches: [],
    rotation: { state: 'ok', lastRotatedOn: '2026-09-03', dueBy: '2027-01-11', reason: 'Termly' },
  });
}

describe('the launch checklist', () => {
  it('comes after "Make the account live" while the account is being set up, ticked as each is recorded', () => {
    const s = state('approved', { ...none, sltToldOn: '2026-09-02' });
    expect(s.kind).toBe('setting-up');
    expect(s.steps.slice(-3).map((step) => [step.id, step.done, step.fix.label])).toEqual([
      ['live', false, 'Change status'],
      ['slt-told', true, 'Record who you told'],
      ['website-linked', false, 'Record the website link'],
    ]);
    expect(s.wording).toBe('Setting up: 2 steps left');
    // Not live yet: nothing to chase.
    expect(s.findings).toEqual([]);
  });

  it('once live, each step missing needs attention by a week after going live, never a breach', () => {
    const s = state('active', { ...none, launchedOn: '2026-09-03' });
    expect(s).toMatchObject({
      kind: 'attention',
      dueOn: '2026-09-10',
      wording: 'Needs attention by 10/09/2026',
      steps: [],
    });
    expect(s.findings.map((f) => [f.kind, f.severity, f.dueOn])).toEqual([
      ['launch-slt-not-told', 'attention', '2026-09-10'],
      ['launch-website-not-linked', 'attention', '2026-09-10'],
    ]);
    expect(s.findings[0]!.message).toBe(
      'It went live on 03/09/2026, and its address and identity have not been sent to a member of SLT.',
    );
    expect(s.findings[1]!.fix).toEqual({ label: 'Record the website link', href: '#/accounts/4' });
  });

  it('meets the policy once both are recorded, and a suspended account is still chased', () => {
    expect(
      state('active', { launchedOn: '2026-09-03', sltToldOn: '2026-09-04', websiteLinkedOn: '2026-09-05' }),
    ).toMatchObject({ kind: 'fine', findings: [] });
    const suspended = state('suspended', { launchedOn: '2026-09-03', sltToldOn: '2026-09-04', websiteLinkedOn: null });
    expect(suspended.findings.map((f) => f.kind)).toEqual(['launch-website-not-linked']);
  });

  it('does not chase an account live before the checklist existed (no launch date)', () => {
    expect(launchFindings(4, none)).toEqual([]);
    expect(state('active', none)).toMatchObject({ kind: 'fine', findings: [] });
    expect(launchSteps(4, none).map((s) => s.label)).toEqual([
      'Send the address and identity to SLT',
      'Link it from the school website',
    ]);
  });

  it('puts the missing steps on the Dashboard list now, with their date and the account page to fix them', () => {
    const s = state('active', { launchedOn: '2026-09-03', sltToldOn: null, websiteLinkedOn: '2026-09-03' });
    const list = needsYou({
      today: '2026-09-04',
      accounts: [s],
      pending: [],
      issues: [],
      handovers: [],
      termReport: null,
      backup: null,
    });
    expect(list.now.map((i) => [i.group, i.text, i.dueOn, i.fix])).toEqual([
      [
        'attention',
        '@oakpe: It went live on 03/09/2026, and its address and identity have not been sent to a member of SLT.',
        '2026-09-10',
        { label: 'Record who you told', href: '#/accounts/4' },
      ],
    ]);
  });
});
