import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingPackHtml, type MeetingPack } from '../../../electron/reports/meeting-pack';
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
});
