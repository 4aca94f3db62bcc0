import { describe, expect, it } from 'vitest';
import { addAccount, addPerson, itemOf, today, useHandoverCores } from './world';

/** The account administrator's own departure: hand over the role and an encrypted backup. */
const open = useHandoverCores();

async function world() {
  const s = await open();
  const head = await addPerson(s, 'Hana Head', { roles: ['headteacher'] });
  const ada = await addPerson(s, 'Ada Admin', { roles: ['administrator', 'staff'] });
  const sue = await addPerson(s, 'Sue Successor', { roles: ['slt'] });
  const tom = await addPerson(s, 'Tom Teacher');
  const untrained = await addPerson(s, 'Nia NotTrained', { trainingCompletedOn: null });
  const pe = await addAccount(s, head, { handle: 'StMarysPE', lead: tom, holders: [ada, tom, sue] });
  return { s, head, ada, sue, tom, untrained, pe };
}

describe("the administrator's own departure", () => {
  it('the plan knows they are the administrator and offers only eligible successors', async () => {
    const { s, ada, sue, tom, head, untrained } = await world();
    const plan = await s.call('handover.plan', { personId: ada.id, leavingOn: today });
    expect(plan.person).toEqual({ id: ada.id, name: 'Ada Admin', isAdministrator: true });
    expect(plan.successorCandidates).toEqual([
      { id: head.id, name: 'Hana Head' },
      { id: sue.id, name: 'Sue Successor' },
      { id: tom.id, name: 'Tom Teacher' },
    ]);
    expect(plan.successorCandidates.map((p) => p.id)).not.toContain(untrained.id);
    const staffPlan = await s.call('handover.plan', { personId: tom.id, leavingOn: today });
    expect(staffPlan.person.isAdministrator).toBe(false);
  });

  it('the successor gets the administrator role; the backup step is still to do', async () => {
    const { s, ada, sue, pe } = await world();
    let h = await s.call('handover.execute', {
      personId: ada.id,
      leavingOn: today,
      leads: [],
      acknowledgements: [],
      successorId: sue.id,
    });
    expect(h.successor).toEqual({ id: sue.id, name: 'Sue Successor' });
    expect((await s.call('people.get', { id: sue.id })).roles.sort()).toEqual(['administrator', 'slt']);
    const role = itemOf(h, 'administrator-role', null);
    expect(role).toMatchObject({ label: 'Administrator role', done: false });
    expect(role.summary).toBe('Ada Admin hands the account administrator role to Sue Successor.');
    expect(role.steps.map((st) => [st.step, st.doneOn])).toEqual([
      ['successor-chosen', today],
      ['backup-made', null],
    ]);
    const updated = await s.audit('person.updated');
    expect(updated.map((e) => [e.targetLabel, e.details.reason])).toEqual([
      ['Sue Successor', 'successor as account administrator'],
    ]);
    expect(itemOf(h, 'remove-holder', pe.id).done).toBe(false);

    h = await s.call('handover.tick', { itemId: role.id, step: 'backup-made', done: true });
    expect(itemOf(h, 'administrator-role', null).done).toBe(true);
    expect(h).toMatchObject({ state: 'open', remaining: 1 });
  });

  it('without a successor the role item lists both steps as still to do, and nobody gains the role', async () => {
    const { s, ada, sue, tom } = await world();
    const h = await s.call('handover.execute', { personId: ada.id, leavingOn: today, leads: [], acknowledgements: [] });
    expect(h.successor).toBeNull();
    const role = itemOf(h, 'administrator-role', null);
    expect(role.summary).toContain('choose a successor');
    expect(role.steps.map((st) => st.doneOn)).toEqual([null, null]);
    for (const p of [sue, tom]) expect((await s.call('people.get', { id: p.id })).roles).not.toContain('administrator');
  });

  it('a staff member who is not the administrator gets no role item', async () => {
    const { s, tom, sue, pe } = await world();
    const h = await s.call('handover.execute', {
      personId: tom.id,
      leavingOn: today,
      leads: [{ accountId: pe.id, action: 'transfer', newLeadId: sue.id }],
      acknowledgements: [],
    });
    expect(h.items.filter((i) => i.kind === 'administrator-role')).toEqual([]);
    expect(h.items.map((i) => i.kind).sort()).toEqual(['remove-holder', 'transfer-lead']);
  });
});

describe('the successor must be eligible', () => {
  it('a successor who is not trained, has left, or is the person leaving is refused and nothing changes', async () => {
    const { s, ada, untrained } = await world();
    const left = await addPerson(s, 'Lou Left', { status: 'left', leftOn: '2026-01-01' });
    const before = s.core.context.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number };
    for (const successor of [untrained, left, ada]) {
      await s.refused(
        'handover.execute',
        { personId: ada.id, leavingOn: today, leads: [], acknowledgements: [], successorId: successor.id },
        'POLICY',
      );
      expect((await s.call('people.get', { id: successor.id })).roles.includes('administrator')).toBe(
        successor.id === ada.id,
      );
    }
    expect(await s.call('handover.list', {})).toEqual([]);
    expect((await s.call('people.get', { id: ada.id })).status).toBe('active');
    expect(s.count('SELECT COUNT(*) AS n FROM audit_log')).toBe(before.n);
  });
});
