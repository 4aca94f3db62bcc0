/**
 * CSV for Excel. A cell that starts with = + - @ tab or carriage return
 * would run as a formula when the file is opened ("CSV injection"), so such
 * a cell gets a leading apostrophe, as OWASP's CSV injection guidance says;
 * every cell is also quoted, with quotes doubled. The file starts with a
 * UTF-8 byte order mark so Excel in a UK locale reads £ and accents
 * correctly, and uses Windows (CRLF) line endings.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(escapeCsvCell).join(',')).join('\r\n')}\r\n`;
}
