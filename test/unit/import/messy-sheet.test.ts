import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportRequest } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { sheetPasswords } from './messy-sheet-data';
import {
  call,
  fullAccounts,
  leaks,
  openImport,
  refused,
  setUp,
  snapshot,
  useCores,
  type Harness,
} from './transfer-harness';

/**
 * The school's messy sheet (test/fixtures/import, made by make-messy-sheet.py;
 * the .xlsx saved by LibreOffice) through the dispatcher as the wizard drives
 * it: every row, every holder and every flag checked before anything is
 * written, the administrator's choices applied, then the register, people,
 * holders, approvals, secrets and Dashboard breaches compared field by field.
 */
const tempDir = useTempDirs('keyholder-messy-');
const openCore = useCores();
const fixtures = join(import.meta.dirname, '../../fixtures/import');
const clock = { now: () => new Date('2026-01-12T10:00:00Z') };

async function school(): Promise<Harness & { people: Record<string, number> }> {
  const h = openCore(tempDir(), clock);
  await setUp(h);
  const people: Record<string, number> = {};
  for (const [name, roles] of [
    ['Helen Head', ['headteacher']],
    ['Anna Carter', ['staff']],
    ['Zoe Ng', ['staff']],
    ['Dev Patel', ['staff']],
    ['Deepa Patel', ['staff']],
    ['Sam Smith', ['staff']],
  ] as const)
    people[name] = (await call(h.core, 'people.create', { name, roles: [...roles] })).id;
  return { ...h, people };
}

const byRow = (preview: ImportPreview) => new Map(preview.rows.map((row) => [row.rowNumber, row]));

