import { describe, expect, it } from 'vitest';
import { fullCase, useRegister } from './harness';

/**
 * The staff directory: roles, leaving dates, the audit trail of changes, and
 * a person's page listing what they lead, hold and run.
 */
const open = useRegister();

describe('people.create and people.update', () => {
  it('creates a person with their roles (duplicates dropped) and audits person.added', async () => {
    const s = await open();
    const person = await s.call('people.create', {
      name: '  Dr Ada Lovelace ',
      jobTitle: 'Deputy Head',
      workEmail: 'A.Lovelace@School.sch.uk',
      roles: ['slt', 'staff', 'slt'],
    });
    expect(person).toMatchObject({
      name: 'Dr Ada Lovelace',
      jobTitle: 'Deputy Head',
      workEmail: 'a.lovelace@school.sch.uk',
      roles: ['slt', 'staff'],
      status: 'active',
      leavingOn: null,
      leftOn: null,
    });
    expect(await s.call('people.get', { id: person.id })).toMatchObject({ roles: ['slt', 'staff'] });
    const entries = await s.audit('person.added');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'Alex Admin',
      targetType: 'person',
      targetId: person.id,
      targetLabel: 'Dr Ada Lovelace',
      details: { roles: ['slt', 'staff'] },
    });
  });

  it.each([
    ['no roles', { name: 'Nobody', roles: [] }, /Choose at least one role/],
    ['an unknown role', { name: 'Nobody', roles: ['caretaker'] }, /roles/],
    ['an invalid work email', { name: 'Nobody', workEmail: 'nobody' }, /Enter a valid email address/],
    ['leaving with no leaving date', { name: 'Nobody', status: 'leaving' }, /Give the leaving date/],
    ['left with no date they left', { name: 'Nobody', status: 'left' }, /Give the date they left/],
    ['left with only a leaving date', { name: 'Nobody', status: 'left', leavingOn: '2025-03-01' }, /date they left/],
    ['a blank name', { name: '   ' }, /Name is required/],
  ])('refuses %s with INVALID_INPUT and writes nothing', async (_label, input, message) => {
    const s = await open();
    const before = s.count('audit_log');
    const error = await s.refused('people.create', input, 'INVALID_INPUT');
    expect(error.message).toMatch(message);
    expect(s.count('people')).toBe(0);
    expect(s.count('audit_log')).toBe(before);
  });

  it('accepts leaving with a date and left with a date', async () => {
    const s = await open();
    const leaving = await s.person('Lee Leaving', { status: 'leaving', leavingOn: '2025-07-18' });
    expect(leaving).toMatchObject({ status: 'leaving', leavingOn: '2025-07-18', leftOn: null });
    const left = await s.person('Lou Left', { status: 'left', leavingOn: '2024-12-20', leftOn: '2024-12-20' });
    expect(left).toMatchObject({ status: 'left', leftOn: '2024-12-20' });
  });

  it('updates a person and audits person.updated with each change from and to', async () => {
    const s = await open();
    const person = await s.person('Sam Staff', { jobTitle: 'Teacher' });
    const updated = await s.call('people.update', {
      id: person.id,
      person: {
        name: 'Sam Staff',
        jobTitle: 'Head of PE',
        roles: ['staff', 'slt'],
        status: 'leaving',
        leavingOn: '2025-07-18',
        policyAcknowledgedOn: '2024-09-02',
        trainingCompletedOn: '2024-09-03',
      },
    });
    expect(updated).toMatchObject({ jobTitle: 'Head of PE', roles: ['staff', 'slt'], status: 'leaving' });
    const entries = await s.audit('person.updated');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ targetId: person.id, targetLabel: 'Sam Staff' });
    expect(entries[0]?.details).toEqual({
      jobTitle: { from: 'Teacher', to: 'Head of PE' },
      roles: { from: ['staff'], to: ['staff', 'slt'] },
      status: { from: 'active', to: 'leaving' },
      leavingOn: { from: null, to: '2025-07-18' },
    });
  });

  it('writes no person.updated entry when nothing changed', async () => {
    const s = await open();
    const person = await s.person('Sam Staff');
    await s.call('people.update', {
      id: person.id,
      person: { name: 'Sam Staff', policyAcknowledgedOn: '2024-09-02', trainingCompletedOn: '2024-09-03' },
    });
    expect(await s.audit('person.updated')).toEqual([]);
  });

  it('refuses an update to left without the date, keeping the person as they were', async () => {
    const s = await open();
    const person = await s.person('Sam Staff');
    await s.refused('people.update', { id: person.id, person: { name: 'Sam Staff', status: 'left' } }, 'INVALID_INPUT');
    expect((await s.call('people.get', { id: person.id })).status).toBe('active');
    expect(await s.audit('person.updated')).toEqual([]);
  });

  it('refuses to update someone who is not in the directory', async () => {
    const s = await open();
    await s.refused('people.update', { id: 42, person: { name: 'Ghost' } }, 'NOT_FOUND');
    expect(s.count('people')).toBe(0);
  });
});

describe('people.get', () => {
  it('lists the accounts a person leads, holds and runs, and nothing of anyone else’s', async () => {
    const s = await open();
    const head = await s.person('Hana Head', { roles: ['headteacher'] });
    const sam = await s.person('Sam Staff');
    const kim = await s.person('Kim Colleague');
    const news = await s.account('@StMarysNews', { leadPersonId: sam.id, businessCase: fullCase([sam.id, kim.id]) });
    const pe = await s.account('StMarysPE', { platform: 'facebook', businessCase: fullCase([sam.id]) });
    const other = await s.account('@Other', { leadPersonId: kim.id, businessCase: fullCase([kim.id]) });
    await s.call('holders.add', {
      accountId: pe.id,
      personId: sam.id,
      authorisedById: head.id,
      authorisedOn: '2025-03-01',
    });
    await s.call('holders.add', {
      accountId: other.id,
      personId: kim.id,
      authorisedById: head.id,
      authorisedOn: '2025-03-01',
    });

    const detail = await s.call('people.get', { id: sam.id });
    expect(detail.leads).toEqual([{ accountId: news.id, label: '@StMarysNews on X (Twitter)' }]);
    expect(detail.holds).toEqual([{ accountId: pe.id, label: 'StMarysPE on Facebook', since: '2025-03-10' }]);
    expect(detail.runs).toEqual([
      { accountId: news.id, label: '@StMarysNews on X (Twitter)' },
      { accountId: pe.id, label: 'StMarysPE on Facebook' },
    ]);
  });

  it('drops an account from holds once the holder is removed', async () => {
    const s = await open();
    const head = await s.person('Hana Head', { roles: ['headteacher'] });
    const sam = await s.person('Sam Staff');
    const account = await s.account('@StMarys');
    const [holder] = await s.call('holders.add', {
      accountId: account.id,
      personId: sam.id,
      authorisedById: head.id,
      authorisedOn: '2025-03-01',
    });
    expect((await s.call('people.get', { id: sam.id })).holds).toHaveLength(1);
    await s.call('holders.remove', { holderId: holder!.id, reason: 'Changed role', on: '2025-03-10' });
    expect((await s.call('people.get', { id: sam.id })).holds).toEqual([]);
  });

  it('refuses someone who is not in the directory', async () => {
    const s = await open();
    await s.refused('people.get', { id: 7 }, 'NOT_FOUND');
  });
});
