import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingPackHtml, type MeetingPack } from '../../../electron/reports/meeting-pack';
import { reportHtml } from '../../../electron/reports/report-html';
import { noIssueActions, type Issue, type ReportData } from '../../../shared/contract';
import { launchChromium } from '../../e2e/support/browser';
import { chromiumPdfRenderer } from '../../support/print-pdf';
import { pdfPages } from '../../support/read-documents';

/**
 * Printed headings stay with what they head: a page never ends with a
 * section heading whose table starts on the next page. The pack is built
 * with more and more rows in its first table, so each later heading lands
 * at the foot of a page in one of the runs.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const info = { schoolName: "St Mary's", printedBy: 'Alex Admin', printedAt: '10/12/2026 10:00' };

function pack(rotations: number): MeetingPack {
  return {
    period: {
      from: '2026-09-07',
      to: '2026-12-18',
      label: 'Autumn 2026/27',
      term: { academicYear: 2026, term: 'autumn' },
    },
    reports: [],
    rotationsDone: Array.from({ length: rotations }, (_, i) => ({
      rotationId: i + 1,
      accountId: 1,
      label: `@account${i + 1}`,
      confirmedAt: '2026-10-01T09:00:00.000Z',
      confirmedBy: 'Alex Admin',
      reason: 'Termly change',
      told: ['Priya PE (in person)'],
    })),
    rotationsOverdue: [{ label: '@late', dueBy: '2026-11-01', reason: 'Termly change' }],
    holderChanges: [{ label: '@pe', person: 'Tom Teacher', change: 'Added as a holder', on: '2026-10-02' }],
    handovers: [{ summary: 'Handover for Sam Sport, leaving', on: '2026-10-23' }],
    openIssues: [],
    status: { accounts: [], counts: { breach: 0, 'setting-up': 0, attention: 0, fine: 0, closed: 0, total: 0 } },
    extra: {
      upcoming: { from: '2026-12-10', to: '2027-03-26', nextTerm: 'Spring 2026/27', dates: [] },
      checks: { items: 4, from: '2026-09-07', to: '2026-12-06', rows: [] },
    },
  };
}

/** Each heading and the first header cell of its table. */
const sections: [string, string][] = [
  ['Password changes overdue', 'Account Due by'],
  ['Holder changes', 'Account Person'],
  ['Handovers', 'What On'],
  ['Open issues', 'Account Received'],
];

describe('printed headings', () => {
  it('keep each meeting-pack heading on the same page as its table', async () => {
    const render = chromiumPdfRenderer(browser);
    const orphans: string[] = [];
    for (let rows = 22; rows <= 34; rows += 2) {
      const pdf = await render(meetingPackHtml(pack(rows), info));
      // To look at a run: PRINT_LAYOUT_DIR=<folder>, then pdftoppm the file.
      if (rows === 28 && process.env.PRINT_LAYOUT_DIR)
        writeFileSync(join(process.env.PRINT_LAYOUT_DIR, 'meeting-pack-28.pdf'), pdf);
      const pages = await pdfPages(pdf);
      for (const [heading, head] of sections) {
        const page = pages.find((p) => p.includes(heading));
        if (!page?.includes(`${heading} ${head}`)) orphans.push(`${rows} rows: ${heading}`);
      }
    }
    expect(orphans).toEqual([]);
  }, 60_000);

  it('keep the Appendix 1 "Issues and Actions" header row with the first issue', async () => {
    const render = chromiumPdfRenderer(browser);
    const issue = (n: number): Issue => ({
      id: n,
      accountId: 1,
      accountLabel: '@stmaryspe',
      platform: 'x',
      receivedAt: '2026-10-05T09:00:00.000Z',
      kind: 'query',
      originalComment: `Question number ${n} about the fixtures`,
      replySent: 'Thank you, the fixtures are on the website.',
      repliedAt: '2026-10-05T11:00:00.000Z',
      recordedBy: 'Alex Admin',
      actions: noIssueActions,
      stillToDo: [],
      status: 'resolved',
      resolvedAt: '2026-10-05T11:00:00.000Z',
      resolutionNotes: '',
      dueAt: '2026-10-06T09:00:00.000Z',
      dueExplanation: 'Reply within 24 hours.',
      overdue: false,
      repliedLate: false,
    });
    const orphans: number[] = [];
    // More notes above the table push the header row down the page, run by run (it crosses the
    // page between 36 and 39 notes). A guard: the row heading's rowspan and tr.head keep them together.
    for (let notes = 24; notes <= 48; notes += 3) {
      const data: ReportData = {
        account: { id: 1, label: '@stmaryspe', platform: 'x', displayName: "St Mary's PE" },
        title: 'Twitter Report',
        period: {
          from: '2026-09-07',
          to: '2026-12-18',
          label: 'Autumn 2026/27',
          term: { academicYear: 2026, term: 'autumn' },
        },
        words: { posts: 'Tweets', shares: 'Retweets', mentions: 'Mentions', likes: 'Favourites' },
        figures: null,
        issues: [issue(1), issue(2)],
        comments: '',
        history: [],
        notes: Array.from({ length: notes }, (_, i) => `Note ${i + 1} for the reader.`),
        postingHours: null,
      };
      const pages = await pdfPages(await render(reportHtml(data, info)));
      const page = pages.find((p) => p.includes('Issues and Actions'));
      if (!page?.includes('Question number 1')) orphans.push(notes);
    }
    expect(orphans).toEqual([]);
  }, 60_000);
});
