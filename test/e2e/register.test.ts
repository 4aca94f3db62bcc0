import { describe, expect, it } from 'vitest';
import type { PersonRole } from '../../shared/contract';
import { call } from '../support/core-calls';
import type { AppSession } from './support/harness';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { PeoplePage } from './pages/people-page';
import { ShellPage } from './pages/shell-page';
import { axeViolations } from './support/axe';
import { useApp } from './support/suite';

const openApp = useApp();

async function seedPeople(app: AppSession): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  const add = async (name: string, roles: PersonRole[]) => {
    const person = await call(app.core, 'people.create', {
      name,
      roles,
      policyAcknowledgedOn: '2026-09-01',
      trainingCompletedOn: '2026-09-02',
    });
    ids[name] = person.id;
  };
  await add('Hannah Head', ['headteacher']);
  for (const name of ['Sam Sport', 'Priya PE', 'Tom Teacher', 'Olu Office']) await add(name, ['staff']);
  return ids;
}

describe('the account register', () => {
  it('creates an approved account with a business case and two holders, and refuses a fourth holder', async () => {
    const app = await openApp();
    const people = new PeoplePage(app.page);
    await people.open();
    await app.page.getByText('No staff recorded yet.').waitFor();
    await people.addPerson({
      name: 'Hannah Head',
      jobTitle: 'Headteacher',
      roles: ['Headteacher'],
      acknowledged: true,
      trained: true,
    });
    expect(await app.page.getByRole('row').filter({ hasText: 'Hannah Head' }).textContent()).toContain('01/09/2026');
    for (const name of ['Sam Sport', 'Priya PE', 'Tom Teacher', 'Olu Office']) {
      await people.addPerson({ name, roles: ['Staff'], acknowledged: true, trained: true });
    }

    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.addAccount({
      platform: 'X (Twitter)',
      handle: 'stmaryspe',
      loginEmail: 'socialmedia@stmarys.sch.uk',
      lead: 'Sam Sport',
      businessCase: {
        aim: 'Celebrate PE and school sport',
        audience: 'Parents and local clubs',
        promotion: 'Newsletter and website',
        visibility: 'Open',
      },
      runners: ['Sam Sport', 'Priya PE'],
    });
    await app.page.getByRole('heading', { level: 1 }).filter({ hasText: '@stmaryspe' }).waitFor();

    const account = new AccountPage(app.page);
    await account.recordApproval('Hannah Head');
    await app.page.getByRole('heading', { level: 1 }).getByText('Approved').waitFor();

    for (const name of ['Sam Sport', 'Priya PE', 'Tom Teacher'])
      await (await account.addHolder(name, 'Hannah Head')).waitFor({ state: 'detached' });
    const refused = await account.addHolder('Olu Office', 'Hannah Head');
    await refused.getByText('the policy allows 3').waitFor();
    await app.screenshot('register-fourth-holder-refused');
    await refused.getByRole('button', { name: 'Cancel' }).click();
    const holders = account.currentHolders;
    expect(await holders.count()).toBe(3);
    expect(await holders.allTextContents()).not.toEqual(
      expect.arrayContaining([expect.stringContaining('Olu Office')]),
    );

    await account.changeStatus('Active');
    await app.page.getByRole('heading', { level: 1 }).getByText('Active').waitFor();
    // The one remaining breach: no password stored yet. Live now, the launch steps are due within the week.
    const breaches = account.breaches;
    expect(await breaches.evaluateAll((items) => items.map((li) => [li.dataset.code, li.className]))).toEqual([
      ['password-not-set', 'breach finding-breach'],
      ['launch-slt-not-told', 'breach finding-attention'],
      ['launch-website-not-linked', 'breach finding-attention'],
    ]);
    await app.screenshot('register-account-page');
  });

  it('filters the register and remembers hidden columns', async () => {
    const app = await openApp();
    const ids = await seedPeople(app);
    for (const [platform, handle] of [
      ['x', 'stmaryspe'],
      ['facebook', 'StMarysSchool'],
      ['instagram', 'stmarysarts'],
      ['youtube', 'StMarysMusic'],
    ] as const) {
      await call(app.core, 'accounts.create', { platform, handle, leadPersonId: ids['Sam Sport'] });
    }
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    const rows = accounts.rows;
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);
    await app.page.getByLabel('Search the register').fill('arts');
    await app.page.getByText('Showing 1 of 4 accounts').waitFor();
    expect(await rows.first().textContent()).toContain('@stmarysarts');
    await app.page.getByLabel('Search the register').fill('');
    await app.page.getByLabel('Platform', { exact: true }).selectOption({ label: 'Facebook' });
    await app.page.getByText('Showing 1 of 4 accounts').waitFor();
    expect(await rows.first().textContent()).toContain('StMarysSchool');
    await app.page.getByLabel('Platform', { exact: true }).selectOption({ label: 'All platforms' });

    await app.page.getByRole('button', { name: 'Columns' }).click();
    await app.page.getByRole('menuitemcheckbox', { name: 'Lead' }).click();
    await app.page.keyboard.press('Escape');
    expect(await app.page.getByRole('columnheader', { name: 'Lead' }).count()).toBe(0);
    await app.page.reload();
    await rows.first().waitFor();
    expect(await app.page.getByRole('columnheader', { name: 'Lead' }).count()).toBe(0);

    // Keyboard: focus the first row, move down one, open it with Enter.
    const second = (await rows.nth(1).locator('a').textContent()) ?? '';
    await rows.first().focus();
    await app.page.keyboard.press('ArrowDown');
    // Focus moves on the next animation frame; wait for it before opening.
    await app.page.locator('tr.register-row:focus', { hasText: second }).waitFor();
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('heading', { level: 1 }).filter({ hasText: second }).waitFor();
    await new ShellPage(app.page).goTo('Dashboard');
    // Four new accounts, each with its next step named.
    await app.page.getByTestId('state-counts').getByText('4 accounts in use: 4 setting up.').waitFor();
    expect(await app.page.locator('.need[data-group="setting-up"]').count()).toBe(4);
    await app.screenshot('dashboard-breaches');
  });

  it('adds a fourth holder only with a written reason, shown beside them', async () => {
    const app = await openApp();
    const ids = await seedPeople(app);
    const { id } = await call(app.core, 'accounts.create', { platform: 'x', handle: 'stmaryspe' });
    for (const name of ['Sam Sport', 'Priya PE', 'Tom Teacher'])
      await call(app.core, 'holders.add', {
        accountId: id,
        personId: ids[name]!,
        authorisedById: ids['Hannah Head']!,
        authorisedOn: '2026-09-01',
      });
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.openAccount('@stmaryspe');
    const account = new AccountPage(app.page);
    const dialog = await account.addHolder('Olu Office', 'Hannah Head');
    await dialog.getByText('the policy allows 3').waitFor();
    const anyway = dialog.getByRole('button', { name: 'Add anyway, with this reason' });
    expect(await anyway.isDisabled()).toBe(true);
    await dialog.getByLabel('Reason to go over the limit').fill('Covers the summer residential');
    await anyway.click();
    await dialog.waitFor({ state: 'detached' });
    await account.currentHolders
      .filter({ hasText: 'Olu Office' })
      .getByText('Over the limit: Covers the summer residential')
      .waitFor();
    expect(await account.currentHolders.count()).toBe(4);
  });

  it('reads as one table of every account when only the rows in view are drawn', async () => {
    const app = await openApp();
    for (let i = 0; i < 150; i += 1)
      await call(app.core, 'accounts.create', { platform: 'other', handle: `club-${String(i).padStart(3, '0')}` });
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    const table = app.page.getByRole('table', { name: 'Account register' });
    const rows = accounts.rows;
    await rows.first().waitFor();
    // A screen reader hears 151 rows (the header and 150 accounts), though fewer are drawn.
    expect(await table.getAttribute('aria-rowcount')).toBe('151');
    expect(await rows.count()).toBeLessThan(60);
    expect(await rows.first().getAttribute('aria-rowindex')).toBe('2');
    expect(await axeViolations(app.page)).toEqual([]);

    const byAccount = table.getByRole('button', { name: /^Account/ });
    await byAccount.click();
    await rows.first().filter({ hasText: 'club-000' }).waitFor();
    await byAccount.click();
    await rows.first().filter({ hasText: 'club-149' }).waitFor();
    expect(await table.getByRole('columnheader', { name: /^Account/ }).getAttribute('aria-sort')).toBe('descending');
    // The last of 150, drawn once scrolled to, is row 151.
    await app.page.locator('.table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = rows.filter({ hasText: 'club-000' });
    await last.waitFor();
    expect(await last.getAttribute('aria-rowindex')).toBe('151');

    await app.page.getByLabel('Search the register').fill('CLUB-07');
    await app.page.getByText('Showing 10 of 150 accounts').waitFor();
    expect(await rows.first().textContent()).toContain('club-079');
    expect(await table.getAttribute('aria-rowcount')).toBe('11');
    // react-aria's touch rule for its buttons (the Columns menu) comes from the app's own stylesheet
    // (renderer/public/pressable.css), found by its id, not an inline style the CSP would block.
    const pressable = app.page.locator('[data-react-aria-pressable]').first();
    // Chromium reports "pan-x pan-y pinch-zoom" by its one-word name; a control without the rule has "auto".
    expect(await pressable.evaluate((el) => getComputedStyle(el).touchAction)).toBe('manipulation');
    expect(await app.page.getByLabel('Search the register').evaluate((el) => getComputedStyle(el).touchAction)).toBe(
      'auto',
    );
    expect(await app.page.evaluate(() => document.getElementById('react-aria-pressable-style')?.tagName)).toBe('LINK');
    // Nothing on the way (rows drawn as they scroll into view, the menu's button) broke any of the page's rules.
    expect(app.consoleErrors).toEqual([]);
    await app.screenshot('register-virtualised');
  });
});
