import { describe, expect, it } from 'vitest';
import { fullCase, useRegister, type Session } from './harness';

/**
 * Third-party apps connected to an account (issue 16 item 8; DOMAIN.md 17;
 * tpat 6: no new app or service without the Headteacher's approval), and
 * the handover's reminder to remove them when the lead leaves.
 */
const open = useRegister();
const on = '2025-03-05';

async function setUp(s: Session) {
  const head = await s.person('Hana Head', { roles: ['headteacher'] });
  const slt = await s.person('Sol Senior', { roles: ['slt'] });
  const lead = await s.person('Lee Lead');
  const other = await s.person('Ola Other');
  const account = await s.account('@stmaryspe', { leadPersonId: lead.id, businessCase: fullCase([lead.id, other.id]) });
  return { head, slt, lead, other, account };
}

describe('integrations (connected apps)', () => {
  it('records an app with who approved it and when, audited, and lists it on the account', async () => {
    const s = await open();
    const { head, account } = await setUp(s);
    const apps = await s.call('integrations.add', {
      accountId: account.id,
      name: ' Buffer ',
      purpose: 'scheduling',
      approvedById: head.id,
      approvedOn: on,
    });
    expect(apps).toEqual([
      {
        id: expect.any(Number) as number,
        accountId: account.id,
        name: 'Buffer',
        purpose: 'scheduling',
        approvedBy: { id: head.id, name: 'Hana Head' },
        approvedOn: on,
        removedOn: null,
        removedReason: null,
      },
    ]);
    const [entry] = await s.audit('app.connected');
    expect(entry).toMatchObject({
      targetId: account.id,
      details: { app: 'Buffer', purpose: 'scheduling', approvedBy: 'Hana Head', approvedOn: on },
    });
    expect(await s.call('integrations.list', { accountId: account.id })).toEqual(apps);
  });

  it("refuses an approver outside the school's rule, the same app twice, and a closed account", async () => {
    const s = await open();
    const { head, slt, account } = await setUp(s);
    const add = (approvedById: number, name = 'Buffer') =>
      ({ accountId: account.id, name, purpose: 'analytics', approvedById, approvedOn: on }) as const;
    const notHead = await s.refused('integrations.add', add(slt.id), 'POLICY');
    expect(notHead.message).toContain('Sol Senior is not the Headteacher');
    await s.call('integrations.add', add(head.id));
    const twice = await s.refused('integrations.add', add(head.id, 'buffer'), 'CONFLICT');
    expect(twice.message).toBe('buffer is already recorded as connected to @stmaryspe.');
    await s.call('accounts.setStatus', { id: account.id, status: 'closed', on });
    const closed = await s.refused('integrations.add', add(head.id, 'Hootsuite'), 'POLICY');
    expect(closed.message).toContain('is closed');
    expect(await s.call('integrations.list', { accountId: account.id })).toHaveLength(1);
  });

  it('removes an app with a reason, keeping it as the record', async () => {
    const s = await open();
    const { head, account } = await setUp(s);
    const [buffer] = await s.call('integrations.add', {
      accountId: account.id,
      name: 'Buffer',
      purpose: 'scheduling',
      approvedById: head.id,
      approvedOn: on,
    });
    const after = await s.call('integrations.remove', {
      appId: buffer!.id,
      reason: 'No longer used',
      on: '2025-03-09',
    });
    expect(after[0]).toMatchObject({ removedOn: '2025-03-09', removedReason: 'No longer used' });
    expect((await s.audit('app.removed'))[0]?.details).toEqual({
      app: 'Buffer',
      reason: 'No longer used',
      on: '2025-03-09',
    });
    await s.refused('integrations.remove', { appId: buffer!.id, reason: 'Again', on: '2025-03-10' }, 'CONFLICT');
  });

  it("lists the lead's connected apps for removal in the handover plan, and only theirs", async () => {
    const s = await open();
    const { head, lead, other, account } = await setUp(s);
    for (const name of ['Hootsuite', 'Buffer'])
      await s.call('integrations.add', {
        accountId: account.id,
        name,
        purpose: 'scheduling',
        approvedById: head.id,
        approvedOn: on,
      });
    const plan = await s.call('handover.plan', { personId: lead.id, leavingOn: '2025-07-31' });
    expect(plan.accounts[0]?.connectedApps).toEqual([
      'Buffer (approved by Hana Head, 05/03/2025)',
      'Hootsuite (approved by Hana Head, 05/03/2025)',
    ]);
    // A runner who does not lead it is not asked to remove them.
    const runner = await s.call('handover.plan', { personId: other.id, leavingOn: '2025-07-31' });
    expect(runner.accounts[0]?.connectedApps).toEqual([]);
  });
});
