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
    const shell = new ShellPage(app.page);
    for (const label of sectionLabels) await shell.goTo(label);
    await shell.goTo('Accounts');
    await app.page.getByRole('button', { name: 'Columns' }).click();
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('link', { name: '@stmaryspe' }).click();
    await app.page.getByRole('heading', { level: 1 }).filter({ hasText: '@stmaryspe' }).waitFor();
    await app.page.getByRole('button', { name: 'Change status' }).click();
    await app.page.keyboard.press('Escape');
    expect(app.consoleErrors).toEqual([]);
  });
});
