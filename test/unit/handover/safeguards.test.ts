import { describe, expect, it } from 'vitest';
import { addAccount, addPerson, useHandoverCores } from './world';

const open = useHandoverCores();

describe('handover safeguards', () => {
  it('refuses to record the same departure twice', async () => {
    const s = await open();
    await addPerson(s, 'Hana Head', { roles: ['headteacher'] });
    const sam = await addPerson(s, 'Sam Sport');
    await addPerson(s, 'Priya PE');
    await s.call('handover.execute', { personId: sam.id, leavingOn: '2026-07-21', leads: [], acknowledgements: [] });
    const error = await s.refused('handover.plan', { personId: sam.id, leavingOn: '2026-07-22' }, 'CONFLICT');
    expect(error.message).toContain('already recorded for Sam Sport');
    expect(await s.call('handover.list', {})).toHaveLength(1);
  });

  it('keeps an earlier urgent password change when a later departure is recorded', async () => {
    const s = await open();
    const head = await addPerson(s, 'Hana Head', { roles: ['headteacher'] });
    const sam = await addPerson(s, 'Sam Sport');
    const priya = await addPerson(s, 'Priya PE');
    const tom = await addPerson(s, 'Tom Teacher');
    const account = await addAccount(s, head, { handle: '@stmaryspe', lead: priya, holders: [sam, priya, tom] });
    await s.call('rotations.reportThreat', { accountId: account.id, reason: 'phishing email clicked' });
    await s.call('handover.execute', { personId: sam.id, leavingOn: '2026-07-21', leads: [], acknowledgements: [] });
    const row = (await s.call('rotations.list', {})).find((r) => r.accountId === account.id)!;
    expect(row.state).toBe('required');
    expect(row.reason).toContain('phishing email clicked');
  });

  it('records a successor only for the administrator', async () => {
    const s = await open();
    await addPerson(s, 'Hana Head', { roles: ['headteacher'] });
    const sam = await addPerson(s, 'Sam Sport');
    const priya = await addPerson(s, 'Priya PE');
    const handover = await s.call('handover.execute', {
      personId: sam.id,
      leavingOn: '2026-06-15',
      leads: [],
      acknowledgements: [],
      successorId: priya.id,
    });
    expect(handover.successor).toBeNull();
    expect((await s.call('people.get', { id: priya.id })).roles).toEqual(['staff']);
  });
});
