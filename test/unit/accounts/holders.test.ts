import { describe, expect, it } from 'vitest';
import { today, useRegister, type Session } from './harness';

/**
 * Named holders (DOMAIN.md rules 1 and 3): who knows the password, who
 * authorised them, the "known to only three people" limit with a written
 * override, and removal that forces a password change.
 */
const open = useRegister();
const authorisedOn = '2025-03-01';

async function setUp(s: Session) {
  const head = await s.person('Hana Head', { roles: ['headteacher'] });
  const staff = await Promise.all(['Ash One', 'Bo Two', 'Cy Three', 'Di Four', 'Ed Five'].map((n) => s.person(n)));
  const account = await s.account('@StMarys');
  const add = (personId: number, overrideReason?: string) =>
    s.call('holders.add', {
      accountId: account.id,
      personId,
      authorisedById: head.id,
      authorisedOn,
      ...(overrideReason === undefined ? {} : { overrideReason }),
    });
  return { head, staff, account, add };
}

describe('holders.add', () => {
  it('records the holder, who authorised them and when, and audits holder.added', async () => {
    const s = await open();
    const { head, staff, account, add } = await setUp(s);
    const holders = await add(staff[0]!.id);
    expect(holders).toEqual([
      {
        id: expect.any(Number),
        accountId: account.id,
        person: { id: staff[0]!.id, name: 'Ash One', status: 'active' },
        authorisedBy: { id: head.id, name: 'Hana Head' },
        authorisedOn,
        addedOn: today,
        accessEndsOn: null,
        overrideReason: '',
        removedOn: null,
        removedReason: null,
        warnings: [],
      },
    ]);
    expect((await s.call('accounts.get', { id: account.id })).holderCount).toBe(1);
    const [entry] = await s.audit('holder.added');
    expect(entry).toMatchObject({
      targetId: account.id,
      details: { holder: 'Ash One', authorisedBy: 'Hana Head', authorisedOn, holderId: holders[0]!.id },
    });
    expect(entry?.details).not.toHaveProperty('overrideReason');
  });

  it('dates the addition in the school’s time zone, not UTC', async () => {
    // 00:30 on 11 June in London is still 10 June in UTC.
    const s = await open({ clock: { now: () => new Date('2025-06-10T23:30:00.000Z') } });
    const { staff, add } = await setUp(s);
    const [holder] = await add(staff[0]!.id);
    expect(holder?.addedOn).toBe('2025-06-11');
    expect((await s.call('people.get', { id: staff[0]!.id })).holds[0]?.since).toBe('2025-06-11');
  });

  it.each([
    ['leaving', { status: 'leaving' as const, leavingOn: '2025-07-18' }, 'leaving the school'],
    ['left', { status: 'left' as const, leftOn: '2025-01-01' }, 'no longer at the school'],
  ])('refuses a person who is %s', async (_label, status, message) => {
    const s = await open();
    const { account, head } = await setUp(s);
    const person = await s.person('Pat Moving', status);
    const before = s.count('audit_log');
    const error = await s.refused(
      'holders.add',
      { accountId: account.id, personId: person.id, authorisedById: head.id, authorisedOn },
      'POLICY',
    );
    expect(error.message).toContain(`Pat Moving is ${message}`);
    expect(s.count('account_holders')).toBe(0);
    expect(s.count('audit_log')).toBe(before);
  });

  it('refuses an authoriser who is not the Headteacher or SLT, or who has left', async () => {
    const s = await open();
    const { staff, account } = await setUp(s);
    const formerHead = await s.person('Old Head', { roles: ['headteacher'], status: 'left', leftOn: '2024-08-31' });
    const admin = await s.person('Ada Admin', { roles: ['administrator'] });
    for (const authoriser of [staff[1]!, admin, formerHead]) {
      const error = await s.refused(
        'holders.add',
        { accountId: account.id, personId: staff[0]!.id, authorisedById: authoriser.id, authorisedOn },
        'POLICY',
      );
      expect(error.message).toContain(authoriser.name);
      expect(error.message).toContain('cannot authorise a holder');
    }
    expect(s.count('account_holders')).toBe(0);
  });

  it('accepts an SLT member as authoriser', async () => {
    const s = await open();
    const { staff, account } = await setUp(s);
    const slt = await s.person('Sol Senior', { roles: ['slt'] });
    const holders = await s.call('holders.add', {
      accountId: account.id,
      personId: staff[0]!.id,
      authorisedById: slt.id,
      authorisedOn,
    });
    expect(holders[0]?.authorisedBy).toEqual({ id: slt.id, name: 'Sol Senior' });
  });

  it('refuses adding the same person twice with CONFLICT', async () => {
    const s = await open();
    const { staff, account, head } = await setUp(s);
    await s.call('holders.add', {
      accountId: account.id,
      personId: staff[0]!.id,
      authorisedById: head.id,
      authorisedOn,
    });
    const error = await s.refused(
      'holders.add',
      { accountId: account.id, personId: staff[0]!.id, authorisedById: head.id, authorisedOn },
      'CONFLICT',
    );
    expect(error.message).toContain('Ash One already knows the password');
    expect(s.count('account_holders')).toBe(1);
  });

  it('refuses a 4th holder with POLICY, explaining the limit, and writes nothing', async () => {
    const s = await open();
    const { staff, account, head, add } = await setUp(s);
    for (const person of staff.slice(0, 3)) await add(person.id);
    const holders = s.count('account_holders');
    const entries = s.count('audit_log');
    const error = await s.refused(
      'holders.add',
      { accountId: account.id, personId: staff[3]!.id, authorisedById: head.id, authorisedOn },
      'POLICY',
    );
    expect(error.message).toContain('already has 3 named holders');
    expect(error.message).toContain('the policy allows 3 ("known to only three people")');
    expect(error.message).toContain('Di Four was not added');
    expect(error.message).toContain('give a written reason');
    expect(s.count('account_holders')).toBe(holders);
    expect(s.count('audit_log')).toBe(entries);
    expect((await s.call('holders.list', { accountId: account.id })).map((h) => h.person.name)).toEqual([
      'Ash One',
      'Bo Two',
      'Cy Three',
    ]);
  });

  it('treats a blank override reason as none', async () => {
    const s = await open();
    const { staff, account, head, add } = await setUp(s);
    for (const person of staff.slice(0, 3)) await add(person.id);
    await s.refused(
      'holders.add',
      { accountId: account.id, personId: staff[3]!.id, authorisedById: head.id, authorisedOn, overrideReason: '  ' },
      'POLICY',
    );
    expect(s.count('account_holders')).toBe(3);
  });

  it('allows a 4th holder with an override reason, storing and auditing it', async () => {
    const s = await open();
    const { staff, account, add } = await setUp(s);
    for (const person of staff.slice(0, 3)) await add(person.id);
    const reason = 'Cover for the SGO during the tournament';
    const holders = await add(staff[3]!.id, reason);
    expect(holders).toHaveLength(4);
    expect(holders.find((h) => h.person.id === staff[3]!.id)?.overrideReason).toBe(reason);
    expect(holders.filter((h) => h.overrideReason !== '')).toHaveLength(1);
    expect((await s.call('accounts.get', { id: account.id })).holderCount).toBe(4);
    const entries = await s.audit('holder.added');
    expect(entries[0]?.details).toMatchObject({ holder: 'Di Four', overrideReason: reason, limit: 3 });
    expect(entries.slice(1).every((e) => !('overrideReason' in e.details))).toBe(true);
  });

  it('ignores an override reason given while under the limit', async () => {
    const s = await open();
    const { staff, add } = await setUp(s);
    const holders = await add(staff[0]!.id, 'Not needed');
    expect(holders[0]?.overrideReason).toBe('');
  });

  it('follows settings.maxHolders: with 4 allowed, a 4th needs no override but a 5th does', async () => {
    const s = await open();
    const { staff, account, head, add } = await setUp(s);
    await s.call('settings.update', { maxHolders: 4 });
    for (const person of staff.slice(0, 4)) await add(person.id);
    expect(s.count('account_holders')).toBe(4);
    const error = await s.refused(
      'holders.add',
      { accountId: account.id, personId: staff[4]!.id, authorisedById: head.id, authorisedOn },
      'POLICY',
    );
    expect(error.message).toContain('the policy allows 4');
    // The policy's "known to only three people" would contradict a school limit of 4.
    expect(error.message).not.toContain('three');
    expect(s.count('account_holders')).toBe(4);
  });

  it('counts only current holders towards the limit', async () => {
    const s = await open();
    const { staff, account, add } = await setUp(s);
    for (const person of staff.slice(0, 3)) await add(person.id);
    const current = await s.call('holders.list', { accountId: account.id });
    await s.call('holders.remove', { holderId: current[0]!.id, reason: 'Left the team', on: today });
    const holders = await add(staff[3]!.id);
    expect(holders.filter((h) => h.removedOn === null)).toHaveLength(3);
    expect(holders.find((h) => h.person.id === staff[3]!.id)?.overrideReason).toBe('');
  });

  it.each(['closed', 'transferred'] as const)('refuses holders on a %s account', async (terminal) => {
    const s = await open();
    const { staff, account, add } = await setUp(s);
    await s.call('accounts.setStatus', { id: account.id, status: 'active', on: today, overrideReason: 'Needed' });
    await s.call('accounts.setStatus', { id: account.id, status: terminal, on: today });
    await expect(add(staff[0]!.id)).rejects.toThrow('nobody should hold its password');
    expect(s.count('account_holders')).toBe(0);
  });
});

