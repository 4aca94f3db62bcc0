import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../../electron/import/csv-records';
import { useTempDirs } from '../../support/temp-dir';
import { call, fullAccounts, openImport, refused, setUp, snapshot, useCores, writeFile } from './transfer-harness';

/**
 * A quotation mark that opens a cell and never closes would make a
 * spreadsheet program read the following lines into that one cell. Keyholder
 * never merges them: the quote is read as a character, every line stays its
 * own row, and the cell is reported on its row, where it blocks only that row.
 */
const tempDir = useTempDirs('keyholder-csv-quotes-');
const openCore = useCores();

const plainCell = fc
  .array(fc.constantFrom('a', 'Z', '7', ' ', '#', '=', 'é', '@', '.'), { minLength: 1, maxLength: 8 })
  .map((c) => c.join(''));

describe('a stray quotation mark', () => {
  it('is reported at its row and cell, and no line is merged into another (200 generated sheets)', () => {
    const sheets = fc.sample(
      fc.array(fc.array(plainCell, { minLength: 2, maxLength: 5 }), { minLength: 2, maxLength: 8 }).chain((rows) =>
        fc.record({
          rows: fc.constant(rows),
          row: fc.nat(rows.length - 1),
          column: fc.nat(1),
          end: fc.constantFrom('\r\n', '\n'),
        }),
      ),
      { numRuns: 200, seed: 7 },
    );
    for (const { rows, row, column, end } of sheets) {
      const cells = rows.map((r, i) => r.map((c, j) => (i === row && j === column ? `"${c}` : c)));
      const text = cells.map((r) => r.join(',')).join(end) + end;
      const read = readCsvRecords(text, ',');
      expect(read.records).toEqual(cells);
      expect(read.notes).toEqual([{ rowNumber: row + 1, column, kind: 'unclosed' }]);
    }
  });

  it('blocks only its own row, which can be left out with one click', async () => {
    const h = openCore(tempDir());
    await setUp(h);
    const path = writeFile(
      tempDir(),
      'quote.csv',
      'Platform,Handle,Notes\nX,@one,fine\nX,@two,"never closed\nX,@three,lost\nX,@four,"also ""quoted"" fine"\n',
    );
    const opened = await openImport(h, path);
    expect(opened.rowCount).toBe(4);
    const request = { importId: opened.importId, mapping: opened.suggestedMapping };
    const preview = await call(h.core, 'import.preview', request);
    expect(preview.rows.map((r) => [r.rowNumber, r.handle, r.errors])).toEqual([
      [2, '@one', []],
      [3, '@two', [expect.stringMatching(/^Cell C3 starts with a quotation mark \(".*leave this row out\.$/)]],
      [4, '@three', []],
      [5, '@four', []],
    ]);
    const before = snapshot(h.db);
    await refused(h.core, 'import.commit', request, 'INVALID_INPUT');
    expect(snapshot(h.db)).toBe(before);
    const rows = [{ rowNumber: 3, include: false }];
    expect(await call(h.core, 'import.commit', { ...request, rows })).toMatchObject({ created: 3, excluded: 1 });
    const notes = (await fullAccounts(h.core)).map((a) => [a.handle, a.notes]);
    expect(notes).toEqual([
      ['@four', 'also "quoted" fine'],
      ['@one', 'fine'],
      ['@three', 'lost'],
    ]);
  });
});
