import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complaintAcknowledgement } from '../../shared/policy/issue-rules';
import { pdfPages } from '../support/read-documents';
import { axeViolations } from './support/axe';
import { typeDate } from './pages/people-page';
import { ReportsPage } from './pages/reports-page';
import type { AppSession } from './support/harness';
import { useApp } from './support/suite';
import { call } from '../support/core-calls';

const openApp = useApp();
const resultsDir = join(process.cwd(), 'test-results', 'reports');
/** Monday 23/11/2026 12:00 GMT: the Autumn 2026/27 report is being prepared. */
const now = Date.parse('2026-11-23T12:00:00Z');

/** Keeps each PDF's HTML and bytes, and shows the HTML as a person would see the printed page. */
function capturePrints(app: AppSession): { html: string[] } {
  const printed = { html: [] as string[] };
  const render = app.platform.pdfRenderer!;
  app.platform.pdfRenderer = async (html) => {
    printed.html.push(html);
    return render(html);
  };
  return printed;
}

async function screenshotHtml(app: AppSession, html: string, name: string): Promise<void> {
  const page = await app.page.context().newPage();
  await page.setViewportSize({ width: 820, height: 1160 });
  await page.setContent(html, { waitUntil: 'load' });
  mkdirSync(join(process.cwd(), 'test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', `${name}.png`), fullPage: true });
  await page.close();
}