describe('holders.remove', () => {
  it('keeps the row as a past holder, requires rotation naming the person, and audits both', async () => {
    const s = await open();
    const { staff, account, add } = await setUp(s);
    await add(staff[0]!.id);
    const added = await add(staff[1]!.id);
    const bo = added.find((h) => h.person.name === 'Bo Two')!;
    expect((await s.call('accounts.get', { id: account.id })).rotationRequired).toBeNull();

    const after = await s.call('holders.remove', { holderId: bo.id, reason: 'Moved to another school', on: today });
    expect(after.map((h) => [h.person.name, h.removedOn, h.removedReason])).toEqual([
      ['Ash One', null, null],
      ['Bo Two', today, 'Moved to another school'],
    ]);
    expect(await s.call('holders.list', { accountId: account.id })).toEqual(after);
    expect(after[1]?.warnings).toEqual([]);

    const updated = await s.call('accounts.get', { id: account.id });
    expect(updated.holderCount).toBe(1);
    expect(updated.rotationRequired?.reason).toContain('Bo Two');
    expect(updated.rotationRequired?.reason).toContain('Moved to another school');
    expect(updated.rotationRequired?.since).toBe(`${today}T09:00:00.000Z`);

    const [removed] = await s.audit('holder.removed');
    expect(removed).toMatchObject({
      targetId: account.id,
      details: { holder: 'Bo Two', reason: 'Moved to another school', on: today },
    });
    const [rotation] = await s.audit('rotation.required');
    expect(rotation).toMatchObject({ targetId: account.id });
    expect(String(rotation?.details.reason)).toContain('Bo Two');
  });

  it('refuses removing the same holder twice, and an unknown holder', async () => {
    const s = await open();
    const { staff, add } = await setUp(s);
    const [holder] = await add(staff[0]!.id);
    await s.call('holders.remove', { holderId: holder!.id, reason: 'Changed role', on: today });
    const entries = s.count('audit_log');
    await s.refused('holders.remove', { holderId: holder!.id, reason: 'Again', on: today }, 'CONFLICT');
    await s.refused('holders.remove', { holderId: 999, reason: 'Who?', on: today }, 'NOT_FOUND');
    await s.refused('holders.remove', { holderId: holder!.id, reason: '  ', on: today }, 'INVALID_INPUT');
    expect(s.count('audit_log')).toBe(entries);
  });
});

