import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { call, refused, setUp, secretForms, snapshot, useCores, type Harness } from './transfer-harness';

/**
 * The register leaves Keyholder as a CSV for Excel and as a printable PDF:
 * never a secret, never a live formula, never unescaped HTML.
 */
const tempDir = useTempDirs('keyholder-export-');
const openCore = useCores();

const password = 'Kestrel#91-Harbour-Lantern';
const codes = 'QWER-7788 TYUI-9900';

async function ready(): Promise<Harness & { dir: string }> {
  const harness = openCore(tempDir());
  await setUp(harness);
  return { ...harness, dir: tempDir() };
}

/** A register with a lead, an approval, two holders, a password and recovery codes. */
async function register(h: Harness) {
  const head = await call(h.core, 'people.create', { name: 'Mrs Ada Head', roles: ['headteacher'] });
  const sam = await call(h.core, 'people.create', { name: 'Sam Smith', roles: ['staff'] });
  const alex = await call(h.core, 'people.create', { name: 'Alex Brown', roles: ['staff'] });
  const news = await call(h.core, 'accounts.create', {
    platform: 'x',
    handle: '@stmarysnews',
    fullName: 'St Mary’s Church of England Primary School News',
    displayName: 'St Mary’s News, £ and all',
    replies: 'broadcast',
    loginEmail: 'office@stmarys.sch.uk',
    username: 'stmarysnews_admin',
    loginUrl: 'https://x.com/i/flow/login',
    profileUrl: 'https://x.com/stmarysnews',
    twoFactorMethod: 'authenticator-app',
    notes: 'Private note: never exported',
    leadPersonId: sam.id,
  });
  await call(h.core, 'accounts.approve', { id: news.id, approvedById: head.id, approvedOn: '2024-09-03' });
  for (const person of [sam, alex]) {
    await call(h.core, 'holders.add', {
      accountId: news.id,
      personId: person.id,
      authorisedById: head.id,
      authorisedOn: '2024-09-03',
    });
  }
  await call(h.core, 'secrets.set', {
    accountId: news.id,
    field: 'password',
    value: password,
    source: 'typed',
    reason: 'Set up',
  });
  await call(h.core, 'secrets.set', {
    accountId: news.id,
    field: 'recoveryCodes',
    value: codes,
    source: 'typed',
    reason: 'Set up',
  });
  return news;
}

