import { describe, expect, it } from 'vitest';
import { call } from '../support/core-calls';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { AuditPage } from './pages/audit-page';
import { useApp } from './support/suite';

const openApp = useApp();

/**
 * What the administrator sees when the vault has been interfered with
 * outside Keyholder: a tampered audit log is announced at unlock, and a
 * damaged password is explained on its account with the way forward.
 */
describe('a vault interfered with outside Keyholder', () => {
  it('announces a tampered audit log as soon as the vault is unlocked', async () => {
    const app = await openApp();
    await call(app.core, 'accounts.create', { platform: 'x', handle: 'stmarysnews' });
    await app.page.getByRole('button', { name: 'Lock the vault' }).click();
    await app.page.getByRole('heading', { name: 'The vault is locked' }).waitFor();

    // Someone with the file edits an entry, dropping and restoring the append-only triggers.
    const db = app.core.context.db;
    const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").all() as { sql: string }[];
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.exec("UPDATE audit_log SET actor = 'Someone else' WHERE id = 2");
    for (const { sql } of triggers) db.exec(sql);

    await app.page.getByRole('button', { name: 'Unlock' }).click();
    const banner = app.page.getByRole('alert').filter({ hasText: 'The audit log has been tampered with' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Audit entry 2 \(\d\d\/\d\d\/\d{4}\) was changed after it was written/);
    await app.screenshot('tamper-unlock-banner');

    await banner.getByRole('link', { name: 'Open the audit log' }).click();
    const audit = new AuditPage(app.page);
    await audit.chainStatus.getByText('The audit log has been altered').waitFor();
    await app.screenshot('tamper-audit-page');
  });

  it('explains a damaged password on its account and lets the administrator set a new one', async () => {
    const app = await openApp();
    const { id: accountId } = await call(app.core, 'accounts.create', {
      platform: 'facebook',
      handle: 'StMarysSchool',
    });
    await call(app.core, 'secrets.set', {
      accountId,
      field: 'password',
      value: 'Kestrel#Harbour-7429-Lantern',
      source: 'typed',
      reason: 'Set up',
    });
    app.core.context.db
      .prepare("UPDATE account_secrets SET envelope = '{\"v\":1}' WHERE account_id = ? AND field = 'password'")
      .run(accountId);

    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.openAccount('StMarysSchool');
    const account = new AccountPage(app.page);
    const group = account.secretGroup('Password');
    await group.getByText(/stored password is damaged and cannot be shown or copied/).waitFor();
    expect(await group.getByRole('button', { name: 'Reveal password' }).count()).toBe(0);
    await app.screenshot('tamper-damaged-password');

    const password = await account.setGeneratedPassword('The stored one was damaged');
    await group.getByText(/cannot be shown or copied/).waitFor({ state: 'detached' });
    expect(await account.revealPassword()).toBe(password);
  });
});
