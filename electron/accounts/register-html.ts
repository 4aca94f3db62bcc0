import { breakable, escapeHtml, printDocument, type PrintInfo } from '../lib/print-html';
import type { RegisterTable } from './register-table';

/**
 * The printable register on A4 landscape, through the shared print shell.
 * Every value is escaped, so an account called "<script>" prints as those
 * characters. The columns size themselves to their longest word, so no word
 * is split across lines ("Faceboo|k"); the widths below are only the shares
 * the remaining room is divided in.
 */
const style = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #555; } }
body { font: 8pt/1.3 "Segoe UI", Arial, sans-serif; color: #000; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 2mm; }
p.meta { margin: 0 0 4mm; color: #333; }
table { width: 100%; border-collapse: collapse; table-layout: auto; }
thead { display: table-header-group; }
th, td { border: 0.5pt solid #888; padding: 1mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
tr { break-inside: avoid; }
`;

/** Share of the page width (per cent, summing to 100) by column, so a date is not squeezed to make room for the issues. */
const widths: Record<string, number> = {
  Platform: 6,
  Handle: 8,
  'Display name': 8,
  Status: 5,
  Lead: 6,
  'Approved by': 6,
  'Approved on': 6,
  Holders: 7,
  'Login email': 9,
  Username: 6,
  'Profile URL': 7,
  'Two-factor method': 5,
  'Password last set': 5,
  'Rotation required': 4,
  'Issue details': 18,
};
/** Addresses and handles may break after their punctuation; everything else wraps between words only. */
const addressColumns = new Set(['Handle', 'Login email', 'Username', 'Profile URL']);
/**
 * On paper the issues themselves are listed, so their count would only take room; the login page is rarely
 * needed; the full name and whether the school replies to comments are on each account's page and in the CSV.
 */
const leftOffPaper = new Set(['Compliance issues', 'Login page', 'Full name', 'Comments']);

const cell = (header: string, value: string) => (addressColumns.has(header) ? breakable(value) : escapeHtml(value));

export function registerHtml(table: RegisterTable, info: PrintInfo): string {
  const title = `${info.schoolName || 'School'}: social media account register`;
  const shown = table.headers.flatMap((header, i) => (leftOffPaper.has(header) ? [] : [i]));
  const cols = shown.map((i) => `<col style="width: ${widths[table.headers[i]!] ?? 6}%">`).join('');
  const head = shown.map((i) => `<th scope="col">${escapeHtml(table.headers[i]!)}</th>`).join('');
  const body =
    table.rows.length === 0
      ? `<tr><td colspan="${shown.length}">There are no accounts in the register.</td></tr>`
      : table.rows
          .map((row) => `<tr>${shown.map((i) => `<td>${cell(table.headers[i]!, row[i] ?? '')}</td>`).join('')}</tr>`)
          .join('\n');
  const count = `${table.rows.length} ${table.rows.length === 1 ? 'account' : 'accounts'}`;
  return printDocument({
    title,
    style,
    body: `<h1>${escapeHtml(title)}</h1>
<p class="meta">Printed on ${escapeHtml(info.printedAt)} by ${escapeHtml(info.printedBy)}. ${count}. Passwords and recovery codes are never printed.</p>
<table>
<colgroup>${cols}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`,
  });
}
