import { describe, expect, it } from 'vitest';
import type { Account, Person } from '../../../shared/contract';
import { addAccount, addPerson, itemOf, snapshot, today, touchedTables, useHandoverCores } from './world';
import type { Session } from './world';

/**
 * handover.execute: every change in one transaction, each step audited,
 * the person marked leaving or left.
 */
const open = useHandoverCores();

interface World {
  s: Session;
  head: Person;
  sam: Person;
  priya: Person;
  tom: Person;
  /** Sam leads it; Sam, Priya and Tom hold it and run it. */
  pe: Account;
  /** Priya leads it; Priya, Tom and Sam hold it. */
  music: Account;
}

async function world(): Promise<World> {
  const s = await open();
  const head = await addPerson(s, 'Hana Head', { roles: ['headteacher'] });
  const sam = await addPerson(s, 'Sam Sport', { workEmail: 'sam.sport@stmarys.sch.uk' });
  const priya = await addPerson(s, 'Priya PE');
  const tom = await addPerson(s, 'Tom Teacher');
  const pe = await addAccount(s, head, {
    handle: 'StMarysPE',
    lead: sam,
    holders: [sam, priya, tom],
    runners: [sam, priya, tom],
  });
  const music = await addAccount(s, head, { handle: 'StMarysMusic', lead: priya, holders: [priya, tom, sam] });
  return { s, head, sam, priya, tom, pe, music };
}

const execute = (w: World, leavingOn: string, newLeadId = w.priya.id) =>
  w.s.call('handover.execute', {
    personId: w.sam.id,
    leavingOn,
    leads: [{ accountId: w.pe.id, action: 'transfer', newLeadId }],
    acknowledgements: [],
  });

