import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../e2e/support/browser';
import { chromiumPdfRenderer } from '../../support/print-pdf';
import { pdfInfo, pdfPages } from '../../support/read-documents';
import { testSchool, useOpenCore } from '../../support/open-core';

/**
 * The business case on paper for the Headteacher to sign (bebington
 * "Process for Creating New Accounts"; identity table north-herts 6.0):
 * printed by Chromium as Electron prints it, read back, and kept as a PDF
 * and a PNG of its first page for a person to look at.
 */
const { openCore, tempDir } = useOpenCore('keyholder-business-case-');
let browser: Browser;
const documents = join(process.cwd(), 'test-results', 'documents');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function proposal(rule: 'headteacher' | 'headteacher-and-governor' = 'headteacher') {
  const s = await openCore({ setUp: testSchool });
  await s.call('settings.update', { approvalRule: rule, policyTitle: 'Social Media Policy' });
  const ready = { policyAcknowledgedOn: '2026-09-01', trainingCompletedOn: '2026-09-02' };
  const sam = await s.call('people.create', { name: 'Sam Sport', roles: ['staff'], ...ready });
  const pat = await s.call('people.create', { name: 'Pat <PE>', roles: ['staff'] });
  const account = await s.call('accounts.create', {
    platform: 'x',
    handle: 'NorthHertsSSP',
    fullName: 'North Herts School Sport Partnership',
    displayName: 'North Herts SSP',
    profileUrl: 'https://x.com/NorthHertsSSP',
    loginEmail: 'socialmedia@ktemplar.herts.sch.uk',
    replies: 'reply',
    leadPersonId: sam.id,
    businessCase: {
      aim: 'Share fixtures, results and sports news with partner schools.',
      audience: 'Partner schools, pupils and parents',
      promotion: 'Newsletter and the school website',
      visibility: 'open',
      runnerIds: [sam.id, pat.id],
    },
  });
  return { s, account };
}

/** The HTML the platform was asked to print, and the PDF it made. */
function capture(s: Awaited<ReturnType<typeof proposal>>['s']): { html: () => string } {
  const render = chromiumPdfRenderer(browser);
  let last = '';
  s.platform.pdfRenderer = async (html) => {
    last = html;
    return render(html);
  };
  return { html: () => last };
}

describe('accounts.printBusinessCase', () => {
  it('prints the identity, the business case, who will run it and lines for the Headteacher to sign', async () => {
    const { s, account } = await proposal();
    const printed = capture(s);
    const path = join(tempDir(), 'case.pdf');
    s.platform.savePaths.push(path);
    expect(await s.call('accounts.printBusinessCase', { id: account.id })).toEqual({ path });
    expect(s.platform.dialogs.at(-1)).toMatchObject({ kind: 'save', filters: [{ extensions: ['pdf'] }] });
    const bytes = readFileSync(path);
    const text = (await pdfPages(bytes)).join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Business case: @NorthHertsSSP on X (Twitter)',
      'Full name North Herts School Sport Partnership',
      'Display name North Herts SSP',
      'Registered (login) email socialmedia@',
      'Aim of the account Share fixtures, results and sports news with partner schools.',
      'Intended audience Partner schools, pupils and parents',
      'How it will be promoted Newsletter and the school website',
      'Open or private Open',
      'Lead member of staff Sam Sport',
      'Sam Sport Lead, runs it 01/09/2026 02/09/2026',
      'Pat <PE> Runs it Not yet Not yet',
      'Headteacher: name and signature',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Governor');
    // Values are escaped: a name with angle brackets prints as written.
    expect(printed.html()).toContain('Pat &lt;PE&gt;');
    expect(text).not.toContain('Not complete yet');
    expect((await pdfInfo(bytes)).title).toBe('Business case: @NorthHertsSSP on X (Twitter)');
    expect((await s.call('audit.list', { action: 'account.business-case-printed' })).map((e) => e.targetLabel)).toEqual(
      ['@NorthHertsSSP'],
    );

    // Kept for a person to look at: the PDF, and its page as a picture.
    mkdirSync(join(process.cwd(), 'test-results', 'screenshots'), { recursive: true });
    mkdirSync(documents, { recursive: true });
    writeFileSync(join(documents, 'business-case.pdf'), bytes);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    await page.setContent(printed.html());
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({
      path: join(process.cwd(), 'test-results', 'screenshots', 'business-case.png'),
      fullPage: true,
    });
    await context.close();
  });

  it('asks for a governor as well under the school rule "the Headteacher and a governor", and says what is missing', async () => {
    const { s, account } = await proposal('headteacher-and-governor');
    const bare = await s.call('accounts.create', { platform: 'facebook', handle: 'oakpta' });
    const printed = capture(s);
    const path = join(tempDir(), 'a.pdf');
    s.platform.savePaths.push(path, join(tempDir(), 'b.pdf'));
    await s.call('accounts.printBusinessCase', { id: account.id });
    expect(printed.html()).toContain('<div>Governor: name and signature</div>');
    // One sheet to sign, even with the second signature.
    expect(await pdfPages(readFileSync(path))).toHaveLength(1);
    mkdirSync(documents, { recursive: true });
    writeFileSync(join(documents, 'business-case-governor.pdf'), readFileSync(path));
    await s.call('accounts.printBusinessCase', { id: bare.id });
    expect(printed.html()).toContain(
      'the business case does not say the aim, the intended audience, how it will be promoted, whether it is open or private, at least 2 named people to run it',
    );
  });

  it('prints nothing and records nothing when the save dialog is cancelled', async () => {
    const { s, account } = await proposal();
    let printed = 0;
    s.platform.pdfRenderer = async () => {
      printed += 1;
      return new Uint8Array(Buffer.from('%PDF-'));
    };
    s.platform.savePaths.push(null);
    expect(await s.call('accounts.printBusinessCase', { id: account.id })).toEqual({ path: null });
    expect(printed).toBe(0);
    expect(await s.call('audit.list', { action: 'account.business-case-printed' })).toEqual([]);
  });
});
