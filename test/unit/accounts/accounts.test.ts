import { describe, expect, it } from 'vitest';
import { useRegister } from './harness';

/**
 * The account record: handles normalised per platform and unique per
 * platform, https-only profile links that are the only thing openProfile
 * opens, valid login emails, and no writes while the vault is locked.
 */
const open = useRegister();

describe('handles', () => {
  it.each([
    ['x', '@StMarys'],
    ['instagram', '@StMarys'],
    ['tiktok', '@StMarys'],
    ['facebook', 'StMarys'],
    ['youtube', 'StMarys'],
    ['linkedin', 'StMarys'],
  ] as const)('stores "  @@StMarys " on %s as %s', async (platform, stored) => {
    const s = await open();
    const account = await s.account('  @@StMarys ', { platform });
    expect(account.handle).toBe(stored);
    expect((await s.call('accounts.get', { id: account.id })).handle).toBe(stored);
    const [entry] = await s.audit('account.created');
    expect(entry).toMatchObject({ targetId: account.id, targetLabel: stored, details: { platform } });
  });

  it('refuses a handle that is only @ signs and writes nothing', async () => {
    const s = await open();
    const before = s.count('audit_log');
    const error = await s.refused('accounts.create', { platform: 'x', handle: ' @@@ ' }, 'INVALID_INPUT');
    expect(error.message).toMatch(/handle/i);
    expect(s.count('accounts')).toBe(0);
    expect(s.count('audit_log')).toBe(before);
  });

  it('refuses the same handle on the same platform, whatever its case or @ signs, with CONFLICT', async () => {
    const s = await open();
    await s.account('@StMarys');
    const accounts = s.count('accounts');
    const entries = s.count('audit_log');
    for (const handle of ['@stmarys', 'STMARYS', '@@StMarys', ' stMarys ']) {
      const error = await s.refused('accounts.create', { platform: 'x', handle }, 'CONFLICT');
      expect(error.message).toContain('already in the register');
    }
    expect(s.count('accounts')).toBe(accounts);
    expect(s.count('audit_log')).toBe(entries);
    expect((await s.call('accounts.list', {})).map((a) => a.handle)).toEqual(['@StMarys']);
  });

  it('allows the same handle on another platform', async () => {
    const s = await open();
    await s.account('@StMarys');
    const facebook = await s.account('@StMarys', { platform: 'facebook' });
    expect(facebook.handle).toBe('StMarys');
    expect(s.count('accounts')).toBe(2);
  });

  it('refuses renaming an account onto another one’s handle, but allows changing its own case', async () => {
    const s = await open();
    await s.account('@StMarys');
    const other = await s.account('@StMarysPE');
    await s.refused('accounts.update', { id: other.id, account: { platform: 'x', handle: 'stmarys' } }, 'CONFLICT');
    expect((await s.call('accounts.get', { id: other.id })).handle).toBe('@StMarysPE');
    const renamed = await s.call('accounts.update', { id: other.id, account: { platform: 'x', handle: 'stmaryspe' } });
    expect(renamed.handle).toBe('@stmaryspe');
  });
});

describe('lead and runners', () => {
  it('refuses a lead or a runner who has left, and one who is not in the directory', async () => {
    const s = await open();
    const gone = await s.person('Gwen Gone', { status: 'left', leftOn: '2024-12-20' });
    const here = await s.person('Hal Here');
    const lead = await s.refused('accounts.create', { platform: 'x', handle: '@A', leadPersonId: gone.id }, 'POLICY');
    expect(lead.message).toContain('Gwen Gone has left the school and cannot lead an account');
    const runner = await s.refused(
      'accounts.create',
      { platform: 'x', handle: '@A', businessCase: { runnerIds: [here.id, gone.id] } },
      'POLICY',
    );
    expect(runner.message).toContain('Gwen Gone has left the school and cannot run an account');
    await s.refused('accounts.create', { platform: 'x', handle: '@A', leadPersonId: 999 }, 'NOT_FOUND');
    expect(s.count('accounts')).toBe(0);
    expect(s.count('account_runners')).toBe(0);
  });

  it('stores the lead and the named runners once each', async () => {
    const s = await open();
    const a = await s.person('Ash One');
    const b = await s.person('Bo Two');
    const account = await s.account('@A', { leadPersonId: a.id, businessCase: { runnerIds: [b.id, a.id, b.id] } });
    expect(account.lead).toEqual({ id: a.id, name: 'Ash One' });
    expect(account.businessCase.runners).toEqual([
      { id: a.id, name: 'Ash One' },
      { id: b.id, name: 'Bo Two' },
    ]);
  });
});

