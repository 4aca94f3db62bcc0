import type { RegisterTable } from './register-table';

/**
 * The printable register: one self-contained HTML page (no scripts, no
 * external files, a Content Security Policy that allows neither) that the
 * platform renders to PDF on A4 landscape. Every value is escaped, so an
 * account called "<script>" prints as those characters.
 */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface PrintInfo {
  schoolName: string;
  printedBy: string;
  /** dd/mm/yyyy HH:mm, London time. */
  printedAt: string;
}

const style = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #555; } }
body { font: 8pt/1.3 "Segoe UI", Arial, sans-serif; color: #000; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 2mm; }
p.meta { margin: 0 0 4mm; color: #333; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 0.5pt solid #888; padding: 1mm 1.2mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eee; font-weight: 600; }
tr { break-inside: avoid; }
`;

/** Share of the page width (per cent) by column, so a date is not squeezed to make room for the issues. */
const widths: Record<string, number> = {
  Platform: 5,
  Handle: 8,
  'Display name': 8,
  Status: 5,
  Lead: 6,
  'Approved by': 6,
  'Approved on': 7,
  Holders: 7,
  'Login email': 8,
  'Profile URL': 8,
  'Two-factor method': 6,
  'Password last set': 7,
  'Rotation required': 8,
  'Issue details': 11,
};
/** On paper the issues themselves are listed, so their count would only take room. */
const leftOffPaper = new Set(['Compliance issues']);

export function registerHtml(table: RegisterTable, info: PrintInfo): string {
  const title = `${info.schoolName || 'School'}: social media account register`;
  const shown = table.headers.flatMap((header, i) => (leftOffPaper.has(header) ? [] : [i]));
  const cols = shown.map((i) => `<col style="width: ${widths[table.headers[i]!] ?? 6}%">`).join('');
  const head = shown.map((i) => `<th scope="col">${escapeHtml(table.headers[i]!)}</th>`).join('');
  const body =
    table.rows.length === 0
      ? `<tr><td colspan="${shown.length}">There are no accounts in the register.</td></tr>`
      : table.rows
          .map((row) => `<tr>${shown.map((i) => `<td>${escapeHtml(row[i] ?? '')}</td>`).join('')}</tr>`)
          .join('\n');
  const count = `${table.rows.length} ${table.rows.length === 1 ? 'account' : 'accounts'}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Printed on ${escapeHtml(info.printedAt)} by ${escapeHtml(info.printedBy)}. ${count}. Passwords and recovery codes are never printed.</p>
<table>
<colgroup>${cols}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
