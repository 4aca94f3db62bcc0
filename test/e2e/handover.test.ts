import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSession } from './support/harness';
import { HandoverPage } from './pages/handover-page';
import { useApp } from './support/suite';
import { call } from '../support/core-calls';

const openApp = useApp();

/**
 * Sam leads and holds two accounts; Priya and Tom hold the first, Priya the
 * second. Sam and Priya are named to run the first, so Sam leaving leaves
 * one person running it. Una has not signed the policy, so is never offered.
 */
async function seed(app: AppSession): Promise<void> {
  const ready = { policyAcknowledgedOn: '2026-09-01', trainingCompletedOn: '2026-09-02' };
  const head = await call(app.core, 'people.create', {
    name: 'Hannah Head',
    roles: ['headteacher'],
    ...ready,
  });
  const sam = await call(app.core, 'people.create', {
    name: 'Sam Sport',
    roles: ['staff'],
    workEmail: 'sam.sport@stmarys.sch.uk',
    ...ready,
  });
  const priya = await call(app.core, 'people.create', { name: 'Priya PE', roles: ['staff'], ...ready });
  const tom = await call(app.core, 'people.create', { name: 'Tom Teacher', roles: ['staff'], ...ready });
  await call(app.core, 'people.create', { name: 'Una Unsigned', roles: ['staff'], trainingCompletedOn: '2026-09-02' });
  const accounts = [
    {
      platform: 'x' as const,
      handle: 'stmaryspe',
      holders: [sam, priya, tom],
      runners: [sam, priya],
      loginEmail: 'socialmedia@stmarys.sch.uk',
    },
    {
      platform: 'facebook' as const,
      handle: 'StMarysSports',
      holders: [sam, priya],
      runners: [],
      loginEmail: 'sam.sport@stmarys.sch.uk',
    },
  ];
  for (const a of accounts) {
    const account = await call(app.core, 'accounts.create', {
      platform: a.platform,
      handle: a.handle,
      leadPersonId: sam.id,
      loginEmail: a.loginEmail,
      businessCase: { runnerIds: a.runners.map((p) => p.id) },
    });
    for (const p of a.holders)
      await call(app.core, 'holders.add', {
        accountId: account.id,
        personId: p.id,
        authorisedById: head.id,
        authorisedOn: '2026-09-01',
      });
    await call(app.core, 'secrets.set', {
      accountId: account.id,
      field: 'password',
      value: `Kestrel!Harbour-${account.id}-Violet`,
      source: 'typed',
      reason: 'First',
    });
    await call(app.core, 'accounts.approve', { id: account.id, approvedById: head.id, approvedOn: '2026-09-01' });
  }
}

