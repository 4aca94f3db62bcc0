import Papa from 'papaparse';
import { type KeyholderError } from '../../shared/contract';
import { fileError, SheetBuilder, type ParsedSheet } from './sheet';

/**
 * CSV as Excel writes it: quoted fields with doubled quotes, commas and line
 * breaks inside quotes, CRLF or LF line endings, an optional "sep=;" first
 * line. Every cell stays text: nothing is converted to numbers or dates, and
 * a cell such as "=HYPERLINK(...)" is just those characters.
 */
export function parseCsv(text: string, fileName: string): ParsedSheet {
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

  const builder = new SheetBuilder(fileName, 'csv', null);
  let rowNumber = 0;
  let failure: KeyholderError | null = null;
  Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      rowNumber += 1;
      const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
      if (unclosed) {
        failure = fileError(
          `Row ${rowNumber} of ${fileName} has a quotation mark (") that is never closed, so Keyholder cannot tell where that row ends. Open the file in Excel, check row ${rowNumber}, and save it again as "CSV UTF-8".`,
        );
      } else {
        try {
          builder.add(rowNumber, result.data);
        } catch (error) {
          failure = error as KeyholderError;
        }
      }
      // Stops at the first problem: a 100,000-row file is not read to the end.
      if (failure) parser.abort();
    },
  });
  if (failure) throw failure;
  return builder.finish();
}

/** The separator is whichever of , ; or tab the header line uses most (UK Excel writes commas). */
function guessDelimiter(text: string): string {
  const firstLine = (
    text
      .slice(0, 64 * 1024)
      .split(/\r?\n|\r/)
      .find((line) => line.trim() !== '') ?? ''
  ).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}
