/**
 * CSV records exactly as Python's csv module (the "excel" dialect, not
 * strict) and the spreadsheet programs read them: a quotation mark opens a
 * quoted cell only at the start of a cell, anywhere else it is a literal
 * character; "" inside a quoted cell is one quote; a quoted cell may hold
 * line breaks; text after a closing quote is kept. Lines end at CRLF, LF or
 * CR. papaparse treats a quote after the start of a cell as opening a field
 * and swallows the rows that follow, so this is a small state machine of our
 * own, checked cell by cell against Python by test/unit/transfer/csv-python.test.ts.
 *
 * Where a spreadsheet program would read on past a line break because a
 * quote never closes (or closes and is followed by more text, the sign of a
 * quote that was never meant to open a cell), Keyholder does not merge the
 * rows: it reads that quote as a literal character and reports the cell.
 */
export interface QuoteNote {
  /** 1 = the first record (the row number a spreadsheet shows). */
  rowNumber: number;
  /** 0 = column A. */
  column: number;
  /** unclosed: read literally instead of swallowing lines; text-after: "ab"cd read as abcd, as Excel does. */
  kind: 'unclosed' | 'text-after-quote';
}

const EOL = '\u0000EOL';
type State = 'startRecord' | 'startField' | 'inField' | 'inQuoted' | 'quoteInQuoted' | 'eatCrnl';

interface Quoted {
  column: number;
  open: number;
  multiline: boolean;
  textAfter: boolean;
  closed: boolean;
}

interface RecordRead {
  cells: string[];
  end: number;
  quoted: Quoted[];
}

const isBreak = (c: string) => c === '\n' || c === '\r';

/** Reads one record from `start`, taking a quote at any offset in `literal` as plain text. */
function readRecord(text: string, start: number, delimiter: string, literal: ReadonlySet<number>): RecordRead {
  const cells: string[] = [];
  const quoted: Quoted[] = [];
  // Changed inside step(): declared wide so the checks after the loop are not narrowed away.
  let state = 'startRecord' as State;
  let field: string[] = [];
  let current: Quoted | null = null;
  const save = () => {
    cells.push(field.join(''));
    field = [];
  };
  const step = (c: string, at: number): void => {
    switch (state) {
      case 'startRecord':
        if (c === EOL) return;
        if (isBreak(c)) {
          state = 'eatCrnl';
          return;
        }
        // The first character of the record starts its first cell.
        state = 'startField';
        step(c, at);
        return;
      case 'startField':
        if (c === EOL || isBreak(c)) {
          save();
          state = c === EOL ? 'startRecord' : 'eatCrnl';
        } else if (c === '"' && !literal.has(at)) {
          current = { column: cells.length, open: at, multiline: false, textAfter: false, closed: false };
          quoted.push(current);
          state = 'inQuoted';
        } else if (c === delimiter) save();
        else {
          field.push(c);
          state = 'inField';
        }
        return;
      case 'inField':
        if (c === EOL || isBreak(c)) {
          save();
          state = c === EOL ? 'startRecord' : 'eatCrnl';
        } else if (c === delimiter) {
          save();
          state = 'startField';
        } else field.push(c);
        return;
      case 'inQuoted':
        if (c === EOL) return;
        if (c === '"') state = 'quoteInQuoted';
        else {
          if (isBreak(c)) current!.multiline = true;
          field.push(c);
        }
        return;
      case 'quoteInQuoted':
        if (c === '"') {
          field.push('"');
          state = 'inQuoted';
          return;
        }
        current!.closed = true;
        if (c === delimiter) {
          save();
          state = 'startField';
        } else if (c === EOL || isBreak(c)) {
          save();
          state = c === EOL ? 'startRecord' : 'eatCrnl';
        } else {
          current!.textAfter = true;
          field.push(c);
          state = 'inField';
        }
        return;
      case 'eatCrnl':
        if (c === EOL) state = 'startRecord';
        return;
    }
  };
  let lineHasChars = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i]!;
    step(c, i);
    lineHasChars = true;
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      step(EOL, i);
      lineHasChars = false;
      if (state === 'startRecord') return { cells, end: i + 1, quoted };
    }
  }
  // The last line has no line break: Python still ends it.
  if (lineHasChars) {
    step(EOL, text.length);
    if (state === 'startRecord') return { cells, end: text.length, quoted };
  }
  // End of the file inside a quoted cell: Python (not strict) keeps what it read.
  if (field.length > 0 || state === 'inQuoted') save();
  return { cells, end: text.length, quoted };
}

/** A quoted cell that swallowed a line break and never closed properly. */
function swallowed(q: Quoted): boolean {
  return !q.closed || (q.multiline && q.textAfter);
}

/**
 * Every record of `text`, in order, with the notes on odd quoting. `onRecord`
 * may throw to stop early (a file with far too many rows is not read to the end).
 */
export function readCsvRecords(
  text: string,
  delimiter: string,
  onRecord: (cells: string[], rowNumber: number) => void = () => undefined,
): { records: string[][]; notes: QuoteNote[] } {
  const records: string[][] = [];
  const notes: QuoteNote[] = [];
  const literal = new Set<number>();
  let offset = 0;
  while (offset < text.length) {
    const rowNumber = records.length + 1;
    let read = readRecord(text, offset, delimiter, literal);
    const unclosed: number[] = [];
    // Each retry makes one more quote literal, so this ends.
    for (let bad = read.quoted.find(swallowed); bad; bad = read.quoted.find(swallowed)) {
      // The cells before it are unchanged, so its column is the same in the re-read.
      unclosed.push(bad.column);
      literal.add(bad.open);
      read = readRecord(text, offset, delimiter, literal);
    }
    for (const column of unclosed) notes.push({ rowNumber, column, kind: 'unclosed' });
    for (const q of read.quoted) if (q.textAfter) notes.push({ rowNumber, column: q.column, kind: 'text-after-quote' });
    records.push(read.cells);
    onRecord(read.cells, rowNumber);
    offset = read.end;
  }
  return { records, notes };
}
