import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../e2e/support/browser';
import { docxTables, docxText, pdfInfo, pdfPages } from '../../support/read-documents';
import { figures, useReportCores, type ReportsSession } from './harness';
import { chromiumPdfRenderer } from '../../support/print-pdf';

/**
 * The exported report read back: the PDF Chromium prints (as Electron's
 * printToPDF does) and the Word file must both hold the policy's five
 * sections with the numbers entered.
 */
const ready = useReportCores('2026-12-10T10:00:00Z');
const autumn = { kind: 'term', academicYear: 2026, term: 'autumn' } as const;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function seeded(): Promise<ReportsSession> {
  const h = await ready();
  h.platform.pdfRenderer = chromiumPdfRenderer(browser);
  await h.call('figures.save', figures(h.x));
  await h.call(
    'figures.save',
    figures(h.x, {
      from: '2026-10-01',
      to: '2026-11-30',
      followersStart: 352,
      followersEnd: 371,
      posts: 30,
      shares: 16,
      mentions: 5,
      likes: 82,
    }),
  );
  // Last year's spring term, for the chart.
  await h.call(
    'figures.save',
    figures(h.x, { from: '2026-01-05', to: '2026-03-27', followersStart: 300, followersEnd: 320 }),
  );
  await h.call('issues.create', {
    accountId: h.x,
    receivedOn: '2026-10-14',
    receivedTime: '19:05',
    kind: 'complaint',
    originalComment: 'Why was the netball final moved?',
    replySent: 'Thank you for bringing this issue to our attention.',
    repliedOn: '2026-10-14',
    repliedTime: '20:30',
    recordedBy: 'Sam Sport',
    actions: { acknowledgedPublicly: { on: '2026-10-14', by: 'Sam Sport' } },
  });
  await h.call('issues.create', {
    accountId: h.x,
    receivedOn: '2026-11-02',
    receivedTime: '08:00',
    kind: 'abuse',
    originalComment: 'Rude <b>words</b> & worse',
    recordedBy: 'Alex Admin',
    actions: {
      removed: { on: '2026-11-02', by: 'Alex Admin' },
      userBlocked: { on: '2026-11-02', by: 'Alex Admin' },
      reportedToSlt: { personId: h.slt, on: '2026-11-02', by: 'Alex Admin' },
      reportedToAuthority: { authority: 'the police', reference: 'CR123', on: '2026-11-03', by: 'Sarah Barker' },
    },
  });
  await h.call('reports.saveComments', {
    accountId: h.x,
    period: autumn,
    comments: 'Strong term for netball.\nMore video next term.',
  });
  return h;
}

