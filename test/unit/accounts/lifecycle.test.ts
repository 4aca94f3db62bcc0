import { describe, expect, it } from 'vitest';
import type { AccountStatus, BusinessCase } from '../../../shared/contract';
import { fullCase, useRegister, type Session } from './harness';

/**
 * Approval by the Headteacher or SLT, and the account's life from proposed
 * to closed or transferred (DOMAIN.md rule 2).
 */
const open = useRegister();

async function withPeople(s: Session) {
  const head = await s.person('Hana Head', { roles: ['headteacher'] });
  const slt = await s.person('Sol Senior', { roles: ['slt', 'staff'] });
  const a = await s.person('Ash Runner');
  const b = await s.person('Bo Runner');
  return { head, slt, a, b };
}

const on = '2025-03-05';

describe('accounts.approve', () => {
  it.each([
    ['the Headteacher', 'head'],
    ['an SLT member', 'slt'],
  ] as const)('lets %s approve: proposed becomes approved, with who and when', async (_label, who) => {
    const s = await open();
    const people = await withPeople(s);
    // SLT approval is the school's choice (bebington); the policy default is the Headteacher alone.
    if (who === 'slt') await s.call('settings.update', { approvalRule: 'headteacher-or-slt' });
    const account = await s.account('@StMarys');
    expect(account).toMatchObject({ status: 'proposed', approvedBy: null, approvedOn: null, statusChangedOn: null });
    const approver = people[who];
    const approved = await s.call('accounts.approve', { id: account.id, approvedById: approver.id, approvedOn: on });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: { id: approver.id, name: approver.name },
      approvedOn: on,
      statusChangedOn: on,
    });
    const [entry] = await s.audit('account.approved');
    expect(entry).toMatchObject({ targetId: account.id, details: { approvedBy: approver.name, approvedOn: on } });
  });

  it('refuses a member of staff who is not SLT, and records nothing', async () => {
    const s = await open();
    const { a } = await withPeople(s);
    await s.call('settings.update', { approvalRule: 'headteacher-or-slt' });
    const account = await s.account('@StMarys');
    const before = s.count('audit_log');
    const error = await s.refused('accounts.approve', { id: account.id, approvedById: a.id, approvedOn: on }, 'POLICY');
    expect(error.message).toContain('not the Headteacher or on the SLT');
    expect(await s.call('accounts.get', { id: account.id })).toMatchObject({ status: 'proposed', approvedBy: null });
    expect(s.count('audit_log')).toBe(before);
  });

  it('refuses a Headteacher who has left, but accepts one who is leaving', async () => {
    const s = await open();
    const gone = await s.person('Old Head', { roles: ['headteacher'], status: 'left', leftOn: '2024-08-31' });
    const going = await s.person('Going Head', { roles: ['headteacher'], status: 'leaving', leavingOn: '2025-08-31' });
    const account = await s.account('@StMarys');
    const error = await s.refused(
      'accounts.approve',
      { id: account.id, approvedById: gone.id, approvedOn: on },
      'POLICY',
    );
    expect(error.message).toContain('has left the school');
    expect((await s.call('accounts.get', { id: account.id })).approvedBy).toBeNull();
    const approved = await s.call('accounts.approve', { id: account.id, approvedById: going.id, approvedOn: on });
    expect(approved.approvedBy?.name).toBe('Going Head');
  });

  it('refuses an approver who is not in the directory', async () => {
    const s = await open();
    const account = await s.account('@StMarys');
    await s.refused('accounts.approve', { id: account.id, approvedById: 99, approvedOn: on }, 'NOT_FOUND');
  });

  it.each(['closed', 'transferred'] as const)('refuses to approve a %s account', async (terminal) => {
    const s = await open();
    const { head, a, b } = await withPeople(s);
    const account = await s.account('@StMarys', { leadPersonId: a.id, businessCase: fullCase([a.id, b.id]) });
    await s.call('accounts.approve', { id: account.id, approvedById: head.id, approvedOn: on });
    if (terminal === 'transferred') {
      await s.call('accounts.setStatus', { id: account.id, status: 'active', on });
    }
    await s.call('accounts.setStatus', { id: account.id, status: terminal, on: '2025-03-06' });
    const error = await s.refused(
      'accounts.approve',
      { id: account.id, approvedById: head.id, approvedOn: '2025-03-07' },
      'POLICY',
    );
    expect(error.message).toContain(`is ${terminal}`);
    expect(await s.call('accounts.get', { id: account.id })).toMatchObject({ status: terminal, approvedOn: on });
  });
});

