import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { pdfPages } from '../support/read-documents';
import type { PersonRole } from '../../shared/contract';
import { call } from '../support/core-calls';
import type { AppSession } from './support/harness';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { BackupPage } from './pages/backup-page';
import { typeDate } from './pages/people-page';
import { SettingsPage } from './pages/settings-page';
import { useApp } from './support/suite';

/**
 * The school's own rules from issue 16: who approves (here wentworth's
 * "the Headteacher and Governors"), rejecting an application with a reason,
 * temporary access with an end date, and third-party apps on an account.
 */
const openApp = useApp();
let now = new Date('2026-03-02T10:00:00Z');
/** The core's clock; the test moves it on (the page keeps the computer's own). */
const clock = { now: () => now };
const ready = { policyAcknowledgedOn: '2025-09-01', trainingCompletedOn: '2025-09-02' };

async function seed(app: AppSession): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  const add = async (name: string, roles: PersonRole[]) => {
    ids[name] = (await call(app.core, 'people.create', { name, roles, ...ready })).id;
  };
  await add('Hannah Head', ['headteacher']);
  await add('Gita Governor', ['governor']);
  await add('Sam Sport', ['staff']);
  for (const handle of ['stmaryspe', 'stmaryschess'])
    await call(app.core, 'accounts.create', { platform: 'x', handle, leadPersonId: ids['Sam Sport']! });
  await app.page.setViewportSize({ width: 1366, height: 768 });
  return ids;
}

