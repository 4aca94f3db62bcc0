/**
 * CSV records exactly as Python's csv module (the "excel" dialect, not
 * strict) and the spreadsheet programs read them: a quotation mark opens a
 * quoted cell only at the start of a cell, anywhere else it is a literal
 * character; "" inside a quoted cell is one quote; a quoted cell may hold
 * line breaks; text after a closing quote is kept. Lines end at CRLF, LF or
 * CR. papaparse reads a cell such as "Pa55"word (text after its closing
 * quote) as a field that never ends, swallowing the rows that follow, and
 * does not end lines at a lone CR; no setting changes that, so this is a
 * small state machine of our own, checked cell by cell against Python by
 * test/unit/import/csv-python.test.ts.
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

/** Python's parse_process_char, one state at a time, for one record. */
class RecordParser {
  readonly cells: string[] = [];
  readonly quoted: Quoted[] = [];
  state: State = 'startRecord';
  private field: string[] = [];
  private current: Quoted | null = null;

  constructor(
    private readonly delimiter: string,
    private readonly literal: ReadonlySet<number>,
  ) {}

  /** `c` is a character, or EOL after the last character of a line. */
  step(c: string, at: number): void {
    if (this.state === 'startRecord') this.startRecord(c, at);
    else if (this.state === 'startField') this.startField(c, at);
    else if (this.state === 'inField') this.inField(c);
    else if (this.state === 'inQuoted') this.inQuoted(c);
    else if (this.state === 'quoteInQuoted') this.quoteInQuoted(c);
    else if (c === EOL) this.state = 'startRecord'; // eatCrnl: the rest of a CRLF
  }

  /** End of the file inside a quoted cell: Python (not strict) keeps what it read. */
  finish(): void {
    if (this.field.length > 0 || this.state === 'inQuoted') this.save();
  }

  private save(): void {
    this.cells.push(this.field.join(''));
    this.field = [];
  }

  private endLine(c: string): void {
    this.save();
    this.state = c === EOL ? 'startRecord' : 'eatCrnl';
  }

  private startRecord(c: string, at: number): void {
    if (c === EOL) return;
    if (isBreak(c)) this.state = 'eatCrnl';
    else {
      // The first character of the record starts its first cell.
      this.state = 'startField';
      this.startField(c, at);
    }
  }

  private startField(c: string, at: number): void {
    if (c === EOL || isBreak(c)) this.endLine(c);
    else if (c === '"' && !this.literal.has(at)) {
      this.current = { column: this.cells.length, open: at, multiline: false, textAfter: false, closed: false };
      this.quoted.push(this.current);
      this.state = 'inQuoted';
    } else if (c === this.delimiter) this.save();
    else {
      this.field.push(c);
      this.state = 'inField';
    }
  }

  private inField(c: string): void {
    if (c === EOL || isBreak(c)) this.endLine(c);
    else if (c === this.delimiter) {
      this.save();
      this.state = 'startField';
    } else this.field.push(c);
  }

  private inQuoted(c: string): void {
    if (c === EOL) return;
    if (c === '"') this.state = 'quoteInQuoted';
    else {
      if (isBreak(c)) this.current!.multiline = true;
      this.field.push(c);
    }
  }

  private quoteInQuoted(c: string): void {
    if (c === '"') {
      this.field.push('"');
      this.state = 'inQuoted';
      return;
    }
    this.current!.closed = true;
    if (c === this.delimiter) {
      this.save();
      this.state = 'startField';
    } else if (c === EOL || isBreak(c)) this.endLine(c);
    else {
      this.current!.textAfter = true;
      this.field.push(c);
      this.state = 'inField';
    }
  }
}

/** Reads one record from `start`, taking a quote at any offset in `literal` as plain text. */
function readRecord(text: string, start: number, delimiter: string, literal: ReadonlySet<number>): RecordRead {
  const parser = new RecordParser(delimiter, literal);
  const done = (end: number) => ({ cells: parser.cells, end, quoted: parser.quoted });
  let lineHasChars = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i]!;
    parser.step(c, i);
    lineHasChars = true;
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      parser.step(EOL, i);
      lineHasChars = false;
      if (parser.state === 'startRecord') return done(i + 1);
    }
  }
  // The last line has no line break: Python still ends it.
  if (lineHasChars) {
    parser.step(EOL, text.length);
    if (parser.state === 'startRecord') return done(text.length);
  }
  parser.finish();
  return done(text.length);
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
