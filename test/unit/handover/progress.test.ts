import { describe, expect, it } from 'vitest';
import type { Account, Handover, Person } from '../../../shared/contract';
import { addAccount, addPerson, itemOf, manualClock, rotate, today, useHandoverCores, type Session } from './world';

/**
 * After execution: the handover stays open until every password change is
 * confirmed and every checklist step ticked; closing an account is a
 * checklist; a future departure is scheduled and takes effect on its date.
 */
const open = useHandoverCores();

interface World {
  s: Session;
  head: Person;
  sam: Person;
  priya: Person;
  tom: Person;
  /** Sam leads it; Sam, Priya and Tom hold it. */
  pe: Account;
  /** Sam leads it; Sam, Priya and Tom hold it; its login email is Sam's. */
  sports: Account;
}

async function world(clockAt?: string): Promise<World> {
  const s = await open(clockAt);
  const head = await addPerson(s, 'Hana Head', { roles: ['headteacher'] });
  const sam = await addPerson(s, 'Sam Sport', { workEmail: 'sam.sport@stmarys.sch.uk' });
  const priya = await addPerson(s, 'Priya PE');
  const tom = await addPerson(s, 'Tom Teacher');
  const pe = await addAccount(s, head, { handle: 'StMarysPE', lead: sam, holders: [sam, priya, tom] });
  const sports = await addAccount(s, head, {
    handle: 'StMarysSports',
    platform: 'facebook',
    lead: sam,
    holders: [sam, priya, tom],
    loginEmail: 'sam.sport@stmarys.sch.uk',
  });
  return { s, head, sam, priya, tom, pe, sports };
}

const get = (s: Session, h: Handover) => s.call('handover.get', { id: h.id });
const tick = (s: Session, itemId: number, step: string, done = true) => s.call('handover.tick', { itemId, step, done });

