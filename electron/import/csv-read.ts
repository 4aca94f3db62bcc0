import { readCsvRecords } from './csv-records';
import { fileError, RawSheetBuilder, type RawSheet } from './sheet';

/**
 * CSV as Excel writes it: quoted fields with doubled quotes, commas and line
 * breaks inside quotes, CRLF or LF line endings, an optional "sep=;" first
 * line. Every cell stays text: nothing is converted to numbers or dates, and
 * a cell such as "=HYPERLINK(...)" is just those characters. Row numbers
 * count every record, blank ones too, as a spreadsheet program numbers rows.
 */
export function parseCsv(text: string, fileName: string): RawSheet {
  if (text.trim() === '') throw fileError(`${fileName} is empty: there is no text in it.`);
  let body = text;
  let delimiter: string;
  // Excel writes and honours a "sep=;" line that names the separator; it is not a row.
  const hint = /^sep=(.)\r?\n/i.exec(body);
  if (hint) {
    delimiter = hint[1]!;
    body = body.slice(hint[0].length);
  } else {
    delimiter = guessDelimiter(body);
  }
  const builder = new RawSheetBuilder(fileName, 'csv', null);
  const { notes } = readCsvRecords(body, delimiter, (cells, rowNumber) => builder.add(rowNumber, cells));
  builder.notes.push(...notes);
  return builder.finish();
}

/**
 * The separator is whichever of , ; or tab the first lines use most (UK
 * Excel writes commas): several lines, because a title row above the
 * column names may have none.
 */
function guessDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r?\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 10)
    .map((line) => line.replace(/"[^"]*"/g, ''));
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = lines.reduce((sum, line) => sum + line.split(candidate).length - 1, 0);
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}
