import type { Handover } from '../../shared/contract';
import { escapeHtml as escape, printDocument, type PrintInfo } from '../lib/print-html';
import { londonDateOf, ukDate } from '../../shared/time';

const style = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'Segoe UI', Arial, sans-serif; font-size: 11pt; color: #111; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 16pt 0 6pt; }
table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #777; padding: 5pt 6pt; text-align: left; vertical-align: top; }
th { background: #e8ecf1; } .muted { color: #444; } .sign { margin-top: 28pt; display: flex; gap: 30pt; }
.sign div { flex: 1; border-top: 1px solid #111; padding-top: 4pt; } .note { border: 1px solid #777; padding: 8pt; margin-top: 14pt; }
tr, .note, .sign { break-inside: avoid; } h2 { break-after: avoid; }
`;

/**
 * The handover record as a printable, self-contained document: who left and
 * when, what happened to each account, what is still outstanding, the
 * confidentiality reminder (bebington) and signature lines (tpat 8).
 */
export function handoverRecordHtml(handover: Handover, info: PrintInfo): string {
  const rows = handover.items
    .map((item) => {
      const progress =
        item.kind === 'remove-holder'
          ? item.rotation
            ? `Password changed ${ukDate(londonDateOf(item.rotation.confirmedAt))} by ${escape(item.rotation.confirmedBy)}`
            : item.done
              ? 'Not needed: the account is closed'
              : 'Password change outstanding'
          : item.steps.length > 0
            ? item.steps
                .map(
                  (s) =>
                    `${s.doneOn ? '&#10003;' : '&#9744;'} ${escape(s.label)}${s.doneOn ? ` (${ukDate(s.doneOn)})` : ''}`,
                )
                .join('<br>')
            : 'Done';
      return `<tr><td>${escape(item.label)}</td><td>${escape(item.summary)}</td><td>${progress}</td></tr>`;
    })
    .join('');
  const outstanding = handover.items.filter((i) => !i.done);
  return printDocument({
    title: `Handover record: ${handover.person.name}`,
    style,
    body: `<h1>Handover record</h1>
<p class="muted">${escape(info.schoolName)}. Printed on ${escape(info.printedAt)} by ${escape(info.printedBy)}.</p>
<p><strong>${escape(handover.person.name)}</strong> ${handover.state === 'scheduled' ? 'leaves' : 'left'} on ${ukDate(handover.leavingOn)}.${handover.successor ? ` Account administrator role passed to ${escape(handover.successor.name)}.` : ''}</p>
<h2>Accounts</h2>
<table><thead><tr><th>Account</th><th>What happens</th><th>Progress</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No accounts were affected.</td></tr>'}</tbody></table>
<h2>Outstanding</h2>
${outstanding.length === 0 ? '<p>Nothing outstanding: this handover is complete.</p>' : `<ul>${outstanding.map((i) => `<li>${escape(i.label)}: ${escape(i.summary)}</li>`).join('')}</ul>`}
<p class="note">Confidentiality continues after leaving: ${escape(handover.person.name)} must not use, share or disclose the passwords or any confidential information from the school's social media accounts (school social media policy).</p>
<div class="sign"><div>Headteacher: signature and date</div><div>Account administrator: signature and date</div></div>`,
  });
}
