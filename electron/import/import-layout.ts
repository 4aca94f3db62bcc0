import { importLimits, importTargetLabels, type ImportMapping, type ImportTarget } from '../../shared/contract';
import { suggestMapping } from './import-mapping';
import { mask, type SecretColumns } from './import-secrets';
import { cleanLine, cleanText } from './import-values';
import { columnLetter, type ParsedSheet, type RawSheet } from './sheet';

/**
 * What the column-matching step shows: the rows to choose the header from,
 * a sample with every secret column masked, and the sentences that say what
 * will not be imported (rows above the header, columns nobody chose).
 */
export function headerChoices(raw: RawSheet): { rowNumber: number; text: string }[] {
  return raw.rows.slice(0, 30).map((row) => ({
    rowNumber: row.rowNumber,
    text: row.cells
      .map((cell) => cleanLine(cell))
      .filter(Boolean)
      .slice(0, 4)
      .map((cell) => (cell.length > 30 ? `${cell.slice(0, 30)}…` : cell))
      .join(' · '),
  }));
}

export function sampleOf(sheet: ParsedSheet, masked: ReadonlySet<number>): string[][] {
  return sheet.rows.slice(0, importLimits.sampleRows).map((row) =>
    sheet.headers.map((_, i) => {
      const text = row.cells[i] ?? '';
      if (masked.has(i)) return text.trim() === '' ? '' : mask;
      return text.length > 200 ? `${text.slice(0, 200)}…` : text;
    }),
  );
}

export function suggestedFor(sheet: ParsedSheet): ImportMapping {
  return suggestMapping(sheet.headers);
}

const rowsList = (numbers: number[]) =>
  numbers.length === 1 ? `Row ${numbers[0]}` : `Rows ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;

/** Sentences about what this choice of header row and columns leaves out. */
export function sheetNotes(sheet: ParsedSheet, mapping: ImportMapping, secrets: SecretColumns): string[] {
  const notes: string[] = [];
  if (sheet.above.length > 0) {
    const shown = sheet.above
      .slice(0, 3)
      .map((row) => `"${cleanLine(row.cells.find((c) => cleanText(c) !== '') ?? '').slice(0, 40)}"`)
      .join(', ');
    notes.push(
      `${rowsList(sheet.above.map((row) => row.rowNumber))} (${shown}${sheet.above.length > 3 ? ', …' : ''}) ${sheet.above.length === 1 ? 'is' : 'are'} above the column names, so not imported. If the column names are in another row, choose it above.`,
    );
  }
  const targetOf = new Map<number, ImportTarget>();
  for (const [target, index] of Object.entries(mapping))
    if (index !== null) targetOf.set(index, target as ImportTarget);
  sheet.headers.forEach((header, i) => {
    const filled = sheet.rows.filter((row) => cleanText(row.cells[i] ?? '') !== '').length;
    const hidden = sheet.hiddenColumns.includes(i);
    const column = `Column ${columnLetter(i)} ("${header}")`;
    const target = targetOf.get(i);
    if (target === undefined && filled > 0) {
      notes.push(
        secrets.all.has(i)
          ? `${column}${hidden ? ', hidden in the workbook,' : ''} looks like it holds passwords and is not imported. Choose it as Password or Recovery codes if it should be.`
          : `${column}${hidden ? ', hidden in the workbook,' : ''} is not imported: ${filled} ${filled === 1 ? 'row has' : 'rows have'} something in it. Choose what it holds above if it should be kept.`,
      );
    } else if (target !== undefined && hidden) {
      notes.push(`${column} is hidden in the workbook; it is imported as ${importTargetLabels[target]} all the same.`);
    }
    if (
      target !== undefined &&
      target !== 'password' &&
      target !== 'recoveryCodes' &&
      secrets.all.has(i) &&
      !secrets.named.has(i)
    )
      notes.push(
        `${column} looks like it holds passwords, and is chosen as ${importTargetLabels[target]}, which is stored unencrypted. If it holds passwords, choose it as Password.`,
      );
  });
  return notes;
}
