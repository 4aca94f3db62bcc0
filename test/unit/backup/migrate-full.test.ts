import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { aad, decryptSecret } from '../../../electron/vault/envelope';
import type { MigrateChoice, MigratePreview } from '../../../shared/contract';
import { manualClock, useBackupCores, type Vault } from './backup-harness';
import { bitwardenFullJson, full, keepassxcFullCsv } from './migrate-full-fixtures';

/**
 * Moving from a password manager loses nothing (issue 12): the username, every
 * address, Bitwarden's password history with its dates, TOTP seeds and custom
 * fields all arrive; KeePassX and Bitwarden's minimal CSVs are accepted; an
 * entry already in the register can update that account's password; an
 * entry Keyholder does not recognise says so and can come in as Other.
 */
const { open, tempDir } = useBackupCores('keyholder-migrate-full-');
const clock = () => manualClock('2026-01-12T10:00:00Z');

async function openFile(v: Vault, path: string): Promise<MigratePreview> {
  v.platform.openPaths.push(path);
  const opened = await v.call('migrate.open', {});
  if (opened.cancelled) throw new Error('cancelled');
  const reply = JSON.stringify(opened);
  for (const secret of Object.values(full)) expect(reply).not.toContain(secret);
  return opened;
}

const choicesOf = (preview: MigratePreview): MigrateChoice[] =>
  preview.rows.map(({ entry, include, platform, handle, updateExisting }) => ({
    entry,
    include,
    platform,
    handle,
    updateExisting,
  }));

async function account(v: Vault, handle: string) {
  const row = (await v.call('accounts.list', {})).find((a) => a.handle === handle)!;
  return v.call('accounts.get', { id: row.id });
}

async function secret(v: Vault, handle: string, field: 'password' | 'twoFactorNotes') {
  return (await v.call('secrets.reveal', { accountId: (await account(v, handle)).id, field })).value;
}

/** The previous passwords, oldest first, decrypted with the vault's key, with their dates. */
function historyOf(core: Core, accountId: number) {
  const key = core.vault.key();
  const vaultId = core.vault.vaultId();
  const rows = core.context.db
    .prepare('SELECT id, envelope, set_at, retired_at FROM password_history WHERE account_id = ? ORDER BY id')
    .all(accountId) as { id: number; envelope: string; set_at: string; retired_at: string }[];
  return rows.map((r) => ({
    password: decryptSecret(key, r.envelope, aad.history(vaultId, accountId, r.id)),
    setAt: r.set_at,
    retiredAt: r.retired_at,
  }));
}

