import { importLimits, KeyholderError } from '../../shared/contract';
import { cleanText } from './import-values';

/**
 * One worksheet as text, whichever file it came from. Row numbers are the
 * ones the spreadsheet shows, so "row 14" in a message is row 14 in Excel.
 */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

export interface ParsedSheet {
  format: 'csv' | 'xlsx';
  sheetName: string | null;
  headerRowNumber: number;
  headers: string[];
  /** Data rows that have something in them, in order. */
  rows: SheetRow[];
  /** Blank rows between the header and the last account (trailing blanks are not counted). */
  emptyRowsSkipped: number;
}

/** Refusals of the file itself: nothing was read into Keyholder, nothing written. */
export function fileError(message: string): KeyholderError {
  return new KeyholderError('INVALID_INPUT', `${message} Nothing was imported.`);
}

/** A, B, ... Z, AA, AB: how people name columns. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i -= 1) if (cleanText(cells[i] ?? '') !== '') return i;
  return -1;
}

/**
 * Things column names never are: a web address, an email address, an
 * @handle or a date. A first row holding one is data, so the sheet has no
 * header row and every column would be mis-read.
 */
const dataLike = [/^https?:\/\//i, /^[^\s@]+@[^\s@]+\.[^\s@]+$/, /^@[\w.]{2,}$/, /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/];

/**
 * Collects rows as a reader produces them and enforces the limits as it
 * goes, so a 100,000-row file is refused at row 5,001 rather than after
 * parsing all of it.
 */
export class SheetBuilder {
  private header: SheetRow | null = null;
  private readonly rows: SheetRow[] = [];
  private lastRowNumber = 0;
  private emptyRowsSkipped = 0;
  private width = 0;

  constructor(
    private readonly fileName: string,
    private readonly format: ParsedSheet['format'],
    private readonly sheetName: string | null,
  ) {}

  /** Rows may arrive with gaps (Excel leaves out empty rows); the gaps count as empty rows. */
  add(rowNumber: number, cells: string[]): void {
    const last = lastFilled(cells);
    if (last < 0) return;
    if (last >= importLimits.maxColumns) {
      throw fileError(
        `${this.fileName} has more than ${importLimits.maxColumns} columns in row ${rowNumber}. Check you chose the accounts spreadsheet; if so, delete the unused columns and save it again.`,
      );
    }
    const row = { rowNumber, cells: cells.slice(0, last + 1) };
    this.width = Math.max(this.width, last + 1);
    if (!this.header) {
      this.header = row;
    } else {
      if (this.rows.length > 0) this.emptyRowsSkipped += rowNumber - this.lastRowNumber - 1;
      else this.emptyRowsSkipped += rowNumber - this.header.rowNumber - 1;
      if (this.rows.length >= importLimits.maxDataRows) throw tooManyRows(this.fileName);
      this.rows.push(row);
    }
    this.lastRowNumber = rowNumber;
  }

  finish(): ParsedSheet {
    const where = this.sheetName ? `The sheet "${this.sheetName}" in ${this.fileName}` : this.fileName;
    if (!this.header) throw fileError(`${where} is empty: there are no rows with anything in them.`);
    const headerCells = this.header.cells.map((cell) => cleanText(cell));
    const looksLikeData = headerCells.find((cell) => dataLike.some((pattern) => pattern.test(cell)));
    if (looksLikeData !== undefined) {
      throw fileError(
        `The first row of ${where} holds "${looksLikeData.slice(0, 60)}", which looks like an account rather than column names, so the sheet has no header row. Add a row at the top naming each column (for example Platform, Handle, Password) and save the file again.`,
      );
    }
    if (this.rows.length === 0) {
      throw fileError(
        `${where} has column names in row ${this.header.rowNumber} but no accounts below them. Check you chose the right file${this.sheetName ? ' and that the accounts are on the first sheet' : ''}.`,
      );
    }
    const headers: string[] = [];
    for (let i = 0; i < this.width; i += 1) {
      const name = (headerCells[i] ?? '').replace(/\s+/g, ' ').slice(0, 100) || `Column ${columnLetter(i)}`;
      // Two columns both called "Password" must still be told apart.
      headers.push(headers.includes(name) ? `${name} (column ${columnLetter(i)})` : name);
    }
    return {
      format: this.format,
      sheetName: this.sheetName,
      headerRowNumber: this.header.rowNumber,
      headers,
      rows: this.rows,
      emptyRowsSkipped: this.emptyRowsSkipped,
    };
  }
}

export function tooManyRows(fileName: string): KeyholderError {
  return fileError(
    `${fileName} has more than ${importLimits.maxDataRows.toLocaleString('en-GB')} rows of data. A school's register of social media accounts is normally a few dozen rows, so this is probably the wrong file or a sheet with rows filled far down. Check the file, delete the rows that are not accounts, and try again.`,
  );
}
