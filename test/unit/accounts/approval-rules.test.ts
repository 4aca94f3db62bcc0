import { describe, expect, it } from 'vitest';
import { approvalProblem, mayApprove, mayHold } from '../../../shared/policy/approval-rules';
import { defaultSettings } from '../../../shared/policy/settings';
import { useRegister, type Session } from './harness';

/**
 * The school's own approval rules (issue 16 item 6; DOMAIN.md 15): who
 * approves (tpat 5: the Headteacher; bebington: or SLT; wentworth: the
 * Headteacher and Governors), rejection with a reason (bebington), and
 * sutton-manor's "only the SLT will have access".
 */
const open = useRegister();
const on = '2025-03-05';

async function school(s: Session) {
  return {
    head: await s.person('Hana Head', { roles: ['headteacher'] }),
    slt: await s.person('Sol Senior', { roles: ['slt', 'staff'] }),
    governor: await s.person('Gwen Governor', { roles: ['governor'] }),
    staff: await s.person('Ash Runner'),
  };
}

describe('the approval rule as pure policy', () => {
  it('defaults to the Headteacher alone, with holders not restricted to SLT', () => {
    expect(defaultSettings.approvalRule).toBe('headteacher');
    expect(defaultSettings.holdersMustBeSlt).toBe(false);
    expect(mayApprove('headteacher', ['slt'])).toBe(false);
    expect(mayApprove('headteacher-or-slt', ['slt'])).toBe(true);
    expect(mayApprove('headteacher-and-governor', ['governor'])).toBe(false);
  });

  it('asks for a governor only under the Headteacher-and-governor rule', () => {
    const head = { name: 'H', roles: ['headteacher'] as const };
    expect(approvalProblem('headteacher', head, null)).toBeNull();
    expect(approvalProblem('headteacher-and-governor', head, null)).toContain('Choose the governor');
    expect(approvalProblem('headteacher-and-governor', head, { name: 'S', roles: ['staff'] })).toContain(
      'S is not recorded as a governor',
    );
    expect(approvalProblem('headteacher-and-governor', head, { name: 'G', roles: ['governor'] })).toBeNull();
  });

  it('lets anyone hold a password unless the school restricts it to SLT', () => {
    expect(mayHold(false, ['staff'])).toBe(true);
    expect(mayHold(true, ['staff'])).toBe(false);
    expect(mayHold(true, ['slt'])).toBe(true);
    expect(mayHold(true, ['headteacher'])).toBe(true);
  });
});

describe('accounts.approve under the school rule', () => {
  it('refuses an SLT member by default and names the rule, writing nothing', async () => {
    const s = await open();
    const { slt } = await school(s);
    const account = await s.account('@StMarys');
    const before = s.count('audit_log');
    const error = await s.refused(
      'accounts.approve',
      { id: account.id, approvedById: slt.id, approvedOn: on },
      'POLICY',
    );
    expect(error.message).toContain(
      "Sol Senior is not the Headteacher, and the school's rule is that the Headteacher approves",
    );
    expect(s.count('audit_log')).toBe(before);
    expect((await s.call('accounts.get', { id: account.id })).status).toBe('proposed');
  });

  it('records the Headteacher and a governor when the rule asks for both', async () => {
    const s = await open();
    const { head, governor, staff } = await school(s);
    await s.call('settings.update', { approvalRule: 'headteacher-and-governor' });
    const account = await s.account('@StMarys');
    const missing = await s.refused(
      'accounts.approve',
      { id: account.id, approvedById: head.id, approvedOn: on },
      'POLICY',
    );
    expect(missing.message).toContain('Choose the governor who approved it as well');
    const notGovernor = await s.refused(
      'accounts.approve',
      { id: account.id, approvedById: head.id, governorId: staff.id, approvedOn: on },
      'POLICY',
    );
    expect(notGovernor.message).toContain('Ash Runner is not recorded as a governor');
    const approved = await s.call('accounts.approve', {
      id: account.id,
      approvedById: head.id,
      governorId: governor.id,
      approvedOn: on,
    });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: { id: head.id, name: 'Hana Head' },
      governorApprovedBy: { id: governor.id, name: 'Gwen Governor' },
      approvedOn: on,
    });
    const [entry] = await s.audit('account.approved');
    expect(entry?.details).toEqual({ approvedBy: 'Hana Head', governor: 'Gwen Governor', approvedOn: on });
    // A governor's name change shows on the account at once (the register cache follows it).
    await s.updatePerson(governor, { name: 'Gwen Goodwin' });
    expect((await s.call('accounts.get', { id: account.id })).governorApprovedBy?.name).toBe('Gwen Goodwin');
  });

  it('ignores a governor sent under the Headteacher-alone rule', async () => {
    const s = await open();
    const { head, governor } = await school(s);
    const account = await s.account('@StMarys');
    const approved = await s.call('accounts.approve', {
      id: account.id,
      approvedById: head.id,
      governorId: governor.id,
      approvedOn: on,
    });
    expect(approved.governorApprovedBy).toBeNull();
  });
});

