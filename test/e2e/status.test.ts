import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../support/core-calls';
import type { AppSession } from './support/harness';
import { AccountsPage } from './pages/accounts-page';
import { BackupPage } from './pages/backup-page';
import { ShellPage } from './pages/shell-page';
import { useApp } from './support/suite';

/**
 * One status model (shared/policy/account-status.ts) on every screen: for
 * the same data the register, the account page, the person page, Rotations
 * and the Dashboard show each account in the same state, with the same
 * words and the same counts. Five accounts: one that meets the policy, one
 * whose termly change is overdue, one a leaver still knows the password of,
 * one live with no password ever stored, and one brand new.
 */
const openApp = useApp();
let today = new Date('2026-09-03T09:00:00Z');
const clock = { now: () => today };

const expected: Record<string, string> = {
  '@oakpe': 'Breach',
  '@oakarts': 'Breach',
  '@oakmusic': 'Breach',
  '@oaknew': 'Setting up: 8 steps left',
  '@oakpta': 'Meets the policy',
};
const counts = '5 accounts in use: 3 breaches, 1 setting up, 1 meets the policy.';

async function seed(app: AppSession): Promise<{ tom: number }> {
  // No weekly checks here (they have their own test): only the accounts' states are compared.
  await call(app.core, 'settings.update', { weeklyCheckItems: [] });
  const ready = { policyAcknowledgedOn: '2026-09-01', trainingCompletedOn: '2026-09-01' };
  const head = await call(app.core, 'people.create', { name: 'Hannah Head', roles: ['headteacher'], ...ready });
  const staff = async (name: string) =>
    (await call(app.core, 'people.create', { name, roles: ['staff'], ...ready })).id;
  const [sam, priya, tom] = [await staff('Sam Sport'), await staff('Priya PE'), await staff('Tom Teacher')];
  const full = async (handle: string, holders: number[], password: boolean) => {
    const account = await call(app.core, 'accounts.create', {
      platform: 'x',
      handle,
      loginEmail: 'socialmedia@oak.sch.uk',
      leadPersonId: holders[0]!,
      businessCase: {
        aim: 'News',
        audience: 'Parents',
        promotion: 'Newsletter',
        visibility: 'open',
        runnerIds: holders,
      },
    });
    for (const personId of holders)
      await call(app.core, 'holders.add', {
        accountId: account.id,
        personId,
        authorisedById: head.id,
        authorisedOn: '2026-09-01',
      });
    if (password) await setPassword(app, account.id);
    await call(app.core, 'accounts.approve', { id: account.id, approvedById: head.id, approvedOn: '2026-09-01' });
    await call(app.core, 'accounts.setStatus', { id: account.id, status: 'active', on: '2026-09-03' });
    await launched(app, account.id, head.id);
    return account.id;
  };
  await full('oakpe', [sam, priya], true);
  await full('oakarts', [priya, tom], true);
  await full('oakmusic', [sam, priya], false);
  await call(app.core, 'accounts.create', { platform: 'x', handle: 'oaknew' });
  // Into the spring term: the autumn passwords' termly change was due by 10/01/2027.
  today = new Date('2027-01-20T09:00:00Z');
  const pta = await full('oakpta', [sam, priya], false);
  await setPassword(app, pta);
  // Tom has left but still knows @oakarts's password.
  await call(app.core, 'people.update', {
    id: tom,
    person: { name: 'Tom Teacher', roles: ['staff'], status: 'left', leftOn: '2027-01-15', ...ready },
  });
  return { tom };
}

/** The launch checklist done (north-herts 5, sutton-manor 6.5): its own test is test/e2e/launch.test.ts. */
async function launched(app: AppSession, accountId: number, sltId: number) {
  await call(app.core, 'accounts.recordSltTold', { id: accountId, toPersonId: sltId, on: '2026-09-03' });
  await call(app.core, 'accounts.recordWebsiteLink', { id: accountId, on: '2026-09-03' });
}

function setPassword(app: AppSession, accountId: number) {
  return call(app.core, 'secrets.set', {
    accountId,
    field: 'password',
    value: 'Kestrel!Harbour-5521-Violet',
    source: 'typed',
    reason: 'First password',
  });
}

