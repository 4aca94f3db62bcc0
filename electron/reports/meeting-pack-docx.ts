import { Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun, type Table } from 'docx';
import { countsSentence, stateOrder } from '../../shared/policy/account-status';
import { actionsText, replySummary } from '../../shared/policy/issue-rules';
import { ukDate, ukDateTime } from '../../shared/time';
import { reportsToPrint, type MeetingPack } from './meeting-pack';
import { extraTables } from './meeting-pack-extra';
import { packTableDocx, type PackTable } from './pack-table';
import { section } from './report-docx';
import type { PrintInfo } from './report-html';

/**
 * The termly meeting pack as a Word document, for a school that edits the
 * pack before the meeting or files it with the minutes: the same cover as
 * the PDF (meeting-pack.ts draws it in HTML), then each account's Appendix 1
 * report as report-docx.ts writes it.
 */
function coverTables(pack: MeetingPack): PackTable[] {
  const open = pack.status.accounts
    .filter((a) => a.kind !== 'closed')
    .sort((a, b) => stateOrder[a.kind] - stateOrder[b.kind] || a.label.localeCompare(b.label));
  return [
    {
      caption: 'Password changes done this term',
      head: ['Account', 'Changed on', 'By', 'Why', 'Holders told'],
      rows: pack.rotationsDone.map((r) => [
        r.label,
        ukDateTime(r.confirmedAt).slice(0, 10),
        r.confirmedBy,
        r.reason,
        r.told.join('; ') || 'Not recorded',
      ]),
      empty: 'No password changes were confirmed this term.',
    },
    {
      caption: 'Password changes overdue',
      head: ['Account', 'Due by', 'Why'],
      rows: pack.rotationsOverdue.map((r) => [r.label, r.dueBy ? ukDate(r.dueBy) : 'Now', r.reason]),
      empty: 'No password changes are overdue.',
    },
    {
      caption: 'Holder changes',
      head: ['Account', 'Person', 'Change', 'On'],
      rows: pack.holderChanges.map((h) => [h.label, h.person, h.change, ukDate(h.on)]),
      empty: 'No holders were added or removed this term.',
    },
    {
      caption: 'Handovers',
      head: ['What', 'On'],
      rows: pack.handovers.map((h) => [h.summary, ukDate(h.on)]),
      empty: 'No handovers this term.',
    },
    {
      caption: 'Open issues',
      intro: repliesLine(pack),
      head: ['Account', 'Received', 'Original comment', 'Reply sent', 'Actions'],
      rows: pack.openIssues.map((i) => [
        i.accountLabel,
        ukDateTime(i.receivedAt),
        i.originalComment,
        i.replySent || (i.overdue ? 'None: overdue' : 'None yet'),
        actionsText(i),
      ]),
      empty: 'No issues are open.',
    },
    {
      caption: 'Account status today',
      intro: countsSentence(pack.status.counts),
      head: ['Account', 'Status', 'What to do'],
      rows: open.map((a) => [a.label, a.wording, whatToDo(a)]),
      empty: 'No accounts in use.',
    },
    ...extraTables(pack.extra, pack.reports),
  ];
}

function repliesLine(pack: MeetingPack): string | undefined {
  const summary = replySummary(pack.reports.flatMap((r) => r.issues));
  return summary
    ? `Replies this term: ${summary} (within 24 hours, or by the next working day at a weekend).`
    : undefined;
}

function whatToDo(state: MeetingPack['status']['accounts'][number]): string {
  const found = state.findings.filter((f) => f.severity !== 'setup').map((f) => f.message);
  const steps = state.steps.filter((s) => !s.done).map((s) => s.label);
  if (steps.length > 0) found.push(`Steps left: ${steps.join('; ')}.`);
  return found.join(' ') || 'Nothing';
}

export async function meetingPackDocx(pack: MeetingPack, info: PrintInfo): Promise<Uint8Array> {
  const title = `Termly meeting pack: ${pack.period.label}`;
  const count = `${pack.reports.length} account${pack.reports.length === 1 ? '' : 's'}`;
  const { printed, nothingEntered } = reportsToPrint(pack.reports);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${info.schoolName || 'School'}. ${ukDate(pack.period.from)} to ${ukDate(pack.period.to)}. ${count}. Printed on ${info.printedAt} by ${info.printedBy}.`,
          size: 18,
        }),
      ],
    }),
    ...coverTables(pack).flatMap(packTableDocx),
    ...(nothingEntered ? [new Paragraph({ children: [new TextRun({ text: nothingEntered, size: 18 })] })] : []),
    ...printed.flatMap((report) => [new Paragraph({ children: [new PageBreak()] }), ...section(report, info)]),
  ];
  const doc = new Document({
    creator: 'Keyholder',
    title,
    styles: { default: { document: { run: { font: 'Arial' } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
