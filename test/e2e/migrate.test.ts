import { describe, expect, it } from 'vitest';
import { aad, decryptSecret } from '../../electron/vault/envelope';
import { bitwardenFullJson, full, keepassxcFullCsv } from '../unit/backup/migrate-full-fixtures';
import { BackupPage } from './pages/backup-page';
import type { AppSession } from './support/harness';
import { useApp } from './support/suite';
import { call, fullAccounts } from '../support/core-calls';
import type { Account, SecretField } from '../../shared/contract';

/**
 * Moving in from KeePassXC and Bitwarden through the wizard, then every
 * field of every account compared with the export: usernames, every address,
 * TOTP seeds and custom fields (encrypted), Bitwarden's password history with
 * its dates, and an existing account's password updated with the old one kept.
 */
const openApp = useApp();
const clock = { now: () => new Date('2026-01-12T10:00:00Z') };

async function accounts(app: AppSession): Promise<Map<string, Account>> {
  return new Map((await fullAccounts(app.core)).map((a) => [a.handle, a]));
}

const reveal = async (app: AppSession, accountId: number, field: SecretField) =>
  (await call(app.core, 'secrets.reveal', { accountId, field })).value;

function history(app: AppSession, accountId: number) {
  const { core } = app;
  const rows = core.context.db
    .prepare('SELECT id, envelope, set_at, retired_at FROM password_history WHERE account_id = ? ORDER BY id')
    .all(accountId) as { id: number; envelope: string; set_at: string; retired_at: string }[];
  return rows.map((r) => [
    decryptSecret(core.vault.key(), r.envelope, aad.history(core.vault.vaultId(), accountId, r.id)),
    r.set_at,
    r.retired_at,
  ]);
}

async function openWizard(app: AppSession, path: string) {
  const page = new BackupPage(app.page);
  await page.open();
  await app.page.getByRole('button', { name: 'Import from KeePassXC or Bitwarden…' }).click();
  const wizard = page.dialog('Import from KeePassXC or Bitwarden');
  app.platform.openPaths.push(path);
  await wizard.getByRole('button', { name: 'Choose the export file…' }).click();
  await wizard.getByRole('table', { name: 'Entries to import' }).waitFor();
  const text = (await wizard.textContent()) ?? '';
  for (const secret of Object.values(full)) expect(text).not.toContain(secret);
  return wizard;
}

describe('moving in from a password manager', () => {
  it('KeePassXC CSV, then Bitwarden JSON: every field arrives, nothing is left behind', async () => {
    const app = await openApp({ clock });
    await app.page.setViewportSize({ width: 1280, height: 1400 });
    const existing = await call(app.core, 'accounts.create', { platform: 'x', handle: '@StMarysPE' });
    await call(app.core, 'secrets.set', {
      accountId: existing.id,
      field: 'password',
      value: 'Before#Import-Pass-2025',
      source: 'typed',
      reason: 'Set up',
    });

    const kp = await openWizard(app, await keepassxcFullCsv(app.dataDir));
    await kp.getByText('Keyholder did not recognise this', { exact: false }).waitFor();
    await kp.getByText('is already in the register').waitFor();
    await app.screenshot('migrate-keepassxc-review');
    await kp.getByRole('checkbox', { name: 'Update the password of the account in the register' }).check();
    await kp.getByRole('checkbox', { name: 'Import PE blog' }).check();
    await kp.getByRole('button', { name: 'Check again' }).click();
    await kp.getByText('All 2 ticked entries are ready to import.').waitFor();
    await kp.getByRole('button', { name: 'Import 2 accounts' }).click();
    await kp.getByText('Imported 1 account and 2 passwords').waitFor();
    await kp.getByText('1 password updated on accounts already in the register').waitFor();
    await app.screenshot('migrate-keepassxc-done');
    await kp.getByRole('button', { name: 'Done' }).click();

    let byHandle = await accounts(app);
    const pe = byHandle.get('@StMarysPE')!;
    expect(await reveal(app, pe.id, 'password')).toBe(full.kpPe);
    expect(history(app, pe.id).map(([password]) => password)).toEqual(['Before#Import-Pass-2025']);
    expect(pe.passwordSetAt).toBe('2025-11-03T00:00:00.000Z');
    const blog = byHandle.get('peblog')!;
    expect(blog).toMatchObject({
      platform: 'other',
      displayName: 'PE blog',
      username: 'peblog',
      loginEmail: '',
      profileUrl: '',
      loginUrl: 'https://blog.stmarys.example.org/wp-admin',
      notes: '',
      twoFactorMethod: 'none',
      replies: 'reply',
      passwordSetAt: '2025-10-01T00:00:00.000Z',
    });
    expect(await reveal(app, blog.id, 'password')).toBe(full.kpBlog);

    const bw = await openWizard(app, bitwardenFullJson(app.dataDir));
    await bw.getByText('All 2 ticked entries are ready to import.').waitFor();
    expect(await bw.textContent()).toContain('2 previous passwords');
    await app.screenshot('migrate-bitwarden-review');
    await bw.getByRole('button', { name: 'Import 2 accounts' }).click();
    await bw.getByText('Imported 2 accounts and 2 passwords').waitFor();
    expect(await bw.textContent()).toContain('Delete the export file now');

    byHandle = await accounts(app);
    const music = byHandle.get('@stmarys.music')!;
    expect(music).toMatchObject({
      platform: 'instagram',
      displayName: 'Music Instagram',
      username: 'stmarys.music.admin',
      loginEmail: '',
      profileUrl: 'https://www.instagram.com/stmarys.music/',
      loginUrl: 'https://www.instagram.com/accounts/login/',
      notes: 'Other web addresses in the Bitwarden export: androidapp://com.instagram.android',
      twoFactorMethod: 'authenticator-app',
      replies: 'reply',
      passwordSetAt: '2025-10-01T00:00:00.000Z',
    });
    expect(music.rotationRequired?.reason).toMatch(/^Imported from an unencrypted password manager export/);
    expect(await reveal(app, music.id, 'password')).toBe(full.bwMusic);
    expect(await reveal(app, music.id, 'twoFactorNotes')).toBe(
      [
        `TOTP (authenticator) secret: ${full.bwTotp}`,
        `Fields from Bitwarden export:\nBackup phone PIN: ${full.bwPin}\nMade by: Mr Jones`,
        `Notes from Bitwarden export:\n${full.bwAnswer}`,
      ].join('\n\n'),
    );
    expect(history(app, music.id)).toEqual([
      [full.bwMusicOld1, '2024-09-02T08:30:00.000Z', '2024-09-02T08:30:00.000Z'],
      [full.bwMusicOld2, '2024-09-02T08:30:00.000Z', '2025-10-01T12:00:00.000Z'],
    ]);
    const yt = byHandle.get('stmarysschool')!;
    expect(yt).toMatchObject({
      platform: 'youtube',
      displayName: 'School YouTube',
      username: '',
      loginEmail: 'socialmedia@stmarys.sch.uk',
      profileUrl: 'https://www.youtube.com/@stmarysschool',
      loginUrl: '',
      notes: '',
    });
    expect(await reveal(app, yt.id, 'password')).toBe(full.bwYt);
    expect(app.consoleErrors).toEqual([]);
  });
});
