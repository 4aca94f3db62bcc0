import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerCache } from '../../../electron/accounts/register-cache';
import { testSchool, useOpenCore } from '../../support/open-core';

/**
 * The register cache refreshed by what changed. Every read in these tests
 * is also compared with a fresh full read (verify mode), so a read that
 * missed a change fails here; each test makes one kind of change.
 */
const { openCore } = useOpenCore('keyholder-register-cache-');

async function register() {
  const s = await openCore({ setUp: testSchool });
  const lead = await s.call('people.create', { name: 'Ann Lead', roles: ['staff'] });
  const head = await s.call('people.create', { name: 'Hattie Head', roles: ['headteacher'] });
  const a = await s.call('accounts.create', { platform: 'facebook', handle: 'zeta', leadPersonId: lead.id });
  const b = await s.call('accounts.create', { platform: 'facebook', handle: 'Alpha' });
  // The connection's one cache, which the handlers use too (verify mode is on for the whole suite).
  const cache = registerCache(s.db);
  expect(cache.list().accounts.map((x) => x.handle)).toEqual(['Alpha', 'zeta']);
  return { ...s, cache, lead, head, a, b };
}

describe('the register cache', () => {
  it('sees an account changed, added and renamed, in register order', async () => {
    const { call, cache, a, b } = await register();
    await call('accounts.update', { id: a.id, account: { platform: 'facebook', handle: 'aardvark' } });
    expect(cache.list().accounts.map((x) => x.handle)).toEqual(['aardvark', 'Alpha']);
    await call('accounts.create', { platform: 'facebook', handle: 'Middle' });
    expect(cache.list().accounts.map((x) => x.handle)).toEqual(['aardvark', 'Alpha', 'Middle']);
    expect(cache.one(b.id).accounts[0]?.handle).toBe('Alpha');
  });

  it('sees a holder added, a password stored and a person renamed', async () => {
    const { call, cache, a, lead, head } = await register();
    await call('holders.add', {
      accountId: a.id,
      personId: lead.id,
      authorisedById: head.id,
      authorisedOn: '2025-01-06',
    });
    expect(cache.one(a.id).accounts[0]?.holderCount).toBe(1);
    await call('secrets.set', {
      accountId: a.id,
      field: 'password',
      value: 'Kestrel#Harbour-7429-Lantern',
      source: 'typed',
      reason: 'x',
    });
    expect(cache.list().accounts.find((x) => x.id === a.id)?.passwordSetAt).not.toBeNull();
    await call('people.update', { id: lead.id, person: { name: 'Ann Renamed', roles: ['staff'] } });
    expect(cache.list().accounts.find((x) => x.id === a.id)?.leadName).toBe('Ann Renamed');
  });

  it('sees a settings change that alters every account', async () => {
    const { call, cache } = await register();
    const before = cache.list().breaches.map((b) => b.message);
    expect(before.join(' ')).toContain('at least 2 should');
    await call('settings.update', { minRunners: 1 });
    expect(
      cache
        .list()
        .breaches.map((b) => b.message)
        .join(' '),
    ).toContain('at least 1 should');
  });

  it("reads only the account whose login email changed when the school's domain is set, every account when it is inferred", async () => {
    const { call, cache, a, b } = await register();
    await call('accounts.update', {
      id: b.id,
      account: { platform: 'facebook', handle: 'Alpha', loginEmail: 'office@stmarys.sch.uk' },
    });
    // No domain is set, so it is inferred from the login emails: a change to one may change any account's findings.
    const inferred = cache.list();
    await call('accounts.update', {
      id: a.id,
      account: { platform: 'facebook', handle: 'zeta', loginEmail: 'jo.bloggs@stmarys.sch.uk' },
    });
    const everyAccount = cache.list();
    expect(everyAccount.accounts.every((x, i) => x !== inferred.accounts[i])).toBe(true);

    await call('settings.update', { schoolEmailDomain: 'stmarys.sch.uk' });
    const set = cache.list();
    await call('accounts.update', {
      id: a.id,
      account: { platform: 'facebook', handle: 'zeta', loginEmail: 'jo.bloggs@gmail.com' },
    });
    const oneAccount = cache.list();
    // Alpha's entry is the one already held; zeta's was read again (verify mode checks both against a fresh read).
    expect(oneAccount.accounts[0]).toBe(set.accounts[0]);
    expect(oneAccount.accounts[1]).not.toBe(set.accounts[1]);
    expect(oneAccount.breaches.filter((x) => x.code === 'personal-login-email').map((x) => x.accountId)).toEqual([
      a.id,
    ]);
  });

  it('keeps nothing of a change that was rolled back', async () => {
    const { db, cache, a } = await register();
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE accounts SET handle = 'rolled-back' WHERE id = ?").run(a.id);
        throw new Error('fail mid-way');
      })(),
    ).toThrow('fail mid-way');
    expect(cache.list().accounts.map((x) => x.handle)).toEqual(['Alpha', 'zeta']);
  });

  it('keeps nothing it read inside a transaction that then rolled back, even its first read', async () => {
    const s = await openCore({ setUp: testSchool });
    const a = await s.call('accounts.create', { platform: 'x', handle: 'kept' });
    const readInside = () =>
      s.db.transaction(() => {
        s.db.prepare("UPDATE accounts SET handle = 'rolled-back' WHERE id = ?").run(a.id);
        expect(registerCache(s.db).list().accounts[0]?.handle).toBe('rolled-back');
        throw new Error('fail mid-way');
      })();
    // First read of this connection inside the transaction, then again once the cache exists.
    expect(readInside).toThrow('fail mid-way');
    expect(registerCache(s.db).list().accounts[0]?.handle).toBe('@kept');
    expect(readInside).toThrow('fail mid-way');
    expect(registerCache(s.db).one(a.id).accounts[0]?.handle).toBe('@kept');
  });

  it('sees a commit made by another connection (as a restore makes)', async () => {
    const { dataDir, cache, a } = await register();
    const other = new Database(join(dataDir, 'keyholder.db'));
    other.prepare("UPDATE accounts SET display_name = 'From elsewhere' WHERE id = ?").run(a.id);
    other.close();
    expect(cache.one(a.id).accounts[0]?.displayName).toBe('From elsewhere');
  });

  it('refuses, in verify mode, an answer that differs from a fresh read', async () => {
    const { db, cache, a } = await register();
    cache.list();
    // Changed behind the cache's back: the tracking triggers are dropped first.
    db.exec('DROP TRIGGER temp.rc_accounts_u');
    db.prepare("UPDATE accounts SET display_name = 'Unseen' WHERE id = ?").run(a.id);
    expect(() => cache.list()).toThrow(/differs from a fresh read/);
  });
});
