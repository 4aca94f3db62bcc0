import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepassCli, readEntries } from '../unit/backup/keepass-cli';
import { bitwardenJson, imported } from '../unit/backup/migrate-fixtures';
import { BackupPage } from './pages/backup-page';
import { useApp } from './support/suite';
import { call } from '../support/core-calls';

const openApp = useApp();
const passphrase = 'Harbour-Lantern#Quarry-5821';
const password = 'Kestrel#Harbour-7429!';

/**
 * The laptop dies: the administrator made a backup, and on the new laptop the
 * first-run screen restores it (a new key in that computer's keychain), after
 * which the vault is exported to KeePassXC and opened with keepassxc-cli.
 */
describe('backup, restore on a new computer, export to KeePassXC', () => {
  it('makes a backup, restores it into a new profile and exports the result', async () => {
    const old = await openApp();
    const { id: accountId } = await call(old.core, 'accounts.create', {
      platform: 'x',
      handle: '@stmaryspe',
      loginEmail: 'socialmedia@stmarys.sch.uk',
    });
    await call(old.core, 'secrets.set', {
      accountId,
      field: 'password',
      value: password,
      source: 'typed',
      reason: 'First password',
    });

    // No backup yet: the Dashboard says so.
    await old.page.reload();
    const warning = old.page.getByTestId('backup-warning');
    await warning.getByText('No backup of the vault has been made yet.', { exact: false }).waitFor();
    await old.screenshot('backup-dashboard-warning');

    const backup = new BackupPage(old.page);
    await backup.open();
    await old.screenshot('backup-page');
    // A weak passphrase is refused in the dialog, with the reasons.
    await old.page.getByRole('button', { name: 'Make a backup now…' }).click();
    const weak = await backup.submitPassphrase('Make a backup', 'password1', 'Choose where to save…');
    await weak.getByText(/Choose a stronger passphrase/).waitFor();
    await old.screenshot('backup-weak-passphrase');
    await weak.getByRole('button', { name: 'Cancel' }).click();

    const file = join(old.dataDir, 'keyholder-backup.khbackup');
    old.platform.savePaths.push(file);
    const made = await backup.makeBackup(passphrase);
    await made.getByText('Backup saved as “keyholder-backup.khbackup”', { exact: false }).waitFor({ timeout: 30_000 });
    await old.screenshot('backup-made');
    await made.getByRole('button', { name: 'Done' }).click();
    // The status refreshes after the dialog closes: wait for it rather than read it once.
    await backup.lastBackup.filter({ hasText: /^Last backup: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/ }).waitFor();

    // The new laptop: a fresh profile and keychain, at the first-run screen.
    const fresh = await openApp({ setup: false });
    await fresh.page.getByRole('heading', { name: 'Welcome to Keyholder' }).waitFor();
    await fresh.page.getByRole('button', { name: 'Restore from a backup…' }).click();
    fresh.platform.openPaths.push(file);
    const restorePage = new BackupPage(fresh.page);
    const wizard = await restorePage.restore(passphrase);
    expect(await wizard.textContent()).toContain('1 account, 1 password (0 previous)');
    expect(await wizard.textContent()).toContain('This computer has no vault yet');
    await fresh.screenshot('restore-checked');
    await restorePage.confirmRestore(wizard, /^Restore this backup$/);
    await fresh.screenshot('restore-done');
    await wizard.getByRole('button', { name: 'Open the restored vault' }).click();
    await fresh.page.getByRole('navigation', { name: 'Main' }).waitFor();
    const reveal = await fresh.core.dispatch('secrets.reveal', { accountId, field: 'password' });
    expect(reveal).toMatchObject({ ok: true, value: { value: password } });
    await restorePage.goTo('Accounts');
    await fresh.page.getByText('@stmaryspe').first().waitFor();

    await restorePage.open();
    const kdbx = join(fresh.dataDir, 'school.kdbx');
    fresh.platform.savePaths.push(kdbx);
    const exported = await restorePage.exportKeepass(passphrase);
    await exported
      .getByText('Saved as “school.kdbx”: 1 entry in 1 group', { exact: false })
      .waitFor({ timeout: 30_000 });
    await fresh.screenshot('keepass-exported');
    const xml = keepassCli(['export', '-q', '-f', 'xml', kdbx], passphrase);
    expect(xml.status, xml.stderr).toBe(0);
    expect(
      readEntries(xml.stdout).entries.map((e) => [e.strings.Title, e.strings.UserName, e.strings.Password]),
    ).toEqual([['@stmaryspe', 'socialmedia@stmarys.sch.uk', password]]);
    expect(old.consoleErrors).toEqual([]);
    expect(fresh.consoleErrors).toEqual([]);
  });

  it('imports a Bitwarden export through the wizard, after the administrator corrects an entry', async () => {
    const app = await openApp();
    const page = new BackupPage(app.page);
    await page.open();
    await app.page.getByRole('button', { name: 'Import from KeePassXC or Bitwarden…' }).click();
    const wizard = page.dialog('Import from KeePassXC or Bitwarden');
    app.platform.openPaths.push(bitwardenJson(app.dataDir));
    await wizard.getByRole('button', { name: 'Choose the export file…' }).click();
    await wizard.getByText('All 2 ticked entries are ready to import.').waitFor();
    // No password, TOTP secret or note from the export reaches the window.
    const text = (await wizard.textContent()) ?? '';
    for (const secret of Object.values(imported)) expect(text).not.toContain(secret);
    await wizard.getByLabel('Import PE blog').check();
    await wizard.getByLabel('Platform of PE blog').selectOption('other');
    await wizard.getByText('You changed the choices').waitFor();
    expect(await wizard.getByRole('button', { name: /^Import 3 accounts$/ }).isDisabled()).toBe(true);
    await wizard.getByRole('button', { name: 'Check again' }).click();
    await wizard.getByText('All 3 ticked entries are ready to import.').waitFor();
    await app.screenshot('migrate-review');
    await wizard.getByRole('button', { name: 'Import 3 accounts' }).click();
    await wizard.getByText('Imported 3 accounts and 3 passwords').waitFor();
    await app.screenshot('migrate-done');
    const blog = (await call(app.core, 'accounts.list', {})).find((a) => a.handle === 'peblog');
    expect(blog?.platform).toBe('other');
    const reveal = await app.core.dispatch('secrets.reveal', { accountId: blog!.id, field: 'password' });
    expect(reveal).toMatchObject({ ok: true, value: { value: imported.blog } });
    expect(app.consoleErrors).toEqual([]);
  });
});
