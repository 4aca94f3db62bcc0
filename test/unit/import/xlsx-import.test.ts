import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import {
  call,
  fullAccounts,
  openImport,
  openRefused,
  setUp,
  snapshot,
  useCores,
  writeFile,
  type Harness,
} from './transfer-harness';

/** Importing a real Excel workbook, written here with ExcelJS. */
const tempDir = useTempDirs('keyholder-xlsx-');
const openCore = useCores();

async function ready(): Promise<Harness & { dir: string }> {
  const harness = openCore(tempDir());
  await setUp(harness);
  return { ...harness, dir: tempDir() };
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const password = 'Osprey!4471-Meadow';

async function schoolWorkbook(): Promise<Buffer> {
  return workbook((wb) => {
    // An empty first sheet and a hidden lookup sheet: the accounts sheet is found anyway.
    wb.addWorksheet('Cover');
    const lookup = wb.addWorksheet('Lookups', { state: 'hidden' });
    lookup.addRow(['Platforms']);
    lookup.addRow(['Twitter']);
    const sheet = wb.addWorksheet('Accounts');
    sheet.addRow(['Social media accounts']).getCell(1).value = null;
    sheet.addRow(['Platform', 'Handle', 'Display name', 'Password', 'Date changed', 'Notes']);
    sheet.addRow([
      'Twitter',
      '@stmarysnews',
      { formula: 'B3&" news"', result: '@stmarysnews news' },
      password,
      new Date(Date.UTC(2024, 8, 3)),
      { richText: [{ text: 'Run by ' }, { text: 'Mr Jones', font: { bold: true } }] },
    ]);
    sheet.addRow([]);
    sheet.addRow(['Insta', 'stmarys.art', 'Art', 123456789, '1/10/24', { formula: 'TODAY()' }]);
  });
}

describe('reading an Excel workbook', () => {
  // Issue 12: formula cells now give the value Excel saved for them, as Excel shows it.
  it('reads the accounts sheet: formulas as their saved values, date cells as dates, numbers as text', async () => {
    const h = await ready();
    const path = writeFile(h.dir, 'Accounts 2024.xlsx', await schoolWorkbook());
    const opened = await openImport(h, path);
    expect(opened).toMatchObject({
      format: 'xlsx',
      sheetName: 'Accounts',
      headerRowNumber: 2,
      headers: ['Platform', 'Handle', 'Display name', 'Password', 'Date changed', 'Notes'],
      rowCount: 2,
      emptyRowsSkipped: 1,
      maskedColumns: [3],
    });
    expect(opened.sample).toEqual([
      ['Twitter', '@stmarysnews', '@stmarysnews news', '••••••', '2024-09-03', 'Run by Mr Jones'],
      // A formula saved without its value (ExcelJS wrote it, Excel never opened it) is empty, and said so on its row.
      ['Insta', 'stmarys.art', 'Art', '••••••', '1/10/24', ''],
    ]);
    const mapping = { ...opened.suggestedMapping, passwordChangedOn: 4 };
    const withNotes = await call(h.core, 'import.preview', { importId: opened.importId, mapping });
    expect(withNotes.rows[1]!.errors).toEqual([
      'Cell F5 (Notes) is a formula with no saved value. Open the workbook in Excel, save it, and open it here again.',
    ]);
    // Not importing that column clears it: the value is not needed.
    mapping.notes = null;
    const preview = await call(h.core, 'import.preview', { importId: opened.importId, mapping });
    expect(preview.rows.map((row) => [row.rowNumber, row.platform, row.handle, row.displayName, row.errors])).toEqual([
      [3, 'x', '@stmarysnews', '@stmarysnews news', []],
      [5, 'instagram', '@stmarys.art', 'Art', []],
    ]);

    await call(h.core, 'import.commit', { importId: opened.importId, mapping });
    const accounts = await fullAccounts(h.core);
    expect(accounts.map((a) => [a.handle, a.displayName, a.notes, a.passwordSetAt])).toEqual([
      ['@stmarys.art', 'Art', '', '2024-10-01T00:00:00.000Z'],
      ['@stmarysnews', '@stmarysnews news', '', '2024-09-03T00:00:00.000Z'],
    ]);
    const reveal = async (id: number) =>
      (await call(h.core, 'secrets.reveal', { accountId: id, field: 'password' })).value;
    expect(await reveal(accounts[1]!.id)).toBe(password);
    expect(await reveal(accounts[0]!.id)).toBe('123456789');
  });

  it('detects a workbook by its contents even when it is named .csv', async () => {
    const h = await ready();
    const opened = await openImport(h, writeFile(h.dir, 'renamed.csv', await schoolWorkbook()));
    expect(opened).toMatchObject({ format: 'xlsx', sheetName: 'Accounts' });
  });
});

describe('workbooks Keyholder refuses', () => {
  it('an .xlsx that is not a zip, a truncated one, an old .xls and a Word document', async () => {
    const h = await ready();
    const before = snapshot(h.db);
    expect(await openRefused(h, writeFile(h.dir, 'fake.xlsx', 'Platform,Handle\nX,@a\n'))).toContain(
      'fake.xlsx is not a valid Excel workbook',
    );
    const good = await schoolWorkbook();
    expect(await openRefused(h, writeFile(h.dir, 'cut.xlsx', good.subarray(0, good.length >> 1)))).toContain(
      'cut.xlsx is not a valid Excel workbook',
    );
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await openRefused(h, writeFile(h.dir, 'old.xls', ole))).toContain('Excel 97-2003');
    const word = good.toString('latin1').replaceAll('xl/workbook.xml', 'wd/document.xml');
    expect(await openRefused(h, writeFile(h.dir, 'letter.xlsx', Buffer.from(word, 'latin1')))).toContain(
      'not an Excel workbook',
    );
    expect(snapshot(h.db)).toBe(before);
  });

  it('a workbook with more than 5,000 rows', async () => {
    const h = await ready();
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Accounts');
      sheet.addRow(['Platform', 'Handle']);
      for (let i = 0; i < 5001; i += 1) sheet.addRow(['X', `@a${i}`]);
    });
    expect(await openRefused(h, writeFile(h.dir, 'many.xlsx', bytes))).toContain('more than 5,000 rows');
  });
});
