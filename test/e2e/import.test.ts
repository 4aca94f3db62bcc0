import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountsPage } from './pages/accounts-page';
import { useApp } from './support/suite';

const openApp = useApp();

const header = 'Platform,Account,Display name,Login email,Password,Last changed';
const good = [
  'Twitter,@stmaryspe,"St Mary\'s PE, Sport",socialmedia@stmarys.sch.uk,Old#Spreadsheet-Pass-1,01/09/2025',
  "Facebook,StMarysSchool,St Mary's School,office@stmarys.sch.uk,Old#Spreadsheet-Pass-2,15/03/24",
];
const bad = 'Myspace,stmarysmusic,,office@stmarys.sch.uk,Old#Spreadsheet-Pass-3,31/02/2025';
const fixed = 'Instagram,stmarysmusic,,office@stmarys.sch.uk,Old#Spreadsheet-Pass-3,28/02/2025';

describe('importing the school spreadsheet', () => {
  it('shows every row checked, writes nothing while a row is bad, then imports all of it', async () => {
    const app = await openApp();
    const file = join(app.dataDir, 'social-media-passwords.csv');
    writeFileSync(file, `\uFEFF${[header, ...good, bad].join('\r\n')}\r\n`);
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await app.page.getByRole('button', { name: 'Import a spreadsheet' }).click();
    const wizard = app.page.getByRole('dialog', { name: 'Import a spreadsheet' });
    app.platform.openPaths.push(file);
    await wizard.getByRole('button', { name: 'Choose the spreadsheet…' }).click();
    await wizard.getByText('social-media-passwords.csv').waitFor();
    // The password column is masked in the sample: no password reaches the window.
    expect(await wizard.textContent()).not.toContain('Old#Spreadsheet-Pass');
    expect(await wizard.getByLabel('Password', { exact: true }).inputValue()).toBe('4');
    await wizard.getByRole('button', { name: 'Check every row' }).click();
    await wizard.getByText('1 of 3 rows need fixing').waitFor();
    const badRow = wizard.getByRole('table', { name: 'Rows to import' }).locator('tr[data-ok="false"]');
    expect(await badRow.count()).toBe(1);
    expect(await badRow.textContent()).toContain('4');
    expect(await wizard.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await app.screenshot('import-bad-row');
    const before = await app.core.dispatch('accounts.list', {});
    expect(before).toMatchObject({ ok: true, value: [] });

    writeFileSync(file, `\uFEFF${[header, ...good, fixed].join('\r\n')}\r\n`);
    app.platform.openPaths.push(file);
    await wizard.getByRole('button', { name: 'Open the file again' }).click();
    await wizard.getByRole('button', { name: 'Check every row' }).click();
    await wizard.getByText('All 3 rows are ready to import.').waitFor();
    await wizard.getByRole('button', { name: 'Import 3 accounts' }).click();
    await wizard.getByText('Imported 3 accounts and 3 passwords').waitFor();
    expect(await wizard.textContent()).toContain(`social-media-passwords.csv in ${app.dataDir}`);
    await app.screenshot('import-done');
    await wizard.getByRole('button', { name: 'Done' }).click();

    const rows = app.page.getByRole('table', { name: 'Account register' }).locator('tbody tr.register-row');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    const list = await app.core.dispatch('accounts.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const pe = (list.value as { id: number; handle: string; displayName: string }[]).find(
      (a) => a.handle === '@stmaryspe',
    );
    expect(pe?.displayName).toBe("St Mary's PE, Sport");
    const reveal = await app.core.dispatch('secrets.reveal', { accountId: pe!.id, field: 'password' });
    expect(reveal).toMatchObject({ ok: true, value: { value: 'Old#Spreadsheet-Pass-1' } });
  });
});
