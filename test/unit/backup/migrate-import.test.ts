import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MigratePreview } from '../../../shared/contract';
import { useBackupCores, type Vault } from './backup-harness';
import { bitwardenCsv, bitwardenJson, imported, keepassCsv } from './migrate-fixtures';

/**
 * Moving in from KeePassXC and Bitwarden: each login is guessed to a platform
 * and handle, shown for checking (never with its password), and imported all
 * at once or not at all, passwords straight into the vault.
 */
const { open, tempDir } = useBackupCores('keyholder-migrate-');

async function openFile(v: Vault, path: string): Promise<MigratePreview> {
  v.platform.openPaths.push(path);
  const opened = await v.call('migrate.open', {});
  if (opened.cancelled) throw new Error('cancelled');
  // Nothing secret reaches the window.
  for (const secret of Object.values(imported)) expect(JSON.stringify(opened)).not.toContain(secret);
  return opened;
}

const choicesOf = (preview: MigratePreview) =>
  preview.rows.map(({ entry, include, platform, handle }) => ({ entry, include, platform, handle }));

async function reveal(v: Vault, handle: string, field: 'password' | 'twoFactorNotes') {
  const account = (await v.call('accounts.list', {})).find((a) => a.handle === handle)!;
  return (await v.call('secrets.reveal', { accountId: account.id, field })).value;
}

describe('a KeePassXC CSV export (made by keepassxc-cli)', () => {
  it('guesses the social accounts, skips the rest and the recycle bin, and imports them', async () => {
    const v = await open();
    const preview = await openFile(v, keepassCsv(tempDir()));
    expect(preview).toMatchObject({ format: 'keepassxc-csv', skipped: 1, canCommit: true });
    expect(preview.rows.map(({ title, include, platform, handle }) => ({ title, include, platform, handle }))).toEqual([
      { title: "St Mary's PE Twitter", include: true, platform: 'x', handle: '@stmaryspe' },
      { title: 'School Facebook', include: true, platform: 'facebook', handle: 'StMarysSchool' },
      // Issue 12: an entry Keyholder does not recognise is offered as Other, unticked, named by its title.
      { title: 'School email', include: false, platform: 'other', handle: 'School email' },
    ]);
    expect(preview.rows[0]).toMatchObject({ group: 'Passwords/Social', hasPassword: true, hasNotes: true });

    const done = await v.call('migrate.commit', { migrateId: preview.migrateId, choices: choicesOf(preview) });
    expect(done).toMatchObject({ created: 2, passwordsStored: 2 });
    expect(done.advice).toContain('keepassxc-export.csv');
    const rows = await v.call('accounts.list', {});
    const accounts = await Promise.all(rows.map((a) => v.call('accounts.get', { id: a.id })));
    expect(accounts.map((a) => [a.handle, a.status, a.loginEmail, a.profileUrl, a.notes])).toEqual([
      ['StMarysSchool', 'proposed', 'office@stmarys.sch.uk', 'https://www.facebook.com/StMarysSchool', ''],
      ['@stmaryspe', 'proposed', '', 'https://twitter.com/stmaryspe', ''],
    ]);
    expect(accounts.every((a) => a.rotationRequired?.reason.startsWith('Imported from an unencrypted'))).toBe(true);
    expect(await reveal(v, '@stmaryspe', 'password')).toBe(imported.pe);
    expect(await reveal(v, 'StMarysSchool', 'password')).toBe(imported.fb);
    // The notes may hold answers to security questions: encrypted, never in the plain notes.
    expect(await reveal(v, '@stmaryspe', 'twoFactorNotes')).toBe(
      `Notes from KeePassXC CSV export:\n${imported.answer}`,
    );
    expect((await v.call('audit.list', { action: 'migrate.completed' }))[0]?.details).toMatchObject({
      format: 'keepassxc-csv',
      created: 2,
    });
    await v.refused('migrate.preview', { migrateId: preview.migrateId, choices: [] }, 'NOT_FOUND');
  });

  it('reports duplicates (platform + handle) and imports nothing until they are dealt with', async () => {
    const v = await open();
    await v.call('accounts.create', { platform: 'x', handle: '@StMarysPE' });
    const preview = await openFile(v, keepassCsv(tempDir()));
    expect(preview.canCommit).toBe(false);
    expect(preview.counts).toMatchObject({ included: 2, errors: 1, duplicates: 1 });
    expect(preview.rows[0]!.errors).toEqual([
      '@stmaryspe on X (Twitter) is already in the register. Untick this entry, or choose "Update the password" to replace its password with this one.',
    ]);
    const refusal = await v.refused(
      'migrate.commit',
      { migrateId: preview.migrateId, choices: choicesOf(preview) },
      'INVALID_INPUT',
    );
    expect(refusal.message).toMatch(/^Nothing was imported/);
    expect(await v.call('accounts.list', {})).toHaveLength(1);

    // Two entries for one account in the file are both errors: only the administrator knows which is right.
    const twice = choicesOf(preview).map((c) =>
      c.entry === 2 ? { ...c, platform: 'x' as const, handle: '@stmaryspe' } : c,
    );
    const both = await v.call('migrate.preview', { migrateId: preview.migrateId, choices: twice });
    expect(both.rows[1]!.errors.join(' ')).toContain('is also in entry 1');

    const fixed = choicesOf(preview).map((c) => (c.entry === 1 ? { ...c, include: false } : c));
    expect((await v.call('migrate.preview', { migrateId: preview.migrateId, choices: fixed })).canCommit).toBe(true);
    expect(await v.call('migrate.commit', { migrateId: preview.migrateId, choices: fixed })).toMatchObject({
      created: 1,
    });
    expect((await v.call('accounts.list', {})).map((a) => a.handle).sort()).toEqual(['@StMarysPE', 'StMarysSchool']);
  });
});

