import { importLimits, KeyholderError } from '../../shared/contract';
import { cleanText } from './import-values';

/**
 * One worksheet as text, whichever file it came from. Row numbers are the
 * ones the spreadsheet shows, so "row 14" in a message is row 14 in Excel.
 * A reader gives every row with something in it (a RawSheet); the header row
 * is chosen afterwards (detected, or picked in the wizard) and the sheet is
 * laid out under it (a ParsedSheet).
 */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
  /** Hidden in the workbook (Excel's Hide Row); still imported, and said so. */
  hidden: boolean;
}

/** Something the reader noticed about one cell, shown on its row. */
export interface CellNote {
  rowNumber: number;
  column: number;
  kind: 'unclosed' | 'text-after-quote' | 'formula-no-value' | 'formula-error';
}

export interface RawSheet {
  format: 'csv' | 'xlsx';
  fileName: string;
  sheetName: string | null;
  /** Rows with something in them, in order. */
  rows: SheetRow[];
  hiddenColumns: number[];
  notes: CellNote[];
}

export interface ParsedSheet {
  format: RawSheet['format'];
  sheetName: string | null;
  headerRowNumber: number;
  headers: string[];
  /** Data rows (below the header) that have something in them, in order. */
  rows: SheetRow[];
  /** Rows with something in them above the header: not imported, and named as such. */
  above: SheetRow[];
  /** Blank rows between the header and the last account (trailing blanks are not counted). */
  emptyRowsSkipped: number;
  hiddenColumns: number[];
  notes: CellNote[];
}

/** Title rows a sheet may have above its column names, on top of the data-row limit. */
const maxRowsAbove = 30;

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

export function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i -= 1) if (cleanText(cells[i] ?? '') !== '') return i;
  return -1;
}

/**
 * Collects rows as a reader produces them and enforces the limits as it
 * goes, so a 100,000-row file is refused at row 5,031 rather than after
 * parsing all of it.
 */
export class RawSheetBuilder {
  private readonly rows: SheetRow[] = [];
  readonly notes: CellNote[] = [];

  constructor(
    private readonly fileName: string,
    private readonly format: RawSheet['format'],
    private readonly sheetName: string | null,
  ) {}

  add(rowNumber: number, cells: string[], hidden = false): void {
    const last = lastFilled(cells);
    if (last < 0) return;
    if (last >= importLimits.maxColumns) {
      throw fileError(
        `${this.fileName} has more than ${importLimits.maxColumns} columns in row ${rowNumber}. Check you chose the accounts spreadsheet; if so, delete the unused columns and save it again.`,
      );
    }
    if (this.rows.length >= importLimits.maxDataRows + maxRowsAbove) throw tooManyRows(this.fileName);
    this.rows.push({ rowNumber, cells: cells.slice(0, last + 1), hidden });
  }

  finish(hiddenColumns: number[] = []): RawSheet {
    if (this.rows.length === 0) {
      const where = this.sheetName ? `The sheet "${this.sheetName}" in ${this.fileName}` : this.fileName;
      throw fileError(`${where} is empty: there are no rows with anything in them.`);
    }
    return {
      format: this.format,
      fileName: this.fileName,
      sheetName: this.sheetName,
      rows: this.rows,
      hiddenColumns,
      notes: this.notes,
    };
  }
}

export function tooManyRows(fileName: string): KeyholderError {
  return fileError(
    `${fileName} has more than ${new Intl.NumberFormat('en-GB').format(importLimits.maxDataRows)} rows of data. A school's register of social media accounts is normally a few dozen rows, so this is probably the wrong file or a sheet with rows filled far down. Check the file, delete the rows that are not accounts, and try again.`,
  );
}

/**
 * Things column names never are: a web address, an email address, an
 * @handle or a date. A header row holding one is data, so every column
 * would be mis-read.
 */
const dataLike = [/^https?:\/\//i, /^[^\s@]+@[^\s@]+\.[^\s@]+$/, /^@[\w.]{2,}$/, /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/];

export function dataLikeCell(cells: readonly string[]): string | undefined {
  return cells.map((cell) => cleanText(cell)).find((cell) => dataLike.some((pattern) => pattern.test(cell)));
}

/** The sheet laid out under the header in row `headerRowNumber`. */
export function layoutSheet(raw: RawSheet, headerRowNumber: number): ParsedSheet {
  const where = raw.sheetName ? `The sheet "${raw.sheetName}" in ${raw.fileName}` : raw.fileName;
  const header = raw.rows.find((row) => row.rowNumber === headerRowNumber);
  if (!header) throw fileError(`Row ${headerRowNumber} of ${where} is empty, so it cannot hold the column names.`);
  const looksLikeData = dataLikeCell(header.cells);
  if (looksLikeData !== undefined) {
    throw fileError(
      `Row ${headerRowNumber} of ${where} holds "${looksLikeData.slice(0, 60)}", which looks like an account rather than column names, so the sheet has no header row there. Choose the row with the column names, or add a row at the top naming each column (for example Platform, Handle, Password) and save the file again.`,
    );
  }
  const rows = raw.rows.filter((row) => row.rowNumber > headerRowNumber);
  if (rows.length === 0) {
    throw fileError(
      `${where} has column names in row ${headerRowNumber} but no accounts below them. Check you chose the right file${raw.sheetName ? ' and that the accounts are on the first sheet' : ''}.`,
    );
  }
  if (rows.length > importLimits.maxDataRows) throw tooManyRows(raw.fileName);
  const width = Math.max(header.cells.length, ...rows.map((row) => row.cells.length));
  const headers: string[] = [];
  for (let i = 0; i < width; i += 1) {
    const name =
      cleanText(header.cells[i] ?? '')
        .replace(/\s+/g, ' ')
        .slice(0, 100) || `Column ${columnLetter(i)}`;
    // Two columns both called "Password" must still be told apart.
    headers.push(headers.includes(name) ? `${name} (column ${columnLetter(i)})` : name);
  }
  const last = rows[rows.length - 1]!.rowNumber;
  return {
    format: raw.format,
    sheetName: raw.sheetName,
    headerRowNumber,
    headers,
    rows,
    above: raw.rows.filter((row) => row.rowNumber < headerRowNumber),
    emptyRowsSkipped: last - headerRowNumber - rows.length,
    hiddenColumns: raw.hiddenColumns,
    notes: raw.notes.filter((note) => note.rowNumber > headerRowNumber),
  };
}
