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
