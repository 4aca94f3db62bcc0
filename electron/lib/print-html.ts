/**
 * The one shell for every printed document (the register, Appendix 1, the
 * meeting pack, the handover record): self-contained HTML with no scripts and
 * no external files, a Content Security Policy that allows neither, and the
 * print rules every document shares. The platform renders it to a tagged PDF.
 */

/** Every value put into a printed document goes through this: "<script>" prints as those characters. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Who printed a document and when, shown on it. */
export interface PrintInfo {
  schoolName: string;
  printedBy: string;
  /** dd/mm/yyyy HH:mm, London time, from the core's clock. */
  printedAt: string;
}

/**
 * Ligatures off: with some fonts Chromium draws "fi" as one glyph, and the
 * PDF's text then reads "fi nal", so a search for "final" finds nothing.
 * Words are never split inside a cell; long addresses break at their
 * punctuation instead (see breakable()). A heading never ends a page: it
 * stays with the block that follows it (and a table's header row with its
 * first row), so nobody reads a heading alone at the foot of a page.
 */
const baseStyle = `
* { font-variant-ligatures: none; font-feature-settings: "liga" 0, "clig" 0; }
th, td { overflow-wrap: normal; word-break: normal; hyphens: manual; }
h1, h2, h3, h4, caption, p.meta { break-after: avoid; page-break-after: avoid; }
h1 + *, h2 + *, h3 + *, h4 + * { break-before: avoid; page-break-before: avoid; }
thead { display: table-header-group; }
thead tr, tbody tr:first-child { break-after: avoid; }
`;

export function printDocument(options: { title: string; style: string; body: string }): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(options.title)}</title>
<style>${baseStyle}${options.style}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}

/**
 * Escapes a value and lets a long e-mail address, link or handle wrap after
 * its punctuation (@ . / _ -) rather than mid-word or off the edge of a cell.
 */
export function breakable(value: string): string {
  return value
    .split(/(\s+)/)
    .map((token) => (token.length > 14 ? escapeHtml(token).replace(/([@./_-])(?=.)/g, '$1<wbr>') : escapeHtml(token)))
    .join('');
}