/** Each account's state badge in a table or list, by handle. */
async function badges(app: AppSession, rows: string, badge = '.badge.state'): Promise<Record<string, string>> {
  await app.page.locator(rows).locator(badge).first().waitFor();
  const pairs = await app.page.locator(rows).evaluateAll(
    (items, selector) =>
      items.map((row) => {
        const handle = /@oak[a-z]+/.exec(row.textContent ?? '')?.[0] ?? '';
        return [handle, row.querySelector(selector)?.textContent?.trim() ?? ''];
      }),
    badge,
  );
  return Object.fromEntries(pairs.filter(([handle]) => handle));
}

describe('one status model on every screen', () => {
  it('the register, account page, person page, Rotations and Dashboard agree on each state and the counts', async () => {
    const app = await openApp({ clock });
    const { tom } = await seed(app);
    await app.page.setViewportSize({ width: 1366, height: 768 });
    const shell = new ShellPage(app.page);
    const countsLine = app.page.getByTestId('state-counts');

    // The core's own answer is the reference.
    const status = await call(app.core, 'compliance.status', {});
    expect(Object.fromEntries(status.accounts.map((a) => [a.label, a.wording]))).toEqual(expected);

    // The register: status first, the counts above, and no sideways scrolling at 1366 pixels.
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    expect(await badges(app, 'tr.register-row')).toEqual(expected);
    expect(await countsLine.textContent()).toBe(counts);
    expect(await app.page.locator('thead th').first().textContent()).toBe('Status');
    const scroll = await app.page.locator('.register .table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(scroll).toBeLessThanOrEqual(0);
    await app.screenshot('status-register-1366');

    // The account pages: the same words; the new account shows its checklist.
    for (const [handle, wording] of Object.entries(expected)) {
      await accounts.open();
      await accounts.openAccount(handle);
      await app.page.getByTestId('account-status').locator('.badge.state').getByText(wording).waitFor();
    }
    await accounts.open();
    await accounts.openAccount('@oaknew');
    const steps = app.page.getByRole('list', { name: 'Steps to set up this account' }).locator('li');
    await steps.first().waitFor();
    expect(await steps.evaluateAll((items) => items.map((li) => li.getAttribute('data-done')))).toEqual(
      Array(8).fill('no'),
    );
    await app.screenshot('status-account-new-1366');
    await accounts.open();
    await accounts.openAccount('@oakmusic');
    // No password ever stored: its own breach, never "overdue, last changed never".
    await app.page.locator('.breaches li[data-code="password-not-set"]').waitFor();
    expect(await app.page.locator('.breaches li[data-code="rotation-overdue"]').count()).toBe(0);
    await app.page.getByRole('region', { name: 'Password changes' }).getByText('No password stored').first().waitFor();
    await app.screenshot('status-account-no-password-1366');

    // Rotations: the same states and counts; two overdue changes, not three.
    await shell.goTo('Rotations');
    expect(await badges(app, 'table[aria-label="Rotations"] tbody tr')).toEqual(expected);
    expect(await countsLine.textContent()).toBe(counts);
    await app.page.getByTestId('rotations-overdue').getByText('2', { exact: true }).waitFor();
    const music = app.page.getByRole('row').filter({ hasText: '@oakmusic' });
    expect(await music.textContent()).toContain('No password stored');
    expect(await music.textContent()).not.toContain('Overdue');

    // The leaver's page: the account they still know the password of is a breach.
    await app.page.evaluate((id) => (location.hash = `#/people/${id}`), tom);
    await app.page.getByRole('heading', { level: 1, name: 'Tom Teacher' }).waitFor();
    expect(await badges(app, '.account-links li')).toEqual({ '@oakarts': 'Breach' });

    // The Dashboard: the same counts; the leaver first, then each overdue change by name.
    await shell.goTo('Dashboard');
    const needs = app.page.getByRole('list', { name: 'Needs you, most urgent first' }).locator('li');
    await needs.first().waitFor();
    expect(await countsLine.textContent()).toBe(counts);
    const listed = await needs.evaluateAll((items) =>
      items.map((li) => `${li.getAttribute('data-group')} ${/@oak[a-z]+/.exec(li.textContent ?? '')?.[0] ?? ''}`),
    );
    expect(listed.slice(0, 3)).toEqual(['threat @oakarts', 'password-overdue @oakarts', 'password-overdue @oakpe']);
    expect(listed).toContain('breach @oakmusic');
    expect(listed).toContain('setting-up @oaknew');
    expect(listed.filter((l) => l.startsWith('password-overdue'))).toHaveLength(2);
    expect(listed.join(' ')).not.toContain('@oakpta');
    // Each item has a one-click fix.
    expect(await needs.locator('a.need-fix').count()).toBe(await needs.count());
    expect(await app.page.textContent('body')).not.toContain('meets the school policy');
    await app.screenshot('status-dashboard-1366');
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await app.screenshot('status-dashboard-1920');
    await accounts.open();
    await app.screenshot('status-register-1920');
  });

  it('a school with nothing to do sees a calm confirmation of what was checked', async () => {
    // A day in the autumn term (in the holiday before it, the summer term's meeting pack is still due).
    today = new Date('2026-09-10T09:00:00Z');
    const app = await openApp({ clock });
    const head = await call(app.core, 'people.create', {
      name: 'Hannah Head',
      roles: ['headteacher'],
      policyAcknowledgedOn: '2026-09-01',
      trainingCompletedOn: '2026-09-01',
    });
    const priya = await call(app.core, 'people.create', {
      name: 'Priya PE',
      roles: ['staff'],
      policyAcknowledgedOn: '2026-09-01',
      trainingCompletedOn: '2026-09-01',
    });
    const account = await call(app.core, 'accounts.create', {
      platform: 'x',
      handle: 'oakpta',
      loginEmail: 'socialmedia@oak.sch.uk',
      leadPersonId: head.id,
      businessCase: {
        aim: 'News',
        audience: 'Parents',
        promotion: 'Newsletter',
        visibility: 'open',
        runnerIds: [head.id, priya.id],
      },
    });
    for (const personId of [head.id, priya.id])
      await call(app.core, 'holders.add', {
        accountId: account.id,
        personId,
        authorisedById: head.id,
        authorisedOn: '2026-09-01',
      });
    await setPassword(app, account.id);
    await call(app.core, 'accounts.approve', { id: account.id, approvedById: head.id, approvedOn: '2026-09-01' });
    await call(app.core, 'accounts.setStatus', { id: account.id, status: 'active', on: '2026-09-03' });
    await launched(app, account.id, head.id);
    app.platform.savePaths.push(join(app.dataDir, 'oak.keyholder-backup'));
    await call(app.core, 'backup.create', { passphrase: 'violet kestrel harbour lantern 5521!' });
    // The emergency kit is in the safe (issue 16): otherwise the Dashboard asks for it. Printed from
    // its card, so the window knows (the calls above went to the core behind its back).
    await new BackupPage(app.page).open();
    app.platform.savePaths.push(join(app.dataDir, 'kit.pdf'));
    const kit = app.page.getByRole('region', { name: 'Emergency kit' });
    await kit.getByRole('button', { name: 'Print the emergency kit…' }).click();
    await kit.getByText('Kit saved as', { exact: false }).waitFor({ timeout: 30_000 });
    await new ShellPage(app.page).goTo('Dashboard');
    const clear = app.page.getByTestId('all-clear');
    await clear.waitFor();
    expect(await clear.textContent()).toContain('Nothing needs you today.');
    expect(await clear.locator('li').allTextContents()).toEqual([
      '1 account against the school policy',
      'Password changes for 1 account: none overdue',
      '0 open comments in the issues log: no reply overdue',
      'The meeting pack for Autumn 2026/27 is due by 18/12/2026',
      "Last week's weekly checks: all done",
      'Last backup 10/09/2026',
    ]);
    expect(await app.page.getByTestId('state-counts').textContent()).toBe('1 account in use: 1 meets the policy.');
    await app.screenshot('status-dashboard-all-clear');
  });
});
