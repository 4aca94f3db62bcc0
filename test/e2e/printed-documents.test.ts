import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../support/core-calls';
import { pdfPages } from '../support/read-documents';
import { seedSchool } from './support/school';
import { useApp } from './support/suite';

/**
 * Every printed document, made through its real channel and Chromium's PDF
 * engine for a school of 25 accounts and 40 staff, then turned into PNG pages
 * (poppler's pdftoppm) for a person to look at: test-results/documents/.
 */
const openApp = useApp();
const clock = { now: () => new Date('2026-11-23T12:00:00Z') };
const outDir = join(process.cwd(), 'test-results', 'documents');

/** The PDF's pages as PNG files named `<name>-<page>.png`; returns how many. */
function toPng(pdf: string, name: string): number {
  for (const old of readdirSync(outDir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')))
    rmSync(join(outDir, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(outDir, name)]);
  return readdirSync(outDir).filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f)).length;
}

describe('printed documents', () => {
  it('prints each document as a PDF a person can read, and keeps its pages as PNG', async () => {
    mkdirSync(outDir, { recursive: true });
    const app = await openApp({ clock });
    await seedSchool(app);
    const people = await call(app.core, 'people.list', {});
    const anna = people.find((p) => p.name === 'Anna Carter')!;
    const ben = people.find((p) => p.name === 'Ben Carter')!;
    const head = people.find((p) => p.name === 'Hannah Head')!;
    const pe = (await call(app.core, 'accounts.list', {})).find((a) => a.handle.replace(/^@/, '') === 'oakfield_pe')!;
    await call(app.core, 'issues.create', {
      accountId: pe.id,
      receivedOn: '2026-11-16',
      receivedTime: '19:40',
      kind: 'complaint',
      originalComment: 'Why was the match moved without telling parents?',
      recordedBy: 'Alex Admin',
    });
    const handover = await call(app.core, 'handover.execute', {
      personId: anna.id,
      leavingOn: '2026-11-23',
      leads: [{ accountId: pe.id, action: 'transfer', newLeadId: ben.id }],
      acknowledgements: [],
      replacements: [{ accountId: pe.id, personId: ben.id, authorisedById: head.id }],
    });
    const term = { academicYear: 2026, term: 'autumn' as const };
    const documents: [string, () => Promise<unknown>, string][] = [
      ['register', () => call(app.core, 'accounts.printPdf', {}), 'Oakfield Music3'],
      [
        'appendix-1',
        () => call(app.core, 'reports.exportPdf', { accountId: pe.id, period: { kind: 'term', ...term } }),
        'Issues and Actions',
      ],
      ['meeting-pack', () => call(app.core, 'reports.meetingPackPdf', term), 'oakfield_pe'],
      ['business-case', () => call(app.core, 'accounts.printBusinessCase', { id: pe.id }), 'Headteacher'],
      ['acknowledgement', () => call(app.core, 'people.printAcknowledgement', { id: ben.id }), 'Ben Carter'],
      ['emergency-kit', () => call(app.core, 'backup.printKit', {}), 'Headteacher'],
      ['handover-record', () => call(app.core, 'handover.exportPdf', { id: handover.id }), 'Anna Carter'],
    ];
    const pages: Record<string, number> = {};
    for (const [name, print, expected] of documents) {
      const path = join(outDir, `${name}.pdf`);
      app.platform.savePaths.push(path);
      await print();
      const text = (await pdfPages(readFileSync(path))).join(' ');
      expect(text, name).toContain(expected);
      pages[name] = toPng(path, name);
    }
    for (const [name] of documents) expect(pages[name], name).toBeGreaterThan(0);
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);
});
