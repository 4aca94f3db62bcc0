import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../e2e/support/browser';
import { chromiumPdfRenderer } from '../../support/print-pdf';
import { pdfInfo, pdfPages } from '../../support/read-documents';
import { testSchool, useOpenCore } from '../../support/open-core';

/**
 * The policy acknowledgement sheet (tpat 8; bebington: anyone who runs an
 * account, "including volunteers or parents"): printed by Chromium as
 * Electron prints it, read back, and kept for a person to look at.
 */
const { openCore, tempDir } = useOpenCore('keyholder-acknowledgement-');
let browser: Browser;
const documents = join(process.cwd(), 'test-results', 'documents');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function volunteer() {
  const s = await openCore({ setUp: testSchool });
  await s.call('settings.update', { policyTitle: 'Social Media Policy <2026>' });
  const vic = await s.call('people.create', { name: 'Vic Volunteer', roles: ['volunteer', 'parent'] });
  const head = await s.call('people.create', { name: 'Hana Head', roles: ['headteacher'] });
  const a = await s.call('accounts.create', { platform: 'facebook', handle: 'StMarysPTA', leadPersonId: vic.id });
  await s.call('holders.add', {
    accountId: a.id,
    personId: vic.id,
    authorisedById: head.id,
    authorisedOn: '2026-09-01',
  });
  return { s, vic };
}

describe('the policy acknowledgement sheet', () => {
  it('names the policy, the person and their roles, the accounts they work on, and has lines to sign', async () => {
    const { s, vic } = await volunteer();
    s.platform.pdfRenderer = chromiumPdfRenderer(browser);
    const path = join(tempDir(), 'sheet.pdf');
    s.platform.savePaths.push(path);
    expect(await s.call('people.printAcknowledgement', { id: vic.id })).toEqual({ path });
    const bytes = readFileSync(path);
    mkdirSync(documents, { recursive: true });
    writeFileSync(join(documents, 'acknowledgement-sheet.pdf'), bytes);
    const text = (await pdfPages(bytes)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Social Media Policy <2026>: acknowledgement');
    expect(text).toContain('Vic Volunteer (Volunteer, Parent or carer)');
    expect(text).toContain('StMarysPTA on Facebook: leads it, knows the password');
    expect(text).toContain('I have fully read and understood the Social Media Policy <2026>');
    expect(text).toContain('Vic Volunteer: signature');
    expect(text).toContain('Headteacher: name and signature');
    expect((await pdfInfo(bytes)).title).toBe('Social Media Policy <2026>: acknowledgement by Vic Volunteer');
    const audit = await s.call('audit.list', { action: 'person.acknowledgement-printed' });
    expect(audit.map((e) => e.targetLabel)).toEqual(['Vic Volunteer']);
  });

  it('prints nothing and records nothing when the save dialog is cancelled', async () => {
    const { s, vic } = await volunteer();
    let printed = 0;
    s.platform.pdfRenderer = async () => {
      printed += 1;
      return Buffer.from('%PDF-');
    };
    s.platform.savePaths.push(null);
    expect(await s.call('people.printAcknowledgement', { id: vic.id })).toEqual({ path: null });
    expect(printed).toBe(0);
    expect(await s.call('audit.list', { action: 'person.acknowledgement-printed' })).toEqual([]);
  });
});
