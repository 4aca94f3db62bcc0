import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../support/core-calls';
import type { AppSession } from './support/harness';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { ImportWizard } from './pages/import-wizard';
import { useApp } from './support/suite';

/**
 * The renderer keeps every answer in its query cache and refetches only
 * what a change marks stale. This shows it on the Dashboard, the register
 * and the account page: each is seen first, then a member of staff leaves
 * and a spreadsheet is imported, and each shows the new state when reached
 * again from the sidebar. The page is never reloaded (checked at the end).
 *
 * The departure is recorded on the core directly, as the brief for this
 * test allows, so the window is not told of it: it shows because the
 * import, a change the window makes, marks stale everything a departure
 * also changes (accounts, holders, people, the policy checks, rotations).
 */
const openApp = useApp();
const clock = { now: () => new Date('2026-01-12T10:00:00Z') };

async function seed(app: AppSession): Promise<{ sam: number; priya: number; account: number }> {
  const ready = { policyAcknowledgedOn: '2025-09-01', trainingCompletedOn: '2025-09-02' };
  const head = await call(app.core, 'people.create', { name: 'Hannah Head', roles: ['headteacher'], ...ready });
  const person = (name: string) => call(app.core, 'people.create', { name, roles: ['staff'], ...ready });
  const samSport = await person('Sam Sport');
  const priyaPe = await person('Priya PE');
  const tomTeacher = await person('Tom Teacher');
  const account = await call(app.core, 'accounts.create', {
    platform: 'x',
    handle: 'stmaryspe',
    loginEmail: 'socialmedia@stmarys.sch.uk',
    leadPersonId: samSport.id,
  });
  for (const holder of [samSport, priyaPe, tomTeacher])
    await call(app.core, 'holders.add', {
      accountId: account.id,
      personId: holder.id,
      authorisedById: head.id,
      authorisedOn: '2025-09-01',
    });
  await call(app.core, 'secrets.set', {
    accountId: account.id,
    field: 'password',
    value: 'Kestrel!Harbour-5521-Violet',
    source: 'typed',
    reason: 'First password',
  });
  await call(app.core, 'accounts.approve', { id: account.id, approvedById: head.id, approvedOn: '2025-09-01' });
  return { sam: samSport.id, priya: priyaPe.id, account: account.id };
}

/** The data-code of every breach and warning in the account's policy check. */
const codes = (account: AccountPage) =>
  account.breaches.evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));

describe('screens that stay fresh without a reload', () => {
  it('the Dashboard, the register and the account page show an import and a departure', async () => {
    const app = await openApp({ clock });
    const accounts = new AccountsPage(app.page);
    const account = new AccountPage(app.page);
    // Nothing yet: the Dashboard's answer is cached with no accounts in it.
    await app.page.getByText('Nothing to check yet.').waitFor();
    await app.page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true));
    const ids = await seed(app);

    // The register and the account as they are before anything changes.
    await accounts.open();
    expect(await accounts.row('@stmaryspe').textContent()).toContain('Sam Sport');
    await accounts.openAccount('@stmaryspe');
    await account.fact('Lead').getByText('Sam Sport').waitFor();
    expect(await account.currentHolders.count()).toBe(3);
    // Still setting up (approved, not live): the business case is its step left; no password to change.
    await app.page.locator('[data-step="business-case"][data-done="no"]').waitFor();
    expect(await codes(account)).not.toContain('rotation-required');

    // Sam Sport leaves today: Priya PE takes over as lead, Sam is removed as a holder.
    await call(app.core, 'handover.execute', {
      personId: ids.sam,
      leavingOn: '2026-01-12',
      leads: [{ accountId: ids.account, action: 'transfer', newLeadId: ids.priya }],
      acknowledgements: [],
    });

    // The school's spreadsheet, through the wizard, from the register.
    const file = join(app.dataDir, 'arts.csv');
    writeFileSync(
      file,
      'Platform,Account,Password,Who knows it\nInstagram,stmarysarts,Otter#Lake-2209-Arts,Priya PE\n',
    );
    await accounts.open();
    const wizard = new ImportWizard(app.page);
    app.platform.openPaths.push(file);
    await wizard.start();
    await wizard.checkEveryRow();
    await wizard.summary('All 1 included row is ready to import.');
    await wizard.dialog.getByRole('button', { name: 'Import 1 account' }).click();
    await wizard.dialog.getByText('Imported 1 account and 1 password').waitFor();
    await wizard.dialog.getByRole('button', { name: 'Done' }).click();

    // The register, still open under the wizard, already shows both changes.
    await accounts.row('stmarysarts').waitFor();
    await accounts.row('@stmaryspe').getByText('Priya PE').waitFor();
    expect(await accounts.rows.count()).toBe(2);
    await app.screenshot('fresh-register');

    // The Dashboard: the new account's checks, and the password Sam still knows.
    await accounts.goTo('Dashboard');
    const needs = app.page.getByRole('list', { name: 'Needs you, most urgent first' });
    await needs.locator('li').first().waitFor();
    await needs.locator('li[data-code="rotation-required"]', { hasText: '@stmaryspe' }).waitFor();
    await needs.locator('li[data-code="holder-not-authorised"]', { hasText: 'stmarysarts' }).waitFor();
    await app.page.getByTestId('state-counts').getByText('2 accounts in use', { exact: false }).waitFor();
    // Both passwords are to change, first on the list: the one Sam knows, and the one that sat in the spreadsheet.
    expect(await needs.locator('li[data-group="threat"]').count()).toBe(2);
    expect(await needs.locator('li').first().getAttribute('data-group')).toBe('threat');
    await app.screenshot('fresh-dashboard');

    // The account page seen before the departure: new lead, Sam a past holder, the password to change.
    await accounts.open();
    await accounts.openAccount('@stmaryspe');
    await account.fact('Lead').getByText('Priya PE').waitFor();
    expect(await account.currentHolders.count()).toBe(2);
    expect(await account.currentHolders.allTextContents()).not.toEqual(
      expect.arrayContaining([expect.stringContaining('Sam Sport')]),
    );
    expect(await account.pastHolders.textContent()).toContain('Sam Sport');
    await app.page.getByRole('note').getByText('The password must be changed').waitFor();
    expect(await codes(account)).toContain('rotation-required');
    await app.screenshot('fresh-account');

    // The imported account, its holder waiting for the authorisation the sheet could not give.
    await accounts.open();
    await accounts.openAccount('stmarysarts');
    await account.currentHolders.filter({ hasText: 'Priya PE' }).getByText('Not recorded').waitFor();

    expect(await app.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });
});