describe('accounts.reject', () => {
  it('closes the application with who, when and why, audited and shown on the account', async () => {
    const s = await open();
    const { head } = await school(s);
    const account = await s.account('@StMarysChess');
    const rejected = await s.call('accounts.reject', {
      id: account.id,
      rejectedById: head.id,
      rejectedOn: on,
      reason: '  The chess club already posts through the main school account.  ',
    });
    expect(rejected).toMatchObject({
      status: 'closed',
      statusChangedOn: on,
      approvedBy: null,
      rejection: {
        by: { id: head.id, name: 'Hana Head' },
        on,
        reason: 'The chess club already posts through the main school account.',
      },
    });
    const [entry] = await s.audit('account.rejected');
    expect(entry).toMatchObject({
      targetId: account.id,
      details: {
        rejectedBy: 'Hana Head',
        rejectedOn: on,
        reason: 'The chess club already posts through the main school account.',
      },
    });
    // Closed: it cannot be approved afterwards.
    await s.refused('accounts.approve', { id: account.id, approvedById: head.id, approvedOn: on }, 'POLICY');
  });

  it('refuses a reason left empty, someone the rule does not allow, and an account already approved', async () => {
    const s = await open();
    const { head, slt } = await school(s);
    const account = await s.account('@StMarys');
    await s.refused(
      'accounts.reject',
      { id: account.id, rejectedById: head.id, rejectedOn: on, reason: '  ' },
      'INVALID_INPUT',
    );
    const notAllowed = await s.refused(
      'accounts.reject',
      { id: account.id, rejectedById: slt.id, rejectedOn: on, reason: 'No' },
      'POLICY',
    );
    expect(notAllowed.message).toContain('Sol Senior is not the Headteacher');
    await s.call('accounts.approve', { id: account.id, approvedById: head.id, approvedOn: on });
    const approved = await s.refused(
      'accounts.reject',
      { id: account.id, rejectedById: head.id, rejectedOn: on, reason: 'Changed our minds' },
      'POLICY',
    );
    expect(approved.message).toContain('not an application waiting for approval');
    expect((await s.call('accounts.get', { id: account.id })).rejection).toBeNull();
  });
});

describe('holders must be SLT (a setting)', () => {
  it('refuses a member of staff as holder with a clear reason once the school turns it on', async () => {
    const s = await open();
    const { head, slt, staff } = await school(s);
    const account = await s.account('@StMarys');
    const add = (personId: number) =>
      ({ accountId: account.id, personId, authorisedById: head.id, authorisedOn: on }) as const;
    // Off by default: staff may hold a password.
    await s.call('holders.add', add(staff.id));
    await s.call('settings.update', { holdersMustBeSlt: true });
    // Existing holders are flagged on the account.
    const listed = await s.call('holders.list', { accountId: account.id });
    expect(listed[0]?.warnings).toContain(
      "Ash Runner is not on the SLT, and the school's rule is that only the SLT know the passwords.",
    );
    const other = await s.person('Bo Runner');
    const error = await s.refused('holders.add', add(other.id), 'POLICY');
    expect(error.message).toBe(
      "Bo Runner is not on the SLT, and the school's rule is that only the Headteacher and SLT know the account passwords. Bo Runner was not added. Choose an SLT member, or change the rule in Settings.",
    );
    const holders = await s.call('holders.add', add(slt.id));
    expect(holders.filter((h) => h.removedOn === null).map((h) => h.person.name)).toEqual(['Ash Runner', 'Sol Senior']);
  });

  it('offers the Governor role in the staff directory', async () => {
    const s = await open();
    const { governor } = await school(s);
    expect((await s.call('people.get', { id: governor.id })).roles).toEqual(['governor']);
  });
});
