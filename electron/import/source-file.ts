import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importLimits, KeyholderError } from '../../shared/contract';
import { parseCsv } from './csv-read';
import { fileError, type RawSheet } from './sheet';
import { parseXlsx } from './xlsx-read';

/**
 * Opens the file the person chose and decides what it is from its bytes, not
 * its name: people rename files, and Excel happily saves a workbook called
 * "accounts.csv". Everything that is not a readable CSV or .xlsx is refused
 * with what to do instead, before any row is looked at.
 */
export async function readSpreadsheet(path: string): Promise<RawSheet> {
  const fileName = basename(path);
  const bytes = readBounded(path, fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return parseXlsx(bytes, fileName);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw fileError(
      `${fileName} is either an old-style Excel 97-2003 workbook (.xls) or a workbook protected with a password to open it, and Keyholder cannot read either. In Excel, remove the password to open (File > Info > Protect Workbook), then save it as an Excel Workbook (.xlsx) or as "CSV UTF-8".`,
    );
  }
  if (/\.xls[xm]$/i.test(fileName)) {
    throw fileError(
      `${fileName} is not a valid Excel workbook: the file is damaged or is not really an .xlsx file. Open it in Excel and save it again as an Excel Workbook (.xlsx) or as "CSV UTF-8".`,
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw fileError(`${fileName} is a PDF, not a spreadsheet. Choose the .csv or .xlsx file that holds the accounts.`);
  }
  return parseCsv(decodeText(bytes, fileName), fileName);
}

function readBounded(path: string, fileName: string): Buffer {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw fileError(`${fileName} is a folder, not a file. Choose the spreadsheet itself.`);
    if (stats.size === 0)
      throw fileError(`${fileName} is empty (0 bytes). Choose the spreadsheet that holds the accounts.`);
    // Checked before reading, so a huge file is never loaded.
    if (stats.size > importLimits.maxBytes) {
      const mb = (stats.size / (1024 * 1024)).toFixed(1);
      throw fileError(
        `${fileName} is ${mb} MB; Keyholder imports spreadsheets of up to ${importLimits.maxBytes / (1024 * 1024)} MB, and a register of school accounts is normally far smaller. Check you chose the right file, or copy just the accounts into a new spreadsheet and import that.`,
      );
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof KeyholderError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new KeyholderError(
        'NOT_FOUND',
        `${fileName} is no longer there. It may have been moved or renamed; choose it again.`,
      );
    throw fileError(
      `Keyholder could not open ${fileName}${code ? ` (${code})` : ''}. If it is open in Excel or another program, close it and try again.`,
    );
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * UTF-8 (with or without Excel's byte order mark) or UTF-16 with a byte
 * order mark (Excel's "Unicode Text"). Anything else is refused rather than
 * guessed at: a wrong guess turns £ and é into nonsense inside the vault.
 */
export function decodeText(bytes: Buffer, fileName: string): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    throw fileError(
      `${fileName} is not a spreadsheet Keyholder can read: it holds binary data, not text. Choose a .csv file saved as "CSV UTF-8", or the Excel workbook (.xlsx) itself.`,
    );
  }
  if (!isUtf8(body)) {
    const line = lineOf(body, firstInvalidUtf8(body));
    throw fileError(
      `${fileName} is not saved as UTF-8 text, so some characters cannot be read (the first is on line ${line}; often a £ sign, an accented letter or a curly quote). In Excel, choose File > Save As and pick "CSV UTF-8 (Comma delimited) (*.csv)", then import that file, or import the .xlsx workbook instead.`,
    );
  }
  return body.toString('utf8');
}

/** Offset of the first byte that is not valid UTF-8, or -1 (only called once isUtf8 has said no). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= bytes.length) return i;
    let point = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      point = (point << 6) | (c & 0x3f);
    }
    const min = [0, 0x80, 0x800, 0x10000][need]!;
    if (point < min || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}
