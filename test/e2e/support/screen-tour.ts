import type { Page } from 'playwright-core';
import { bitwardenFullJson } from '../../unit/backup/migrate-full-fixtures';
import { AccountsPage } from '../pages/accounts-page';
import { BackupPage } from '../pages/backup-page';
import { HandoverPage } from '../pages/handover-page';
import { ReportsPage } from '../pages/reports-page';
import { sectionLabels, ShellPage } from '../pages/shell-page';
import type { AppSession } from './harness';

/** One screen of the tour: how to reach it from anywhere, and how to leave it (a dialog closes). */
export interface Screen {
  name: string;
  open: () => Promise<void>;
  close?: () => Promise<void>;
  /** Dialogs are shot as seen over the window; pages whole, scrolled parts included. */
  shot: 'page' | 'window';
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A dialog or a confirmation (role alertdialog). */
const anyDialog = (page: Page) => page.locator('[role="dialog"], [role="alertdialog"]');

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await anyDialog(page).waitFor({ state: 'detached' });
}

/** A dialog opened by a button on a page reached by `reach`; closed with Escape. */
function dialog(page: Page, name: string, reach: () => Promise<void>, button: string | RegExp): Screen {
  return {
    name: `dialog-${name}`,
    shot: 'window',
    open: async () => {
      await reach();
      await page.getByRole('button', { name: button }).first().click();
      await anyDialog(page).waitFor();
    },
    close: () => closeDialog(page),
  };
}

/**
 * Every section, the pages a level deeper (an account, a person, the departure wizard's steps, the
 * guided password change, the lock screen) and every dialog a school administrator meets, for a
 * seeded school whose `pendingHandle` account is not yet approved and `rotatingHandle` has a password.
 */
export function screenTour(app: AppSession, handles: { pendingHandle: string; rotatingHandle: string }): Screen[] {
  const page = app.page;
  const shell = new ShellPage(page);
  const accounts = new AccountsPage(page);
  const reports = new ReportsPage(page);
  const backup = new BackupPage(page);
  const handover = new HandoverPage(page);
  const account = (handle: string) => () => accounts.open().then(() => accounts.openAccount(handle));
  const person = async () => {
    await shell.goTo('People');
    await page.getByRole('link', { name: 'Anna Carter', exact: true }).click();
    await shell.heading.filter({ hasText: 'Anna Carter' }).waitFor();
  };
  const sections: Screen[] = sectionLabels.map((label) => ({
    name: slug(label),
    open: () => shell.goTo(label),
    shot: 'page',
  }));
  return [
    ...sections,
    { name: 'account', open: account('oakfield_music3'), shot: 'page' },
    { name: 'person', open: person, shot: 'page' },
    dialog(page, 'add-account', () => shell.goTo('Accounts'), 'Add account'),
    dialog(page, 'record-approval', account(handles.pendingHandle), 'Record approval'),
    dialog(page, 'reject-application', account(handles.pendingHandle), 'Reject application'),
    dialog(page, 'set-password', account('oakfield_pe2'), 'Set password'),
    dialog(page, 'add-a-named-holder', account('oakfield_pe2'), 'Add a named holder'),
    dialog(page, 'change-status', account('oakfield_pe2'), 'Change status'),
    dialog(page, 'security-threat', account('oakfield_music3'), 'Report a security threat'),
    {
      name: 'guided-password-change',
      shot: 'page',
      open: async () => {
        await account(handles.rotatingHandle)();
        // Started once; the second tour finds it still under way.
        const underWay = page.getByRole('group', { name: 'Password change under way' });
        if ((await underWay.count()) === 0) await page.getByRole('button', { name: 'Change the password now' }).click();
        await underWay.waitFor();
      },
    },
    dialog(page, 'abandon-the-change', account(handles.rotatingHandle), 'Abandon'),
    dialog(page, 'change-what-is-checked', () => shell.goTo('Weekly checks'), 'Change what is checked'),
    dialog(page, 'add-a-person', () => shell.goTo('People'), 'Add a person'),
    dialog(page, 'log-a-comment', () => reports.open('Issues and actions'), 'Log a comment'),
    dialog(page, 'enter-figures', () => reports.open('Engagement figures'), 'Enter figures'),
    dialog(page, 'make-a-backup', () => backup.open(), 'Make a backup now…'),
    dialog(page, 'restore', () => backup.open(), 'Restore from a backup…'),
    dialog(page, 'export-to-keepassxc', () => backup.open(), /^Export to KeePassXC/),
    dialog(page, 'import-from-password-manager', () => backup.open(), 'Import from KeePassXC or Bitwarden…'),
    {
      name: 'dialog-import-review',
      shot: 'window',
      open: async () => {
        await backup.open();
        await page.getByRole('button', { name: 'Import from KeePassXC or Bitwarden…' }).click();
        app.platform.openPaths.push(bitwardenFullJson(app.dataDir));
        await page.getByRole('button', { name: 'Choose the export file…' }).click();
        await page.getByRole('table', { name: 'Entries to import' }).waitFor();
      },
      // The wizard keeps its work from a stray Escape: Cancel closes it.
      close: async () => {
        await anyDialog(page).getByRole('button', { name: 'Cancel' }).click();
        await anyDialog(page).waitFor({ state: 'detached' });
      },
    },
    {
      name: 'departure-start',
      shot: 'page',
      open: () => handover.startDeparture('Anna Carter'),
    },
    {
      name: 'departure-plan',
      shot: 'page',
      open: async () => {
        await handover.startDeparture('Anna Carter');
        await page.getByRole('button', { name: 'Plan the handover' }).click();
        await page.getByRole('button', { name: 'Review' }).waitFor();
      },
    },
    {
      name: 'lock-screen',
      shot: 'page',
      open: async () => {
        await page.getByRole('button', { name: 'Lock the vault' }).click();
        await page.getByRole('button', { name: 'Unlock' }).waitFor();
      },
      close: async () => {
        await page.getByRole('button', { name: 'Unlock' }).click();
        await shell.nav.waitFor();
      },
    },
  ];
}
