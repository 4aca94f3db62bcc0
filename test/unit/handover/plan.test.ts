import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/contract';
import { addAccount, addPerson, snapshot, today, useHandoverCores, type Session } from './world';

/**
 * handover.plan: what a departure means for each account, before anything
 * is written (issue 6, "Record departure").
 */
const open = useHandoverCores();

interface Staff {
  s: Session;
  head: Person;
  sam: Person;
  priya: Person;
  tom: Person;
}

async function staff(): Promise<Staff> {
  const s = await open();
  const head = await addPerson(s, 'Hana Head', { roles: ['headteacher'] });
  const sam = await addPerson(s, 'Sam Sport', { workEmail: 'Sam.Sport@StMarys.sch.uk' });
  const priya = await addPerson(s, 'Priya PE');
  const tom = await addPerson(s, 'Tom Teacher');
  return { s, head, sam, priya, tom };
}

/** The single element of a list; fails the test if there is not exactly one. */
function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

const planFor = (s: Session, person: Person, leavingOn = today) =>
  s.call('handover.plan', { personId: person.id, leavingOn });

describe('handover.plan', () => {
  it('a lead with two accounts: both are listed as led and held, with eligible new leads', async () => {
    const { s, head, sam, priya, tom } = await staff();
    const pe = await addAccount(s, head, { handle: 'StMarysPE', lead: sam, holders: [sam, priya, tom] });
    const fb = await addAccount(s, head, {
      handle: 'StMarysSports',
      platform: 'facebook',
      lead: sam,
      holders: [sam, priya, tom],
    });
    // Not Sam's: must not appear.
    await addAccount(s, head, { handle: 'StMarysMusic', lead: priya, holders: [priya, tom] });

    const before = snapshot(s.core.context.db);
    const plan = await planFor(s, sam);
    expect(snapshot(s.core.context.db)).toBe(before);

    expect(plan.person).toEqual({ id: sam.id, name: 'Sam Sport', isAdministrator: false });
    expect(plan.leavingOn).toBe(today);
    expect(plan.accounts.map((a) => a.accountId).sort()).toEqual([pe.id, fb.id].sort());
    for (const account of plan.accounts) {
      expect(account).toMatchObject({ leads: true, holds: true, emailIsTheirs: false, holdersAfter: 2, blocking: [] });
      expect(account.candidates.map((c) => c.name).sort()).toEqual(['Hana Head', 'Priya PE', 'Tom Teacher']);
    }
    expect(plan.successorCandidates.map((p) => p.name)).toEqual(['Hana Head', 'Priya PE', 'Tom Teacher']);
  });

  it('a holder only: listed as held, not led, with the holders left after', async () => {
    const { s, head, sam, priya, tom } = await staff();
    const pe = await addAccount(s, head, { handle: 'StMarysPE', lead: priya, holders: [priya, sam, tom] });
    const plan = await planFor(s, sam);
    expect(plan.accounts).toHaveLength(1);
    expect(plan.accounts[0]).toMatchObject({
      accountId: pe.id,
      label: '@StMarysPE',
      leads: false,
      holds: true,
      emailIsTheirs: false,
      holdersAfter: 2,
      blocking: [],
    });
  });

  it('an account whose login email is their work email, in any case, is flagged even if they neither lead nor hold it', async () => {
    const { s, head, sam, priya, tom } = await staff();
    const own = await addAccount(s, head, {
      handle: 'StMarysSports',
      platform: 'facebook',
      lead: priya,
      holders: [priya, tom],
      loginEmail: 'SAM.SPORT@stmarys.SCH.uk',
    });
    const generic = await addAccount(s, head, {
      handle: 'StMarysPE',
      lead: priya,
      holders: [priya, tom, sam],
      loginEmail: 'socialmedia@stmarys.sch.uk',
    });
    const plan = await planFor(s, sam);
    const byId = new Map(plan.accounts.map((a) => [a.accountId, a]));
    expect(byId.get(own.id)).toMatchObject({ leads: false, holds: false, emailIsTheirs: true });
    expect(byId.get(generic.id)).toMatchObject({ holds: true, emailIsTheirs: false });

    // Keyholder stores both in lower case, but rows written by older versions or by hand may not be.
    const db = s.core.context.db;
    db.prepare('UPDATE people SET work_email = ? WHERE id = ?').run('Sam.Sport@StMarys.sch.uk', sam.id);
    db.prepare('UPDATE accounts SET login_email = ? WHERE id = ?').run('SAM.SPORT@STMARYS.SCH.UK', own.id);
    const mixed = await planFor(s, sam);
    expect(mixed.accounts.find((a) => a.accountId === own.id)?.emailIsTheirs).toBe(true);
    expect(mixed.accounts.find((a) => a.accountId === generic.id)?.emailIsTheirs).toBe(false);

    // A person with no work email never matches an account with no login email.
    const blank = await addPerson(s, 'Bea Blank');
    await addAccount(s, head, { handle: 'NoEmail', lead: priya, holders: [priya, blank] });
    const blankPlan = await planFor(s, blank);
    expect(blankPlan.accounts.map((a) => a.emailIsTheirs)).toEqual([false]);
  });

  it('a departure that leaves one person knowing the password is blocking, and execute is refused unless acknowledged or closed', async () => {
    const { s, head, sam, priya } = await staff();
    const fb = await addAccount(s, head, { handle: 'StMarysSports', lead: sam, holders: [sam, priya] });
    const plan = await planFor(s, sam);
    expect(only(plan.accounts).holdersAfter).toBe(1);
    expect(only(plan.accounts).blocking).toEqual([
      'Only 1 named person will know the password; the policy wants at least 2.',
    ]);

    const decision = { accountId: fb.id, action: 'transfer' as const, newLeadId: priya.id };
    const before = snapshot(s.core.context.db);
    const refused = await s.refused(
      'handover.execute',
      { personId: sam.id, leavingOn: today, leads: [decision], acknowledgements: [] },
      'POLICY',
    );
    expect(refused.message).toContain('Only 1 named person');
    // A blank reason is no acknowledgement.
    await s.refused(
      'handover.execute',
      { personId: sam.id, leavingOn: today, leads: [decision], acknowledgements: [{ accountId: fb.id, reason: '  ' }] },
      'INVALID_INPUT',
    );
    // Acknowledging a different account does not count.
    const other = await addAccount(s, head, { handle: 'Other', lead: priya, holders: [priya] });
    const before2 = snapshot(s.core.context.db);
    await s.refused(
      'handover.execute',
      {
        personId: sam.id,
        leavingOn: today,
        leads: [decision],
        acknowledgements: [{ accountId: other.id, reason: 'Not this one' }],
      },
      'POLICY',
    );
    expect(snapshot(s.core.context.db)).toBe(before2);
    expect(before2).not.toBe(before);

    const done = await s.call('handover.execute', {
      personId: sam.id,
      leavingOn: today,
      leads: [decision],
      acknowledgements: [{ accountId: fb.id, reason: 'Tom is being trained next week' }],
    });
    const ack = done.items.find((i) => i.kind === 'acknowledged');
    expect(ack?.accountId).toBe(fb.id);
    expect(ack?.summary).toContain('Acknowledged: Tom is being trained next week');
    const audited = await s.audit('handover.acknowledged');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ targetId: fb.id, details: { reason: 'Tom is being trained next week' } });
  });

  it('closing the account is enough to go ahead without an acknowledgement', async () => {
    const { s, head, sam, priya } = await staff();
    const fb = await addAccount(s, head, { handle: 'StMarysSports', lead: sam, holders: [sam, priya] });
    expect(only((await planFor(s, sam)).accounts).blocking).toHaveLength(1);
    const done = await s.call('handover.execute', {
      personId: sam.id,
      leavingOn: today,
      leads: [{ accountId: fb.id, action: 'close' }],
      acknowledgements: [],
    });
    expect(done.items.map((i) => i.kind).sort()).toEqual(['close-account', 'remove-holder']);
  });

  it('lead and sole holder: blocking; new leads offered holders first; ineligible staff never offered', async () => {
    const { s, head, sam, priya, tom } = await staff();
    // Alphabetically Zara comes last, but she already holds the second account.
    const zara = await addPerson(s, 'Zara Zed');
    const adam = await addPerson(s, 'Adam Ash');
    const untrained = await addPerson(s, 'Nia NotTrained', { trainingCompletedOn: null });
    const unsigned = await addPerson(s, 'Una Unsigned', { policyAcknowledgedOn: null });
    const leaving = await addPerson(s, 'Lee Leaving', { status: 'leaving', leavingOn: '2026-07-17' });
    const left = await addPerson(s, 'Lou Left', { status: 'left', leftOn: '2026-01-01' });
    const sole = await addAccount(s, head, { handle: 'SoleAccount', lead: sam, holders: [sam] });
    const shared = await addAccount(s, head, {
      handle: 'SharedAccount',
      lead: sam,
      holders: [sam, zara, untrained],
      password: false,
    });
    // Past the limit of three, and someone leaving cannot be made a holder: add these by hand.
    const insert = s.core.context.db.prepare(
      "INSERT INTO account_holders (account_id, person_id, authorised_by, authorised_on, added_on, override_reason) VALUES (?, ?, ?, '2025-09-04', '2025-09-04', 'test')",
    );
    for (const p of [unsigned, leaving]) insert.run(shared.id, p.id, head.id);

    const plan = await planFor(s, sam);
    const soleRow = plan.accounts.find((a) => a.accountId === sole.id)!;
    expect(soleRow).toMatchObject({ leads: true, holds: true, holdersAfter: 0 });
    expect(soleRow.blocking).toEqual(['Only 0 named people will know the password; the policy wants at least 2.']);
    expect(soleRow.candidates.every((c) => !c.holder)).toBe(true);

    const sharedRow = plan.accounts.find((a) => a.accountId === shared.id)!;
    expect(sharedRow.candidates).toEqual([
      { id: zara.id, name: 'Zara Zed', holder: true, runner: false },
      { id: adam.id, name: 'Adam Ash', holder: false, runner: false },
      { id: head.id, name: 'Hana Head', holder: false, runner: false },
      { id: priya.id, name: 'Priya PE', holder: false, runner: false },
      { id: tom.id, name: 'Tom Teacher', holder: false, runner: false },
    ]);
    const ineligible = [untrained, unsigned, leaving, left, sam].map((p) => p.id);
    for (const row of plan.accounts) expect(row.candidates.filter((c) => ineligible.includes(c.id))).toEqual([]);
    expect(plan.successorCandidates.filter((c) => ineligible.includes(c.id))).toEqual([]);
    expect(plan.successorCandidates).toContainEqual({ id: adam.id, name: 'Adam Ash' });

    // Transferring the sole account still needs an acknowledgement: nobody else knows its password.
    const before = snapshot(s.core.context.db);
    await s.refused(
      'handover.execute',
      {
        personId: sam.id,
        leavingOn: today,
        leads: [
          { accountId: sole.id, action: 'transfer', newLeadId: adam.id },
          { accountId: shared.id, action: 'transfer', newLeadId: zara.id },
        ],
        acknowledgements: [],
      },
      'POLICY',
    );
    expect(snapshot(s.core.context.db)).toBe(before);
  });

  it('nobody eligible to take over a led account is itself a blocking reason', async () => {
    const s = await open();
    const head = await addPerson(s, 'Hana Head', { roles: ['headteacher'], trainingCompletedOn: null });
    const sam = await addPerson(s, 'Sam Sport');
    const other = await addPerson(s, 'Otto Other', { policyAcknowledgedOn: null });
    await addAccount(s, head, { handle: 'Alone', lead: sam, holders: [sam, other, head] });
    const plan = await planFor(s, sam);
    expect(only(plan.accounts).candidates).toEqual([]);
    expect(only(plan.accounts).blocking).toEqual([
      'Nobody eligible (at the school, signed the policy, trained) can take over as lead.',
    ]);
  });

  it('someone who has already left cannot be planned again', async () => {
    const { s, head, sam, priya, tom } = await staff();
    await addAccount(s, head, { handle: 'StMarysPE', lead: priya, holders: [priya, tom, sam] });
    await s.call('handover.execute', { personId: sam.id, leavingOn: today, leads: [], acknowledgements: [] });
    await s.refused('handover.plan', { personId: sam.id, leavingOn: today }, 'CONFLICT');
  });
});
