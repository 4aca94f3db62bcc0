import { describe, expect, it } from 'vitest';
import { useRegister, type Session } from './harness';

/**
 * Issue 16 item 7, the launch checklist for a new account: the full name
 * beside the display name (north-herts 6.0), the URL and identity sent to a
 * named member of SLT (north-herts 5) and the link from the school website
 * (sutton-manor 6.5), each recorded with its date and who recorded it.
 */
const open = useRegister();

async function liveAccount(s: Session) {
  const head = await s.person('Hana Head', { roles: ['headteacher'] });
  const slt = await s.person('Sol Senior', { roles: ['slt', 'staff'] });
  const staff = await s.person('Ash Runner');
  const account = await s.account('@oakpe', {
    fullName: 'Oak Primary School PE Department',
    displayName: 'Oak PE',
    profileUrl: 'https://x.com/oakpe',
  });
  await s.call('accounts.setStatus', { id: account.id, status: 'active', on: '2025-03-03', overrideReason: 'Trial' });
  return { head, slt, staff, account };
}

const launchKinds = async (s: Session, accountId: number) =>
  (await s.call('compliance.accountStatus', { accountId })).findings
    .filter((f) => f.kind.startsWith('launch-'))
    .map((f) => [f.kind, f.dueOn]);

describe('the full name', () => {
  it('is kept apart from the display name, changed with the account and audited', async () => {
    const s = await open();
    const plain = await s.account('@plain');
    expect(plain.fullName).toBe('');
    const { account } = await liveAccount(s);
    expect(account).toMatchObject({ fullName: 'Oak Primary School PE Department', displayName: 'Oak PE' });
    const { id, createdAt: _c, updatedAt: _u, ...rest } = account;
    const input = {
      platform: rest.platform,
      handle: rest.handle,
      fullName: 'Oak Primary PE',
      displayName: rest.displayName,
      profileUrl: rest.profileUrl,
    };
    expect((await s.call('accounts.update', { id, account: input })).fullName).toBe('Oak Primary PE');
    const [entry] = await s.audit('account.updated');
    expect(entry!.details).toEqual({ fullName: { from: 'Oak Primary School PE Department', to: 'Oak Primary PE' } });
  });
});

describe('the launch steps', () => {
  it('start their week on the first day live, and stop being chased once both are recorded', async () => {
    const s = await open();
    const { slt, account } = await liveAccount(s);
    expect((await s.call('accounts.get', { id: account.id })).launch).toEqual({
      launchedOn: '2025-03-03',
      sltTold: null,
      websiteLinked: null,
    });
    expect(await launchKinds(s, account.id)).toEqual([
      ['launch-slt-not-told', '2025-03-10'],
      ['launch-website-not-linked', '2025-03-10'],
    ]);
    // Suspended and live again: the launch date is still the first one.
    await s.call('accounts.setStatus', { id: account.id, status: 'suspended', on: '2025-03-04' });
    await s.call('accounts.setStatus', { id: account.id, status: 'active', on: '2025-03-06', overrideReason: 'Back' });
    expect((await s.call('accounts.get', { id: account.id })).launch.launchedOn).toBe('2025-03-03');

    const told = await s.call('accounts.recordSltTold', { id: account.id, toPersonId: slt.id, on: '2025-03-04' });
    expect(told.launch.sltTold).toEqual({
      on: '2025-03-04',
      person: { id: slt.id, name: 'Sol Senior' },
      recordedBy: 'Alex Admin',
    });
    expect(await launchKinds(s, account.id)).toEqual([['launch-website-not-linked', '2025-03-10']]);
    // The register's cache follows a change of the person's name.
    await s.updatePerson(slt, { name: 'Sol Senior-Smith' });
    expect((await s.call('accounts.get', { id: account.id })).launch.sltTold?.person.name).toBe('Sol Senior-Smith');
    const linked = await s.call('accounts.recordWebsiteLink', {
      id: account.id,
      on: '2025-03-05',
      pageUrl: 'https://www.oak.sch.uk/social-media',
    });
    expect(linked.launch.websiteLinked).toEqual({
      on: '2025-03-05',
      pageUrl: 'https://www.oak.sch.uk/social-media',
      recordedBy: 'Alex Admin',
    });
    expect(await launchKinds(s, account.id)).toEqual([]);
    expect((await s.audit('account.slt-told'))[0]).toMatchObject({
      targetLabel: '@oakpe',
      details: { told: 'Sol Senior', on: '2025-03-04', address: 'https://x.com/oakpe' },
    });
    expect((await s.audit('account.website-linked'))[0]!.details).toEqual({
      on: '2025-03-05',
      page: 'https://www.oak.sch.uk/social-media',
    });
  });

  it('the person told must be the Headteacher or on the SLT, and still at the school', async () => {
    const s = await open();
    const { head, slt, staff, account } = await liveAccount(s);
    const notSlt = await s.refused(
      'accounts.recordSltTold',
      { id: account.id, toPersonId: staff.id, on: '2025-03-04' },
      'POLICY',
    );
    expect(notSlt.message).toContain('Ash Runner is not the Headteacher or on the SLT');
    await s.updatePerson(slt, { status: 'left', leftOn: '2025-03-01' });
    const left = await s.refused(
      'accounts.recordSltTold',
      { id: account.id, toPersonId: slt.id, on: '2025-03-04' },
      'POLICY',
    );
    expect(left.message).toContain('Sol Senior has left the school');
    expect(
      (await s.call('accounts.recordSltTold', { id: account.id, toPersonId: head.id, on: '2025-03-04' })).launch.sltTold
        ?.person.name,
    ).toBe('Hana Head');
  });

  it('the page address is optional but must be a web address; a closed account has no checklist', async () => {
    const s = await open();
    const { account } = await liveAccount(s);
    await s.refused(
      'accounts.recordWebsiteLink',
      { id: account.id, on: '2025-03-05', pageUrl: 'our website' },
      'INVALID_INPUT',
    );
    const linked = await s.call('accounts.recordWebsiteLink', { id: account.id, on: '2025-03-05' });
    expect(linked.launch.websiteLinked).toMatchObject({ on: '2025-03-05', pageUrl: '' });
    await s.call('accounts.setStatus', { id: account.id, status: 'closed', on: '2025-03-07' });
    const closed = await s.refused('accounts.recordWebsiteLink', { id: account.id, on: '2025-03-08' }, 'POLICY');
    expect(closed.message).toContain('@oakpe is closed');
  });

  it('an account not live yet lists them as its last setting-up steps, and nothing is chased', async () => {
    const s = await open();
    const fresh = await s.account('@oaknew');
    const status = await s.call('compliance.accountStatus', { accountId: fresh.id });
    expect(status.steps.map((step) => step.id).slice(-3)).toEqual(['live', 'slt-told', 'website-linked']);
    expect(status.findings.some((f) => f.kind.startsWith('launch-'))).toBe(false);
  });
});