describe('handover when a member of staff leaves', () => {
  it('transfers one account, closes another, rotates, closes the handover and prints the record', async () => {
    const app = await openApp();
    await seed(app);
    let printed = '';
    const render = app.platform.pdfRenderer!;
    app.platform.pdfRenderer = async (html) => {
      printed = html;
      return render(html);
    };
    const handover = new HandoverPage(app.page);
    await handover.startDeparture('Sam Sport');
    await app.page.getByRole('button', { name: 'Plan the handover' }).click();
    const pe = handover.planCard('@stmaryspe');
    const fb = handover.planCard('StMarysSports');
    // Every consequence is listed before anything is applied, with the breach it would leave.
    await pe.getByText('Sam Sport knows the password, so it must be changed by').waitFor();
    await pe.getByText('Only 1 named person will run it; the business case needs at least 2.').first().waitFor();
    await pe.getByLabel('New lead for @stmaryspe').selectOption({ label: 'Priya PE (already knows the password)' });
    // Why Una is not offered.
    await pe.getByText(/Why are some people not offered/).click();
    await pe.getByText('Una Unsigned has not signed the policy.').waitFor();
    expect(await pe.getByLabel('New lead for @stmaryspe').locator('option', { hasText: 'Una' }).count()).toBe(0);
    // Review waits until the gap is filled or a reason given: Tom takes Sam's place, in the same step.
    await app.page.getByText('Still to decide: @stmaryspe, StMarysSports.').waitFor();
    await pe.getByLabel('Person', { exact: true }).selectOption({ label: 'Tom Teacher' });
    await pe.getByText('Nothing is left short on this account.').waitFor();
    await fb.getByText('Only 1 named person will know the password').first().waitFor();
    await fb.getByLabel(/Close the account/).check();
    await fb.getByText("The login email is Sam Sport's own address").waitFor();
    await app.screenshot('handover-plan');
    await app.page.getByRole('button', { name: 'Review' }).click();
    const review = app.page.getByRole('region', { name: 'Check before recording' });
    await review.getByText('Tom Teacher takes their place running it').waitFor();
    expect(await review.getByTestId('left-to-do').locator('li').allTextContents()).toEqual([
      'Change the password of @stmaryspe.',
      'Close StMarysSports: download its archive, deactivate it, remove it from the website.',
      'Move the login email of StMarysSports to a school mailbox.',
    ]);
    await app.screenshot('handover-review');
    await app.page.getByRole('button', { name: 'Record the departure' }).click();
    await app.page.getByRole('heading', { level: 1 }).filter({ hasText: 'Sam Sport' }).getByText('Open').waitFor();
    // Not "Everything is done": what is left is listed.
    await app.page.getByRole('heading', { name: 'Still to do (4)' }).waitFor();
    expect(await app.page.getByTestId('still-to-do').locator('li').allTextContents()).toEqual([
      'Change the password of @stmaryspe.',
      'Close StMarysSports: 3 of 3 steps left.',
      'Change the password of StMarysSports.',
      'StMarysSports: Change the login email to a generic school address.',
    ]);
    expect(await app.page.getByText('Everything is done.').count()).toBe(0);
    await app.screenshot('handover-open');
    const runners = (await call(app.core, 'accounts.get', { id: 1 })).businessCase.runners.map((r) => r.name);
    expect(runners).toEqual(['Priya PE', 'Tom Teacher']);

    // Closing: tick the three steps; the account closes and its password change is no longer needed.
    const closing = handover.item('StMarysSports').filter({ hasText: 'To be closed' });
    for (const box of await closing.getByRole('checkbox').all()) {
      await box.click();
    }
    await closing.getByText('Done', { exact: true }).waitFor();
    const email = handover.item('StMarysSports').filter({ hasText: 'login email' });
    await email.getByRole('checkbox').click();
    await email.getByText('Done', { exact: true }).waitFor();
    const status = await call(app.core, 'accounts.get', { id: 2 });
    expect(status.status).toBe('closed');

    // The remaining item: change @stmaryspe's password.
    await handover
      .item('@stmaryspe')
      .filter({ hasText: 'removed as a holder' })
      .getByRole('link', { name: /Change the password/ })
      .click();
    await app.page.getByRole('button', { name: 'Change the password now' }).click();
    await app.page.getByRole('button', { name: 'Confirm the change' }).click();
    await app.page.getByRole('group', { name: 'Password changed. Tell the named holders' }).waitFor();
    await handover.goTo('Handover');
    await app.page.getByRole('row').filter({ hasText: 'Sam Sport' }).getByText('Complete').waitFor();
    await app.screenshot('handover-list');
    await app.page.getByRole('link', { name: 'Sam Sport' }).click();
    await app.page.getByText('Everything is done.').waitFor();
    await app.screenshot('handover-complete');

    const pdfPath = join(app.dataDir, 'handover.pdf');
    app.platform.savePaths.push(pdfPath);
    await app.page.getByRole('button', { name: 'Print the handover record (PDF)' }).click();
    await app.page.getByText(`Saved the handover record to ${pdfPath}`).waitFor();
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(printed).toContain('Lead passed from Sam Sport to Priya PE.');
    expect(printed).toContain('Headteacher: signature and date');
    expect(printed).toContain('Nothing outstanding');
    expect(printed).toContain('Not needed: the account is closed');
    expect(printed).toContain('Sam Sport</strong> left on');
    const view = await app.page.context().newPage();
    await view.setContent(printed);
    await view.screenshot({
      path: join(process.cwd(), 'test-results', 'screenshots', 'handover-record.png'),
      fullPage: true,
    });
    await view.close();
  });

  it('a future departure is scheduled and shows on the dashboard until its date', async () => {
    // Three weeks before the leaving date: within the Dashboard's four weeks ahead.
    const app = await openApp({ clock: { now: () => new Date('2099-06-30T09:00:00Z') } });
    await seed(app);
    const sam = (await call(app.core, 'people.list', {})).find((p) => p.name === 'Sam Sport')!;
    await call(app.core, 'handover.execute', {
      personId: sam.id,
      leavingOn: '2099-07-21',
      leads: [
        { accountId: 1, action: 'transfer', newLeadId: 3 },
        { accountId: 2, action: 'transfer', newLeadId: 3 },
      ],
      acknowledgements: [{ accountId: 2, reason: 'A second holder is being trained' }],
      replacements: [{ accountId: 1, personId: 4, authorisedById: null }],
    });
    await new HandoverPage(app.page).goTo('Dashboard');
    const coming = app.page.getByRole('list', { name: 'Coming up' });
    await coming.getByText('Sam Sport leaves on 21/07/2099').waitFor();
    const rows = await call(app.core, 'rotations.list', {});
    expect(rows.map((r) => r.state)).toEqual(['ok', 'ok']);
  });
});
