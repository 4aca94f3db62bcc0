import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformId } from '../../../shared/policy/platforms';
import { launchChromium } from '../../e2e/support/browser';
import { chromiumPdfRenderer } from '../../support/print-pdf';
import { pdfInfo, pdfPages } from '../../support/read-documents';
import { useTempDirs } from '../../support/temp-dir';
import { call, setUp, useCores } from './transfer-harness';

/**
 * The printed register as a reader (or a search) sees it: rendered by
 * Chromium as Electron prints it, read back with pdfjs. Every word is whole
 * (no "Faceboo|k" split across lines in a narrow column, no "fi" ligature
 * that reads back as "fi nal"), long addresses break only at their
 * punctuation, and the PDF is tagged and titled.
 */
const tempDir = useTempDirs('keyholder-register-pdf-');
const openCore = useCores();
let browser: Browser;
const documents = join(process.cwd(), 'test-results', 'documents');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const accounts: { platform: PlatformId; handle: string; displayName: string; loginEmail: string }[] = [
  {
    platform: 'facebook',
    handle: 'StMarysOfficialFixtures',
    displayName: 'Official fixtures and final scores',
    loginEmail: 'social.media.office@stmaryscatholicprimary.sch.uk',
  },
  {
    platform: 'instagram',
    handle: 'stmarys_efficient_office',
    displayName: 'Difficult to find: the office',
    loginEmail: 'office@stmarys.sch.uk',
  },
  { platform: 'linkedin', handle: 'st-marys-primary', displayName: 'Staff vacancies', loginEmail: 'hr@stmarys.sch.uk' },
  { platform: 'youtube', handle: '@stmaryschoir', displayName: 'Choir', loginEmail: 'music@stmarys.sch.uk' },
];

async function printedRegister(): Promise<{ text: string; bytes: Buffer }> {
  const dir = tempDir();
  const h = openCore(dir);
  await setUp(h);
  for (const account of accounts) await call(h.core, 'accounts.create', account);
  h.platform.pdfRenderer = chromiumPdfRenderer(browser);
  const path = join(dir, 'register.pdf');
  h.platform.savePaths.push(path);
  await call(h.core, 'accounts.printPdf', {});
  const bytes = readFileSync(path);
  // Kept for a person to look at (as PNG: pdftoppm -png test-results/documents/register.pdf).
  mkdirSync(documents, { recursive: true });
  writeFileSync(join(documents, 'register.pdf'), bytes);
  return { text: (await pdfPages(bytes)).join(' '), bytes };
}

describe('the printed register', () => {
  it('prints every word whole, ligatures included', async () => {
    const { text } = await printedRegister();
    for (const word of ['Facebook', 'Instagram', 'LinkedIn', 'YouTube', 'Official', 'final', 'Difficult', 'find']) {
      expect(text, word).toMatch(new RegExp(`\\b${word}\\b`));
    }
  });

  it('breaks long handles and e-mail addresses only after their punctuation', async () => {
    const { text } = await printedRegister();
    const rejoined = text.replace(/([@._-]) /g, '$1');
    for (const value of [
      'StMarysOfficialFixtures',
      'stmarys_efficient_office',
      'social.media.office@stmaryscatholicprimary.sch.uk',
    ]) {
      expect(rejoined, value).toContain(value);
    }
  });

  it('is a tagged PDF titled with the school and what it is', async () => {
    const { bytes } = await printedRegister();
    expect(await pdfInfo(bytes)).toEqual({
      title: "St Mary's Primary School: social media account register",
      tagged: true,
    });
  });
});
