import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWeeklyCheckItems } from '../../../shared/policy/weekly-checks';
import { docxTables, docxText } from '../../support/read-documents';
import { figures, useReportCores, type ReportsSession } from './harness';

/**
 * Posting hours (wentworth "Usage Policy") from an analytics import with post
 * times, and the termly meeting pack's look ahead and look back (north-herts
 * 3): key dates, the weekly-check record, and the pack in Word.
 */
const ready = useReportCores('2026-11-23T12:00:00Z');
const autumn = { kind: 'term', academicYear: 2026, term: 'autumn' } as const;

/** Five posts: two within 08:00-18:00 Monday to Friday, three outside (BST evening, Saturday, GMT early). */
const xExport = [
  'Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,retweets,replies,likes',
  '1,https://x.com/a/1,Netball team through to the final,2026-09-14 10:00 +0000,900,40,3,1,12',
  '2,https://x.com/a/2,Football results,2026-09-30 18:00 +0000,1200,60,5,2,20',
  '3,https://x.com/a/3,Open morning today,2026-10-03 09:00 +0000,800,30,2,0,9',
  '4,https://x.com/a/4,School closed: snow,2026-11-02 07:30 +0000,100,3,1,1,1',
  '5,https://x.com/a/5,Choir practice,2026-11-04 08:30 +0000,100,3,1,1,1',
  '6,https://x.com/a/6,Summer fete,2026-07-10 10:00 +0000,100,3,1,1,1',
].join('\r\n');

async function imported(h: ReportsSession) {
  const path = join(h.dir, 'tweet_activity.csv');
  writeFileSync(path, xExport);
  h.platform.openPaths.push(path);
  const opened = await h.call('figures.openCsv', {});
  if (opened.cancelled) throw new Error('cancelled');
  const request = {
    importId: opened.importId,
    accountId: h.x,
    from: '2026-09-01',
    to: '2026-11-22',
    mapping: opened.suggestedMapping!,
  };
  const preview = await h.call('figures.previewCsv', request);
  const saved = await h.call('figures.importCsv', { ...request, followersStart: 340, followersEnd: 371 });
  return { preview, saved };
}

describe('posting hours from imported post times', () => {
  it('previews every row, counts the posts outside the hours and lists them under the report', async () => {
    const h = await ready();
    const { preview, saved } = await imported(h);
    // Every row accounted for: five in the period (all with a time), one before it.
    expect(preview).toMatchObject({ postsInPeriod: 5, outsidePeriod: 1, withTime: 5, outsideHours: 3 });
    expect(preview.unreadable).toEqual([]);
    expect(preview.hours).toBe('08:00-18:00, Monday to Friday');
    expect(preview).not.toHaveProperty('posts');
    expect(saved.posts).toBe(5);

    const report = await h.call('reports.get', { accountId: h.x, period: autumn });
    expect(report.postingHours).toEqual({
      sentence: '3 of 5 posts were outside 08:00-18:00, Monday to Friday.',
      posts: 5,
      outside: [
        { date: '2026-09-30', time: '19:00', text: 'Football results' },
        { date: '2026-10-03', time: '10:00', text: 'Open morning today' },
        { date: '2026-11-02', time: '07:30', text: 'School closed: snow' },
      ],
    });
    const audit = await h.audit('figures.saved');
    expect(audit[0]!.details).toMatchObject({ source: 'csv', postTimes: 5 });

    // The school's own hours: 07:00 to 19:00 leaves only the Saturday post outside.
    await h.call('settings.update', { postingHours: { start: '07:00', end: '19:00', weekdays: [1, 2, 3, 4, 5] } });
    const wider = await h.call('reports.get', { accountId: h.x, period: autumn });
    expect(wider.postingHours?.sentence).toBe('1 of 5 posts was outside 07:00-19:00, Monday to Friday.');
  });

  it('keeps the post times when figures are merged, and drops them with the figures', async () => {
    const h = await ready();
    const { saved } = await imported(h);
    const merged = await h.call(
      'figures.save',
      figures(h.x, { from: '2026-11-01', to: '2026-12-18', posts: 4, onOverlap: 'merge' }),
    );
    expect(merged.id).not.toBe(saved.id);
    const report = await h.call('reports.get', { accountId: h.x, period: autumn });
    expect(report.postingHours?.posts).toBe(5);
    await h.call('figures.delete', { id: merged.id });
    expect((await h.call('reports.get', { accountId: h.x, period: autumn })).postingHours).toBeNull();
  });

  it('reads a time column of its own, and names a row whose time cannot be read', async () => {
    const h = await ready();
    const path = join(h.dir, 'facebook.csv');
    writeFileSync(
      path,
      [
        'Date,Time of post,Message,Shares',
        '14/09/2026,19:30,Match report,2',
        '15/09/2026,tea,Hi,1',
        '16/09/2026,,No time,0',
      ].join('\n'),
    );
    h.platform.openPaths.push(path);
    const opened = await h.call('figures.openCsv', {});
    if (opened.cancelled) throw new Error('cancelled');
    expect(opened.suggestedMapping).toMatchObject({ date: 0, time: 1, text: 2, shares: 3 });
    const preview = await h.call('figures.previewCsv', {
      importId: opened.importId,
      accountId: h.facebook,
      from: '2026-09-01',
      to: '2026-09-30',
      mapping: opened.suggestedMapping!,
    });
    expect(preview).toMatchObject({ postsInPeriod: 2, withTime: 1, outsideHours: 1 });
    expect(preview.unreadable).toEqual([{ rowNumber: 3, problem: '"tea" is not a time Keyholder can read.' }]);
  });
});

