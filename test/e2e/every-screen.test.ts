import { describe, expect, it } from 'vitest';
import { AccountsPage } from './pages/accounts-page';
import { BackupPage } from './pages/backup-page';
import { ReportsPage } from './pages/reports-page';
import { sectionLabels, ShellPage, type SectionLabel } from './pages/shell-page';
import { axeViolations } from './support/axe';
import { seedSchool } from './support/school';
import { useApp } from './support/suite';

/**
 * Every section and the dialogs of each, a page deeper included, for a school of 25 accounts and
 * 40 staff at 1366x768: axe-core (WCAG 2.1 A/AA and target size) finds
 * nothing, and a screenshot of each is kept for a person to look at.
 */
const openApp = useApp();
const clock = { now: () => new Date('2026-01-12T10:00:00Z') };

describe('every screen', () => {
  it('passes axe on every section and its main dialogs, with a screenshot of each', async () => {
    const app = await openApp({ clock });
    await seedSchool(app);
    const shell = new ShellPage(app.page);
    const reports = new ReportsPage(app.page);
    const backup = new BackupPage(app.page);
    const accounts = new AccountsPage(app.page);
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      await app.screenshot(`screen-${name}`);
      const violations = await axeViolations(app.page);
      if (violations.length > 0) found[name] = violations;
    };
    for (const label of sectionLabels) {
      await shell.goTo(label);
      await check(label.toLowerCase().replace(/\s+/g, '-'));
    }
    const dialogs: [SectionLabel, string][] = [
      ['Accounts', 'Add account'],
      ['Weekly checks', 'Change what is checked'],
    ];
    for (const [section, button] of dialogs) {
      await shell.goTo(section);
      await app.page.getByRole('button', { name: button }).first().click();
      await app.page.getByRole('dialog').waitFor();
      await check(`dialog-${button.toLowerCase().replace(/\s+/g, '-')}`);
      await app.page.keyboard.press('Escape');
      await app.page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    // The dialogs that live a page deeper.
    const deeper: [string, () => Promise<void>, string][] = [
      ['log-a-comment', () => reports.open('Issues and actions'), 'Log a comment'],
      ['enter-figures', () => reports.open('Engagement figures'), 'Enter figures'],
      ['make-a-backup', () => backup.open(), 'Make a backup now…'],
      ['restore', () => backup.open(), 'Restore from a backup…'],
      ['import-from-password-manager', () => backup.open(), 'Import from KeePassXC or Bitwarden…'],
      ['add-a-person', () => shell.goTo('People'), 'Add a person'],
      [
        'security-threat',
        () => accounts.open().then(() => accounts.openAccount('oakfield_music3')),
        'Report a security threat',
      ],
    ];
    for (const [name, open, button] of deeper) {
      await open();
      await app.page.getByRole('button', { name: button }).first().click();
      await app.page.getByRole('dialog').waitFor();
      await check(`dialog-${name}`);
      await app.page.keyboard.press('Escape');
      await app.page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await shell.goTo('Dashboard');
    await check('dashboard-1920');
    expect(found).toEqual({});
    expect(app.consoleErrors).toEqual([]);
  });
});