describe('the Appendix 1 report', () => {
  it("enters a term's figures and three issues, then produces the report and the meeting pack as PDF", async () => {
    const app = await openApp({ clock: { now: () => new Date(now) } });
    await call(app.core, 'accounts.create', { platform: 'x', handle: 'stmaryspe', displayName: "St Mary's PE" });
    await call(app.core, 'people.create', { name: 'Sarah Barker', roles: ['slt'] });
    const reports = new ReportsPage(app.page);
    mkdirSync(resultsDir, { recursive: true });

    // Figures, entered by hand; a fraction is refused beside its field in the platform's word.
    await reports.open('Engagement figures');
    await app.page.getByText('No figures yet').waitFor();
    // The dates start from a term in the school's calendar: the term's own first and last days.
    await app.page.getByRole('button', { name: 'Enter figures' }).click();
    const termDialog = reports.dialog('Enter figures');
    await termDialog
      .getByLabel('Term', { exact: true })
      .selectOption({ label: 'Autumn 2026/27 (07/09/2026 to 18/12/2026)' });
    const digits = async (label: string) =>
      ((await termDialog.getByRole('group', { name: label }).textContent()) ?? '').replace(/\D/g, '');
    expect([await digits('From'), await digits('To')]).toEqual(['07092026', '18122026']);
    await termDialog.getByRole('button', { name: 'Cancel' }).click();
    await termDialog.waitFor({ state: 'detached' });
    const figures = await reports.fillFigures({
      from: '01/09/2026',
      to: '20/11/2026',
      followersStart: '340',
      followersEnd: '371',
      schools: '40',
      counts: ['51.5', '50', '14', '200'],
    });
    await figures.getByRole('button', { name: 'Save figures' }).click();
    await figures.getByText('Tweets must be a whole number').waitFor();
    await app.screenshot('reports-figures-dialog');
    await figures.getByLabel('Tweets', { exact: true }).fill('51');
    await reports.save(figures, 'Save figures');
    await app.page.getByRole('table', { name: 'Engagement figures' }).getByText('340 to 371 (+31)').waitFor();
    await app.screenshot('reports-figures');

    // Three issues: a complaint acknowledged with the standard wording.
    await reports.open('Issues and actions');
    const complaint = await reports.fillIssue({
      kind: 'Complaint',
      receivedOn: '02/11/2026',
      receivedAt: '10:00',
      comment: 'Why was the netball final moved?',
    });
    await complaint.getByRole('button', { name: 'Copy the acknowledgement' }).click();
    await complaint.getByText('Copied. Paste it as a public reply').waitFor();
    expect(app.platform.clipboard).toBe(complaintAcknowledgement);
    await complaint.getByRole('button', { name: 'Record it as the reply sent' }).click();
    expect(await complaint.getByLabel('Acknowledged publicly').isChecked()).toBe(true);
    // The day defaults to the computer's today, which the test does not fix.
    await typeDate(app.page, 'Acknowledged on', '02/11/2026');
    // Logged three weeks later, the reply asks when it was sent.
    await complaint.getByRole('button', { name: 'Add to the log' }).click();
    await complaint.getByText('Give the date the reply was sent').waitFor();
    await typeDate(app.page, 'Reply sent on', '02/11/2026');
    await complaint.getByLabel('Reply sent at (UK time)').fill('15:00');
    await app.screenshot('reports-issue-dialog');
    await reports.save(complaint, 'Add to the log');
    // Sent five hours after it arrived: on time, though logged weeks later.
    await reports.issueRow('netball final').getByText('Reply within 24 hours.').waitFor();
    expect(await reports.issueRow('netball final').getByText('Replied late').count()).toBe(0);

    // Abuse, removed and reported to SLT, then resolved (the whole procedure: abuse.test.ts).
    const abuse = await reports.fillIssue({
      kind: 'Offensive comment or abuse',
      receivedOn: '10/11/2026',
      receivedAt: '09:30',
      comment: 'Offensive remark about a pupil',
    });
    await abuse.getByLabel('Removed', { exact: true }).check();
    await typeDate(app.page, 'Removed on', '10/11/2026');
    await abuse.getByLabel('Reported to a member of SLT').check();
    expect(await abuse.getByLabel('Member of SLT told').inputValue()).not.toBe('');
    await typeDate(app.page, 'Reported to SLT on', '10/11/2026');
    await reports.save(abuse, 'Add to the log');
    // Abuse is not chased for a reply.
    const abuseRow = reports.issueRow('Offensive remark');
    await abuseRow.getByText('No reply needed: abuse is removed and reported, not answered.').waitFor();
    expect(await abuseRow.getByText('Overdue').count()).toBe(0);
    expect(await abuseRow.getAttribute('data-overdue')).toBe('false');
    await abuseRow.getByRole('button', { name: /^Resolve/ }).click();
    const resolve = reports.dialog('Resolve the entry');
    await resolve.getByLabel('Resolution notes').fill('Removed and passed to SLT');
    await reports.save(resolve, 'Resolve');

    // A query from last Wednesday with no reply: overdue.
    const query = await reports.fillIssue({
      kind: 'Query',
      receivedOn: '18/11/2026',
      receivedAt: '09:00',
      comment: 'When is sports day?',
    });
    await reports.save(query, 'Add to the log');
    const overdueRow = reports.issueRow('When is sports day?');
    await overdueRow.getByText('Overdue').waitFor();
    expect(await overdueRow.getAttribute('data-overdue')).toBe('true');
    await app.page.getByLabel('Show').selectOption({ label: 'All entries' });
    await reports.issueRow('Offensive remark').getByText('Resolved', { exact: true }).waitFor();
    await app.screenshot('reports-issues');

    // The Dashboard flags the overdue reply.
    await reports.goTo('Dashboard');
    const reply = app.page.locator('.need[data-group="reply-overdue"]');
    await reply.first().waitFor();
    expect(await reply.count()).toBe(1);
    expect(await reply.getByRole('link').getAttribute('href')).toBe('#/reports/issues');
    await app.screenshot('reports-dashboard-card');

    // The report, on screen.
    await reports.open();
    await reports.chooseTerm('2026/27', 'Autumn');
    await reports.appendix.waitFor();
    // The term's own dates, from the term calendar: not the summer holiday before it.
    expect(await app.page.getByTestId('date-range').textContent()).toBe('07/09/2026 to 18/12/2026');
    expect(await app.page.getByTestId('new-followers').textContent()).toContain('+31');
    expect(await app.page.getByTestId('engagement-counts').textContent()).toBe('515014200');
    expect(await app.page.getByTestId('report-issue').count()).toBe(3);
    await app.page.locator('.engagement-chart svg.recharts-surface').first().waitFor();
    // Only the terms with figures are charted, and the comments box appears once, in its row.
    expect(await app.page.locator('.engagement-chart figcaption').textContent()).toBe(
      'Followers and engagement in the one recent term with figures.',
    );
    expect(await reports.appendix.getByText('Any other comments').count()).toBe(1);
    expect(await app.page.getByTestId('report').getByText('Any other comments').count()).toBe(1);
    await app.page.getByLabel('Any other comments').fill('Netball coverage drew most of the new followers.');
    await app.page.getByRole('button', { name: 'Save comments' }).click();
    await app.page.getByText('Comments saved.').waitFor();
    await app.screenshot('reports-report');

    // Saved as PDF, read back.
    const printed = capturePrints(app);
    const reportPath = join(resultsDir, 'appendix-1.pdf');
    app.platform.savePaths.push(reportPath);
    await app.page.getByRole('button', { name: 'Save as PDF' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Saved as “appendix-1.pdf”.' }).waitFor();
    // Abuse now says what was done in full, so the three entries may run onto a second page.
    const reportText = (await pdfPages(await import('node:fs').then((fs) => fs.readFileSync(reportPath)))).join(' ');
    for (const section of ['Date range', 'New followers', 'Engagement', 'Issues and Actions', 'Any other comments'])
      expect(reportText).toContain(section);
    expect(reportText).toMatch(/Tweets Retweets Mentions Favourites 51 50 14 200/);
    expect(reportText).toContain('Thank you for bringing this issue to our attention.');
    // Abuse is not answered: its "Reply sent" says what was done.
    expect(reportText.replace(/\s+/g, ' ')).toContain('Removed 10/11/2026; reported to SLT (Sarah Barker) 10/11/2026');
    expect(reportText).toContain('Open: reply overdue');
    expect(reportText).toContain('Netball coverage drew most of the new followers.');
    expect(app.platform.dialogs.at(-1)?.title).toBe('Save the Twitter Report');
    await screenshotHtml(app, printed.html[0]!, 'reports-appendix-1-pdf');

    // The termly meeting pack.
    const packPath = join(resultsDir, 'meeting-pack.pdf');
    app.platform.savePaths.push(packPath);
    await app.page.getByLabel('Academic year').last().selectOption({ label: '2026/27' });
    await app.page.getByRole('button', { name: 'Save the meeting pack as PDF' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Saved as “meeting-pack.pdf”.' }).waitFor();
    const packPages = await pdfPages(await import('node:fs').then((fs) => fs.readFileSync(packPath)));
    expect(packPages[0]).toContain('Termly meeting pack: Autumn 2026/27');
    expect(packPages[0]).toContain('Open issues');
    expect(packPages[0]).toContain('When is sports day?');
    expect(packPages.join(' ')).toContain('Twitter Report');
    await screenshotHtml(app, printed.html[1]!, 'reports-meeting-pack-pdf');
    writeFileSync(join(resultsDir, 'appendix-1.html'), printed.html[0]!);

    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });

  it('keeps abuse open until it is removed and reported to SLT, on the Dashboard until then', async () => {
    const app = await openApp({ clock: { now: () => new Date(now) } });
    await call(app.core, 'accounts.create', { platform: 'x', handle: 'stmaryspe' });
    await call(app.core, 'people.create', { name: 'Sarah Barker', roles: ['slt'] });
    const reports = new ReportsPage(app.page);
    await reports.open('Issues and actions');
    const logged = await reports.fillIssue({
      kind: 'Offensive comment or abuse',
      receivedOn: '23/11/2026',
      receivedAt: '08:10',
      comment: 'Abusive reply naming a teacher',
    });
    // The dialog says what the policy asks before anyone tries to resolve it.
    await logged
      .getByTestId('still-to-do')
      .getByText('Still to do before it can be resolved: remove the comment')
      .waitFor();
    await reports.save(logged, 'Add to the log');
    const row = reports.issueRow('Abusive reply');
    await row.getByTestId('issue-still-to-do').waitFor();

    // Trying to resolve: told what is missing, and Resolve stays unavailable.
    await row.getByRole('button', { name: /^Resolve/ }).click();
    const resolve = reports.dialog('Resolve the entry');
    expect(await resolve.getByTestId('resolve-still-to-do').textContent()).toContain(
      'Still to do: remove the comment; report it to a named member of SLT.',
    );
    expect(await resolve.getByRole('button', { name: 'Resolve' }).isDisabled()).toBe(true);
    await app.screenshot('reports-abuse-resolve-refused');
    await resolve.getByRole('button', { name: 'Cancel' }).click();

    // The Dashboard lists it; its fix opens the entry.
    await reports.goTo('Dashboard');
    const need = app.page.locator('.need[data-group="abuse-unreported"]');
    await need.waitFor();
    expect(await need.locator('.need-text').textContent()).toBe(
      '@stmaryspe: the offensive comment received on 23/11/2026 has not been removed or reported to a member of SLT.',
    );
    await app.screenshot('reports-abuse-dashboard');
    await need.getByRole('link', { name: 'Record what was done' }).click();
    const edit = reports.dialog('Edit the log entry');
    await edit.getByLabel('Removed', { exact: true }).check();
    await typeDate(app.page, 'Removed on', '23/11/2026');
    await edit.getByLabel('Reported to a member of SLT').check();
    await typeDate(app.page, 'Reported to SLT on', '23/11/2026');
    await edit.getByLabel('Reported to the police or another authority').check();
    await edit.getByLabel('Their reference').fill('CR/99/26');
    await typeDate(app.page, 'Reported to them on', '23/11/2026');
    await edit.getByLabel('Reported to them by').fill('Sarah Barker');
    await edit.getByText('Everything needed to resolve it is recorded.').waitFor();
    await app.screenshot('reports-abuse-procedure');
    expect(await axeViolations(app.page)).toEqual([]);
    await reports.save(edit, 'Save changes');
    await row
      .getByText(
        'Removed 23/11/2026; reported to SLT (Sarah Barker) 23/11/2026; reported to the police 23/11/2026 by Sarah Barker, ref CR/99/26',
      )
      .waitFor();
    await row.getByRole('button', { name: /^Resolve/ }).click();
    await resolve.getByLabel('Resolution notes').fill('Removed, reported to SLT and the police');
    await reports.save(resolve, 'Resolve');

    // Gone from the Dashboard once done.
    await reports.goTo('Dashboard');
    await app.page.locator('.need, [data-testid="all-clear"]').first().waitFor();
    await need.waitFor({ state: 'detached' });
    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });

  it('imports a term of figures from an X analytics export: preview, a changed date asks again, then save', async () => {
    const app = await openApp({ clock: { now: () => new Date(now) } });
    await call(app.core, 'accounts.create', { platform: 'x', handle: 'stmaryspe' });
    const csv = join(app.dataDir, 'tweet_activity.csv');
    writeFileSync(
      csv,
      [
        'Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,retweets,replies,likes',
        '1,https://x.com/a/1,Netball,2026-09-14 10:00 +0000,1200,60,5,2,20',
        '2,https://x.com/a/2,Football,2026-10-30 18:00 +0000,800,30,2,0,9',
      ].join('\r\n'),
    );
    app.platform.openPaths.push(csv);
    const reports = new ReportsPage(app.page);
    await reports.open('Engagement figures');
    const dialog = await reports.chooseAnalyticsFile();
    await dialog.getByText('tweet_activity.csv: 2 rows').waitFor();
    const importButton = dialog.getByRole('button', { name: 'Import these figures' });
    expect(await importButton.isDisabled()).toBe(true);
    await typeDate(app.page, 'From', '01/09/2026');
    await typeDate(app.page, 'To', '30/09/2026');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByTestId('csv-preview');
    expect(await preview.textContent()).toBe('Tweets1Retweets5Mentions2Favourites20Rows outside the dates1');
    // A different period is a different sum: the preview goes, and importing waits for a new one.
    await typeDate(app.page, 'To', '20/11/2026');
    await preview.waitFor({ state: 'detached' });
    expect(await importButton.isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    expect(await preview.textContent()).toBe('Tweets2Retweets7Mentions2Favourites29Rows outside the dates0');
    await dialog.getByLabel('Followers at the start').fill('340');
    await dialog.getByLabel('Followers at the end').fill('352');
    await app.screenshot('reports-figures-import');
    await reports.save(dialog, 'Import these figures');
    await app.page.getByRole('status').filter({ hasText: 'Figures imported.' }).waitFor();
    const row = app.page
      .getByRole('table', { name: 'Engagement figures' })
      .getByRole('row')
      .filter({ hasText: 'stmaryspe' });
    expect(await row.textContent()).toContain('340 to 352 (+12)');
    expect(await row.textContent()).toContain('Analytics import');

    // Deleting asks first; Cancel keeps the figures.
    await row.getByRole('button', { name: /^Delete/ }).click();
    const confirm = app.page.getByRole('alertdialog', { name: 'Delete these figures?' });
    await confirm.getByText('The figures for @stmaryspe from 01/09/2026 to 20/11/2026 will be deleted').waitFor();
    await app.screenshot('reports-figures-confirm-delete');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await call(app.core, 'figures.list', { accountId: null })).toHaveLength(1);
    await row.getByRole('button', { name: /^Delete/ }).click();
    await confirm.getByRole('button', { name: 'Delete the figures' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Figures deleted.' }).waitFor();
    expect(await call(app.core, 'figures.list', { accountId: null })).toEqual([]);
    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });
});
