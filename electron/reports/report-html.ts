import type { ReportData } from '../../shared/contract';
import {
  chartCaption,
  engagementKeys,
  followerTypeKeys,
  followerTypeLabels,
  signed,
} from '../../shared/policy/engagement';
import { issueKindLabels, replySentCell, replySummary, replyTiming } from '../../shared/policy/issue-rules';
import { breakable, escapeHtml, printDocument, type PrintInfo } from '../lib/print-html';
import { chartSvg } from './report-chart';
import { postingHoursHtml } from './posting-hours-print';
import { ukDateTime, ukDate } from '../../shared/time';

/**
 * The Appendix 1 "Twitter Report" as the policy lays it out (north-herts
 * Appendix 1): Date range; New followers; Engagement with its four counts;
 * Issues and Actions with Date, Original comment, Reply sent, Recorded by;
 * Any other comments. One self-contained HTML page with its own print CSS,
 * no scripts, and every value escaped; the platform prints it to PDF.
 */
export type { PrintInfo };

const style = `
@page { size: A4 portrait; margin: 14mm 12mm 16mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #555; } }
body { font: 9.5pt/1.35 "Segoe UI", Arial, sans-serif; color: #000; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
p.meta { margin: 0 0 3mm; color: #333; }
/* A line closing the table above it, not opening what follows: a page may end after it. */
p.meta.trailing { break-after: auto; page-break-after: auto; }
.report + .report, .pack-section { break-before: page; }
figure { margin: 0 0 4mm; }
figcaption { font-size: 8pt; color: #333; }
svg.chart { width: 100%; height: auto; }
svg .axis { font: 7px sans-serif; fill: #333; }
svg .legend { font: 8px sans-serif; fill: #000; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 3mm; }
th, td { border: 0.6pt solid #555; padding: 1.4mm 1.8mm; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
th.section { width: 22%; background: #dde6ef; }
td.number { font-size: 11pt; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
tr.head { break-after: avoid; page-break-after: avoid; }
.small { font-size: 8pt; color: #333; margin-top: 1mm; }
.comments { white-space: pre-wrap; }
ul.notes { margin: 0 0 3mm; padding-left: 5mm; font-size: 8.5pt; }
`;

const e = escapeHtml;

function issueRows(data: ReportData): string {
  if (data.issues.length === 0) return `<tr><td colspan="4">No issues were logged in this period.</td></tr>`;
  return data.issues
    .map((issue) => {
      const reply = replySentCell(issue);
      const status =
        issue.status === 'resolved'
          ? `Resolved${issue.resolutionNotes ? `: ${issue.resolutionNotes}` : ''}`
          : issue.overdue
            ? 'Open: reply overdue'
            : 'Open';
      return `<tr>
<td>${e(ukDateTime(issue.receivedAt))}<div class="small">${e(issueKindLabels[issue.kind])}</div></td>
<td>${breakable(issue.originalComment)}</td>
<td>${breakable(reply.text)}${reply.actions ? `<div class="small">Actions: ${e(reply.actions)}</div>` : ''}<div class="small">${e(replyTiming(issue))}</div><div class="small">${e(status)}</div></td>
<td>${e(issue.recordedBy)}</td>
</tr>`;
    })
    .join('\n');
}

function followersCell(data: ReportData): string {
  const f = data.figures;
  if (!f) return '<td colspan="4">Not entered</td>';
  const types = followerTypeKeys
    .filter((k) => f.followerTypes[k] !== null)
    .map((k) => `${followerTypeLabels[k]} ${f.followerTypes[k]}`)
    .join(', ');
  return `<td colspan="4"><span class="number">${e(signed(f.newFollowers))}</span>
<div class="small">${f.followersStart} at the start, ${f.followersEnd} at the end.${types ? ` Types of follower: ${e(types)}.` : ''}</div></td>`;
}

/** One account's report: heading, chart, and the Appendix 1 table. */
export function appendixSection(data: ReportData, info: PrintInfo): string {
  const f = data.figures;
  const counts = engagementKeys.map((k) => `<td class="number">${f ? f[k] : '–'}</td>`).join('');
  const words = engagementKeys.map((k) => `<th scope="col">${e(data.words[k])}</th>`).join('');
  const notes = data.notes.length ? `<ul class="notes">${data.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '';
  return `<section class="report" aria-label="${e(`${data.title} for ${data.account.label}`)}">
<h1>${e(data.title)}</h1>
<p class="meta">${e(data.account.label)}${data.account.displayName ? ` (${e(data.account.displayName)})` : ''}, ${e(info.schoolName || 'School')}. ${e(data.period.label)}. Printed on ${e(info.printedAt)} by ${e(info.printedBy)}.</p>
${data.history.length ? `<figure>${chartSvg(data)}<figcaption>${chartCaption(data.history.length)}</figcaption></figure>` : `<p class="notes">${chartCaption(0)}</p>`}
${notes}
<table class="appendix1">
<colgroup><col style="width: 22%"><col style="width: 19.5%"><col style="width: 19.5%"><col style="width: 19.5%"><col style="width: 19.5%"></colgroup>
<tbody>
<tr><th scope="row" class="section">Date range</th><td colspan="4">${e(ukDate(data.period.from))} to ${e(ukDate(data.period.to))}</td></tr>
<tr><th scope="row" class="section">New followers</th>${followersCell(data)}</tr>
<tr class="head"><th scope="rowgroup" rowspan="2" class="section">Engagement</th>${words}</tr>
<tr>${counts}</tr>
<tr class="head"><th scope="rowgroup" rowspan="${Math.max(1, data.issues.length) + 1}" class="section">Issues and Actions${replySummary(data.issues) ? `<div class="small">${e(replySummary(data.issues)!)}</div>` : ''}</th><th scope="col">Date</th><th scope="col">Original comment</th><th scope="col">Reply sent</th><th scope="col">Recorded by</th></tr>
${issueRows(data)}
<tr><th scope="row" class="section">Any other comments</th><td colspan="4" class="comments">${breakable(data.comments || 'None')}</td></tr>
</tbody>
</table>
${postingHoursHtml(data)}
</section>`;
}

export function htmlDocument(title: string, body: string): string {
  return printDocument({ title, style, body });
}

export function reportHtml(data: ReportData, info: PrintInfo): string {
  return htmlDocument(`${data.title}: ${data.account.label}, ${data.period.label}`, appendixSection(data, info));
}