describe('key dates for the termly meeting', () => {
  it('adds, changes and deletes key dates within what the meeting looks ahead to, each audited', async () => {
    const h = await ready();
    const fair = await h.call('reports.saveKeyDate', {
      id: null,
      keyDate: { academicYear: 2026, term: 'autumn', on: '2027-01-15', what: 'Spring fair announced' },
    });
    await h.call('reports.saveKeyDate', {
      id: null,
      keyDate: { academicYear: 2026, term: 'autumn', on: '2026-12-10', what: 'Nativity play' },
    });
    const list = await h.call('reports.keyDates', { academicYear: 2026, term: 'autumn' });
    expect(list.from).toBe('2026-11-23');
    expect(list.nextTerm).toBe('Spring 2026/27');
    expect(list.dates.map((d) => d.what)).toEqual(['Nativity play', 'Spring fair announced']);

    const past = await h.refused(
      'reports.saveKeyDate',
      { id: null, keyDate: { academicYear: 2026, term: 'autumn', on: '2026-11-02', what: 'Too late' } },
      'INVALID_INPUT',
    );
    expect(past.message).toContain('Choose a date from 23/11/2026 to');
    await h.refused(
      'reports.saveKeyDate',
      { id: null, keyDate: { academicYear: 2026, term: 'autumn', on: '2027-01-15', what: '  ' } },
      'INVALID_INPUT',
    );

    await h.call('reports.saveKeyDate', {
      id: fair.id,
      keyDate: { academicYear: 2026, term: 'autumn', on: '2027-01-16', what: 'Spring fair' },
    });
    await h.call('reports.deleteKeyDate', { id: fair.id });
    const after = await h.call('reports.keyDates', { academicYear: 2026, term: 'autumn' });
    expect(after.dates.map((d) => [d.on, d.what])).toEqual([['2026-12-10', 'Nativity play']]);
    expect(await h.audit('report.key-date-saved')).toHaveLength(3);
    expect((await h.audit('report.key-date-deleted'))[0]!.details).toMatchObject({ what: 'Spring fair' });
  });
});

describe('the meeting pack in Word', () => {
  it('has the cover, the posting hours, the weekly-check record, the key dates ahead and each report', async () => {
    const h = await ready();
    await imported(h);
    await h.call('accounts.setStatus', { id: h.x, status: 'active', on: '2026-09-01', overrideReason: 'In use' });
    // Live, with nothing entered this term: named in one line rather than given an empty report.
    await h.call('accounts.setStatus', {
      id: h.facebook,
      status: 'active',
      on: '2026-09-01',
      overrideReason: 'In use',
    });
    // Every check ticked for the week of 16/11; the week now running is not counted yet.
    for (const item of defaultWeeklyCheckItems)
      await h.call('checks.tick', { accountId: h.x, week: '2026-11-16', item, checkedById: h.teacher });
    await h.call('reports.saveKeyDate', {
      id: null,
      keyDate: { academicYear: 2026, term: 'autumn', on: '2027-01-15', what: 'Spring fair announced' },
    });
    const path = join(h.dir, 'pack.docx');
    h.platform.savePaths.push(path);
    const saved = await h.call('reports.meetingPackDocx', { academicYear: 2026, term: 'autumn' });
    expect(saved).toEqual({ cancelled: false, path });
    expect(h.platform.dialogs.at(-1)).toMatchObject({ title: 'Save the termly meeting pack' });
    expect(h.platform.dialogs.at(-1)?.filters).toEqual([{ name: 'Word document', extensions: ['docx'] }]);
    const bytes = readFileSync(path);
    const text = await docxText(bytes);
    expect(text).toContain('Termly meeting pack: Autumn 2026/27');
    expect(text).toContain('Twitter Report');
    expect(text).not.toContain('Facebook Report');
    expect(text).toContain(
      'No figures, issues or comments were entered this term for StMarysPTA, so its Appendix 1 report is left out of this pack.',
    );
    const tables = await docxTables(bytes);
    const find = (first: string) => tables.find((t) => t[0]!.join('|') === first)!;
    expect(find('Account|Posts outside the hours')[1]).toEqual([
      '@stmaryspe',
      '3 of 5 posts were outside 08:00-18:00, Monday to Friday.',
    ]);
    // Whole weeks from 07/09 to the Sunday just gone (22/11): eleven, one with every check.
    expect(find('Account|Weeks with every check done').slice(1)).toEqual([
      ['StMarysPTA', '0 of 11'],
      ['@stmaryspe', '1 of 11'],
    ]);
    expect(find('Date|What')[1]).toEqual(['Friday 15/01/2027', 'Spring fair announced']);
    // The account's own list of posts outside the hours, under its Appendix 1 table.
    expect(
      find('Posted|Post')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Wednesday 30/09/2026 19:00', 'Saturday 03/10/2026 10:00', 'Monday 02/11/2026 07:30']);
    expect(text).toContain('Open issues');
  });
});