describe('handover.execute', () => {
  it('transfers the lead, removes the holder, requires a rotation and marks the person left', async () => {
    const w = await world();
    const { s, sam, priya, pe, music } = w;
    const handover = await execute(w, today);

    expect(handover).toMatchObject({ person: { id: sam.id, name: 'Sam Sport' }, leavingOn: today, state: 'open' });
    expect((await s.call('accounts.get', { id: pe.id })).lead).toEqual({ id: priya.id, name: 'Priya PE' });
    // Priya already led music; untouched.
    expect((await s.call('accounts.get', { id: music.id })).lead).toEqual({ id: priya.id, name: 'Priya PE' });
    expect(itemOf(handover, 'transfer-lead', pe.id)).toMatchObject({
      summary: 'Lead passed from Sam Sport to Priya PE.',
      done: true,
    });

    for (const account of [pe, music]) {
      const holders = await s.call('holders.list', { accountId: account.id });
      const samRow = holders.find((h) => h.person.id === sam.id)!;
      expect(samRow).toMatchObject({ removedOn: today, removedReason: 'left the school' });
      expect(holders.filter((h) => h.removedOn === null)).toHaveLength(2);
      const after = await s.call('accounts.get', { id: account.id });
      expect(after.holderCount).toBe(2);
      expect(after.rotationRequired?.reason).toBe('holder left: Sam Sport (15/06/2026)');
      expect(itemOf(handover, 'remove-holder', account.id)).toMatchObject({ done: false, rotation: null });
    }
    const rows = await s.call('rotations.list', {});
    expect(rows.map((r) => [r.accountId, r.state]).sort()).toEqual(
      [
        [pe.id, 'required'],
        [music.id, 'required'],
      ].sort(),
    );
    // No longer named to run it; the others still are.
    expect((await s.call('accounts.get', { id: pe.id })).businessCase.runners.map((r) => r.name)).toEqual([
      'Priya PE',
      'Tom Teacher',
    ]);

    const person = (await s.call('people.list', {})).find((p) => p.id === sam.id)!;
    expect(person).toMatchObject({ status: 'left', leftOn: today, leavingOn: today });

    const executed = await s.audit('handover.executed');
    expect(executed).toHaveLength(1);
    expect(executed[0]).toMatchObject({ targetType: 'person', targetId: sam.id, details: { handoverId: handover.id } });
    const transferred = await s.audit('account.lead-transferred');
    expect(transferred.map((e) => [e.targetId, e.details.from, e.details.to])).toEqual([
      [pe.id, 'Sam Sport', 'Priya PE'],
    ]);
    const removed = await s.audit('holder.removed');
    expect(removed.map((e) => e.targetId).sort()).toEqual([pe.id, music.id].sort());
    for (const e of removed) expect(e.details).toMatchObject({ holder: 'Sam Sport', on: today });
    const leftEntries = await s.audit('person.left');
    expect(leftEntries.map((e) => e.targetId)).toEqual([sam.id]);
    expect(await s.audit('person.leaving')).toEqual([]);
    expect((await s.audit('rotation.required')).length).toBeGreaterThanOrEqual(2);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('a leaving date in the past also marks the person left, on that date', async () => {
    const w = await world();
    await execute(w, '2026-06-01');
    const person = (await w.s.call('people.list', {})).find((p) => p.id === w.sam.id)!;
    expect(person).toMatchObject({ status: 'left', leftOn: '2026-06-01' });
    const holders = await w.s.call('holders.list', { accountId: w.pe.id });
    expect(holders.find((h) => h.person.id === w.sam.id)?.removedOn).toBe('2026-06-01');
  });

  it('a future leaving date marks the person leaving, not left, and is scheduled', async () => {
    const w = await world();
    const handover = await execute(w, '2026-07-17');
    expect(handover.state).toBe('scheduled');
    const person = (await w.s.call('people.list', {})).find((p) => p.id === w.sam.id)!;
    expect(person).toMatchObject({ status: 'leaving', leavingOn: '2026-07-17', leftOn: null });
    expect((await w.s.audit('person.leaving')).map((e) => e.targetId)).toEqual([w.sam.id]);
    expect(await w.s.audit('person.left')).toEqual([]);
    const holders = await w.s.call('holders.list', { accountId: w.pe.id });
    expect(holders.find((h) => h.person.id === w.sam.id)?.removedOn).toBe('2026-07-17');
    expect((await w.s.call('accounts.get', { id: w.pe.id })).rotationRequired?.reason).toContain('Sam Sport');
  });

  it('a led account with no decision is refused with INVALID_INPUT and nothing changes', async () => {
    const w = await world();
    const before = snapshot(w.s.core.context.db);
    const error = await w.s.refused(
      'handover.execute',
      { personId: w.sam.id, leavingOn: today, leads: [], acknowledgements: [] },
      'INVALID_INPUT',
    );
    expect(error.message).toContain('@StMarysPE');
    expect(snapshot(w.s.core.context.db)).toBe(before);
  });

  it('a transfer to someone ineligible is refused with POLICY and nothing changes', async () => {
    const w = await world();
    const untrained = await addPerson(w.s, 'Nia NotTrained', { trainingCompletedOn: null });
    const unsigned = await addPerson(w.s, 'Una Unsigned', { policyAcknowledgedOn: null });
    const leaving = await addPerson(w.s, 'Lee Leaving', { status: 'leaving', leavingOn: '2026-07-17' });
    const left = await addPerson(w.s, 'Lou Left', { status: 'left', leftOn: '2026-01-01' });
    const before = snapshot(w.s.core.context.db);
    for (const ineligible of [untrained, unsigned, leaving, left, w.sam]) {
      await w.s.refused(
        'handover.execute',
        {
          personId: w.sam.id,
          leavingOn: today,
          leads: [{ accountId: w.pe.id, action: 'transfer', newLeadId: ineligible.id }],
          acknowledgements: [],
        },
        'POLICY',
      );
      expect(snapshot(w.s.core.context.db)).toBe(before);
    }
    // And the same request to an eligible person goes through.
    await execute(w, today, w.tom.id);
    expect((await w.s.call('accounts.get', { id: w.pe.id })).lead?.id).toBe(w.tom.id);
  });
});

describe('handover.execute is atomic', () => {
  const triggers = [
    {
      // Fires after the lead transfer and the first removed holder were written.
      name: 'the third handover item',
      sql: `CREATE TRIGGER fail_late BEFORE INSERT ON handover_items
              WHEN (SELECT COUNT(*) FROM handover_items) >= 2
              BEGIN SELECT RAISE(ABORT, 'injected'); END`,
    },
    {
      // Fires once the person, the lead and the first holder have been changed and audited.
      name: 'a mid-way audit entry',
      sql: `CREATE TRIGGER fail_late BEFORE INSERT ON audit_log
              WHEN (SELECT COUNT(*) FROM audit_log WHERE details LIKE '%"handoverId"%') >= 3
              BEGIN SELECT RAISE(ABORT, 'injected'); END`,
    },
    {
      name: 'the last audit entry (handover.executed)',
      sql: `CREATE TRIGGER fail_late BEFORE INSERT ON audit_log
              WHEN NEW.action = 'handover.executed'
              BEGIN SELECT RAISE(ABORT, 'injected'); END`,
    },
  ];

  it.each(triggers)('a failure at $name leaves every table as it was', async ({ sql }) => {
    const w = await world();
    const db = w.s.core.context.db;
    db.exec(sql);
    const before = snapshot(db);
    for (const table of touchedTables) expect(before).toContain(`\n${table}\n`);

    const result = await w.s.core.dispatch('handover.execute', {
      personId: w.sam.id,
      leavingOn: today,
      leads: [{ accountId: w.pe.id, action: 'transfer', newLeadId: w.priya.id }],
      acknowledgements: [],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(snapshot(db)).toBe(before);
    expect(db.inTransaction).toBe(false);

    // Without the fault, the very same request succeeds and changes all of it.
    db.exec('DROP TRIGGER fail_late');
    const handover = await execute(w, today);
    expect(handover.items.length).toBeGreaterThanOrEqual(3);
    expect((await w.s.call('accounts.get', { id: w.pe.id })).lead?.id).toBe(w.priya.id);
    expect((await w.s.call('people.get', { id: w.sam.id })).status).toBe('left');
    expect(await w.s.call('handover.list', {})).toHaveLength(1);
    expect((await w.s.call('audit.verify', {})).ok).toBe(true);
  });
});
