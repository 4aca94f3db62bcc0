import { describe, expect, it } from 'vitest';
import type { AppSession } from './support/harness';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { ShellPage } from './pages/shell-page';
import { useApp } from './support/suite';
import { call } from '../support/core-calls';

const openApp = useApp();
const oldPassword = 'Kestrel!Harbour-5521-Violet';

/** An approved termly account with a stored password and two named holders. */
async function seedAccount(app: AppSession): Promise<number> {
  const head = await call(app.core, 'people.create', { name: 'Hannah Head', roles: ['headteacher'] });
  const sam = await call(app.core, 'people.create', { name: 'Sam Sport', roles: ['staff'] });
  const account = await call(app.core, 'accounts.create', {
    platform: 'x',
    handle: 'stmaryspe',
    profileUrl: 'https://x.com/stmaryspe',
    leadPersonId: sam.id,
  });
  for (const person of [head, sam]) {
    await call(app.core, 'holders.add', {
      accountId: account.id,
      personId: person.id,
      authorisedById: head.id,
      authorisedOn: '2026-09-01',
    });
  }
  await call(app.core, 'secrets.set', {
    accountId: account.id,
    field: 'password',
    value: oldPassword,
    source: 'typed',
    reason: 'First password',
  });
  await call(app.core, 'accounts.approve', { id: account.id, approvedById: head.id, approvedOn: '2026-09-01' });
  return account.id;
}

async function openAccount(app: AppSession): Promise<AccountPage> {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await accounts.openAccount('@stmaryspe');
  return new AccountPage(app.page);
}

describe('password rotation', () => {
  it('rotates a termly account: start, follow the steps, confirm, tell the holders', async () => {
    const app = await openApp();
    await seedAccount(app);
    const account = await openAccount(app);
    await app.page.getByRole('button', { name: 'Change the password now' }).click();
    const pending = app.page.getByRole('group', { name: 'Password change under way' });
    await pending.getByText('Settings and privacy, then Your account, then Change your password').waitFor();
    await pending.getByRole('button', { name: 'Reveal new password' }).click();
    const candidate = (await app.page.getByTestId('pending-password').textContent()) ?? '';
    expect(candidate).toHaveLength(20);
    // The current password stays available while the change is under way.
    expect(await account.revealPassword()).toBe(oldPassword);
    await app.screenshot('rotation-pending');

    await pending.getByRole('button', { name: 'Confirm the change' }).click();
    const tell = app.page.getByRole('group', { name: 'Password changed. Tell the named holders' });
    await tell.waitFor();
    // Each tick is saved at once; the box stays ticked and locked once recorded.
    const tick = async (name: string, label: string) => {
      const item = tell.getByRole('listitem').filter({ hasText: name });
      await item.getByLabel(label).click();
      await item.locator('input:checked:disabled').waitFor();
    };
    await tick('Sam Sport', 'Told in person');
    await tick('Hannah Head', "Told via the school's secure channel");
    await app.screenshot('rotation-confirmed');
    await app.page
      .getByRole('button', { name: 'Hide password' })
      .click()
      .catch(() => undefined);
    expect(await account.revealPassword()).toBe(candidate);

    await new ShellPage(app.page).goTo('Rotations');
    const row = app.page.getByRole('table', { name: 'Rotations' }).getByRole('row').filter({ hasText: '@stmaryspe' });
    expect(await row.getAttribute('data-state')).toBe('ok');
    const record = app.page
      .getByRole('table', { name: 'Rotation record' })
      .getByRole('row')
      .filter({ hasText: '@stmaryspe' });
    expect(await record.textContent()).toContain('Sam Sport (in person)');
    await app.screenshot('rotations-page');
  });

  it('abandons a rotation and keeps the current password', async () => {
    const app = await openApp();
    const id = await seedAccount(app);
    const account = await openAccount(app);
    await app.page.getByRole('button', { name: 'Change the password now' }).click();
    const pending = app.page.getByRole('group', { name: 'Password change under way' });
    await pending.getByRole('button', { name: 'Abandon' }).click();
    // It asks first: the new password is thrown away.
    const confirm = app.page.getByRole('alertdialog', { name: 'Abandon this password change?' });
    await confirm.getByRole('button', { name: 'Abandon the change' }).click();
    await pending.waitFor({ state: 'detached' });
    expect(await account.revealPassword()).toBe(oldPassword);
    const reveal = await app.core.dispatch('secrets.reveal', { accountId: id, field: 'pendingPassword' });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const audit = await call(app.core, 'audit.list', { action: 'rotation.abandoned' });
    expect(audit).toHaveLength(1);
  });

  it('a reported security threat makes the account overdue on the dashboard', async () => {
    const app = await openApp();
    await seedAccount(app);
    const shell = new ShellPage(app.page);
    await shell.goTo('Dashboard');
    await app.page.getByRole('heading', { name: 'Needs you' }).waitFor();
    expect(await app.page.locator('.need[data-group="threat"]').count()).toBe(0);
    await openAccount(app);
    await app.page.getByRole('button', { name: 'Report a security threat' }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByLabel('What happened').fill('Phishing email link clicked on the office PC');
    await dialog.getByRole('button', { name: 'Report and require a change' }).click();
    await dialog.waitFor({ state: 'detached' });
    await app.page.getByRole('region', { name: 'Password changes' }).getByText('Change now').waitFor();
    await shell.goTo('Dashboard');
    // The threat heads the list, with its fix.
    await app.page.locator('.need-list li[data-code="rotation-required"]').waitFor();
    const first = app.page.locator('.need-list li').first();
    expect(await first.getAttribute('data-code')).toBe('rotation-required');
    expect(await first.textContent()).toContain('Phishing email');
    expect(await app.page.locator('.need[data-group="threat"]').count()).toBe(1);
    await app.screenshot('dashboard-threat-overdue');
  });

  it('rotates all due one account at a time: one changed, one skipped, then the summary', async () => {
    const app = await openApp();
    const first = await seedAccount(app);
    const second = await call(app.core, 'accounts.create', { platform: 'facebook', handle: 'StMarysSports' });
    await call(app.core, 'secrets.set', {
      accountId: second.id,
      field: 'password',
      value: 'Harbour!Kestrel-8812-Amber',
      source: 'typed',
      reason: 'First password',
    });
    for (const accountId of [first, second.id])
      await call(app.core, 'rotations.reportThreat', { accountId, reason: 'Phishing email link clicked' });
    const shell = new ShellPage(app.page);
    await shell.goTo('Rotations');
    await app.page.getByRole('button', { name: 'Rotate all due (2)' }).click();
    await app.page.getByText('Account 1 of 2').waitFor();
    await app.page.getByRole('button', { name: 'Start the change' }).click();
    await app.page.getByRole('button', { name: 'Confirm the change' }).click();
    await app.page.getByRole('group', { name: 'Password changed. Tell the named holders' }).waitFor();
    await app.page.getByRole('button', { name: 'Next account' }).click();
    await app.page.getByText('Account 2 of 2').waitFor();
    await app.page.getByRole('button', { name: 'Skip this account' }).click();
    const done = app.page.locator('.empty-state').filter({ hasText: 'All done.' });
    expect(await done.textContent()).toMatch(/Changed: (@stmaryspe|StMarysSports)\./);
    await app.page.getByRole('link', { name: 'Back to Rotations' }).click();
    await app.page.getByRole('button', { name: 'Rotate all due (1)' }).waitFor();
    const states = (await call(app.core, 'rotations.list', {})).map((r) => r.state).sort();
    expect(states).toEqual(['ok', 'required']);
  });
});