describe('accounts.setStatus', () => {
  it('refuses proposed straight to suspended', async () => {
    const s = await open();
    const account = await s.account('@StMarys');
    const error = await s.refused('accounts.setStatus', { id: account.id, status: 'suspended', on }, 'POLICY');
    expect(error.message).toContain('cannot go from proposed to suspended');
    expect(await s.call('accounts.get', { id: account.id })).toMatchObject({
      status: 'proposed',
      statusChangedOn: null,
    });
  });

  it('refuses setting approved directly, pointing to the approval', async () => {
    const s = await open();
    const account = await s.account('@StMarys');
    const error = await s.refused('accounts.setStatus', { id: account.id, status: 'approved', on }, 'POLICY');
    expect(error.message).toContain('Record the approval instead');
  });

  it('activates an approved account with a complete business case, recording the date and no override', async () => {
    const s = await open();
    const { head, a, b } = await withPeople(s);
    const account = await s.account('@StMarys', { businessCase: fullCase([a.id, b.id]) });
    await s.call('accounts.approve', { id: account.id, approvedById: head.id, approvedOn: on });
    const active = await s.call('accounts.setStatus', { id: account.id, status: 'active', on: '2025-03-08' });
    expect(active).toMatchObject({ status: 'active', statusChangedOn: '2025-03-08', statusOverrideReason: '' });
    const [entry] = await s.audit('account.status-changed');
    expect(entry?.details).toEqual({ from: 'approved', to: 'active', on: '2025-03-08' });
  });

  it('refuses to activate without approval, naming the reason, and changes nothing', async () => {
    const s = await open();
    const { a, b } = await withPeople(s);
    const account = await s.account('@StMarys', { businessCase: fullCase([a.id, b.id]) });
    const before = s.count('audit_log');
    const error = await s.refused('accounts.setStatus', { id: account.id, status: 'active', on }, 'POLICY');
    expect(error.message).toContain('has not been approved');
    expect(error.message).not.toContain('business case');
    expect((await s.call('accounts.get', { id: account.id })).status).toBe('proposed');
    expect(s.count('audit_log')).toBe(before);
  });

  it.each([
    ['the aim', (bc: BusinessCase) => ({ ...bc, aim: '' })],
    ['the intended audience', (bc: BusinessCase) => ({ ...bc, audience: '' })],
    ['how it will be promoted', (bc: BusinessCase) => ({ ...bc, promotion: '' })],
    ['whether it is open or private', (bc: BusinessCase) => ({ ...bc, visibility: '' as const })],
    ['at least 2 named people to run it', (bc: BusinessCase) => ({ ...bc, runnerIds: bc.runnerIds.slice(0, 1) })],
  ])('refuses to activate an approved account whose business case lacks %s', async (gap, change) => {
    const s = await open();
    const { head, a, b } = await withPeople(s);
    const account = await s.account('@StMarys', { businessCase: change(fullCase([a.id, b.id])) });
    await s.call('accounts.approve', { id: account.id, approvedById: head.id, approvedOn: on });
    const error = await s.refused('accounts.setStatus', { id: account.id, status: 'active', on }, 'POLICY');
    expect(error.message).toContain(`the business case does not say ${gap}`);
    expect(error.message).not.toContain('not been approved');
    expect((await s.call('accounts.get', { id: account.id })).status).toBe('approved');
  });

  it('follows settings.minRunners for the runners the business case needs', async () => {
    const s = await open();
    const { head, a, b } = await withPeople(s);
    await s.call('settings.update', { minRunners: 3 });
    const account = await s.account('@StMarys', { businessCase: fullCase([a.id, b.id]) });
    await s.call('accounts.approve', { id: account.id, approvedById: head.id, approvedOn: on });
    const error = await s.refused('accounts.setStatus', { id: account.id, status: 'active', on }, 'POLICY');
    expect(error.message).toContain('at least 3 named people');
  });

  it('activates with an override reason, recording it on the account and in the audit details', async () => {
    const s = await open();
    const account = await s.account('@StMarys');
    const overrideReason = 'Headteacher agreed by phone; paperwork follows';
    const active = await s.call('accounts.setStatus', { id: account.id, status: 'active', on, overrideReason });
    expect(active).toMatchObject({ status: 'active', statusChangedOn: on, statusOverrideReason: overrideReason });
    const [entry] = await s.audit('account.status-changed');
    expect(entry?.details).toMatchObject({ from: 'proposed', to: 'active', on, overrideReason });
    const overridden = (entry?.details as { overridden: string[] }).overridden;
    expect(overridden).toHaveLength(2);
    expect(overridden[0]).toContain('not been approved');
    expect(overridden[1]).toContain('business case');
  });

  it('treats a blank override reason as none', async () => {
    const s = await open();
    const account = await s.account('@StMarys');
    const error = await s.refused(
      'accounts.setStatus',
      { id: account.id, status: 'active', on, overrideReason: '   ' },
      'POLICY',
    );
    expect(error.message).toContain('give a written reason to override');
    expect((await s.call('accounts.get', { id: account.id })).status).toBe('proposed');
  });

  it('does not store an override reason when nothing needed overriding', async () => {
    const s = await open();
    const { head, a, b } = await withPeople(s);
    const account = await s.account('@StMarys', { businessCase: fullCase([a.id, b.id]) });
    await s.call('accounts.approve', { id: account.id, approvedById: head.id, approvedOn: on });
    const active = await s.call('accounts.setStatus', {
      id: account.id,
      status: 'active',
      on,
      overrideReason: 'Just in case',
    });
    expect(active.statusOverrideReason).toBe('');
    const [entry] = await s.audit('account.status-changed');
    expect(entry?.details).not.toHaveProperty('overrideReason');
  });

  it('moves active to suspended and back, recording each date', async () => {
    const s = await open();
    const { head, a, b } = await withPeople(s);
    const account = await s.account('@StMarys', { businessCase: fullCase([a.id, b.id]) });
    await s.call('accounts.approve', { id: account.id, approvedById: head.id, approvedOn: on });
    await s.call('accounts.setStatus', { id: account.id, status: 'active', on: '2025-03-06' });
    const suspended = await s.call('accounts.setStatus', { id: account.id, status: 'suspended', on: '2025-03-07' });
    expect(suspended).toMatchObject({ status: 'suspended', statusChangedOn: '2025-03-07' });
    const back = await s.call('accounts.setStatus', { id: account.id, status: 'active', on: '2025-03-08' });
    expect(back).toMatchObject({ status: 'active', statusChangedOn: '2025-03-08' });
    // audit.list is newest first.
    expect((await s.audit('account.status-changed')).map((e) => [e.details.from, e.details.to])).toEqual([
      ['suspended', 'active'],
      ['active', 'suspended'],
      ['approved', 'active'],
    ]);
  });

  it.each(['closed', 'transferred'] as const)('treats %s as terminal', async (terminal) => {
    const s = await open();
    const account = await s.account('@StMarys');
    await s.call('accounts.setStatus', { id: account.id, status: 'active', on, overrideReason: 'Needed now' });
    await s.call('accounts.setStatus', { id: account.id, status: terminal, on: '2025-03-09' });
    const others: AccountStatus[] = ['proposed', 'approved', 'active', 'suspended', 'closed', 'transferred'];
    for (const status of others.filter((x) => x !== terminal)) {
      const error = await s.refused(
        'accounts.setStatus',
        { id: account.id, status, on: '2025-03-10', overrideReason: 'Please' },
        'POLICY',
      );
      expect(error.message).toContain(`cannot go from ${terminal} to ${status}`);
    }
    expect(await s.call('accounts.get', { id: account.id })).toMatchObject({
      status: terminal,
      statusChangedOn: '2025-03-09',
    });
  });

  it('cannot transfer an account that never went live', async () => {
    const s = await open();
    const account = await s.account('@StMarys');
    await s.refused('accounts.setStatus', { id: account.id, status: 'transferred', on }, 'POLICY');
  });

  it('refuses an account that does not exist', async () => {
    const s = await open();
    await s.refused('accounts.setStatus', { id: 5, status: 'closed', on }, 'NOT_FOUND');
  });
});