describe('holders.list warnings', () => {
  it('warns about a holder with no policy acknowledgement or no training, and not otherwise', async () => {
    const s = await open();
    const { staff, account, add } = await setUp(s);
    const unsigned = await s.person('Una Unsigned', { policyAcknowledgedOn: null });
    const untrained = await s.person('Tam Untrained', { trainingCompletedOn: null });
    await add(staff[0]!.id);
    await add(unsigned.id);
    await add(untrained.id, 'Covering the summer fair');
    const holders = await s.call('holders.list', { accountId: account.id });
    const warnings = Object.fromEntries(holders.map((h) => [h.person.name, h.warnings]));
    expect(warnings['Ash One']).toEqual([]);
    expect(warnings['Una Unsigned']).toEqual(['Una Unsigned has not signed to say they read the social media policy.']);
    expect(warnings['Tam Untrained']).toEqual(['Tam Untrained has no training recorded.']);
  });

  it('warns when a current holder is leaving or has left', async () => {
    const s = await open();
    const { staff, account, add } = await setUp(s);
    await add(staff[0]!.id);
    await add(staff[1]!.id);
    const base = { policyAcknowledgedOn: '2024-09-02', trainingCompletedOn: '2024-09-03' };
    await s.call('people.update', {
      id: staff[0]!.id,
      person: { name: 'Ash One', status: 'leaving', leavingOn: '2025-07-18', ...base },
    });
    await s.call('people.update', {
      id: staff[1]!.id,
      person: { name: 'Bo Two', status: 'left', leftOn: today, ...base },
    });
    const holders = await s.call('holders.list', { accountId: account.id });
    expect(holders[0]?.warnings).toEqual(['Ash One is leaving: plan the handover.']);
    expect(holders[1]?.warnings).toEqual(['Bo Two has left the school: remove them and change the password.']);
  });

  it('refuses an account that does not exist', async () => {
    const s = await open();
    await s.refused('holders.list', { accountId: 123 }, 'NOT_FOUND');
  });
});