describe('a Bitwarden export', () => {
  it('JSON: logins only, TOTP and hidden fields encrypted, corrections applied', async () => {
    const v = await open();
    const preview = await openFile(v, bitwardenJson(tempDir()));
    expect(preview).toMatchObject({ format: 'bitwarden-json', skipped: 2 });
    expect(preview.rows.map(({ include, platform, handle, group }) => ({ include, platform, handle, group }))).toEqual([
      { include: true, platform: 'instagram', handle: '@stmarys.music', group: 'School social media' },
      { include: true, platform: 'youtube', handle: 'stmarysschool', group: 'School social media' },
      { include: false, platform: 'other', handle: 'peblog', group: 'School social media' },
    ]);
    expect(preview.rows[0]).toMatchObject({ hasTotp: true, hasNotes: true });
    // The administrator ticks the blog and says what it is.
    const choices = choicesOf(preview).map((c) =>
      c.entry === 3 ? { ...c, include: true, platform: 'other' as const } : c,
    );
    const checked = await v.call('migrate.preview', { migrateId: preview.migrateId, choices });
    expect(checked).toMatchObject({ canCommit: true, counts: { included: 3, passwords: 3, errors: 0 } });
    await v.call('migrate.commit', { migrateId: preview.migrateId, choices });

    const accounts = await v.call('accounts.list', {});
    const insta = await v.call('accounts.get', { id: accounts.find((a) => a.handle === '@stmarys.music')!.id });
    expect(insta).toMatchObject({
      twoFactorMethod: 'authenticator-app',
      profileUrl: 'https://www.instagram.com/stmarys.music/',
    });
    expect(insta.passwordSetAt).toBe('2025-10-01T00:00:00.000Z');
    expect(await reveal(v, '@stmarys.music', 'password')).toBe(imported.insta);
    const notes = await reveal(v, '@stmarys.music', 'twoFactorNotes');
    expect(notes).toContain(`TOTP (authenticator) secret: ${imported.totp}`);
    expect(notes).toContain('Backup phone PIN: 448213');
    expect(notes).toContain(imported.answer);
    expect(await reveal(v, 'stmarysschool', 'password')).toBe(imported.yt);
    expect(await reveal(v, 'peblog', 'password')).toBe(imported.blog);
  });

  // Issue 12: every address is kept (the profile, then the login page), not just the first.
  it('CSV: the same logins, every address kept, secure notes skipped', async () => {
    const v = await open();
    const preview = await openFile(v, bitwardenCsv(tempDir()));
    expect(preview).toMatchObject({ format: 'bitwarden-csv', skipped: 1, canCommit: true });
    expect(preview.rows.map((r) => [r.platform, r.handle, r.urls])).toEqual([
      ['instagram', '@stmarys.music', ['https://www.instagram.com/stmarys.music/', 'https://instagram.com']],
      ['youtube', 'stmarysschool', ['https://www.youtube.com/@stmarysschool']],
    ]);
    await v.call('migrate.commit', { migrateId: preview.migrateId, choices: choicesOf(preview) });
    const music = (await v.call('accounts.list', {})).find((a) => a.handle === '@stmarys.music')!;
    expect(await v.call('accounts.get', { id: music.id })).toMatchObject({
      profileUrl: 'https://www.instagram.com/stmarys.music/',
      loginUrl: 'https://instagram.com',
    });
    expect(await reveal(v, '@stmarys.music', 'password')).toBe(imported.insta);
    expect(await reveal(v, '@stmarys.music', 'twoFactorNotes')).toContain(imported.totp);
  });

  it('refuses an encrypted export, a KeePass database and an ordinary spreadsheet, saying what to do', async () => {
    const v = await open();
    const dir = tempDir();
    const attempt = async (path: string) => {
      v.platform.openPaths.push(path);
      return (await v.refused('migrate.open', {}, 'INVALID_INPUT')).message;
    };
    expect(await attempt(bitwardenJson(dir, true))).toMatch(
      /is an encrypted Bitwarden export\. In Bitwarden choose Tools > Export vault/,
    );
    const kdbx = join(dir, 'school.kdbx');
    writeFileSync(
      kdbx,
      Buffer.concat([Buffer.from([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5]), Buffer.alloc(64)]),
    );
    expect(await attempt(kdbx)).toMatch(/is a KeePass database \(\.kdbx\).*Export > CSV File/);
    const sheet = join(dir, 'passwords.csv');
    writeFileSync(sheet, 'Platform,Handle,Password\nX,@a,secret\n');
    expect(await attempt(sheet)).toMatch(/is not a KeePassXC, KeePassX or Bitwarden export.*Import a spreadsheet/);
    expect(await v.call('accounts.list', {})).toEqual([]);
  });
});
