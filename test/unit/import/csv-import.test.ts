import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import {
  call,
  fullAccounts,
  mappingOf,
  openImport,
  refused,
  setUp,
  snapshot,
  useCores,
  writeFile,
  type Harness,
} from './transfer-harness';

/**
 * Importing the school's old spreadsheet as CSV, through the dispatcher as
 * the renderer does it: open (the test answers the file dialog), preview,
 * commit. Files are real files in a temp folder.
 */
const tempDir = useTempDirs('keyholder-import-');
const openCore = useCores();

async function ready(): Promise<Harness & { dir: string }> {
  const harness = openCore(tempDir());
  await setUp(harness);
  return { ...harness, dir: tempDir() };
}

const header = 'Platform,Handle,Display name,Password,Password last changed,Notes';

describe('reading a CSV', () => {
  it('handles quoted commas and quotes, a byte order mark, CRLF and empty rows', async () => {
    const h = await ready();
    const csv = [
      header,
      'Twitter,@stmarysnews,"St Mary\'s, Year 6","Kestrel#91-Harbour",03/09/2024,"Line one\r\nline two"',
      '',
      ',,,,,',
      'FB,St Marys PE,"The ""Official"" PE page",,,',
      '',
    ].join('\r\n');
    const path = writeFile(h.dir, 'accounts.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]));

    const opened = await openImport(h, path);
    expect(h.platform.dialogs[0]).toMatchObject({ kind: 'open' });
    expect(h.platform.dialogs[0]!.filters.flatMap((f) => f.extensions)).toEqual(
      expect.arrayContaining(['csv', 'xlsx']),
    );
    expect(opened).toMatchObject({
      fileName: 'accounts.csv',
      path,
      format: 'csv',
      sheetName: null,
      // The byte order mark is not part of the first column's name.
      headers: ['Platform', 'Handle', 'Display name', 'Password', 'Password last changed', 'Notes'],
      headerRowNumber: 1,
      rowCount: 2,
      emptyRowsSkipped: 2,
      maskedColumns: [3],
      suggestedMapping: mappingOf({
        platform: 0,
        handle: 1,
        displayName: 2,
        password: 3,
        passwordChangedOn: 4,
        notes: 5,
      }),
    });
    expect(opened.sample).toEqual([
      ['Twitter', '@stmarysnews', "St Mary's, Year 6", '••••••', '03/09/2024', 'Line one\r\nline two'],
      ['FB', 'St Marys PE', 'The "Official" PE page', '', '', ''],
    ]);

    const preview = await call(h.core, 'import.preview', {
      importId: opened.importId,
      mapping: opened.suggestedMapping,
    });
    expect(preview.rows).toMatchObject([
      {
        rowNumber: 2,
        include: true,
        platform: 'x',
        handle: '@stmarysnews',
        displayName: "St Mary's, Year 6",
        hasPassword: true,
        hasRecoveryCodes: false,
        errors: [],
        warnings: [],
      },
      {
        // Rows 3 and 4 are empty: the row number is still the spreadsheet's own.
        rowNumber: 5,
        platform: 'facebook',
        handle: 'St Marys PE',
        displayName: 'The "Official" PE page',
        hasPassword: false,
        hasRecoveryCodes: false,
        errors: [],
        // Issue 12: a row without a password is said to be one before anything is written.
        warnings: [expect.stringContaining('There is no password in this row')],
      },
    ]);
    expect(preview.counts).toMatchObject({
      rows: 2,
      ok: 2,
      errors: 0,
      duplicates: 0,
      emptyRowsSkipped: 2,
      passwords: 1,
    });
    expect(preview.canCommit).toBe(true);
  });

  it('keeps a formula cell as text and never works it out', async () => {
    const h = await ready();
    const path = writeFile(
      h.dir,
      'formula.csv',
      `${header}\nX,@stmarys,"=HYPERLINK(""https://evil.example"",""Click"")",,,=1+1\n`,
    );
    const opened = await openImport(h, path);
    const preview = await call(h.core, 'import.preview', {
      importId: opened.importId,
      mapping: opened.suggestedMapping,
    });
    expect(preview.rows[0]!.displayName).toBe('=HYPERLINK("https://evil.example","Click")');
    expect(preview.rows[0]!.warnings.join(' ')).toContain('formula');
    await call(h.core, 'import.commit', { importId: opened.importId, mapping: opened.suggestedMapping });
    const [account] = await fullAccounts(h.core);
    expect(account).toMatchObject({ displayName: '=HYPERLINK("https://evil.example","Click")', notes: '=1+1' });
  });

  it('reads UK dates with 2-digit years as 20yy and reports impossible or American dates on their row', async () => {
    const h = await ready();
    const path = writeFile(
      h.dir,
      'dates.csv',
      [
        header,
        'X,@one,,Alpha#123-Lantern,3/9/24,',
        'X,@two,,Bravo#456-Lantern,31/02/2024,',
        'X,@three,,Charlie#789-Lantern,12/25/2024,',
        'X,@four,,Delta#012-Lantern,2024-11-05,',
      ].join('\n'),
    );
    const opened = await openImport(h, path);
    const mapping = opened.suggestedMapping;
    const preview = await call(h.core, 'import.preview', { importId: opened.importId, mapping });
    expect(preview.rows.map((row) => [row.rowNumber, row.errors])).toEqual([
      [2, []],
      [
        3,
        [
          'Password last changed (column E): 31/02/2024 is not a real date. Check the day and month (dates are day/month/year).',
        ],
      ],
      [4, [expect.stringContaining('day/month/year order')]],
      [5, []],
    ]);
    expect(preview.canCommit).toBe(false);

    // Without the date column, the same file imports; with it, the dates become "password last set".
    const before = snapshot(h.db);
    await refused(h.core, 'import.commit', { importId: opened.importId, mapping }, 'INVALID_INPUT');
    expect(snapshot(h.db)).toBe(before);
    const fixed = writeFile(
      h.dir,
      'dates-fixed.csv',
      [header, 'X,@one,,Alpha#123-Lantern,3/9/24,', 'X,@four,,Delta#012-Lantern,2024-11-05,'].join('\n'),
    );
    const again = await openImport(h, fixed);
    await call(h.core, 'import.commit', { importId: again.importId, mapping: again.suggestedMapping });
    const accounts = await call(h.core, 'accounts.list', {});
    expect(accounts.map((a) => [a.handle, a.passwordSetAt])).toEqual([
      ['@four', '2024-11-05T00:00:00.000Z'],
      ['@one', '2024-09-03T00:00:00.000Z'],
    ]);
  });

  it('accepts UTF-16 text with a byte order mark (Excel "Unicode Text", tab separated)', async () => {
    const h = await ready();
    const text = 'Platform\tHandle\tDisplay name\nInstagram\tstmarys.art\tArt at St Mary’s £\n';
    const path = writeFile(
      h.dir,
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const opened = await openImport(h, path);
    expect(opened.headers).toEqual(['Platform', 'Handle', 'Display name']);
    expect(opened.sample).toEqual([['Instagram', 'stmarys.art', 'Art at St Mary’s £']]);
  });
});

describe('duplicates', () => {
  it('reports a handle twice in the file, and one already in the register, case-insensitively', async () => {
    const h = await ready();
    await call(h.core, 'accounts.create', { platform: 'x', handle: '@stmarysnews' });
    const path = writeFile(
      h.dir,
      'dupes.csv',
      ['Platform,Handle', 'Twitter,@StMarysNews', 'X,stmaryspe', 'twitter.com,@STMARYSPE', 'Facebook,stmaryspe'].join(
        '\n',
      ),
    );
    const opened = await openImport(h, path);
    const preview = await call(h.core, 'import.preview', {
      importId: opened.importId,
      mapping: opened.suggestedMapping,
    });
    expect(preview.rows.map((row) => [row.rowNumber, row.errors])).toEqual([
      [
        2,
        [
          '@StMarysNews on X (Twitter) is already in the register. Leave this row out, or choose "Update the password" to replace its password with this one.',
        ],
      ],
      [
        3,
        [
          '@stmaryspe on X (Twitter) is also on row 4. Choose "Keep this one" on the row to import, or leave the others out.',
        ],
      ],
      [
        4,
        [
          '@STMARYSPE on X (Twitter) is also on row 3. Choose "Keep this one" on the row to import, or leave the others out.',
        ],
      ],
      // The same name on another platform is another account.
      [5, []],
    ]);
    expect(preview.counts).toMatchObject({ rows: 4, ok: 1, errors: 3, duplicates: 3 });
  });
});
