import { Paragraph, TextRun, type Table } from 'docx';
import type { ReportData } from '../../shared/contract';
import { ukDate, weekdayName } from '../../shared/time';
import { packTableDocx, packTableHtml, type PackTable } from './pack-table';

/**
 * The posting hours line printed under the Appendix 1 table (never inside
 * it: the policy's table keeps its exact layout), with the posts outside
 * the hours listed so the administrator can say which were school events
 * or urgent news (wentworth "Usage Policy").
 */
function outsideTable(data: ReportData): PackTable | null {
  const hours = data.postingHours;
  if (!hours || hours.outside.length === 0) return null;
  return {
    caption: 'Posts outside the posting hours',
    intro: `${hours.sentence} The policy allows posts outside the hours for school events and urgent news.`,
    head: ['Posted', 'Post'],
    rows: hours.outside.map((p) => [
      `${weekdayName(p.date)} ${ukDate(p.date)} ${p.time}`,
      p.text || 'No text in the export',
    ]),
    empty: '',
    widths: [1, 3],
  };
}

export function postingHoursHtml(data: ReportData): string {
  const hours = data.postingHours;
  if (!hours) return '';
  const table = outsideTable(data);
  return `<section class="posting-hours" aria-label="Posting hours">${
    table ? packTableHtml(table) : `<p class="meta">Posting hours: ${hours.sentence}</p>`
  }</section>`;
}

export function postingHoursDocx(data: ReportData): (Paragraph | Table)[] {
  const hours = data.postingHours;
  if (!hours) return [];
  const table = outsideTable(data);
  return table
    ? [new Paragraph({ text: '' }), ...packTableDocx(table)]
    : [new Paragraph({ children: [new TextRun({ text: `Posting hours: ${hours.sentence}`, size: 18 })] })];
}