describe("the school's own approval rules", () => {
  beforeEach(() => {
    now = new Date('2026-03-02T10:00:00Z');
  });

  it('approves with the Headteacher and a governor, and rejects an application with a reason', async () => {
    const app = await openApp({ clock });
    await seed(app);
    const settings = new SettingsPage(app.page);
    await settings.open();
    const rules = app.page.getByRole('form', { name: 'Approval rules' });
    await rules
      .getByLabel('Who approves a new account')
      .selectOption({ label: 'The Headteacher and a governor, both recorded' });
    await rules.getByRole('button', { name: 'Save approval rules' }).click();
    await rules.getByRole('status').filter({ hasText: 'Approval rules saved.' }).waitFor();
    await rules.screenshot({ path: 'test-results/screenshots/school-rules-settings.png' });

    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.openAccount('@stmaryspe');
    const account = new AccountPage(app.page);
    await app.page.getByRole('button', { name: 'Record approval' }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByText('School rule: The Headteacher and a governor, both recorded.').waitFor();
    await dialog.getByLabel('Approved by').selectOption({ label: 'Hannah Head' });
    await dialog.getByLabel('Governor who approved it').selectOption({ label: 'Gita Governor' });
    await app.screenshot('school-rules-approval-dialog');
    await dialog.getByRole('button', { name: 'Record approval' }).click();
    await dialog.waitFor({ state: 'detached' });
    await account
      .fact('Approved')
      .getByText(/^Hannah Head and Gita Governor \(governor\), \d{2}\/\d{2}\/\d{4}$/)
      .waitFor();

    await accounts.open();
    await accounts.openAccount('@stmaryschess');
    await app.page.getByRole('button', { name: 'Reject application' }).click();
    const reject = app.page.getByRole('dialog');
    await reject.getByLabel('Rejected by').selectOption({ label: 'Hannah Head' });
    await reject.getByLabel('Reason').fill('The chess club posts through the main school account.');
    await reject.getByRole('button', { name: 'Reject application' }).click();
    await reject.waitFor({ state: 'detached' });
    await account
      .fact('Rejected')
      .getByText(/^Hannah Head, \d{2}\/\d{2}\/\d{4}: The chess club posts through the main school account\.$/)
      .waitFor();
    expect(await account.heading.textContent()).toContain('Rejected');
    await app.screenshot('school-rules-rejected');
    expect(app.consoleErrors).toEqual([]);
  });

  it('gives a teacher access for a trip, which ends on its date and makes the password change due', async () => {
    const app = await openApp({ clock });
    await seed(app);
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.openAccount('@stmaryspe');
    const account = new AccountPage(app.page);
    await app.page.getByRole('button', { name: 'Add a named holder' }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByLabel('Person').selectOption({ label: 'Sam Sport' });
    await dialog.getByLabel('Authorised by').selectOption({ label: 'Hannah Head' });
    await typeDate(app.page, 'Access ends on (optional)', '13/03/2026');
    await app.screenshot('temporary-access-dialog');
    await dialog.getByRole('button', { name: 'Add holder' }).click();
    await dialog.waitFor({ state: 'detached' });
    await account.currentHolders.getByText('Temporary access: ends on 13/03/2026').waitFor();
    await app.screenshot('temporary-access-holder');

    // The trip is over: on the core's next tick the holder is removed and the password must change.
    now = new Date('2026-03-13T08:00:00Z');
    app.core.activity();
    app.core.tick();
    await app.page.reload();
    await account.pastHolders
      .getByText('Sam Sport: 02/03/2026 to 13/03/2026 (temporary access ended on 13/03/2026)')
      .waitFor({ state: 'attached' });
    await app.page
      .getByRole('note')
      .getByText("The password must be changed: Sam Sport's temporary access ended on 13/03/2026.")
      .waitFor();
    expect(await account.currentHolders.count()).toBe(0);
    await app.screenshot('temporary-access-ended');
    expect(app.consoleErrors).toEqual([]);
  });

  it('prints the emergency kit for the school safe and stops reminding', async () => {
    const app = await openApp({ clock });
    await app.page.setViewportSize({ width: 1366, height: 768 });
    const backup = new BackupPage(app.page);
    await backup.open();
    const kit = app.page.getByRole('region', { name: 'Emergency kit' });
    await kit.getByText('No emergency kit has been printed.', { exact: false }).waitFor();
    await kit.screenshot({ path: 'test-results/screenshots/emergency-kit-needed.png' });

    const path = join(app.dataDir, 'emergency-kit.pdf');
    app.platform.savePaths.push(path);
    await kit.getByRole('button', { name: 'Print the emergency kit…' }).click();
    await kit.getByText('Kit saved as “emergency-kit.pdf”.', { exact: false }).waitFor({ timeout: 30_000 });
    await kit.getByText('Last printed: 02/03/2026 10:00.').waitFor();
    expect(await kit.getByText('No emergency kit has been printed.', { exact: false }).count()).toBe(0);
    await kit.screenshot({ path: 'test-results/screenshots/emergency-kit-printed.png' });

    const text = (await pdfPages(readFileSync(path))).join(' ');
    expect(text).toContain(`Computer ${hostname()}`);
    expect(text).toContain('Automatic backups are not set up');
    expect(text).toContain('How to restore on another computer');
    expect(text).toContain('Backup passphrase');
    // Kept for a person to look at (pdftoppm -png test-results/documents/emergency-kit.pdf).
    mkdirSync('test-results/documents', { recursive: true });
    copyFileSync(path, 'test-results/documents/emergency-kit.pdf');
    expect(app.consoleErrors).toEqual([]);
  });

  it('records a scheduling app approved by the Headteacher on the account page', async () => {
    const app = await openApp({ clock });
    await seed(app);
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.openAccount('@stmaryspe');
    const card = app.page.getByRole('region', { name: 'Connected apps' });
    await card.getByText('No apps are recorded.', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Record a connected app' }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByLabel('App or service').fill('Buffer');
    await dialog.getByLabel('What it does').selectOption({ label: 'Scheduling posts' });
    await dialog.getByLabel('Approved by').selectOption({ label: 'Hannah Head' });
    await app.screenshot('connected-app-dialog');
    await dialog.getByRole('button', { name: 'Record app' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByText(/^Buffer \(Scheduling posts\): approved by Hannah Head, \d{2}\/\d{2}\/\d{4}/).waitFor();
    await card.screenshot({ path: 'test-results/screenshots/connected-apps.png' });
    expect(app.consoleErrors).toEqual([]);
  });
});