describe('handover progress', () => {
  it('stays open until each password change is confirmed and each step ticked, then closes', async () => {
    const w = await world();
    const { s, pe, sports } = w;
    let h = await s.call('handover.execute', {
      personId: w.sam.id,
      leavingOn: today,
      leads: [
        { accountId: pe.id, action: 'transfer', newLeadId: w.priya.id },
        { accountId: sports.id, action: 'transfer', newLeadId: w.tom.id },
      ],
      acknowledgements: [],
    });
    expect(h.items.map((i) => `${i.kind}:${i.accountId}`).sort()).toEqual(
      [
        `transfer-lead:${pe.id}`,
        `remove-holder:${pe.id}`,
        `transfer-lead:${sports.id}`,
        `remove-holder:${sports.id}`,
        `move-email:${sports.id}`,
      ].sort(),
    );
    expect(itemOf(h, 'move-email', sports.id)).toMatchObject({
      done: false,
      steps: [{ step: 'email-moved', label: 'Change the login email to a generic school address', doneOn: null }],
    });
    expect(h).toMatchObject({ state: 'open', remaining: 3, closedAt: null });

    s.clock.set('2026-06-16T10:00:00.000Z');
    await rotate(s, pe.id);
    h = await get(s, h);
    expect(itemOf(h, 'remove-holder', pe.id)).toMatchObject({
      done: true,
      rotation: { confirmedAt: '2026-06-16T10:00:00.000Z', confirmedBy: 'Alex Admin' },
    });
    expect(itemOf(h, 'remove-holder', sports.id).done).toBe(false);
    expect(h).toMatchObject({ state: 'open', remaining: 2 });

    h = await tick(s, itemOf(h, 'move-email', sports.id).id, 'email-moved');
    expect(itemOf(h, 'move-email', sports.id)).toMatchObject({ done: true, steps: [{ doneOn: '2026-06-16' }] });
    expect(h).toMatchObject({ state: 'open', remaining: 1 });

    s.clock.set('2026-06-17T11:30:00.000Z');
    await rotate(s, sports.id);
    h = await get(s, h);
    expect(h).toMatchObject({ state: 'closed', remaining: 0, closedAt: '2026-06-17T11:30:00.000Z' });
    expect((await s.call('handover.list', {})).map((x) => [x.id, x.state])).toEqual([[h.id, 'closed']]);
  });

  it('a password change made before the holder was removed does not count', async () => {
    const w = await world();
    const { s, pe } = w;
    s.clock.set('2026-06-15T08:00:00.000Z');
    await rotate(s, pe.id);
    s.clock.set('2026-06-15T09:00:00.000Z');
    const h = await s.call('handover.execute', {
      personId: w.sam.id,
      leavingOn: today,
      leads: [
        { accountId: pe.id, action: 'transfer', newLeadId: w.priya.id },
        { accountId: w.sports.id, action: 'close' },
      ],
      acknowledgements: [],
    });
    expect(itemOf(h, 'remove-holder', pe.id)).toMatchObject({ done: false, rotation: null });
  });

  it('ticking the three closing steps closes the account, which makes its password change moot; unticking works', async () => {
    const w = await world();
    const { s, pe, sports } = w;
    let h = await s.call('handover.execute', {
      personId: w.sam.id,
      leavingOn: today,
      leads: [
        { accountId: pe.id, action: 'transfer', newLeadId: w.priya.id },
        { accountId: sports.id, action: 'close' },
      ],
      acknowledgements: [],
    });
    const closing = itemOf(h, 'close-account', sports.id);
    expect(closing.steps.map((st) => [st.step, st.doneOn])).toEqual([
      ['archive-downloaded', null],
      ['deactivated', null],
      ['website-links-removed', null],
    ]);
    expect(closing.summary).toContain('To be closed');
    expect((await s.audit('account.closing')).map((e) => e.targetId)).toEqual([sports.id]);

    // Two of three: still active, the password change still needed.
    s.clock.set('2026-06-18T09:00:00.000Z');
    await tick(s, closing.id, 'archive-downloaded');
    h = await tick(s, closing.id, 'deactivated');
    expect(itemOf(h, 'close-account', sports.id).steps.map((st) => st.doneOn)).toEqual([
      '2026-06-18',
      '2026-06-18',
      null,
    ]);
    expect((await s.call('accounts.get', { id: sports.id })).status).not.toBe('closed');
    expect(itemOf(h, 'remove-holder', sports.id).done).toBe(false);

    // Unticking clears the step.
    h = await tick(s, closing.id, 'deactivated', false);
    expect(itemOf(h, 'close-account', sports.id).steps.map((st) => st.doneOn)).toEqual(['2026-06-18', null, null]);
    expect((await s.audit('handover.step-undone')).length).toBe(1);

    // A step that belongs to another kind of item is refused, and ticks nothing.
    await s.refused('handover.tick', { itemId: closing.id, step: 'email-moved', done: true }, 'INVALID_INPUT');
    await s.refused(
      'handover.tick',
      { itemId: itemOf(h, 'remove-holder', pe.id).id, step: 'deactivated', done: true },
      'INVALID_INPUT',
    );
    await s.refused('handover.tick', { itemId: 99999, step: 'deactivated', done: true }, 'NOT_FOUND');
    h = await get(s, h);
    expect(itemOf(h, 'move-email', sports.id).steps.map((st) => st.doneOn)).toEqual([null]);
    expect(itemOf(h, 'remove-holder', pe.id).steps).toEqual([]);

    s.clock.set('2026-06-19T09:00:00.000Z');
    await tick(s, closing.id, 'deactivated');
    h = await tick(s, closing.id, 'website-links-removed');
    const account = await s.call('accounts.get', { id: sports.id });
    expect(account).toMatchObject({ status: 'closed', statusChangedOn: '2026-06-19' });
    expect(itemOf(h, 'close-account', sports.id).done).toBe(true);
    expect(itemOf(h, 'remove-holder', sports.id)).toMatchObject({ done: true, rotation: null });
    expect((await s.audit('account.status-changed')).map((e) => [e.targetId, e.details.to])).toEqual([
      [sports.id, 'closed'],
    ]);
    // A closed account is off the Rotations page.
    expect((await s.call('rotations.list', {})).map((r) => r.accountId)).toEqual([pe.id]);
    // Still open: the email step and @StMarysPE's password.
    expect(h).toMatchObject({ state: 'open', remaining: 2 });

    h = await tick(s, itemOf(h, 'move-email', sports.id).id, 'email-moved');
    await rotate(s, pe.id);
    h = await get(s, h);
    expect(h).toMatchObject({ state: 'closed', remaining: 0 });

    // Unticking a step reopens the handover.
    h = await tick(s, itemOf(h, 'move-email', sports.id).id, 'email-moved', false);
    expect(h).toMatchObject({ state: 'open', remaining: 1, closedAt: null });
  });

  it('a future departure is scheduled; the rotation is not required until the leaving date', async () => {
    const w = await world();
    const { s, pe, sports } = w;
    const leavingOn = '2026-07-10';
    let h = await s.call('handover.execute', {
      personId: w.sam.id,
      leavingOn,
      leads: [
        { accountId: pe.id, action: 'transfer', newLeadId: w.priya.id },
        { accountId: sports.id, action: 'transfer', newLeadId: w.tom.id },
      ],
      acknowledgements: [],
    });
    expect(h.state).toBe('scheduled');
    expect((await s.call('handover.list', {})).map((x) => x.state)).toEqual(['scheduled']);

    const stateOf = async (accountId: number) =>
      (await s.call('rotations.list', {})).find((r) => r.accountId === accountId)!;
    const early = await stateOf(pe.id);
    expect(early).toMatchObject({ state: 'ok', dueBy: leavingOn });
    expect(early.reason).toContain('Sam Sport');

    s.clock.set('2026-07-01T09:00:00.000Z');
    expect((await stateOf(pe.id)).state).toBe('due-soon');
    expect((await get(s, h)).state).toBe('scheduled');

    s.clock.set('2026-07-10T09:00:00.000Z');
    expect((await stateOf(pe.id)).state).toBe('required');
    expect((await stateOf(sports.id)).state).toBe('required');
    h = await get(s, h);
    expect(h.state).toBe('open');

    // A change confirmed on or after the leaving date completes the item.
    await rotate(s, pe.id);
    expect(itemOf(await get(s, h), 'remove-holder', pe.id).done).toBe(true);
  });

  it('a future departure with nothing left to do is still scheduled until its date', async () => {
    const s = await open();
    const head = await addPerson(s, 'Hana Head', { roles: ['headteacher'] });
    const sam = await addPerson(s, 'Sam Sport');
    const priya = await addPerson(s, 'Priya PE');
    const tom = await addPerson(s, 'Tom Teacher');
    // Sam leads it but does not know the password.
    const pe = await addAccount(s, head, { handle: 'StMarysPE', lead: sam, holders: [priya, tom] });
    const h = await s.call('handover.execute', {
      personId: sam.id,
      leavingOn: '2026-07-10',
      leads: [{ accountId: pe.id, action: 'transfer', newLeadId: priya.id }],
      acknowledgements: [],
    });
    expect(h).toMatchObject({ state: 'scheduled', remaining: 0, closedAt: null });
    s.clock.set('2026-07-10T09:00:00.000Z');
    expect((await get(s, h)).state).toBe('closed');
  });

  it('core.start() after the leaving date marks the person left and audits it', async () => {
    const w = await world();
    const leavingOn = '2026-07-10';
    const h = await w.s.call('handover.execute', {
      personId: w.sam.id,
      leavingOn,
      leads: [
        { accountId: w.pe.id, action: 'transfer', newLeadId: w.priya.id },
        { accountId: w.sports.id, action: 'transfer', newLeadId: w.tom.id },
      ],
      acknowledgements: [],
    });
    // A restart before the date changes nothing.
    let s = await w.s.reopen(manualClock('2026-07-09T20:00:00.000Z'));
    expect((await s.call('people.get', { id: w.sam.id })).status).toBe('leaving');
    expect(await s.audit('person.left')).toEqual([]);

    s = await s.reopen(manualClock('2026-07-10T06:30:00.000Z'));
    const sam = await s.call('people.get', { id: w.sam.id });
    expect(sam).toMatchObject({ status: 'left', leftOn: leavingOn });
    const left = await s.audit('person.left');
    expect(left.map((e) => [e.targetId, e.details.leftOn])).toEqual([[w.sam.id, leavingOn]]);
    expect((await s.call('handover.get', { id: h.id })).state).toBe('open');
    // Holders still on the account are shown to have left.
    expect((await s.call('holders.list', { accountId: w.pe.id })).filter((x) => x.person.id === w.sam.id)).toEqual([
      expect.objectContaining({ removedOn: leavingOn }),
    ]);
  });

  it('the daily tick applies a departure whose date has passed, without a restart', async () => {
    const w = await world();
    await w.s.call('handover.execute', {
      personId: w.sam.id,
      leavingOn: '2026-06-20',
      leads: [
        { accountId: w.pe.id, action: 'transfer', newLeadId: w.priya.id },
        { accountId: w.sports.id, action: 'close' },
      ],
      acknowledgements: [],
    });
    w.s.core.tick();
    expect((await w.s.call('people.get', { id: w.sam.id })).status).toBe('leaving');
    w.s.clock.set('2026-06-21T09:00:00.000Z');
    w.s.core.tick();
    expect((await w.s.call('people.get', { id: w.sam.id })).status).toBe('left');
    expect(await w.s.audit('person.left')).toHaveLength(1);
  });
});