describe('profile links and login emails', () => {
  it('stores an https profile link', async () => {
    const s = await open();
    const account = await s.account('@StMarys', { profileUrl: ' https://x.com/StMarys ' });
    expect(account.profileUrl).toBe('https://x.com/StMarys');
  });

  it.each([
    ['http', 'http://x.com/StMarys'],
    ['javascript', 'javascript:alert(1)'],
    ['a missing host', 'https://'],
    ['a host with no dot', 'https://localhost/StMarys'],
    ['credentials in the link', 'https://user:pass@x.com/StMarys'],
    ['a file link', 'file:///etc/passwd'],
  ])('refuses a profile link with %s as INVALID_INPUT and writes nothing', async (_label, profileUrl) => {
    const s = await open();
    const error = await s.refused(
      'accounts.create',
      { platform: 'x', handle: '@StMarys', profileUrl },
      'INVALID_INPUT',
    );
    expect(error.message).toMatch(/https:\/\//);
    expect(s.count('accounts')).toBe(0);
  });

  it('refuses an http link on update too, leaving the stored link as it was', async () => {
    const s = await open();
    const account = await s.account('@StMarys', { profileUrl: 'https://x.com/StMarys' });
    await s.refused(
      'accounts.update',
      { id: account.id, account: { platform: 'x', handle: '@StMarys', profileUrl: 'http://x.com/StMarys' } },
      'INVALID_INPUT',
    );
    expect((await s.call('accounts.get', { id: account.id })).profileUrl).toBe('https://x.com/StMarys');
  });

  it('lower-cases a valid login email and refuses an invalid one', async () => {
    const s = await open();
    const account = await s.account('@StMarys', { loginEmail: 'Office@School.sch.uk' });
    expect(account.loginEmail).toBe('office@school.sch.uk');
    for (const loginEmail of ['office', 'office@', '@school.sch.uk', 'office @school.sch.uk']) {
      const error = await s.refused(
        'accounts.create',
        { platform: 'x', handle: '@Other', loginEmail },
        'INVALID_INPUT',
      );
      expect(error.message).toContain('Enter a valid email address');
    }
    expect(s.count('accounts')).toBe(1);
  });
});

describe('accounts.openProfile', () => {
  it('opens exactly the stored https link through the platform', async () => {
    const s = await open();
    const account = await s.account('@StMarys', { profileUrl: 'https://x.com/StMarys' });
    await s.account('@Other', { profileUrl: 'https://x.com/Other' });
    expect(await s.call('accounts.openProfile', { id: account.id })).toEqual({ opened: 'https://x.com/StMarys' });
    expect(s.platform.opened).toEqual(['https://x.com/StMarys']);
  });

  it('refuses an account with no profile link and opens nothing', async () => {
    const s = await open();
    const account = await s.account('@StMarys');
    const error = await s.refused('accounts.openProfile', { id: account.id }, 'POLICY');
    expect(error.message).toContain('no https profile link');
    expect(s.platform.opened).toEqual([]);
  });

  it('refuses an account that does not exist', async () => {
    const s = await open();
    await s.refused('accounts.openProfile', { id: 999 }, 'NOT_FOUND');
    expect(s.platform.opened).toEqual([]);
  });
});

describe('a locked vault', () => {
  it('refuses every register write with VAULT_LOCKED but still lists accounts, people and compliance', async () => {
    const s = await open();
    const head = await s.person('Hana Head', { roles: ['headteacher'] });
    const staff = await s.person('Sam Staff');
    const account = await s.account('@StMarys', { leadPersonId: staff.id });
    const [holder] = await s.call('holders.add', {
      accountId: account.id,
      personId: staff.id,
      authorisedById: head.id,
      authorisedOn: '2025-03-01',
    });
    await s.call('vault.lock', {});
    const counts = ['accounts', 'people', 'account_holders', 'audit_log'].map((t) => s.count(t as 'accounts'));

    await s.refused('accounts.create', { platform: 'x', handle: '@Another' }, 'VAULT_LOCKED');
    await s.refused(
      'accounts.update',
      { id: account.id, account: { platform: 'x', handle: '@Renamed' } },
      'VAULT_LOCKED',
    );
    await s.refused(
      'accounts.approve',
      { id: account.id, approvedById: head.id, approvedOn: '2025-03-01' },
      'VAULT_LOCKED',
    );
    await s.refused(
      'accounts.setStatus',
      { id: account.id, status: 'closed', on: '2025-03-01', overrideReason: '' },
      'VAULT_LOCKED',
    );
    await s.refused(
      'holders.add',
      { accountId: account.id, personId: head.id, authorisedById: head.id, authorisedOn: '2025-03-01' },
      'VAULT_LOCKED',
    );
    await s.refused('holders.remove', { holderId: holder!.id, reason: 'Moved on', on: '2025-03-01' }, 'VAULT_LOCKED');
    await s.refused('people.create', { name: 'New Person' }, 'VAULT_LOCKED');
    await s.refused('people.update', { id: staff.id, person: { name: 'Renamed' } }, 'VAULT_LOCKED');
    expect(['accounts', 'people', 'account_holders', 'audit_log'].map((t) => s.count(t as 'accounts'))).toEqual(counts);

    expect((await s.call('accounts.list', {})).map((a) => a.handle)).toEqual(['@StMarys']);
    expect((await s.call('accounts.get', { id: account.id })).holderCount).toBe(1);
    expect(await s.call('holders.list', { accountId: account.id })).toHaveLength(1);
    expect((await s.call('people.list', {})).map((p) => p.name)).toEqual(['Hana Head', 'Sam Staff']);
    const compliance = await s.call('compliance.list', {});
    expect(compliance.accountsChecked).toBe(1);
    // Issue 12: a proposed account is checked for its approval, holders and password too.
    expect(compliance.breaches.map((b) => b.code)).toEqual([
      'business-case-incomplete',
      'not-approved',
      'too-few-holders',
      'password-not-set',
    ]);
  });
});