describe('a KeePassXC CSV with a TOTP seed and usernames (exported by keepassxc-cli)', () => {
  it('keeps every field, offers the unrecognised blog as Other, and updates an account already in the register', async () => {
    const v = await open({ clock: clock() });
    const existing = await v.call('accounts.create', { platform: 'x', handle: '@StMarysPE' });
    await v.call('secrets.set', {
      accountId: existing.id,
      field: 'password',
      value: 'Before#Import-Pass-2025',
      source: 'typed',
      reason: 'Set up',
    });
    const preview = await openFile(v, await keepassxcFullCsv(tempDir()));
    expect(preview.format).toBe('keepassxc-csv');
    expect(
      preview.rows.map((r) => [r.title, r.recognised, r.include, r.platform, r.handle, r.existingAccountId]),
    ).toEqual([
      ["St Mary's PE Twitter", true, true, 'x', '@stmaryspe', existing.id],
      ['PE blog', false, false, 'other', 'peblog', null],
    ]);
    expect(preview.rows[1]!.warnings[0]).toMatch(/^Keyholder did not recognise this .* Tick it to import it as Other/);
    expect(preview.rows[0]!.errors[0]).toContain(
      'is already in the register. Untick this entry, or choose "Update the password"',
    );

    const choices = choicesOf(preview).map((c) =>
      c.entry === 1 ? { ...c, updateExisting: true } : { ...c, include: true },
    );
    const checked = await v.call('migrate.preview', { migrateId: preview.migrateId, choices });
    expect(checked.rows[0]!.warnings).toContainEqual(expect.stringContaining('the old one is kept in its history'));
    expect(checked).toMatchObject({ canCommit: true, counts: { included: 2, updates: 1, errors: 0 } });
    const done = await v.call('migrate.commit', { migrateId: preview.migrateId, choices });
    expect(done).toMatchObject({ created: 1, updated: 1, passwordsStored: 2, notImported: [] });

    // The update: a new password, the old one in the history, nothing else of the account changed.
    expect(await secret(v, '@StMarysPE', 'password')).toBe(full.kpPe);
    expect(historyOf(v.core, existing.id).map((h) => h.password)).toEqual(['Before#Import-Pass-2025']);
    expect(await account(v, '@StMarysPE')).toMatchObject({
      username: '',
      profileUrl: '',
      passwordSetAt: '2025-11-03T00:00:00.000Z',
    });
    expect((await account(v, '@StMarysPE')).rotationRequired?.reason).toMatch(/^Imported from an unencrypted/);

    const blog = await account(v, 'peblog');
    expect(blog).toMatchObject({
      platform: 'other',
      displayName: 'PE blog',
      username: 'peblog',
      loginEmail: '',
      profileUrl: '',
      loginUrl: 'https://blog.stmarys.example.org/wp-admin',
      notes: '',
      passwordSetAt: '2025-10-01T00:00:00.000Z',
    });
    expect(await secret(v, 'peblog', 'password')).toBe(full.kpBlog);
  });

  it('keeps the username, TOTP seed and notes of a new account', async () => {
    const v = await open({ clock: clock() });
    const preview = await openFile(v, await keepassxcFullCsv(tempDir()));
    const choices = choicesOf(preview).filter((c) => c.entry === 1);
    await v.call('migrate.commit', { migrateId: preview.migrateId, choices });
    expect(await account(v, '@stmaryspe')).toMatchObject({
      username: 'stmaryspe_admin',
      profileUrl: 'https://x.com/stmaryspe',
      loginUrl: '',
      twoFactorMethod: 'authenticator-app',
      displayName: "St Mary's PE Twitter",
    });
    expect(await secret(v, '@stmaryspe', 'twoFactorNotes')).toMatch(
      new RegExp(
        `^TOTP \\(authenticator\\) secret: otpauth://totp/\\S+\\?secret=${full.kpTotpSeed}&\\S+\n\nNotes from KeePassXC CSV export:\nRecovery phone is the office mobile$`,
      ),
    );
  });
});

describe('a Bitwarden JSON with several addresses, history, custom fields and TOTP', () => {
  it('keeps every field, the history with its dates, and says nothing was left behind', async () => {
    const v = await open({ clock: clock() });
    const preview = await openFile(v, bitwardenFullJson(tempDir()));
    expect(preview.rows[0]).toMatchObject({
      urls: [
        'https://www.instagram.com/stmarys.music/',
        'https://www.instagram.com/accounts/login/',
        'androidapp://com.instagram.android',
      ],
      historyCount: 2,
      hasTotp: true,
      hasNotes: true,
    });
    const done = await v.call('migrate.commit', { migrateId: preview.migrateId, choices: choicesOf(preview) });
    expect(done).toMatchObject({ created: 2, passwordsStored: 2, notImported: [] });
    expect(done.advice).toContain('Delete the export file now');

    const music = await account(v, '@stmarys.music');
    expect(music).toMatchObject({
      platform: 'instagram',
      displayName: 'Music Instagram',
      username: 'stmarys.music.admin',
      loginEmail: '',
      profileUrl: 'https://www.instagram.com/stmarys.music/',
      loginUrl: 'https://www.instagram.com/accounts/login/',
      notes: 'Other web addresses in the Bitwarden export: androidapp://com.instagram.android',
      twoFactorMethod: 'authenticator-app',
      passwordSetAt: '2025-10-01T00:00:00.000Z',
    });
    expect(await secret(v, '@stmarys.music', 'password')).toBe(full.bwMusic);
    expect(await secret(v, '@stmarys.music', 'twoFactorNotes')).toBe(
      [
        `TOTP (authenticator) secret: ${full.bwTotp}`,
        `Fields from Bitwarden export:\nBackup phone PIN: ${full.bwPin}\nMade by: Mr Jones`,
        `Notes from Bitwarden export:\n${full.bwAnswer}`,
      ].join('\n\n'),
    );
    expect(historyOf(v.core, music.id)).toEqual([
      { password: full.bwMusicOld1, setAt: '2024-09-02T08:30:00.000Z', retiredAt: '2024-09-02T08:30:00.000Z' },
      { password: full.bwMusicOld2, setAt: '2024-09-02T08:30:00.000Z', retiredAt: '2025-10-01T12:00:00.000Z' },
    ]);
    // The history is Keyholder's own: a new password may not reuse one of them.
    const reuse = await v.refused(
      'secrets.set',
      { accountId: music.id, field: 'password', value: full.bwMusicOld1, source: 'typed', reason: 'Try' },
      'POLICY',
    );
    expect(reuse.message).toContain('has used this password before');

    expect(await account(v, 'stmarysschool')).toMatchObject({
      platform: 'youtube',
      loginEmail: 'socialmedia@stmarys.sch.uk',
      username: '',
      profileUrl: 'https://www.youtube.com/@stmarysschool',
    });
    expect(await secret(v, 'stmarysschool', 'password')).toBe(full.bwYt);
  });
});

