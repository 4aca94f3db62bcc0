import { describe, expect, it } from 'vitest';
import { defaultWeeklyCheckItems } from '../../shared/policy/weekly-checks';
import { call } from '../support/core-calls';
import { ShellPage } from './pages/shell-page';
import { useApp } from './support/suite';

/** The weekly checks page: choose who checked, tick, see it recorded, take it back, change the list. */
const openApp = useApp();
// Wednesday 25 November 2026, 10:00 in London.
const clock = { now: () => new Date('2026-11-25T10:00:00Z') };
const [replies] = defaultWeeklyCheckItems;

describe('weekly checks', () => {
  it('ticks a check with who did it, shows it, takes it back and changes what is checked', async () => {
    const app = await openApp({ clock });
    await call(app.core, 'people.create', { name: 'Sam Sport', roles: ['staff'] });
    for (const handle of ['stmaryspe', 'stmarysarts']) {
      const a = await call(app.core, 'accounts.create', { platform: 'x', handle });
      await call(app.core, 'accounts.setStatus', {
        id: a.id,
        status: 'active',
        on: '2026-09-01',
        overrideReason: 'In use',
      });
    }
    const shell = new ShellPage(app.page);
    await shell.goTo('Weekly checks');
    const page = app.page;
    await page.getByRole('heading', { name: 'Week of Monday 23/11/2026 (this week)' }).waitFor();
    const box = page.getByRole('checkbox', { name: `${replies} for @stmaryspe` });
    // Nobody chosen yet: nothing can be ticked.
    expect(await box.isDisabled()).toBe(true);
    await page.getByLabel('Checked by', { exact: true }).selectOption({ label: 'Sam Sport' });
    // The box shows the record once it is saved (a click, not check(): the state follows the save).
    await box.click();
    await page
      .getByRole('row', { name: /@stmaryspe/ })
      .getByText('Sam Sport, 25/11/2026')
      .waitFor();
    await app.screenshot('weekly-checks');

    const recorded = await call(app.core, 'checks.week', { week: '2026-11-23' });
    expect(recorded.accounts.find((a) => a.label === '@stmaryspe')?.ticks.map((t) => t.item)).toEqual([replies]);
    await box.click();
    await page
      .getByRole('row', { name: /@stmaryspe/ })
      .getByText('Sam Sport, 25/11/2026')
      .waitFor({ state: 'detached' });

    // Last week, then the school's own list.
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.getByRole('heading', { name: 'Week of Monday 16/11/2026' }).waitFor();
    await page.getByRole('button', { name: 'Change what is checked' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Checks, one a line').fill('Comments read\nFollowers checked by SLT');
    await dialog.getByRole('button', { name: 'Save the checks' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('columnheader', { name: 'Followers checked by SLT' }).waitFor();
    expect(await page.getByRole('columnheader').allTextContents()).toEqual([
      'Account',
      'Comments read',
      'Followers checked by SLT',
    ]);
    expect(app.consoleErrors).toEqual([]);
  });
});
