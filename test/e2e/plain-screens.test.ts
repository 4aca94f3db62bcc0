import { describe, expect, it } from 'vitest';
import { typeDate } from './pages/people-page';
import { AccountsPage } from './pages/accounts-page';
import { AuditPage } from './pages/audit-page';
import { PeoplePage } from './pages/people-page';
import { SettingsPage } from './pages/settings-page';
import { axeViolations } from './support/axe';
import { seedSchool } from './support/school';
import { useApp } from './support/suite';

/** Screens an administrator fills in often, in plain words and laid out to fit 1366x768. */
const openApp = useApp();
const clock = { now: () => new Date('2026-01-12T10:00:00Z') };

describe('screens in plain words', () => {
  it('term dates: a table per school year, terms named by their calendar year, an error beside its date', async () => {
    const app = await openApp({ clock });
    const settings = new SettingsPage(app.page);
    await settings.open();
    const year = app.page.getByRole('table', { name: /School year 2026\/27/ });
    await year.getByRole('rowheader', { name: 'Spring term 2027' }).waitFor();
    expect(await year.getByRole('rowheader').allTextContents()).toEqual([
      'Autumn term 2026',
      'Spring term 2027',
      'Summer term 2027',
    ]);
    expect(await year.getByRole('columnheader').allTextContents()).toEqual([
      'Term',
      'Starts',
      'Half term from',
      'Half term to',
      'Ends',
    ]);
    // An end before the start: said under that date, in the row's own name, and Save waits.
    await typeDate(app.page, 'Autumn term 2026, ends', '04/09/2026');
    const row = year.getByRole('row', { name: /Autumn term 2026/ });
    await row.getByText('The term must end after it starts.').waitFor();
    expect(await app.page.getByRole('button', { name: 'Save term dates' }).isDisabled()).toBe(true);
    await app.page.getByRole('heading', { name: 'Term dates' }).scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: 'test-results/screenshots/plain-term-dates.png' });
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('people: a search box over 40 staff, a findable list of who runs an account, focus on the new account', async () => {
    const app = await openApp({ clock });
    await seedSchool(app);
    const people = new PeoplePage(app.page);
    await people.open();
    const staff = app.page.getByRole('table', { name: 'Staff' }).locator('tbody tr');
    expect(await staff.count()).toBe(40);
    await app.page.getByLabel('Search people').fill('nowak');
    await app.page.getByText('9 of 40 shown.').waitFor();
    expect(await staff.count()).toBe(9);
    await app.screenshot('plain-people-search');
    expect(await axeViolations(app.page)).toEqual([]);
    // A person's page: their accounts as links big enough to hit.
    await app.page.getByRole('link', { name: 'Anna Nowak' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Anna Nowak' }).waitFor();
    expect(await axeViolations(app.page)).toEqual([]);

    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await app.page.getByRole('button', { name: 'Add account' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Add an account' });
    const picker = dialog.getByRole('group', { name: /Who will run it/ });
    await picker.getByLabel('Find a person').fill('okafor');
    expect(await picker.getByRole('checkbox').count()).toBe(10);
    await picker.getByLabel('Grace Okafor').check();
    await picker.getByLabel('Find a person').fill('patel');
    await picker.getByLabel('Jack Patel').check();
    await picker.getByText('Chosen: Grace Okafor, Jack Patel.').waitFor();
    // Those chosen stay in view whatever is searched.
    expect(await picker.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await app.screenshot('plain-add-account-picker');
    expect(await axeViolations(app.page)).toEqual([]);
    await dialog.getByLabel('Platform').selectOption({ label: 'Instagram' });
    await dialog.getByLabel('Handle').fill('oakfield_garden');
    await dialog.getByRole('button', { name: 'Add account' }).click();
    const heading = app.page.getByRole('heading', { level: 1 }).filter({ hasText: 'oakfield_garden' });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);

    const audit = new AuditPage(app.page);
    await audit.open();
    const added = audit.rows('Account added').filter({ hasText: 'oakfield_garden' });
    expect(await added.textContent()).toContain('Instagram');
    expect(await audit.rows().allTextContents()).not.toContainEqual(expect.stringMatching(/[{}"]|\d{4}-\d{2}-\d{2}T/));
    expect(await axeViolations(app.page)).toEqual([]);
  });
});
