import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../support/core-calls';
import type { AppSession } from './support/harness';
import { AccountsPage } from './pages/accounts-page';
import { ImportWizard } from './pages/import-wizard';
import { useApp } from './support/suite';

/**
 * The school's messy spreadsheet through the wizard, as a new administrator
 * would bring it in: the header row found under a title, no password in the
 * window, every row checked with its errors and warnings, rows left out with
 * one click, named people matched or asked, then the import and the
 * Dashboard's breaches. The fixtures are test/fixtures/import (the .xlsx
 * saved by LibreOffice).
 */
const openApp = useApp();
const fixtures = join(import.meta.dirname, '../fixtures/import');
const clock = { now: () => new Date('2026-01-12T10:00:00Z') };
const passwords = [
  '="Tide"&"Mill"&42!',
  'Heron#Quarry-7720',
  'password1',
  'Old#Pass-Duplicate-1',
  'Otter#Lake-2209',
  'Pass!7Lane',
  'Wren%Sand-6642-Blog',
];

async function seedPeople(app: AppSession): Promise<void> {
  for (const [name, roles] of [
    ['Helen Head', ['headteacher']],
    ['Anna Carter', ['staff']],
    ['Zoe Ng', ['staff']],
    ['Dev Patel', ['staff']],
    ['Deepa Patel', ['staff']],
    ['Sam Smith', ['staff']],
  ] as const) {
    await call(app.core, 'people.create', { name, roles: [...roles] });
  }
}

/** Rows with something in them below row 3, as Python's csv module (a spreadsheet program) reads the file. */
function pythonDataRows(path: string): number {
  const script =
    'import csv,sys\nrows=list(csv.reader(open(sys.argv[1],newline="",encoding="utf-8-sig")))\nprint(sum(1 for r in rows[3:] if any(c.strip() for c in r)))';
  const run = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.trim());
}

async function noPasswordShown(wizard: ImportWizard): Promise<void> {
  const text = await wizard.text();
  for (const password of passwords) expect(text).not.toContain(password);
}

