import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/import/csv-read';
import { readCsvRecords } from '../../../electron/import/csv-records';
import { lastFilled } from '../../../electron/import/sheet';
import { decodeText } from '../../../electron/import/source-file';
import { useTempDirs } from '../../support/temp-dir';

/**
 * Keyholder reads a CSV as Python's csv module does (and as Excel and
 * LibreOffice do): the same rows, the same cells, the same row numbers.
 * Messy sheets are generated (quotes in and around cells, separators and line
 * breaks inside quotes, CRLF/LF/CR, a byte order mark, blank rows, non-ASCII
 * text), written as bytes, and read by both.
 */
const tempDir = useTempDirs('keyholder-csv-python-');

const alphabet = ['a', 'Z', '7', ' ', ',', ';', '\t', '"', "'", '=', '\r', '\n', 'é', '£', '€', '😀', '@', '.'];
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(''));

/** How one cell is written: quoted (as Excel writes), raw, or raw with text after its closing quote. */
function cellToken(delimiter: string) {
  const unsafe = (s: string) => s.includes(delimiter) || s.includes('\r') || s.includes('\n');
  const quoted = text.map((s) => `"${s.replaceAll('"', '""')}"`);
  // A cell typed straight into a file: quotes inside are literal, but it may not start with one.
  const raw = text.filter((s) => !unsafe(s) && !s.startsWith('"'));
  // "ab"cd: spreadsheet programs read abcd; so must Keyholder (and it says so on the row).
  const textAfter = fc
    .tuple(
      text.filter((s) => !s.includes('"') && !s.includes('\r') && !s.includes('\n')),
      text.filter((s) => s !== '' && !unsafe(s) && !s.startsWith('"')),
    )
    .map(([inside, after]) => `"${inside}"${after}`);
  return fc.oneof({ arbitrary: quoted, weight: 3 }, { arbitrary: raw, weight: 3 }, { arbitrary: textAfter, weight: 1 });
}

const sheet = fc.constantFrom(',', ';', '\t').chain((delimiter) =>
  fc.record({
    delimiter: fc.constant(delimiter),
    bom: fc.boolean(),
    finalBreak: fc.boolean(),
    rows: fc.array(
      fc.record({
        cells: fc.array(cellToken(delimiter), { maxLength: 5 }),
        end: fc.constantFrom('\r\n', '\n', '\r'),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  }),
);

interface Sample {
  delimiter: string;
  bom: boolean;
  finalBreak: boolean;
  rows: { cells: string[]; end: string }[];
}

function render(s: Sample) {
  const body = s.rows
    .map((row, i) => row.cells.join(s.delimiter) + (i < s.rows.length - 1 || s.finalBreak ? row.end : ''))
    .join('');
  return Buffer.concat([Buffer.from(s.bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(body, 'utf8')]);
}

function pythonReads(files: { path: string; delimiter: string }[]): string[][][] {
  const run = spawnSync('python3', [join(import.meta.dirname, '../../support/python-csv.py')], {
    input: JSON.stringify(files.map((f) => [f.path, f.delimiter])),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][][];
}

describe('reading CSV as Python, Excel and LibreOffice do', () => {
  it('gives the same rows and cells as Python for 300 messy sheets', () => {
    const dir = tempDir();
    const samples = fc.sample(sheet, { numRuns: 300, seed: 20250106 });
    const files = samples.map((s, i) => {
      const path = join(dir, `sheet-${i}.csv`);
      writeFileSync(path, render(s));
      return { path, delimiter: s.delimiter };
    });
    const python = pythonReads(files);
    samples.forEach((s, i) => {
      const bytes = render(s);
      const { records, notes } = readCsvRecords(decodeText(bytes, 'sheet.csv'), s.delimiter);
      expect(records, `sheet ${i}: ${JSON.stringify(bytes.toString('utf8'))}`).toEqual(python[i]);
      // Nothing was merged: the only notes are about text after a closing quote.
      expect(notes.filter((n) => n.kind !== 'text-after-quote')).toEqual([]);
    });
  });

  it('numbers rows as the spreadsheet shows them and keeps every row with something in it', () => {
    const dir = tempDir();
    // A header row makes each sample a sheet Keyholder can open.
    const samples = fc
      .sample(sheet, { numRuns: 200, seed: 4242 })
      .map((s) => ({ ...s, rows: [{ cells: ['Platform', 'Handle'], end: '\r\n' }, ...s.rows] }));
    const files = samples.map((s, i) => {
      const path = join(dir, `sheet-${i}.csv`);
      writeFileSync(path, render(s));
      return { path, delimiter: s.delimiter };
    });
    const python = pythonReads(files);
    samples.forEach((s, i) => {
      const expected = python[i]!.flatMap((cells, index) =>
        lastFilled(cells) >= 0 ? [{ rowNumber: index + 1, cells: cells.slice(0, lastFilled(cells) + 1) }] : [],
      );
      // parseCsv guesses the separator; give it Excel's "sep=" line so the comparison is about reading.
      const body = `sep=${s.delimiter}\n${decodeText(render(s), 'sheet.csv')}`;
      const read = parseCsv(body, 'sheet.csv');
      expect(read.rows.map(({ rowNumber, cells }) => ({ rowNumber, cells }))).toEqual(expected);
    });
  });
});
