import ExcelJS from 'exceljs';
import { importLimits } from '../../shared/contract';
import { fileError, SheetBuilder, tooManyRows, type ParsedSheet } from './sheet';

/**
 * Excel workbooks (.xlsx). The zip's own directory is checked first, so a
 * damaged file, a renamed Word or LibreOffice document, or a "zip bomb" that
 * unpacks to gigabytes is refused before ExcelJS unpacks anything. Cells are
 * read as text; formulas are kept as their formula text ("=A2&B2") and never
 * worked out, and date cells become yyyy-mm-dd.
 */
const maxUnpackedBytes = 60 * 1024 * 1024;
const maxEntries = 2000;

export async function parseXlsx(bytes: Buffer, fileName: string): Promise<ParsedSheet> {
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
  // actualRowCount counts rows with values; the header is one of them.
  if (sheet.actualRowCount - 1 > importLimits.maxDataRows) throw tooManyRows(fileName);

  const builder = new SheetBuilder(fileName, 'xlsx', sheet.name);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Anything past the limit lands in one extra column, so the builder can refuse the width.
      const index = Math.min(columnNumber, importLimits.maxColumns + 1) - 1;
      const text = cellText(cell);
      if (text !== '' || cells[index] === undefined) cells[index] = text;
    });
    builder.add(
      rowNumber,
      Array.from(cells, (cell) => cell ?? ''),
    );
  });
  return builder.finish();
}

type CellValue = ExcelJS.CellValue;

/** One cell as the text a person would type to get it. */
export function cellText(cell: ExcelJS.Cell): string {
  // A merged area's value lives in its top-left cell (a platform name merged down several rows).
  const source = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
  if (source.type === ExcelJS.ValueType.Formula) return `=${source.formula ?? ''}`;
  return valueText(source.value);
}

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string' && text !== '') return text;
    if (text && typeof text === 'object' && 'richText' in text) return valueText(text as CellValue);
    return value.hyperlink;
  }
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return `=${(value as { formula?: string }).formula ?? ''}`;
  return '';
}

function damaged(fileName: string) {
  return fileError(
    `${fileName} is not a valid Excel workbook: the file is damaged or is not really an .xlsx file. Open it in Excel and save it again as an Excel Workbook (.xlsx) or as "CSV UTF-8".`,
  );
}

/**
 * Reads the zip central directory (APPNOTE 4.3.12 and 4.3.16) and returns
 * the entry names, refusing encrypted entries, ZIP64 and anything that would
 * unpack to more than maxUnpackedBytes.
 */
export function inspectZip(bytes: Buffer, fileName: string): string[] {
  try {
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
      if (bytes.readUInt32LE(i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw damaged(fileName);
    const count = bytes.readUInt16LE(end + 10);
    let offset = bytes.readUInt32LE(end + 16);
    if (count === 0xffff || offset === 0xffffffff || count > maxEntries) throw tooBig(fileName);
    const names: string[] = [];
    let unpacked = 0;
    for (let n = 0; n < count; n += 1) {
      if (bytes.readUInt32LE(offset) !== 0x02014b50) throw damaged(fileName);
      const flags = bytes.readUInt16LE(offset + 8);
      const size = bytes.readUInt32LE(offset + 24);
      const nameLength = bytes.readUInt16LE(offset + 28);
      const extraLength = bytes.readUInt16LE(offset + 30);
      const commentLength = bytes.readUInt16LE(offset + 32);
      if (flags & 1) throw protectedWorkbook(fileName);
      if (size === 0xffffffff) throw tooBig(fileName);
      unpacked += size;
      if (unpacked > maxUnpackedBytes) throw tooBig(fileName);
      names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } catch (error) {
    // Reading past the end of a truncated file is damage too.
    if (error instanceof RangeError) throw damaged(fileName);
    throw error;
  }
}

function tooBig(fileName: string) {
  return fileError(
    `${fileName} unpacks to far more data than a register of accounts holds. Copy just the accounts into a new workbook or a "CSV UTF-8" file and import that.`,
  );
}

function protectedWorkbook(fileName: string) {
  return fileError(
    `${fileName} is protected with a password, so Keyholder cannot read it. Remove the password in Excel (File > Info > Protect Workbook), save it, and import it again.`,
  );
}
