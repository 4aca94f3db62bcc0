import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportData } from '../../shared/contract';
import {
  chartCaption,
  engagementKeys,
  followerTypeKeys,
  followerTypeLabels,
  signed,
} from '../../shared/policy/engagement';
import { issueKindLabels, replySentCell, replySummary, replyTiming } from '../../shared/policy/issue-rules';
import { type PrintInfo } from './report-html';
import { postingHoursDocx } from './posting-hours-print';
import { ukDateTime, ukDate } from '../../shared/time';

/**
 * The same report as a Word document (the docx package): the Appendix 1
 * table with the policy's rows and merged cells, and the chart's figures as
 * a small table, since a printed chart needs no scripts but Word needs data.
 */
const columnWidths = [2100, 1885, 1885, 1885, 1885];
const total = columnWidths.reduce((a, b) => a + b, 0);

function cell(text: string | string[], options: { span?: number; rows?: number; header?: boolean } = {}): TableCell {
  const lines = Array.isArray(text) ? text : [text];
  const width = columnWidths.slice(0, options.span ?? 1).reduce((a, b) => a + b, 0);
  return new TableCell({
    columnSpan: options.span,
    rowSpan: options.rows,
    width: { size: width, type: WidthType.DXA },
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'DDE6EF' } : undefined,
    children: lines.map(
      (line, i) =>
        new Paragraph({
          children: [new TextRun({ text: line, bold: options.header && i === 0, size: i === 0 ? 20 : 16 })],
        }),
    ),
  });
}

function appendixTable(data: ReportData): Table {
  const f = data.figures;
  const types = f
    ? followerTypeKeys
        .filter((k) => f.followerTypes[k] !== null)
        .map((k) => `${followerTypeLabels[k]} ${f.followerTypes[k]}`)
        .join(', ')
    : '';
  const issues = data.issues.length
    ? data.issues.map(
        (issue) =>
          new TableRow({
            children: [
              cell([ukDateTime(issue.receivedAt), issueKindLabels[issue.kind]]),
              cell(issue.originalComment),
              cell([
                replySentCell(issue).text,
                ...(replySentCell(issue).actions ? [`Actions: ${replySentCell(issue).actions}`] : []),
                replyTiming(issue),
                issue.status === 'resolved' ? 'Resolved' : issue.overdue ? 'Open: reply overdue' : 'Open',
              ]),
              cell(issue.recordedBy),
            ],
          }),
      )
    : [new TableRow({ children: [cell('No issues were logged in this period.', { span: 4 })] })];
  const rows = [
    new TableRow({
      children: [
        cell('Date range', { header: true }),
        cell(`${ukDate(data.period.from)} to ${ukDate(data.period.to)}`, { span: 4 }),
      ],
    }),
    new TableRow({
      children: [
        cell('New followers', { header: true }),
        cell(
          f
            ? [
                signed(f.newFollowers),
                `${f.followersStart} at the start, ${f.followersEnd} at the end.${types ? ` Types of follower: ${types}.` : ''}`,
              ]
            : 'Not entered',
          { span: 4 },
        ),
      ],
    }),
    new TableRow({
      children: [
        cell('Engagement', { header: true, rows: 2 }),
        ...engagementKeys.map((k) => cell(data.words[k], { header: true })),
      ],
    }),
    new TableRow({ children: engagementKeys.map((k) => cell(f ? String(f[k]) : '–')) }),
    new TableRow({
      children: [
        cell(['Issues and Actions', ...(replySummary(data.issues) ? [replySummary(data.issues)!] : [])], {
          header: true,
          rows: issues.length + 1,
        }),
        ...['Date', 'Original comment', 'Reply sent', 'Recorded by'].map((t) => cell(t, { header: true })),
      ],
    }),
    ...issues,
    new TableRow({
      children: [
        cell('Any other comments', { header: true }),
        cell((data.comments || 'None').split('\n'), { span: 4 }),
      ],
    }),
  ];
  return new Table({ rows, columnWidths, width: { size: total, type: WidthType.DXA } });
}

function historyTable(data: ReportData): Table {
  const head = ['Term', 'Followers at the end', ...engagementKeys.map((k) => data.words[k])];
  const widths = [2200, 1638, 1450, 1450, 1450, 1450];
  const row = (values: string[], header = false) =>
    new TableRow({
      children: values.map(
        (v, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            children: [new Paragraph({ children: [new TextRun({ text: v, bold: header, size: 16 })] })],
          }),
      ),
    });
  return new Table({
    columnWidths: widths,
    rows: [
      row(head, true),
      ...data.history.map((h) =>
        row([
          h.label,
          ...[h.followersEnd, ...engagementKeys.map((k) => h[k])].map((v) => (v === null ? '–' : String(v))),
        ]),
      ),
    ],
  });
}

/** One account's report; the meeting pack in Word is these after its cover. */
export function section(data: ReportData, info: PrintInfo): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: data.title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${data.account.label}, ${info.schoolName || 'School'}. ${data.period.label}. Printed on ${info.printedAt} by ${info.printedBy}.`,
          size: 18,
        }),
      ],
    }),
    new Paragraph({
      text: chartCaption(data.history.length),
      heading: HeadingLevel.HEADING_3,
    }),
    historyTable(data),
    ...data.notes.map((n) => new Paragraph({ children: [new TextRun({ text: n, italics: true, size: 16 })] })),
    new Paragraph({ text: '' }),
    appendixTable(data),
    ...postingHoursDocx(data),
  ];
}

export async function reportDocx(reports: ReportData[], info: PrintInfo): Promise<Uint8Array> {
  const children = reports.flatMap((data, i) => [
    ...(i > 0 ? [new Paragraph({ children: [new PageBreak()] })] : []),
    ...section(data, info),
  ]);
  const doc = new Document({
    creator: 'Keyholder',
    title: reports.length === 1 ? `${reports[0]!.title}: ${reports[0]!.account.label}` : 'Appendix 1 reports',
    styles: { default: { document: { run: { font: 'Arial' } } } },
    sections: [
      { children: children.length ? children : [new Paragraph({ text: 'No report', alignment: AlignmentType.LEFT })] },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
