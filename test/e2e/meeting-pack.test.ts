import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWeeklyCheckItems } from '../../shared/policy/weekly-checks';
import { call } from '../support/core-calls';
import { docxTables, pdfPages } from '../support/read-documents';
import { typeDate } from './pages/people-page';
import { ReportsPage } from './pages/reports-page';
import { axeViolations } from './support/axe';
import { useApp } from './support/suite';

/**
 * The termly meeting (north-herts 3) with posting hours (wentworth): a key
 * date entered for the meeting, analytics imported with post times, the
 * count of posts outside 08:00-18:00 Monday to Friday on the report, and the
 * meeting pack saved as PDF and as Word with both in it.
 */
const openApp = useApp();
const resultsDir = join(process.cwd(), 'test-results', 'documents');
/** Monday 23/11/2026 12:00 GMT: the Autumn 2026/27 meeting is being prepared. */
const now = Date.parse('2026-11-23T12:00:00Z');

describe('the termly meeting pack', () => {
  it('lists a key date, counts the posts outside the posting hours, and saves as PDF and Word', async () => {
    const app = await openApp({ clock: { now: () => new Date(now) } });
    const account = await call(app.core, 'accounts.create', { platform: 'x', handle: 'stmaryspe' });
    await call(app.core, 'accounts.setStatus', {
      id: account.id,
      status: 'active',
      on: '2026-09-01',
      overrideReason: 'In use',
    });
    const sam = await call(app.core, 'people.create', { name: 'Sam Sport', roles: ['staff'] });
    for (const item of defaultWeeklyCheckItems)
      await call(app.core, 'checks.tick', { accountId: account.id, week: '2026-11-16', item, checkedById: sam.id });
    const reports = new ReportsPage(app.page);
    mkdirSync(resultsDir, { recursive: true });
    const pack = app.page.getByRole('region', { name: 'Termly meeting pack' });
    const chooseAutumn = async () => {
      await pack.getByLabel('Academic year').selectOption({ label: '2026/27' });
      await pack.getByLabel('Term').selectOption({ label: 'Autumn' });
    };

    // A key date for the meeting: the rest of this term and next term are open to it.
    await reports.open();
    await chooseAutumn();
    await pack.getByText('from 23/11/2026 to').waitFor();
    await pack.getByRole('button', { name: 'Add a key date' }).click();
    const dialog = reports.dialog('Add a key date');
    await typeDate(app.page, 'Date', '15/01/2027');
    await dialog.getByLabel('What').fill('Spring fair announced');
    expect(await axeViolations(app.page)).toEqual([]);
    await reports.save(dialog, 'Save the key date');
    await pack
      .getByRole('table', { name: 'Upcoming key dates' })
      .getByRole('row')
      .filter({ hasText: 'Friday 15/01/2027' })
      .filter({ hasText: 'Spring fair announced' })
      .waitFor();

    // Analytics with post times: a BST evening, a Saturday and a GMT early morning are outside the hours.
    const csv = join(app.dataDir, 'tweet_activity.csv');
    writeFileSync(
      csv,
      [
        'Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,retweets,replies,likes',
        '1,https://x.com/a/1,Netball team through to the final,2026-09-14 10:00 +0000,900,40,3,1,12',
        '2,https://x.com/a/2,Football results,2026-09-30 18:00 +0000,1200,60,5,2,20',
        '3,https://x.com/a/3,Open morning today,2026-10-03 09:00 +0000,800,30,2,0,9',
        '4,https://x.com/a/4,School closed: snow,2026-11-02 07:30 +0000,100,3,1,1,1',
        '5,https://x.com/a/5,Choir practice,2026-11-04 08:30 +0000,100,3,1,1,1',
      ].join('\r\n'),
    );
    app.platform.openPaths.push(csv);
    await reports.open('Engagement figures');
    const importDialog = await reports.chooseAnalyticsFile();
    expect(await importDialog.getByLabel('Text of the post').inputValue()).toBe('2');
    await typeDate(app.page, 'From', '01/09/2026');
    await typeDate(app.page, 'To', '22/11/2026');
    await importDialog.getByRole('button', { name: 'Preview' }).click();
    expect(await importDialog.getByTestId('csv-post-times').textContent()).toBe(
      'Posting hours (08:00-18:00, Monday to Friday): 3 of 5 posts with a time were outside them.',
    );
    await importDialog.getByLabel('Followers at the start').fill('340');
    await importDialog.getByLabel('Followers at the end').fill('371');
    await reports.save(importDialog, 'Import these figures');

    // The report counts them under the Appendix 1 table and lists them.
    await reports.open();
    await reports.chooseTerm('2026/27', 'Autumn');
    const hours = app.page.getByRole('region', { name: 'Posting hours' });
    expect(await hours.getByTestId('posting-hours').textContent()).toContain(
      '3 of 5 posts were outside 08:00-18:00, Monday to Friday.',
    );
    expect(await hours.getByRole('row').nth(3).textContent()).toBe('Monday 02/11/2026 07:30School closed: snow');
    expect(await reports.appendix.getByText('outside 08:00-18:00').count()).toBe(0);
    await chooseAutumn();
    expect(await axeViolations(app.page)).toEqual([]);
    await app.screenshot('meeting-pack-report');

    // The pack as PDF (its printed page kept as an image to look at) and as Word.
    const printed: string[] = [];
    const render = app.platform.pdfRenderer!;
    app.platform.pdfRenderer = async (html) => {
      printed.push(html);
      return render(html);
    };
    const pdfPath = join(resultsDir, 'meeting-pack.pdf');
    app.platform.savePaths.push(pdfPath);
    await pack.getByRole('button', { name: 'Save the meeting pack as PDF' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Saved as “meeting-pack.pdf”.' }).waitFor();
    const text = (await pdfPages(readFileSync(pdfPath))).join(' ');
    expect(text).toMatch(/Posting hours .*Account Posts outside the hours @stmaryspe 3 of 5 posts were outside/);
    expect(text).toContain('Weekly checks this term');
    expect(text).toContain('@stmaryspe 1 of 11');
    expect(text).toContain('Upcoming');
    expect(text).toContain('Friday 15/01/2027 Spring fair announced');
    expect(text).toContain('Saturday 03/10/2026 10:00 Open morning today');
    writeFileSync(join(resultsDir, 'meeting-pack.html'), printed[0]!);
    const page = await app.page.context().newPage();
    await page.setViewportSize({ width: 820, height: 1160 });
    await page.setContent(printed[0]!, { waitUntil: 'load' });
    await page.screenshot({
      path: join(process.cwd(), 'test-results', 'screenshots', 'meeting-pack-pdf.png'),
      fullPage: true,
    });
    await page.close();

    const wordPath = join(resultsDir, 'meeting-pack.docx');
    app.platform.savePaths.push(wordPath);
    await pack.getByRole('button', { name: 'Save the meeting pack as Word' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Saved as “meeting-pack.docx”.' }).waitFor();
    const tables = await docxTables(readFileSync(wordPath));
    const upcoming = tables.find((t) => t[0]!.join('|') === 'Date|What')!;
    expect(upcoming[1]).toEqual(['Friday 15/01/2027', 'Spring fair announced']);

    // The hours are the school's setting, the policy's by default.
    await reports.goTo('Settings');
    const setting = app.page.locator('form[aria-labelledby="posting-hours-title"]');
    expect(await setting.getByLabel('From').inputValue()).toBe('08:00');
    expect(await setting.getByLabel('Saturday').isChecked()).toBe(false);
    expect(await axeViolations(app.page)).toEqual([]);
    await setting.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'posting-hours-setting.png') });
    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });
});
