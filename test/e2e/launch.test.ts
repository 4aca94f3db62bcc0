import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../support/core-calls';
import { pdfPages } from '../support/read-documents';
import type { AppSession } from './support/harness';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { typeDate } from './pages/people-page';
import { ShellPage } from './pages/shell-page';
import { axeViolations } from './support/axe';
import { useApp } from './support/suite';

/**
 * Issue 16 item 7, the launch checklist for a new account: an account that
 * went live on Thursday is on the Dashboard for its two launch steps; the
 * administrator adds its full name (north-herts 6.0), records who in SLT
 * was sent its address and identity (north-herts 5) and the school
 * website's link (sutton-manor 6.5), and prints the business case for the
 * Headteacher to sign.
 */
const openApp = useApp();
const clock = { now: () => new Date('2026-09-07T09:00:00Z') };

async function seed(app: AppSession): Promise<void> {
  await call(app.core, 'settings.update', { weeklyCheckItems: [] });
  const ready = { policyAcknowledgedOn: '2026-09-01', trainingCompletedOn: '2026-09-01' };
  const person = async (name: string, roles: ('headteacher' | 'slt' | 'staff')[]) =>
    (await call(app.core, 'people.create', { name, roles, ...ready })).id;
  const head = await person('Hannah Head', ['headteacher']);
  await person('Sol Senior', ['slt', 'staff']);
  const [sam, priya] = [await person('Sam Sport', ['staff']), await person('Priya PE', ['staff'])];
  const account = await call(app.core, 'accounts.create', {
    platform: 'x',
    handle: 'oakpe',
    displayName: 'Oak PE',
    profileUrl: 'https://x.com/oakpe',
    loginEmail: 'socialmedia@oak.sch.uk',
    leadPersonId: sam,
    businessCase: {
      aim: 'Fixtures and results',
      audience: 'Parents',
      promotion: 'Newsletter',
      visibility: 'open',
      runnerIds: [sam, priya],
    },
  });
  for (const personId of [sam, priya])
    await call(app.core, 'holders.add', {
      accountId: account.id,
      personId,
      authorisedById: head,
      authorisedOn: '2026-09-01',
    });
  await call(app.core, 'secrets.set', {
    accountId: account.id,
    field: 'password',
    value: 'Kestrel!Harbour-5521-Violet',
    source: 'typed',
    reason: 'First password',
  });
  await call(app.core, 'accounts.approve', { id: account.id, approvedById: head, approvedOn: '2026-09-01' });
  await call(app.core, 'accounts.setStatus', { id: account.id, status: 'active', on: '2026-09-03' });
}

describe('the launch checklist', () => {
  it('chases the launch steps on the Dashboard, records them with the full name, and prints the business case', async () => {
    const app = await openApp({ clock });
    await seed(app);
    await app.page.setViewportSize({ width: 1366, height: 768 });
    const shell = new ShellPage(app.page);

    // The Dashboard: both steps, due a week after going live, each with its fix.
    await shell.goTo('Dashboard');
    const needs = app.page.getByRole('list', { name: 'Needs you, most urgent first' }).locator('li');
    await needs.first().waitFor();
    const texts = (await needs.allTextContents()).filter((t) => t.includes('@oakpe'));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('its address and identity have not been sent to a member of SLT');
    expect(texts[1]).toContain('no link to it from the school website is recorded');

    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await accounts.openAccount('@oakpe');
    const account = new AccountPage(app.page);
    const status = app.page.getByTestId('account-status');
    await status.getByText('Needs attention by 10/09/2026').waitFor();

    // The full name, beside the display name.
    await app.page.getByRole('button', { name: 'Edit details' }).click();
    const edit = app.page.getByRole('dialog');
    await edit.getByLabel('Full name').fill('Oak Primary School PE Department');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await account.fact('Full name').getByText('Oak Primary School PE Department').waitFor();
    expect(await account.fact('Display name').textContent()).toBe('Oak PE');

    // The two launch steps, each in its own dialog, checked by axe while open.
    const card = app.page.getByRole('region', { name: 'Launch checklist' });
    await card.getByText('Went live on 03/09/2026: both steps are due by 10/09/2026.').waitFor();
    await card.getByRole('button', { name: 'Record who you told' }).click();
    const told = app.page.getByRole('dialog');
    await told.getByLabel('Member of SLT told').selectOption({ label: 'Sol Senior' });
    await typeDate(app.page, 'Sent on', '04/09/2026');
    expect(await axeViolations(app.page)).toEqual([]);
    await app.screenshot('launch-slt-dialog');
    await told.getByRole('button', { name: 'Record' }).click();
    await told.waitFor({ state: 'detached' });
    await card.getByText('Sent to Sol Senior on 04/09/2026', { exact: false }).waitFor();

    await card.getByRole('button', { name: 'Record the website link' }).click();
    const link = app.page.getByRole('dialog');
    await link.getByLabel('Page on the school website (optional)').fill('https://www.oak.sch.uk/social-media');
    await typeDate(app.page, 'Linked on', '05/09/2026');
    expect(await axeViolations(app.page)).toEqual([]);
    await link.getByRole('button', { name: 'Record' }).click();
    await link.waitFor({ state: 'detached' });
    await card.getByText('Linked on 05/09/2026 from https://www.oak.sch.uk/social-media', { exact: false }).waitFor();
    await status.getByText('Meets the policy').waitFor();

    // The business case on paper, through the save dialog.
    const path = join(app.dataDir, 'business-case-oakpe.pdf');
    app.platform.savePaths.push(path);
    await app.page.getByRole('button', { name: 'Print the business case' }).click();
    await app.page
      .getByText('Business case saved as “business-case-oakpe.pdf”', { exact: false })
      .waitFor({ timeout: 30_000 });
    const text = (await pdfPages(readFileSync(path))).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Full name Oak Primary School PE Department');
    expect(text).toContain('Headteacher: name and signature');
    mkdirSync('test-results/documents', { recursive: true });
    copyFileSync(path, 'test-results/documents/business-case-e2e.pdf');

    expect(await axeViolations(app.page)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: 'test-results/screenshots/launch-checklist-1366.png' });
    await app.screenshot('launch-account-page');
    expect(app.consoleErrors).toEqual([]);
  });
});
