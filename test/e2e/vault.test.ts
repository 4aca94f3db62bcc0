import { describe, expect, it } from 'vitest';
import { call } from '../support/core-calls';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { AuditPage } from './pages/audit-page';
import { SetupPage } from './pages/setup-page';
import { ShellPage } from './pages/shell-page';
import { useApp } from './support/suite';

const openApp = useApp();

describe('the vault', () => {
  it('first run: names the school and administrator, then opens the dashboard', async () => {
    const app = await openApp({ setup: false });
    const setup = new SetupPage(app.page);
    await setup.heading.waitFor();
    await app.screenshot('vault-first-run');
    await app.page.getByRole('button', { name: 'Create the vault' }).click();
    await app.page.getByText('School name is required').waitFor();
    await setup.createVault('St Mary’s C of E Primary', 'Jo Bloggs');
    const shell = new ShellPage(app.page);
    await shell.heading.filter({ hasText: 'Dashboard' }).waitFor();
    expect(await shell.nav.textContent()).toContain('St Mary’s C of E Primary');
    const status = await app.core.dispatch('vault.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'unlocked', administratorName: 'Jo Bloggs' } });
  });

  it('stores a generated password, reveals and copies it, audits each step, locks and unlocks', async () => {
    const app = await openApp();
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await app.page.getByText('No accounts yet.').waitFor();
    await accounts.addAccount({
      platform: 'X (Twitter)',
      handle: 'stmaryspe',
      displayName: 'St Mary’s PE',
      profileUrl: 'https://x.com/stmaryspe',
    });
    // Adding an account opens it, with no password stored yet.
    await app.page.getByRole('heading', { level: 1 }).filter({ hasText: '@stmaryspe' }).waitFor();
    await app.page.getByRole('group', { name: 'Password', exact: true }).getByText('Not stored yet.').waitFor();

    const account = new AccountPage(app.page);
    const password = await account.setGeneratedPassword();
    expect(password).toHaveLength(20);
    await account
      .secretGroup('Password')
      .getByText(/Set \d\d\/\d\d\/\d{4} \d\d:\d\d by Alex Admin/)
      .waitFor();

    expect(await account.revealPassword()).toBe(password);
    await app.screenshot('vault-password-revealed');
    await account.copyPassword();
    expect(app.platform.clipboard).toBe(password);

    const audit = new AuditPage(app.page);
    await audit.open();
    await audit.chainStatus.getByText('The audit log is intact').waitFor();
    for (const action of ['Secret stored', 'Secret revealed', 'Secret copied', 'Account added', 'Vault created']) {
      expect(await audit.rows(action).count()).toBe(1);
    }
    await audit.filterAction('Secret revealed');
    expect(await audit.rows().count()).toBe(1);
    expect(await audit.rows().first().textContent()).toContain('@stmaryspe');
    await app.screenshot('vault-audit');

    await app.page.getByRole('button', { name: 'Lock the vault' }).click();
    await app.page.getByRole('heading', { name: 'The vault is locked' }).waitFor();
    // The clipboard held our password, so locking cleared it.
    expect(app.platform.clipboard).toBe('');
    // The lock screen takes the whole window: the audit page behind it is gone.
    expect(await app.page.getByRole('button', { name: 'Reveal password' }).count()).toBe(0);
    await app.screenshot('vault-locked');
    await app.page.getByRole('button', { name: 'Unlock' }).click();
    await app.page.getByRole('heading', { name: 'The vault is locked' }).waitFor({ state: 'detached' });
    await accounts.open();
    await accounts.openAccount('@stmaryspe');
    expect(await account.revealPassword()).toBe(password);
  });

  it('hides a revealed password when the vault locks itself after idling', async () => {
    const app = await openApp();
    await call(app.core, 'accounts.create', { platform: 'facebook', handle: 'StMarysSchool' });
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.openAccount('StMarysSchool');
    const account = new AccountPage(app.page);
    await account.setGeneratedPassword();
    await account.revealPassword();
    app.platform.idleSeconds = 5 * 60;
    app.core.tick();
    await app.page.getByRole('heading', { name: 'The vault is locked' }).waitFor();
    expect(await account.revealedPassword.count()).toBe(0);
    expect(await app.page.getByText('locked itself after a period without use').isVisible()).toBe(true);
  });

  it('explains why a typed password is refused and keeps Save disabled', async () => {
    const app = await openApp();
    await call(app.core, 'accounts.create', { platform: 'instagram', handle: 'stmarysarts' });
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.openAccount('@stmarysarts');
    const dialog = await new AccountPage(app.page).typePassword('stmarysarts1', 'First password');
    await dialog.getByText('Include at least one special character').waitFor();
    expect(await dialog.getByText('Do not include "@stmarysarts"').isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Save password' }).isDisabled()).toBe(true);
    await app.screenshot('vault-weak-password');
  });
});