describe('the Appendix 1 report', () => {
  it('gathers the term: combined figures, the issues, the comments and the last terms', async () => {
    const h = await seeded();
    const data = await h.call('reports.get', { accountId: h.x, period: autumn });
    // The term's own dates; September's figures (from 01/09, before term starts on 07/09) still count.
    expect(data.period).toMatchObject({ from: '2026-09-07', to: '2026-12-18', label: 'Autumn 2026/27' });
    expect(data.title).toBe('Twitter Report');
    expect(data.figures).toMatchObject({
      followersStart: 340,
      followersEnd: 371,
      newFollowers: 31,
      posts: 51,
      shares: 50,
      mentions: 14,
      likes: 200,
      entries: 2,
    });
    expect(data.issues.map((i) => i.kind)).toEqual(['complaint', 'abuse']);
    expect(data.comments).toBe('Strong term for netball.\nMore video next term.');
    // Only the terms with figures: no empty bars for terms nobody entered.
    expect(data.history.map((p) => [p.label, p.posts])).toEqual([
      ['Spring 2025/26', 21],
      ['Autumn 2026/27', 51],
    ]);
    const facebook = await h.call('reports.get', { accountId: h.facebook, period: autumn });
    expect(facebook).toMatchObject({
      title: 'Facebook Report',
      figures: null,
      words: { posts: 'Posts', likes: 'Reactions' },
    });
    expect(facebook.notes).toEqual(['No engagement figures are entered for this period yet.']);
  });

  it('prints a PDF with the five sections and the right numbers, named after the account and term', async () => {
    const h = await seeded();
    const path = join(h.dir, 'report.pdf');
    h.platform.savePaths.push(path);
    expect(await h.call('reports.exportPdf', { accountId: h.x, period: autumn })).toEqual({ cancelled: false, path });
    expect(h.platform.dialogs.at(-1)).toMatchObject({ kind: 'save', title: 'Save the Twitter Report' });
    const [page] = await pdfPages(readFileSync(path));
    const text = page!;
    for (const section of ['Date range', 'New followers', 'Engagement', 'Issues and Actions', 'Any other comments'])
      expect(text).toContain(section);
    expect(text).toContain('07/09/2026 to 18/12/2026');
    expect(text).toMatch(/New followers\s+\+31/);
    expect(text).toMatch(/Tweets\s+Retweets\s+Mentions\s+Favourites\s+51\s+50\s+14\s+200/);
    expect(text).toMatch(/Date\s+Original comment\s+Reply sent\s+Recorded by/);
    expect(text).toContain('Why was the netball final moved?');
    expect(text).toContain('Rude <b>words</b> & worse');
    // Abuse is not answered: its "Reply sent" says what was done, and who did it when not the recorder.
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Removed 02/11/2026; user blocked 02/11/2026; reported to SLT (Sarah Barker) 02/11/2026; reported to the police 03/11/2026 by Sarah Barker, ref CR123',
    );
    expect(text).not.toContain('No reply recorded');
    expect(text).toContain('Strong term for netball.');
    expect(text).toContain('Followers and engagement in the 2 recent terms with figures');
    expect(await pdfInfo(readFileSync(path))).toEqual({
      title: 'Twitter Report: @stmaryspe, Autumn 2026/27',
      tagged: true,
    });
    const audit = await h.audit('report.exported');
    expect(audit[0]).toMatchObject({ targetLabel: '@stmaryspe', details: { format: 'pdf', path } });
  });

  it('writes a Word document with the same table and numbers', async () => {
    const h = await seeded();
    const path = join(h.dir, 'report.docx');
    h.platform.savePaths.push(path);
    await h.call('reports.exportDocx', { accountId: h.x, period: autumn });
    const bytes = readFileSync(path);
    expect(await docxText(bytes)).toContain('Twitter Report');
    const tables = await docxTables(bytes);
    const appendix = tables.find((t) => t[0]?.[0] === 'Date range')!;
    // Merged cells ("Engagement" and "Issues and Actions" span rows) leave an empty continuation cell.
    expect(appendix.map((row) => row[0]!.split('\n')[0])).toEqual([
      'Date range',
      'New followers',
      'Engagement',
      '',
      'Issues and Actions',
      '',
      '',
      'Any other comments',
    ]);
    expect(appendix[0]![1]).toBe('07/09/2026 to 18/12/2026');
    expect(appendix[1]![1]).toContain('+31');
    expect(appendix[2]!.slice(1)).toEqual(['Tweets', 'Retweets', 'Mentions', 'Favourites']);
    expect(appendix[3]).toEqual(['', '51', '50', '14', '200']);
    expect(appendix[4]!.slice(1)).toEqual(['Date', 'Original comment', 'Reply sent', 'Recorded by']);
    // Reply timeliness where SLT sees it: a summary under the section's name, and each entry's reply time.
    expect(appendix[4]![0]).toMatch(/^Issues and Actions\n\d+ of \d+ replied on time$/);
    expect(appendix[5]![3]).toMatch(/Replied \d\d\/\d\d\/\d{4} \d\d:\d\d: (on time|late)|No reply|Reply due/);
    expect(appendix[5]!.slice(1, 3)).toEqual(['14/10/2026 19:05\nComplaint', 'Why was the netball final moved?']);
    expect(appendix[6]![2]).toBe('Rude <b>words</b> & worse');
    expect(appendix[6]![3]!.split('\n')[0]).toBe(
      'Removed 02/11/2026; user blocked 02/11/2026; reported to SLT (Sarah Barker) 02/11/2026; reported to the police 03/11/2026 by Sarah Barker, ref CR123',
    );
    expect(appendix[5]![3]!.split('\n').slice(0, 2)).toEqual([
      'Thank you for bringing this issue to our attention.',
      'Actions: Acknowledged publicly 14/10/2026',
    ]);
    expect(appendix[6]![4]).toBe('Alex Admin');
    expect(appendix[7]![1]).toBe('Strong term for netball.\nMore video next term.');
    const history = tables.find((t) => t[0]?.[0] === 'Term')!;
    expect(history.at(-1)).toEqual(['Autumn 2026/27', '371', '51', '50', '14', '200']);
  });

  it('exports the figures as CSV, and offers file names with the account and period', async () => {
    const h = await seeded();
    const path = join(h.dir, 'figures.csv');
    h.platform.savePaths.push(path);
    await h.call('reports.exportCsv', { accountId: h.x, period: autumn });
    const csv = readFileSync(path, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('"Tweets","Retweets","Mentions","Favourites"');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(`"'@stmaryspe: total for Autumn 2026/27","07/09/2026","18/12/2026","340","371","31"`);
    expect(h.platform.dialogs.at(-1)).toMatchObject({ title: 'Save the Twitter Report' });
    h.platform.savePaths.push(null);
    expect(
      await h.call('reports.exportDocx', {
        accountId: h.x,
        period: { kind: 'range', from: '2026-09-01', to: '2026-09-30' },
      }),
    ).toEqual({ cancelled: true });
  });

  it('prints the termly meeting pack for every account, with rotations, holder changes and open issues', async () => {
    const h = await seeded();
    const head = await h.call('people.create', { name: 'Hannah Head', roles: ['headteacher'] });
    await h.call('holders.add', {
      accountId: h.facebook,
      personId: head.id,
      authorisedById: head.id,
      authorisedOn: '2026-12-01',
    });
    await h.call('issues.create', {
      accountId: h.facebook,
      receivedOn: '2026-12-09',
      receivedTime: '09:00',
      kind: 'query',
      originalComment: 'When is the fair?',
      recordedBy: 'Alex Admin',
    });
    await h.call('issues.create', {
      accountId: h.facebook,
      receivedOn: '2026-12-09',
      receivedTime: '20:00',
      kind: 'abuse',
      originalComment: 'Slurs under the fair post',
      recordedBy: 'Alex Admin',
    });
    const path = join(h.dir, 'pack.pdf');
    h.platform.savePaths.push(path);
    await h.call('reports.meetingPackPdf', { academicYear: 2026, term: 'autumn' });
    expect(h.platform.dialogs.at(-1)).toMatchObject({ title: 'Save the termly meeting pack' });
    const pages = await pdfPages(readFileSync(path));
    const all = pages.join('\n');
    expect(pages[0]).toContain('Termly meeting pack: Autumn 2026/27');
    for (const heading of [
      'Password changes done this term',
      'Password changes overdue',
      'Holder changes',
      'Handovers',
      'Open issues',
    ])
      expect(pages[0]).toContain(heading);
    expect(pages[0]).toContain('Hannah Head');
    expect(pages[0]).toContain('When is the fair?');
    // The open abuse entry's "Reply sent" says what was done.
    expect(pages[0]!.replace(/\s+/g, ' ')).toContain('Removed 02/11/2026; user blocked 02/11/2026; reported to SLT');
    // Abuse not yet dealt with: said so, with what the policy still asks, for SLT to see.
    expect(pages[0]!.replace(/\s+/g, ' ')).toContain(
      'Not yet removed or reported Still to do: remove the comment; report it to a named member of SLT.',
    );
    expect(all).toContain('Twitter Report');
    expect(all).toContain('Facebook Report');
    expect(all).toMatch(/Tweets\s+Retweets\s+Mentions\s+Favourites\s+51\s+50\s+14\s+200/);
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it('needs the vault unlocked to export, and asks nothing when locked', async () => {
    const h = await seeded();
    await h.call('vault.lock', {});
    const dialogs = h.platform.dialogs.length;
    await h.refused('reports.exportPdf', { accountId: h.x, period: autumn }, 'VAULT_LOCKED');
    await h.refused('reports.saveComments', { accountId: h.x, period: autumn, comments: 'x' }, 'VAULT_LOCKED');
    expect(h.platform.dialogs).toHaveLength(dialogs);
    // Reading stays possible while locked.
    expect((await h.call('reports.get', { accountId: h.x, period: autumn })).figures?.posts).toBe(51);
  });
});
