import ExcelJS from 'exceljs';
import { importLimits } from '../../shared/contract';
import { fileError, RawSheetBuilder, type CellNote, type RawSheet } from './sheet';
import { damaged, inspectZip } from './zip-guard';

/**
 * Excel workbooks (.xlsx), read as Excel shows them. The zip is checked and
 * inflated within a hard limit first (zip-guard.ts). A formula cell gives the
 * value Excel saved for it, not its formula; a date cell gives its date
 * (yyyy-mm-dd); a title merged across the top gives one cell, not six; hidden
 * rows and columns are read and marked. The header row is chosen afterwards.
 */
export async function parseXlsx(bytes: Buffer, fileName: string): Promise<RawSheet> {
  const names = inspectZip(bytes, fileName);
  if (!names.includes('xl/workbook.xml')) {
    const what = names.includes('word/document.xml')
      ? 'a Word document'
      : names.includes('content.xml')
        ? 'a LibreOffice or OpenDocument file'
        : names.includes('ppt/presentation.xml')
          ? 'a PowerPoint presentation'
          : 'a zip file, not an Excel workbook';
    throw fileError(
      `${fileName} is ${what}. Save the accounts spreadsheet as an Excel Workbook (.xlsx) or as "CSV UTF-8" and import that.`,
    );
  }

  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types its own Buffer as an ArrayBuffer; at run time it takes Node's Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw damaged(fileName);
  }
  const withData = workbook.worksheets.filter((sheet) => sheet.actualRowCount > 0);
  // The first visible sheet with something in it; hidden sheets are usually lookups.
  const sheet = withData.find((s) => s.state === 'visible') ?? withData[0];
  if (!sheet) throw fileError(`${fileName} is empty: none of its sheets has anything in it.`);

  const builder = new RawSheetBuilder(fileName, 'xlsx', sheet.name);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Anything past the limit lands in one extra column, so the builder can refuse the width.
      const index = Math.min(columnNumber, importLimits.maxColumns + 1) - 1;
      const read = cellText(cell);
      if (read.note) builder.notes.push({ rowNumber, column: index, kind: read.note });
      if (read.text !== '' || cells[index] === undefined) cells[index] = read.text;
    });
    builder.add(
      rowNumber,
      Array.from(cells, (cell) => cell ?? ''),
      row.hidden,
    );
  });
  const hidden: number[] = [];
  for (let i = 1; i <= Math.min(sheet.columnCount, importLimits.maxColumns); i += 1)
    if (sheet.getColumn(i).hidden) hidden.push(i - 1);
  return builder.finish(hidden);
}

type CellValue = ExcelJS.CellValue;

/** One cell as Excel shows its value. */
export function cellText(cell: ExcelJS.Cell): { text: string; note?: CellNote['kind'] } {
  let source = cell;
  if (cell.type === ExcelJS.ValueType.Merge) {
    // A title merged across the top belongs to its first cell only; a platform
    // merged down several rows belongs to each of those rows.
    if (cell.master.col !== cell.col) return { text: '' };
    source = cell.master;
  }
  if (source.type === ExcelJS.ValueType.Formula) {
    const result = source.result as CellValue | undefined;
    if (result === undefined || result === null) return { text: '', note: 'formula-no-value' };
    if (typeof result === 'object' && 'error' in result) return { text: String(result.error), note: 'formula-error' };
    return { text: valueText(source.numFmt, result) };
  }
  if (source.type === ExcelJS.ValueType.Error)
    return { text: valueText(source.numFmt, source.value), note: 'formula-error' };
  return { text: valueText(source.numFmt, source.value) };
}

/** Excel's day count (1900 system) to yyyy-mm-dd: for a formula whose result is a number shown as a date. */
function serialDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000)).toISOString().slice(0, 10);
}

const dateFormat = /(^|[^"\\])[dy]|mmm/i;

function valueText(numFmt: string | undefined, value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (numFmt && dateFormat.test(numFmt.replace(/"[^"]*"/g, '')) && value > 0 && value < 2958466)
      return serialDate(value);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string' && text !== '') return text;
    if (text && typeof text === 'object' && 'richText' in text) return valueText(undefined, text as CellValue);
    return value.hyperlink;
  }
  if ('error' in value) return String(value.error);
  return '';
}