describe('the small CSVs other tools write', () => {
  it('a KeePassX or KeePass 1.x CSV with no Group column', async () => {
    const v = await open({ clock: clock() });
    const path = join(tempDir(), 'keepassx.csv');
    writeFileSync(
      path,
      '"Title","Username","Password","URL","Notes"\n"School Facebook","office@stmarys.sch.uk","Kx#Heron-7720-Maple","https://www.facebook.com/StMarysSchool",""\n',
    );
    const preview = await openFile(v, path);
    expect(preview).toMatchObject({ format: 'keepassx-csv', canCommit: true });
    expect(preview.rows.map((r) => [r.platform, r.handle, r.username])).toEqual([
      ['facebook', 'StMarysSchool', 'office@stmarys.sch.uk'],
    ]);
    const legacy = join(tempDir(), 'keepass1.csv');
    writeFileSync(
      legacy,
      '"Account","Login Name","Password","Web Site","Comments"\n"PE","stmaryspe","Kx#Lark-3390-Moss","https://x.com/stmaryspe","x"\n',
    );
    expect((await openFile(v, legacy)).rows.map((r) => [r.platform, r.handle])).toEqual([['x', '@stmaryspe']]);
  });

  it("Bitwarden's minimal CSV, with and without a name column", async () => {
    const v = await open({ clock: clock() });
    const withName = join(tempDir(), 'bw-min.csv');
    writeFileSync(
      withName,
      'name,login_uri,login_username,login_password\nYouTube,https://www.youtube.com/@stmarysschool,socialmedia@stmarys.sch.uk,Bw#Min-1234-Pass\n',
    );
    const preview = await openFile(v, withName);
    expect(preview).toMatchObject({ format: 'bitwarden-csv', canCommit: true });
    expect(preview.rows.map((r) => [r.platform, r.handle])).toEqual([['youtube', 'stmarysschool']]);
    const bare = join(tempDir(), 'bw-bare.csv');
    writeFileSync(
      bare,
      'login_uri,login_username,login_password\nhttps://www.tiktok.com/@stmarys,office@stmarys.sch.uk,Bw#Min-5678-Pass\n',
    );
    expect((await openFile(v, bare)).rows.map((r) => [r.platform, r.handle])).toEqual([['tiktok', '@stmarys']]);
  });

  it('says plainly when nothing is recognised, and imports such an entry as Other when ticked', async () => {
    const v = await open({ clock: clock() });
    const path = join(tempDir(), 'other.csv');
    writeFileSync(
      path,
      '"Title","Username","Password","URL","Notes"\n"Parent portal","portaladmin","Kx#Wren-6642-Sand","https://portal.example.org/login",""\n',
    );
    const preview = await openFile(v, path);
    expect(preview).toMatchObject({ canCommit: false, counts: { entries: 1, included: 0 } });
    expect(preview.rows[0]).toMatchObject({
      recognised: false,
      include: false,
      platform: 'other',
      handle: 'portaladmin',
    });
    const choices = choicesOf(preview).map((c) => ({ ...c, include: true }));
    expect(await v.call('migrate.commit', { migrateId: preview.migrateId, choices })).toMatchObject({ created: 1 });
    expect(await account(v, 'portaladmin')).toMatchObject({
      platform: 'other',
      displayName: 'Parent portal',
      loginUrl: 'https://portal.example.org/login',
    });
  });
});