function parseCsv(path: string): { raw: string; rows: string[][] } {
  const raw = readFileSync(path, 'utf8');
  return { raw, rows: Papa.parse<string[]>(raw.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data };
}

describe('CSV export', () => {
  it('writes the register for Excel: BOM, CRLF, UK dates, names, and no secrets or notes', async () => {
    const h = await ready();
    await register(h);
    const path = join(h.dir, 'register.csv');
    h.platform.savePaths.push(path);
    expect(await call(h.core, 'accounts.exportCsv', {})).toEqual({ cancelled: false, path, rows: 1 });
    expect(h.platform.dialogs[0]).toMatchObject({ kind: 'save', filters: [{ extensions: ['csv'] }] });

    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { raw, rows } = parseCsv(path);
    expect(raw.split('\r\n')).toHaveLength(3);
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
    expect(rows[0]).toEqual([
      'Platform',
      'Handle',
      'Full name',
      'Display name',
      'Status',
      'Lead',
      'Approved by',
      'Approved on',
      'Holders',
      'Login email',
      'Username',
      'Login page',
      'Profile URL',
      'Two-factor method',
      'Comments',
      'Password last set',
      'Rotation required',
      'Compliance issues',
      'Issue details',
    ]);
    expect(rows[1]!.slice(0, 17)).toEqual([
      'X (Twitter)',
      "'@stmarysnews",
      'St Mary’s Church of England Primary School News',
      'St Mary’s News, £ and all',
      'Approved',
      'Sam Smith',
      'Mrs Ada Head',
      '03/09/2024',
      'Alex Brown, Sam Smith',
      'office@stmarys.sch.uk',
      'stmarysnews_admin',
      'https://x.com/i/flow/login',
      'https://x.com/stmarysnews',
      'Authenticator app',
      'Broadcast only: we do not reply to comments',
      '06/01/2025',
      'No',
    ]);
    for (const secret of [password, codes, 'Private note']) {
      expect(secretForms(secret).some((form) => bytes.includes(form))).toBe(false);
    }
    const audit = await call(h.core, 'audit.list', { action: 'register.exported' });
    expect(audit.map((e) => e.details)).toEqual([{ format: 'csv', path, rows: 1 }]);
  });

  it('escapes every cell that would start a formula in Excel', async () => {
    const h = await ready();
    const names = ['=HYPERLINK("https://evil.example","Click")', '+44 151 000', '-1+2', '@SUM(A1:A9)'];
    for (const [i, displayName] of names.entries()) {
      await call(h.core, 'accounts.create', { platform: 'facebook', handle: `page${i}`, displayName });
    }
    // Tab and carriage return cannot be typed into a trimmed field, but the export must not trust that.
    await call(h.core, 'accounts.create', { platform: 'facebook', handle: 'page4' });
    await call(h.core, 'accounts.create', { platform: 'facebook', handle: 'page5' });
    h.db.prepare("UPDATE accounts SET display_name = ? WHERE handle = 'page4'").run('\t=1+1');
    h.db.prepare("UPDATE accounts SET display_name = ? WHERE handle = 'page5'").run('\r=1+1');

    const path = join(h.dir, 'register.csv');
    h.platform.savePaths.push(path);
    await call(h.core, 'accounts.exportCsv', {});
    const { raw, rows } = parseCsv(path);
    expect(rows.slice(1).map((row) => row[3])).toEqual([
      `'${names[0]}`,
      `'${names[1]}`,
      `'${names[2]}`,
      `'${names[3]}`,
      "'\t=1+1",
      "'\r=1+1",
    ]);
    expect(raw).toContain(`"'=HYPERLINK(""https://evil.example"",""Click"")"`);
    // No cell of the file starts with a formula character.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('replaces an existing file whole and leaves no temporary file behind', async () => {
    const h = await ready();
    await call(h.core, 'accounts.create', { platform: 'x', handle: '@one' });
    const path = join(h.dir, 'register.csv');
    h.platform.savePaths.push(path, path);
    await call(h.core, 'accounts.exportCsv', {});
    await call(h.core, 'accounts.create', { platform: 'x', handle: '@two' });
    expect(await call(h.core, 'accounts.exportCsv', {})).toMatchObject({ rows: 2 });
    expect(readdirSync(h.dir)).toEqual(['register.csv']);
    expect(parseCsv(path).rows).toHaveLength(3);
  });

  it('writes and records nothing when cancelled, and needs the vault unlocked', async () => {
    const h = await ready();
    const before = snapshot(h.db);
    h.platform.savePaths.push(null);
    expect(await call(h.core, 'accounts.exportCsv', {})).toEqual({ cancelled: true });
    expect(snapshot(h.db)).toBe(before);
    await call(h.core, 'vault.lock', {});
    await refused(h.core, 'accounts.exportCsv', {}, 'VAULT_LOCKED');
    await refused(h.core, 'accounts.printPdf', {}, 'VAULT_LOCKED');
    expect(h.platform.dialogs).toHaveLength(1);
  });
});

describe('printable register', () => {
  it('renders escaped HTML on A4 landscape and saves the PDF the platform made', async () => {
    const h = await ready();
    await register(h);
    await call(h.core, 'accounts.create', {
      platform: 'other',
      handle: 'evil',
      displayName: '<script>alert("x")</script> & <b>bold</b>',
    });
    const printed: string[] = [];
    const pdf = Buffer.from(
      '%PDF-1.7\n1 0 obj << /Type /Page >>\n2 0 obj << /Type /Page >>\n3 0 obj << /Type /Pages >>',
    );
    h.platform.pdfRenderer = async (html) => {
      printed.push(html);
      return new Uint8Array(pdf);
    };
    const path = join(h.dir, 'register.pdf');
    h.platform.savePaths.push(path);
    expect(await call(h.core, 'accounts.printPdf', {})).toEqual({ cancelled: false, path, rows: 2, pages: 2 });
    expect(readFileSync(path)).toEqual(pdf);

    expect(printed).toHaveLength(1);
    const html = printed[0]!;
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('St Mary&#39;s Primary School: social media account register');
    expect(html).toContain('Printed on 06/01/2025 09:00 by Ms Priya Okafor');
    expect(html).toContain("default-src 'none'");
    for (const secret of [password, codes, 'Private note']) expect(html).not.toContain(secret);
    const audit = await call(h.core, 'audit.list', { action: 'register.printed' });
    expect(audit.map((e) => e.details)).toEqual([{ format: 'pdf', path, rows: 2, pages: 2 }]);
  });

  it('renders nothing when the person cancels the save dialog', async () => {
    const h = await ready();
    let rendered = 0;
    h.platform.pdfRenderer = async () => {
      rendered += 1;
      return new Uint8Array();
    };
    h.platform.savePaths.push(null);
    expect(await call(h.core, 'accounts.printPdf', {})).toEqual({ cancelled: true });
    expect(rendered).toBe(0);
  });
});
