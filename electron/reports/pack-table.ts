import { HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { escapeHtml as e } from '../lib/print-html';

/**
 * A table of the meeting pack as plain data, drawn the same way on paper
 * (HTML printed to PDF) and in Word, so the two files cannot disagree.
 */
export interface PackTable {
  caption: string;
  /** A line under the caption: what the table covers. */
  intro?: string;
  head: string[];
  rows: string[][];
  /** Shown in one row when there are no rows. */
  empty: string;
  /** Relative column widths; equal when not given. */
  widths?: number[];
}

export function packTableHtml(t: PackTable): string {
  const cols = t.widths
    ? `<colgroup>${t.widths.map((w) => `<col style="width: ${((100 * w) / t.widths!.reduce((a, b) => a + b, 0)).toFixed(1)}%">`).join('')}</colgroup>`
    : '';
  const body = t.rows.length
    ? t.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${t.head.length}">${e(t.empty)}</td></tr>`;
  // The caption and its line stay on the page with the table they introduce (Chromium's print
  // ignores break-after: avoid on a heading); a table longer than a page still breaks as usual.
  return `<div style="break-inside: avoid; page-break-inside: avoid"><h2>${e(t.caption)}</h2>
${t.intro ? `<p class="meta">${e(t.intro)}</p>\n` : ''}<table>${cols}<thead><tr>${t.head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A4 portrait between Word's default margins, in twentieths of a point. */
const pageWidth = 9638;

function docxCell(text: string, width: number, header: boolean, span?: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span,
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } : undefined,
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] })),
  });
}

export function packTableDocx(t: PackTable): (Paragraph | Table)[] {
  const weights = t.widths ?? t.head.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((pageWidth * w) / sum));
  const rows = [
    new TableRow({ tableHeader: true, children: t.head.map((h, i) => docxCell(h, widths[i]!, true)) }),
    ...(t.rows.length
      ? t.rows.map((r) => new TableRow({ children: r.map((c, i) => docxCell(c, widths[i]!, false)) }))
      : [new TableRow({ children: [docxCell(t.empty, pageWidth, false, t.head.length)] })]),
  ];
  return [
    new Paragraph({ text: t.caption, heading: HeadingLevel.HEADING_2 }),
    ...(t.intro ? [new Paragraph({ children: [new TextRun({ text: t.intro, size: 18 })] })] : []),
    new Table({ rows, columnWidths: widths, width: { size: pageWidth, type: WidthType.DXA } }),
  ];
}