describe.each([
  ['messy-sheet.csv', 'csv'],
  ['messy-sheet.xlsx', 'xlsx'],
] as const)('the messy school sheet, %s', (file, format) => {
  it('shows every row, holder and flag before writing, then imports what is included', async () => {
    const h = await school();
    const opened = await openImport(h, join(fixtures, file));
    expect(opened).toMatchObject({ format, headerRowNumber: 3, rowCount: 8, rowsAbove: 1, emptyRowsSkipped: 1 });
    expect(opened.hiddenColumns).toEqual(format === 'xlsx' ? [5] : []);
    const request: ImportRequest = {
      importId: opened.importId,
      mapping: opened.suggestedMapping,
      rows: [],
      people: [],
    };
    const first = await call(h.core, 'import.preview', request);
    const rows = byRow(first);
    expect([...rows.keys()]).toEqual([4, 5, 6, 7, 8, 9, 10, 12]);

    // Row 4: initials matched, a new person, the approver by title and surname, a duplicate on row 8.
    expect(rows.get(4)!.holders.map((x) => [x.name, x.status, x.personName])).toEqual([
      ['A. Carter', 'matched', 'Anna Carter'],
      ['Ben Singh', 'new', 'Ben Singh'],
    ]);
    expect(rows.get(4)).toMatchObject({ approvedBy: 'Helen Head', duplicateOf: [8], warnings: [] });
    expect(rows.get(4)!.errors).toEqual([expect.stringContaining('is also on row 8. Choose "Keep this one"')]);
    expect(rows.get(8)!.errors).toEqual([expect.stringContaining('is also on row 4')]);
    // Row 5: accents ignored; "Headteacher" is the one Headteacher; no date, so today's is used and said.
    expect(rows.get(5)!.holders.map((x) => x.personName)).toEqual(['Anna Carter', 'Zoe Ng']);
    expect(rows.get(5)).toMatchObject({ approvedBy: 'Helen Head', errors: [] });
    expect(rows.get(5)!.warnings).toEqual([expect.stringContaining('No approval date in the spreadsheet')]);
    // Row 6: weak password, personal email, the username kept, "D Patel" asked.
    expect(rows.get(6)).toMatchObject({ username: 'stmarysmusic_admin', loginEmail: 'jo.bloggs@gmail.com' });
    expect(rows.get(6)!.errors).toEqual([expect.stringMatching(/^Who is "D Patel"\? Dev Patel and Deepa Patel/)]);
    expect(rows.get(6)!.warnings).toEqual([
      expect.stringMatching(/^The password does not meet the school's policy: Use at least 12 characters/),
      expect.stringContaining('jo.bloggs@gmail.com looks like a person'),
    ]);
    // Row 7: no password (and, in the workbook, a hidden row).
    expect(rows.get(7)!.warnings).toEqual([
      expect.stringContaining('There is no password in this row'),
      ...(format === 'xlsx' ? [expect.stringContaining('This row is hidden in the workbook')] : []),
    ]);
    // Row 9: a quote that never closes is a CSV problem on its own cell; in the workbook it is just text.
    expect(rows.get(9)!.errors).toEqual(
      format === 'csv' ? [expect.stringMatching(/^Cell L9 starts with a quotation mark/)] : [],
    );
    // Row 10: "Quoted"Pass in a CSV is read as a spreadsheet program reads it, and said so.
    expect(rows.get(10)!.warnings).toEqual(
      format === 'csv'
        ? [expect.stringMatching(/^Cell F10 \(Password\) has text after its closing quotation mark/)]
        : [],
    );
    // Row 12: an unknown platform and an approver who is not SLT: kept in notes, said on the row.
    expect(rows.get(12)!.warnings).toEqual([
      expect.stringContaining('no platform called "Parent blog"'),
      expect.stringContaining('The approval is not recorded: Sam Smith is not the Headteacher or on the SLT'),
    ]);
    expect(first.people.filter((p) => p.decision !== 'existing').map((p) => [p.name, p.decision])).toEqual([
      ['Ben Singh', 'new'],
      ['D Patel', 'ask'],
    ]);
    expect(first.notes[0]).toMatch(/^Row 1 \("St Mary's CE Primary.*is above the column names, so not imported/);
    expect(first.canCommit).toBe(false);

    // Nothing is written while any included row has an error.
    const before = snapshot(h.db);
    await refused(h.core, 'import.commit', request, 'INVALID_INPUT');
    expect(snapshot(h.db)).toBe(before);

    // The administrator answers: D Patel is Dev; row 6 keeps three holders; keep row 4; leave out row 9 (CSV).
    const answered: ImportRequest = {
      ...request,
      people: [{ name: 'D Patel', personId: h.people['Dev Patel']!, create: true }],
      rows: [
        { rowNumber: 8, include: false, updateExisting: false, keepHolders: null, holdersOverride: '' },
        ...(format === 'csv'
          ? [{ rowNumber: 9, include: false, updateExisting: false, keepHolders: null, holdersOverride: '' }]
          : []),
      ],
    };
    const over = byRow(await call(h.core, 'import.preview', answered)).get(6)!;
    expect(over.errors).toEqual([]);
    expect(over.warnings).toContainEqual(expect.stringMatching(/^4 people know this password; the school allows 3/));
    answered.rows.push({
      rowNumber: 6,
      include: true,
      updateExisting: false,
      keepHolders: ['Anna Carter', 'Ben Singh', 'D Patel'],
      holdersOverride: '',
    });
    const ready = await call(h.core, 'import.preview', answered);
    expect(byRow(ready).get(6)!.warnings).toContainEqual(
      expect.stringMatching(/^Not recorded as holders, as you chose: Zoe Ng\. They still know the current password/),
    );
    expect(ready.counts).toMatchObject({ rows: 8, excluded: format === 'csv' ? 2 : 1, errors: 0, newPeople: 1 });
    expect(ready.canCommit).toBe(true);

    const done = await call(h.core, 'import.commit', answered);
    expect(done).toMatchObject({
      created: format === 'csv' ? 6 : 7,
      excluded: format === 'csv' ? 2 : 1,
      peopleCreated: 1,
      approvalsRecorded: 2,
    });
    expect(done.advice).toContain(format === 'csv' ? 'You left out rows 8, 9' : 'You left out row 8');
    await checkRegister(h, format);
  });
});

async function checkRegister(h: Harness & { people: Record<string, number> }, format: 'csv' | 'xlsx') {
  const accounts = await fullAccounts(h.core);
  const get = (handle: string) => accounts.find((a) => a.handle === handle)!;
  const reveal = async (handle: string) =>
    (await call(h.core, 'secrets.reveal', { accountId: get(handle).id, field: 'password' })).value;
  expect(accounts.map((a) => a.handle).sort()).toEqual(
    ['@stmaryspe', 'StMarysSchool', '@stmarys.music', 'stmarysschool', 'st-marys-school', 'pe-blog', '@stmarys.tiktok']
      .filter((handle) => format === 'xlsx' || handle !== '@stmarys.tiktok')
      .sort(),
  );
  expect(await reveal('@stmaryspe')).toBe(sheetPasswords.pe);
  expect(await reveal('StMarysSchool')).toBe(sheetPasswords.fb);
  expect(await reveal('@stmarys.music')).toBe(sheetPasswords.music);
  expect(await reveal('st-marys-school')).toBe(
    format === 'csv' ? sheetPasswords.linkedinCsv : sheetPasswords.linkedinXlsx,
  );
  expect(await reveal('pe-blog')).toBe(sheetPasswords.blog);
  // Dates: a real date cell, a =DATE() formula (the workbook) or typed dd/mm/yyyy text.
  expect(get('@stmaryspe').passwordSetAt).toBe('2025-09-01T00:00:00.000Z');
  expect(get('StMarysSchool').passwordSetAt).toBe('2024-03-15T00:00:00.000Z');
  expect(get('@stmaryspe')).toMatchObject({
    status: 'approved',
    approvedBy: { name: 'Helen Head' },
    approvedOn: '2024-09-02',
  });
  expect(get('StMarysSchool')).toMatchObject({ status: 'approved', approvedOn: '2026-01-12' });
  expect(get('pe-blog')).toMatchObject({ status: 'proposed', approvedBy: null, displayName: 'PE blog' });
  expect(get('pe-blog').notes).toBe(
    'Platform in the imported spreadsheet: Parent blog\nApproved by (from the spreadsheet): Mr Smith',
  );
  expect(get('@stmarys.music')).toMatchObject({ username: 'stmarysmusic_admin', loginEmail: 'jo.bloggs@gmail.com' });
  expect(get('@stmarys.music').notes).toBe(
    'Run by the music dept, with commas\nNamed in the spreadsheet as knowing the password, not recorded: Zoe Ng',
  );

  const holders = async (handle: string) =>
    (await call(h.core, 'holders.list', { accountId: get(handle).id })).map((x) => [x.person.name, x.authorisedBy]);
  expect(await holders('@stmaryspe')).toEqual([
    ['Anna Carter', null],
    ['Ben Singh', null],
  ]);
  expect(await holders('@stmarys.music')).toEqual([
    ['Anna Carter', null],
    ['Ben Singh', null],
    ['Dev Patel', null],
  ]);
  const ben = (await call(h.core, 'people.list', {})).find((p) => p.name === 'Ben Singh')!;
  expect(ben).toMatchObject({ roles: ['staff'], status: 'active' });
  expect(ben.importCheck).toMatch(/^Added by the import of messy-sheet\.(csv|xlsx) on 12\/01\/2026/);

  // The Dashboard: every problem the rows showed is a breach, whatever the status.
  const { breaches } = await call(h.core, 'compliance.list', {});
  const has = (handle: string, code: string) => breaches.some((b) => b.accountLabel === handle && b.code === code);
  expect(has('@stmarys.music', 'weak-password')).toBe(true);
  expect(has('@stmarys.music', 'personal-login-email')).toBe(true);
  expect(has('stmarysschool', 'password-not-set')).toBe(true);
  expect(has('@stmaryspe', 'holder-not-authorised')).toBe(true);
  expect(accounts.every((a) => a.rotationRequired !== null || !a.hasPassword)).toBe(true);
  expect(has('pe-blog', 'not-approved')).toBe(true);
  // office@ at the school's (inferred) domain is not personal; neither is socialmedia@.
  expect(breaches.filter((b) => b.code === 'personal-login-email').map((b) => b.accountLabel)).toEqual([
    '@stmarys.music',
  ]);
  expect((await call(h.core, 'audit.verify', {})).ok).toBe(true);
  h.core.context.log('test marker');
  expect(leaks(h.dataDir, Object.values(sheetPasswords))).toEqual([]);
}