describe('importing the school spreadsheet', () => {
  it('CSV: checks every row, lets rows be left out and people chosen, imports, and the Dashboard shows the problems', async () => {
    const app = await openApp({ clock });
    await seedPeople(app);
    const file = join(app.dataDir, 'social-media-passwords.csv');
    copyFileSync(join(fixtures, 'messy-sheet.csv'), file);
    // A spreadsheet program reads the same number of rows once the stray quote in L9 is fixed.
    const fixed = join(app.dataDir, 'fixed.csv');
    writeFileSync(fixed, readFileSync(file, 'utf8').replace('"Ask Zoe', 'Ask Zoe'));
    expect(pythonDataRows(fixed)).toBe(8);

    const accounts = new AccountsPage(app.page);
    await accounts.open();
    const wizard = new ImportWizard(app.page);
    app.platform.openPaths.push(file);
    await wizard.start();
    await app.page.setViewportSize({ width: 1280, height: 1500 });
    expect(await wizard.headerRow.inputValue()).toBe('3');
    expect(await wizard.text()).toContain('8 rows of accounts (1 empty row skipped), 1 row above the column names.');
    expect(await wizard.dialog.getByLabel('Who knows the password').inputValue()).toBe('7');
    expect(await wizard.dialog.getByLabel('Approved by', { exact: true }).inputValue()).toBe('8');
    await noPasswordShown(wizard);
    await app.screenshot('import-columns');
    // Choosing the title row as the header shows its effect at once; row 3 is chosen back.
    await wizard.headerRow.selectOption('1');
    await wizard.dialog.getByRole('option', { name: /^Row 1: St Mary/ }).waitFor({ state: 'attached' });
    await wizard.dialog.getByText(/9 rows of accounts/).waitFor();
    await noPasswordShown(wizard);
    await wizard.headerRow.selectOption('3');
    await wizard.dialog.getByText(/8 rows of accounts/).waitFor();

    // A tall window, so the screenshots show the whole wizard rather than its first screen.
    await app.page.setViewportSize({ width: 1280, height: 2400 });
    await wizard.checkEveryRow();
    await wizard.summary('4 of 8 included rows need fixing before anything can be imported.');
    expect(await wizard.row(4).textContent()).toContain('is also on row 8');
    expect(await wizard.row(6).textContent()).toContain('Who is "D Patel"?');
    expect(await wizard.row(6).textContent()).toContain("The password does not meet the school's policy");
    expect(await wizard.row(6).textContent()).toContain('jo.bloggs@gmail.com looks like a person');
    expect(await wizard.row(7).textContent()).toContain('There is no password in this row');
    expect(await wizard.row(9).textContent()).toContain('Cell L9 starts with a quotation mark');
    expect(await wizard.row(10).textContent()).toContain(
      'Cell F10 (Password) has text after its closing quotation mark',
    );
    expect(await wizard.row(12).textContent()).toContain('The approval is not recorded');
    expect(await wizard.rows.locator('tr[data-ok="false"]').count()).toBe(4);
    expect(await wizard.dialog.getByRole('button', { name: /^Import \d+ accounts?$/ }).isDisabled()).toBe(true);
    await noPasswordShown(wizard);
    await app.screenshot('import-checked');
    const before = await app.core.dispatch('accounts.list', {});
    expect(before).toMatchObject({ ok: true, value: [] });

    // One click each: who D Patel is, keep row 4 (row 8 is left out), leave out row 9, record three holders.
    await wizard.dialog.getByLabel('D Patel').selectOption({ label: 'Dev Patel' });
    await wizard
      .row(6)
      .getByText(/4 people know this password/)
      .waitFor();
    await wizard.row(4).getByRole('button', { name: 'Keep this one' }).click();
    await wizard.row(8).getByText('Left out: not imported.').waitFor();
    await wizard.row(9).getByRole('checkbox', { name: 'Import row 9' }).uncheck();
    await wizard.row(9).getByText('Left out: not imported.').waitFor();
    await wizard.row(6).getByRole('checkbox', { name: 'Zoe Ng' }).uncheck();
    await wizard.summary('All 6 included rows are ready to import.');
    expect(await wizard.row(6).textContent()).toContain('Not recorded as holders, as you chose: Zoe Ng');
    expect(await wizard.rows.locator('tr[data-included="false"]').count()).toBe(2);
    await app.screenshot('import-excluded');

    await wizard.dialog.getByRole('button', { name: 'Import 6 accounts' }).click();
    await wizard.dialog.getByText('Imported 6 accounts and 5 passwords').waitFor();
    const done = await wizard.text();
    expect(done).toContain('1 person added to People, to check');
    expect(done).toContain('You left out rows 8, 9');
    expect(done).toContain(`social-media-passwords.csv in ${app.dataDir}`);
    await app.screenshot('import-done');
    await wizard.dialog.getByRole('button', { name: 'Done' }).click();

    await accounts.goTo('Dashboard');
    const needs = app.page.getByRole('list', { name: 'Needs you, most urgent first' });
    await needs.getByText('@stmarys.music:').first().waitFor();
    const listed = await needs
      .locator('li.need')
      .evaluateAll((items) =>
        items.map(
          (li) =>
            `${li.getAttribute('data-code') ?? li.getAttribute('data-group')} ${li.textContent?.split(' ')[0] ?? ''}`,
        ),
      );
    for (const expected of [
      'weak-password @stmarys.music:',
      'personal-login-email @stmarys.music:',
      'setting-up stmarysschool',
      'rotation-required @stmaryspe:',
      'holder-not-authorised @stmaryspe:',
    ])
      expect(listed, listed.join('\n')).toContain(expected);
    expect(await app.page.textContent('body')).not.toContain('this meets the school policy');
    await app.screenshot('import-dashboard');

    // The account: its username shown, its imported holders waiting for their authorisation.
    await accounts.open();
    await accounts.openAccount('@stmarys.music');
    await app.page.getByText('stmarysmusic_admin').waitFor();
    const holders = app.page.getByRole('table', { name: 'Current holders' });
    expect(await holders.getByText('Not recorded').count()).toBe(3);
    await holders.getByRole('button', { name: 'Record who authorised Ben Singh' }).waitFor();
    await app.screenshot('import-account');
    // The person the import added is marked for checking.
    await accounts.goTo('People');
    await app.page.getByRole('row').filter({ hasText: 'Ben Singh' }).getByText('Added by import: check').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('XLSX saved by LibreOffice: the header under a merged title, a hidden password column, formula and date cells', async () => {
    const app = await openApp({ clock });
    await seedPeople(app);
    const file = join(app.dataDir, 'accounts.xlsx');
    copyFileSync(join(fixtures, 'messy-sheet.xlsx'), file);
    await new AccountsPage(app.page).open();
    const wizard = new ImportWizard(app.page);
    app.platform.openPaths.push(file);
    await wizard.start();
    expect(await wizard.headerRow.inputValue()).toBe('3');
    expect(await wizard.text()).toContain('sheet "Accounts": 8 rows of accounts');
    expect(await wizard.dialog.getByLabel('Password', { exact: true }).inputValue()).toBe('5');
    await noPasswordShown(wizard);
    await wizard.checkEveryRow();
    await wizard.dialog.getByText('Column F ("Password") is hidden in the workbook').waitFor();
    expect(await wizard.row(7).textContent()).toContain('This row is hidden in the workbook');
    await wizard.dialog.getByLabel('D Patel').selectOption({ label: 'Deepa Patel' });
    await wizard.row(6).getByLabel('Or a reason to record them all').fill('Four run the music trip');
    await wizard.row(6).getByLabel('Or a reason to record them all').press('Tab');
    await wizard
      .row(6)
      .getByText('All 4 are recorded as holders, over the limit of 3, for the reason given.')
      .waitFor();
    await wizard.row(4).getByRole('button', { name: 'Keep this one' }).click();
    await wizard.summary('All 7 included rows are ready to import.');
    await noPasswordShown(wizard);
    await wizard.dialog.getByRole('button', { name: 'Import 7 accounts' }).click();
    await wizard.dialog.getByText('Imported 7 accounts and 6 passwords').waitFor();

    const accounts = await call(app.core, 'accounts.list', {});
    const get = (handle: string) => accounts.find((a) => a.handle === handle)!;
    // =DATE(2024,3,15) as LibreOffice saved it, a real date cell, and a text formula's value.
    expect(get('StMarysSchool').passwordSetAt).toBe('2024-03-15T00:00:00.000Z');
    expect(get('@stmaryspe').passwordSetAt).toBe('2025-09-01T00:00:00.000Z');
    expect(get('pe-blog').displayName).toBe('PE blog');
    const current = await call(app.core, 'holders.list', { accountId: get('@stmarys.music').id });
    expect(current.map((x) => [x.person.name, x.overrideReason])).toEqual([
      ['Anna Carter', ''],
      ['Ben Singh', ''],
      ['Zoe Ng', ''],
      ['Deepa Patel', 'Four run the music trip'],
    ]);
    expect(app.consoleErrors).toEqual([]);
  });
});
