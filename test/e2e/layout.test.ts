import { describe, expect, it } from 'vitest';
import { call } from '../support/core-calls';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { ShellPage } from './pages/shell-page';
import { axeViolations } from './support/axe';
import { seedSchool } from './support/school';
import { useApp } from './support/suite';

/**
 * The window as a school laptop shows it (1366x768), a large monitor
 * (1920x1080) and 400 % zoom (320 px wide, WCAG 1.4.10), with a school of
 * 25 accounts and 40 staff; and the lock screen.
 */
const openApp = useApp();
const clock = { now: () => new Date('2026-01-12T10:00:00Z') };

describe('the layout', () => {
  it('keeps the sidebar in view and lets the register use the whole window, at 1366x768 and 1920x1080', async () => {
    const app = await openApp({ clock });
    await seedSchool(app);
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.row('oakfield_forest2').waitFor();
    await app.screenshot('layout-register-1366');
    expect(await axeViolations(app.page)).toEqual([]);
    // The register is part of the page, not a box inside it: the page scrolls, the table does not.
    const box = await app.page.locator('.table-scroll').evaluate((el) => [el.scrollHeight, el.clientHeight]);
    expect(box[0]).toBe(box[1]);
    await app.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const nav = await accounts.nav.boundingBox();
    expect(nav?.y).toBeCloseTo(0, 0);
    expect(await accounts.nav.getByRole('button', { name: 'Lock the vault' }).isVisible()).toBe(true);
    // The header row stays at the top of the window.
    const header = await app.page.locator('.data-table thead th').first().boundingBox();
    expect(header?.y).toBeLessThan(2);
    await app.page.screenshot({ path: 'test-results/screenshots/layout-register-1366-scrolled.png' });

    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('layout-register-1920');
  });

  it('reflows to one column at 320 px wide, the sidebar a menu across the top', async () => {
    const app = await openApp({ clock, viewport: { width: 320, height: 640 } });
    await seedSchool(app);
    const shell = new ShellPage(app.page);
    await shell.heading.filter({ hasText: 'Dashboard' }).waitFor();
    await app.screenshot('layout-dashboard-320');
    await shell.goTo('People');
    // Nothing but a data table may scroll sideways: the page itself fits.
    const width = await app.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    const main = await app.page.locator('main').boundingBox();
    expect(main?.width).toBeGreaterThan(300);
    await app.screenshot('layout-people-320');
  });

  it('locks to a full-window lock screen with one Unlock button and nothing stale behind it', async () => {
    const app = await openApp();
    const account = await call(app.core, 'accounts.create', { platform: 'instagram', handle: 'oakfield_arts' });
    await call(app.core, 'secrets.set', {
      accountId: account.id,
      field: 'password',
      value: 'Kestrel!Harbour-5521-Violet',
      source: 'typed',
      reason: 'First password',
    });
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.openAccount('@oakfield_arts');
    await new AccountPage(app.page).copyPassword();
    await app.page.getByText(/Copied/).waitFor();
    await app.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));

    await accounts.nav.getByRole('button', { name: 'Lock the vault' }).click();
    await app.page.getByRole('heading', { name: 'The vault is locked' }).waitFor();
    expect(await app.page.getByRole('button').count()).toBe(1);
    expect(await app.page.getByRole('button', { name: 'Unlock' }).evaluate((b) => b === document.activeElement)).toBe(
      true,
    );
    expect(await app.page.getByText(/Copied/).count()).toBe(0);
    expect(await accounts.nav.count()).toBe(0);
    expect(await app.page.getByText('@oakfield_arts').count()).toBe(0);
    await app.screenshot('layout-lock-screen');
    expect(await axeViolations(app.page)).toEqual([]);

    await app.page.getByRole('button', { name: 'Unlock' }).click();
    // Back where the administrator was, read afresh.
    await app.page.getByRole('heading', { level: 1 }).filter({ hasText: '@oakfield_arts' }).waitFor();
  });
});
