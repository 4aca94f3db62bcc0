import { describe, expect, it } from 'vitest';
import { typeDate } from './pages/people-page';
import { SettingsPage } from './pages/settings-page';
import { axeViolations } from './support/axe';
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
});
