import type { Locator, Page } from 'playwright-core';
import { ShellPage } from './shell-page';

/** Settings > Backup and restore, and the dialogs it opens. */
export class BackupPage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goTo('Settings');
    await this.page.getByRole('link', { name: /Backup, restore/ }).click();
    await this.heading.filter({ hasText: 'Backup and restore' }).waitFor();
  }

  get lastBackup(): Locator {
    return this.page.getByTestId('last-backup');
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Fills a passphrase dialog (typed twice) and submits it; the test queues the save path first. */
  async submitPassphrase(dialogName: string, passphrase: string, submit: string): Promise<Locator> {
    const dialog = this.dialog(dialogName);
    await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await dialog.getByLabel('Type the passphrase again').fill(passphrase);
    await dialog.getByRole('button', { name: submit }).click();
    return dialog;
  }

  async makeBackup(passphrase: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Make a backup now…' }).click();
    return this.submitPassphrase('Make a backup', passphrase, 'Choose where to save…');
  }

  async exportKeepass(passphrase: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Export to KeePassXC…' }).click();
    return this.submitPassphrase('Export to KeePassXC', passphrase, 'Choose where to save…');
  }

  /** The restore wizard, from any page that offers it; the test queues the file path first. */
  async restore(passphrase: string): Promise<Locator> {
    const wizard = this.dialog('Restore from a backup');
    await wizard.getByRole('button', { name: 'Choose the backup file…' }).click();
    await wizard.getByLabel('Backup passphrase').fill(passphrase);
    await wizard.getByRole('button', { name: 'Open the backup' }).click();
    await wizard.getByText('The backup opened and every record checks out').waitFor();
    return wizard;
  }

  async confirmRestore(wizard: Locator, name: RegExp): Promise<void> {
    await wizard.getByRole('button', { name }).click();
    await wizard.getByText('Restore complete').waitFor({ timeout: 30_000 });
  }
}
