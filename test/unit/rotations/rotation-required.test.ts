import { describe, expect, it } from 'vitest';
import { rotate, row, useRotationWorld } from './flow-fixtures';
import { administrator } from './harness';

/**
 * "Rotation required" events (a reported threat, a holder removed), closed
 * accounts, and changing an account's rotation policy.
 * Setup and term dates: flow-fixtures.ts.
 */
const { world } = useRotationWorld();

describe('rotation required', () => {
  it('reportThreat marks the account required at once, with the reason, audited', async () => {
    const { s, account } = await world();
    await rotate(s, account.id);
    expect((await row(s, account.id)).state).toBe('ok');
    s.clock.set('2026-11-20T16:00:00.000Z');
    const result = await s.call('rotations.reportThreat', {
      accountId: account.id,
      reason: 'Suspicious login from abroad',
    });
    expect(result).toMatchObject({
      accountId: account.id,
      state: 'required',
      reason: 'security threat reported: Suspicious login from abroad',
      dueFrom: '2026-11-20',
      dueBy: '2026-11-20',
    });
    expect(await row(s, account.id)).toEqual(result);
    expect((await s.call('accounts.get', { id: account.id })).rotationRequired).toEqual({
      reason: 'security threat reported: Suspicious login from abroad',
      since: '2026-11-20T16:00:00.000Z',
    });
    const [entry] = await s.audit('rotation.required');
    expect(entry).toMatchObject({
      actor: administrator,
      targetId: account.id,
      details: { reason: 'security threat reported: Suspicious login from abroad' },
    });
  });

  it('overrides a manual policy', async () => {
    const { s, account } = await world();
    expect((await s.call('rotations.setPolicy', { accountId: account.id, policy: { kind: 'manual' } })).state).toBe(
      'manual',
    );
    expect(
      (await s.call('rotations.reportThreat', { accountId: account.id, reason: 'Password seen on screen' })).state,
    ).toBe('required');
  });

  it('removing a holder makes it required', async () => {
    const { s, account, holderIds } = await world();
    await rotate(s, account.id);
    await s.call('holders.remove', { holderId: holderIds['Bo Two']!, reason: 'Left the school', on: '2026-11-12' });
    const after = await row(s, account.id);
    expect(after.state).toBe('required');
    expect(after.reason).toContain('Bo Two');
    expect(after.reason).toContain('Left the school');
  });
});

describe('closed accounts', () => {
  it('refuses a threat report, a policy change or a rotation, writing nothing', async () => {
    const { s, account } = await world();
    await s.call('accounts.setStatus', { id: account.id, status: 'closed', on: '2026-11-12' });
    const audits = s.count('SELECT COUNT(*) AS n FROM audit_log');
    await s.refused('rotations.reportThreat', { accountId: account.id, reason: 'Phishing' }, 'NOT_FOUND');
    await s.refused('rotations.setPolicy', { accountId: account.id, policy: { kind: 'manual' } }, 'NOT_FOUND');
    await s.refused('rotations.start', { accountId: account.id, reason: 'Termly change' }, 'POLICY');
    expect(s.count('SELECT COUNT(*) AS n FROM audit_log')).toBe(audits);
    const stored = await s.call('accounts.get', { id: account.id });
    expect(stored.rotationRequired).toBeNull();
    expect(s.count("SELECT COUNT(*) AS n FROM accounts WHERE rotation_policy = 'termly'")).toBe(1);
    expect((await s.call('rotations.list', {})).map((r) => r.accountId)).not.toContain(account.id);
  });
});

describe('rotations.setPolicy', () => {
  it.each([
    [{ kind: 'termly' as const }, 'overdue', '2026-09-07', '2026-09-13'],
    // Half-termly from 15/06/2026 (second half of summer, from 30/05): due from 07/09/2026 too.
    [{ kind: 'half-termly' as const }, 'overdue', '2026-09-07', '2026-09-13'],
    [{ kind: 'days' as const, days: 160 }, 'due-soon', '2026-11-22', '2026-11-22'],
    [{ kind: 'manual' as const }, 'manual', null, null],
  ])('%o: %s from %s', async (policy, state, dueFrom, dueBy) => {
    const { s, account } = await world();
    const result = await s.call('rotations.setPolicy', { accountId: account.id, policy });
    expect(result).toMatchObject({ policy, state, dueFrom, dueBy });
    const [entry] = await s.audit('rotation.policy-set');
    expect(entry).toMatchObject({ targetId: account.id, details: { policy } });
  });
});
