import { describe, expect, it } from 'vitest';
import { rotate, useRotationWorld } from '../rotations/flow-fixtures';

/**
 * compliance.status and compliance.accountStatus through the dispatcher:
 * the state follows the date and the schedule at read time, though the
 * register under it is cached (its verify mode runs in the suite).
 */
const { world } = useRotationWorld();

describe('compliance.status', () => {
  it('a reported threat makes the account a breach at once, and its change puts it right', async () => {
    const { s, account } = await world();
    await rotate(s, account.id);
    const before = await s.call('compliance.accountStatus', { accountId: account.id });
    s.clock.set('2026-11-20T16:00:00.000Z');
    await s.call('rotations.reportThreat', { accountId: account.id, reason: 'Suspicious login from abroad' });
    const after = await s.call('compliance.accountStatus', { accountId: account.id });
    expect(after.kind).toBe('breach');
    expect(after.findings[0]).toMatchObject({ kind: 'rotation-required', severity: 'breach', dueOn: '2026-11-20' });
    expect(before.findings.map((f) => f.kind)).not.toContain('rotation-required');
    const all = await s.call('compliance.status', {});
    expect(all.accounts.find((a) => a.accountId === account.id)).toEqual(after);
    expect(all.counts.breach).toBeGreaterThanOrEqual(1);
    expect(all.today).toBe('2026-11-20');
  });

  it('the same cached register gives a new state when only the date moves on', async () => {
    const { s, account } = await world();
    await rotate(s, account.id);
    const first = await s.call('compliance.accountStatus', { accountId: account.id });
    expect(first.findings.map((f) => f.kind)).not.toContain('rotation-overdue');
    s.clock.set('2027-03-01T10:00:00.000Z');
    const later = await s.call('compliance.accountStatus', { accountId: account.id });
    expect(later.findings.map((f) => f.kind)).toContain('rotation-overdue');
    expect(later.kind).toBe('breach');
  });
});

describe('accounts.list', () => {
  it('gives each register row only what the register shows, with the state compliance.status gives, on the day asked', async () => {
    const { s, account } = await world();
    await rotate(s, account.id);
    const rows = await s.call('accounts.list', {});
    const row = rows.find((r) => r.id === account.id)!;
    // Issue 17: ten fields, nothing the account page alone needs (notes, approvals, business case...).
    expect(Object.keys(row).sort()).toEqual([
      'displayName',
      'handle',
      'holderCount',
      'id',
      'leadName',
      'loginEmail',
      'passwordSetAt',
      'platform',
      'state',
      'status',
    ]);
    expect(Object.keys(row.state).sort()).toEqual(['kind', 'wording']);
    const full = await s.call('accounts.get', { id: account.id });
    expect(row).toMatchObject({
      handle: full.handle,
      leadName: full.lead?.name ?? null,
      holderCount: full.holderCount,
      passwordSetAt: full.passwordSetAt,
    });
    const status = await s.call('compliance.status', {});
    expect(rows.map((r) => ({ id: r.id, kind: r.state.kind, wording: r.state.wording }))).toEqual(
      status.accounts.map((a) => ({ id: a.accountId, kind: a.kind, wording: a.wording })),
    );
    expect(row.state.kind).not.toBe('breach');

    // The rows are remembered while nothing changes, but a new day is a new schedule.
    s.clock.set('2027-03-01T10:00:00.000Z');
    const later = (await s.call('accounts.list', {})).find((r) => r.id === account.id)!;
    expect(later.state).toEqual({ kind: 'breach', wording: 'Breach' });
  });
});
