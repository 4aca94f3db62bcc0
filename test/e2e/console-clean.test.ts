import { describe, expect, it } from 'vitest';
import { sectionLabels, ShellPage } from './pages/shell-page';
import { useApp } from './support/suite';

const openApp = useApp();

describe('a clean console', () => {
  it('visits every section with data without a CSP violation or a script error', async () => {
    const app = await openApp();
    const person = await app.core.dispatch('people.create', { name: 'Hannah Head', roles: ['headteacher'] });
    if (!person.ok) throw new Error(person.error.message);
    await app.core.dispatch('accounts.create', { platform: 'x', handle: 'stmaryspe' });
    // Enough accounts that the virtualised register renders its spacer rows.
    for (let i = 0; i < 120; i += 1)
      await app.core.dispatch('accounts.create', { platform: 'other', handle: `club-${i}` });
    const shell = new ShellPage(app.page);
    for (const label of sectionLabels) await shell.goTo(label);
    await shell.goTo('Accounts');
    await app.page.getByRole('button', { name: 'Columns' }).click();
    await app.page.keyboard.press('Escape');
    // Scroll the virtualised table to its end and back, then find the account by searching.
    await app.page.locator('.table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await app.page
      .locator('tr.register-row', { hasText: 'club-119' })
      .or(app.page.locator('tr.register-row', { hasText: '@stmaryspe' }))
      .first()
      .waitFor();
    await app.page.getByLabel('Search the register').fill('stmaryspe');
    await app.page.getByRole('link', { name: '@stmaryspe' }).click();
    await app.page.getByRole('heading', { level: 1 }).filter({ hasText: '@stmaryspe' }).waitFor();
    await app.page.getByRole('button', { name: 'Change status' }).click();
    await app.page.keyboard.press('Escape');
    expect(app.consoleErrors).toEqual([]);
  });
});
