import type { ReportData } from '../../shared/contract';
import { actedOnKinds, replySentCell, replySummary } from '../../shared/policy/issue-rules';
import { termPeriod, type Period } from '../../shared/policy/report-period';
import type { TermName } from '../../shared/policy/term-calendar';
import type { Db } from '../db/open';
import { readTerms } from '../calendar/calendar';
import { listRotations } from '../rotations/rotation-cache';
import { rotationRecord, type RecordRow } from '../rotations/record';
import { escapeHtml as e } from '../lib/print-html';
import { listIssues } from '../issues/issues-log';
import { reportData } from './report-data';
import { appendixSection, htmlDocument, type PrintInfo } from './report-html';
import { addDays, londonInstant, ukDateTime, ukDate } from '../../shared/time';
import type { AccountState, StateCounts } from '../../shared/contract';
import { changeNeeded, countsSentence, stateOrder } from '../../shared/policy/account-status';
import { statusReport } from '../compliance/status';
import { extraTables, packExtra, type PackExtra } from './meeting-pack-extra';
import { packTableHtml } from './pack-table';

/**
 * The termly meeting pack (north-herts 3: "social media feedback will be
 * delivered at the termly progress meeting"): one document for all accounts
 * in a term, with the term's rotations, holder changes, handovers and open
 * issues first, then each account's Appendix 1 report.
 */
export interface MeetingPack {
  period: Period;
  reports: ReportData[];
  rotationsDone: RecordRow[];
  rotationsOverdue: { label: string; dueBy: string | null; reason: string }[];
  holderChanges: { label: string; person: string; change: string; on: string }[];
  handovers: { summary: string; on: string }[];
  openIssues: ReportData['issues'];
  /** Each account's one state today, as on every screen (shared/policy/account-status.ts). */
  status: { accounts: AccountState[]; counts: StateCounts };
  /** Weekly checks and the key dates coming up (meeting-pack-extra.ts). */
  extra: PackExtra;
}

export function meetingPack(db: Db, now: Date, academicYear: number, term: TermName): MeetingPack {
  const period = termPeriod(readTerms(db), academicYear, term);
  // Accounts live at some point in the term (not closed before it began); a
  // proposal only once something was recorded for it.
  const accounts = db
    .prepare(
      `SELECT id FROM accounts a
       WHERE NOT (status IN ('closed', 'transferred') AND status_changed_on IS NOT NULL AND status_changed_on < @from)
       AND (status <> 'proposed'
         OR EXISTS (SELECT 1 FROM engagement_figures f WHERE f.account_id = a.id AND f.period_to >= @from AND f.period_from <= @to)
         OR EXISTS (SELECT 1 FROM issues i WHERE i.account_id = a.id AND i.received_at >= @fromAt AND i.received_at < @toAt))
       ORDER BY handle COLLATE NOCASE`,
    )
    .all({
      from: period.from,
      to: period.to,
      fromAt: londonInstant(period.from, '00:00').toISOString(),
      toAt: londonInstant(addDays(period.to, 1), '00:00').toISOString(),
    }) as { id: number }[];
  const ref = { kind: 'term' as const, academicYear, term };
  const holderRows = db
    .prepare(
      `SELECT a.handle, p.name, h.added_on, h.removed_on, h.removed_reason FROM account_holders h
       JOIN accounts a ON a.id = h.account_id JOIN people p ON p.id = h.person_id
       WHERE (h.added_on BETWEEN @from AND @to) OR (h.removed_on BETWEEN @from AND @to)`,
    )
    .all(period) as {
    handle: string;
    name: string;
    added_on: string;
    removed_on: string | null;
    removed_reason: string | null;
  }[];
  const holderChanges = holderRows.flatMap((r) => [
    ...(r.added_on >= period.from && r.added_on <= period.to
      ? [{ label: r.handle, person: r.name, change: 'Added as a holder', on: r.added_on }]
      : []),
    ...(r.removed_on && r.removed_on >= period.from && r.removed_on <= period.to
      ? [
          {
            label: r.handle,
            person: r.name,
            change: `Removed${r.removed_reason ? `: ${r.removed_reason}` : ''}`,
            on: r.removed_on,
          },
        ]
      : []),
  ]);
  return {
    period,
    reports: accounts.map((a) => reportData(db, now, a.id, ref)),
    rotationsDone: rotationRecord(db, academicYear, term),
    rotationsOverdue: listRotations(db, now)
      .filter((r) => changeNeeded(r) === 'now')
      .map((r) => ({ label: r.label, dueBy: r.dueBy, reason: r.reason })),
    holderChanges: holderChanges.sort((a, b) => a.on.localeCompare(b.on)),
    handovers: handovers(db, period),
    openIssues: listIssues(db, now, { status: 'open' }).reverse(),
    status: statusReport(db, now),
    extra: packExtra(db, now, period, academicYear, term),
  };
}

/**
 * Accounts closed or transferred in the term, and the handovers recorded
 * when staff left (their table belongs to the handover feature and is read
 * only if it is there, so the pack does not depend on its details).
 */
function handovers(db: Db, period: Period): { summary: string; on: string }[] {
  const closed = db
    .prepare(
      `SELECT handle, status, status_changed_on FROM accounts
       WHERE status IN ('closed', 'transferred') AND status_changed_on BETWEEN ? AND ?`,
    )
    .all(period.from, period.to) as { handle: string; status: string; status_changed_on: string }[];
  const result = closed.map((r) => ({ summary: `${r.handle} ${r.status}`, on: r.status_changed_on }));
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'handovers'").get();
  if (hasTable) {
    const rows = db
      .prepare(
        `SELECT p.name, h.leaving_on FROM handovers h JOIN people p ON p.id = h.person_id
         WHERE h.leaving_on BETWEEN ? AND ? ORDER BY h.leaving_on`,
      )
      .all(period.from, period.to) as { name: string; leaving_on: string }[];
    result.push(...rows.map((r) => ({ summary: `Handover for ${r.name}, leaving`, on: r.leaving_on })));
  }
  return result.sort((a, b) => a.on.localeCompare(b.on));
}

function table(caption: string, head: string[], rows: string[][], empty: string): string {
  const body = rows.length
    ? rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${head.length}">${e(empty)}</td></tr>`;
  return `<h2>${e(caption)}</h2>
<table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

export function meetingPackHtml(pack: MeetingPack, info: PrintInfo): string {
  const title = `Termly meeting pack: ${pack.period.label}`;
  const cover = `<section class="pack-cover">
<h1>${e(title)}</h1>
<p class="meta">${e(info.schoolName || 'School')}. ${e(ukDate(pack.period.from))} to ${e(ukDate(pack.period.to))}. ${pack.reports.length} account${pack.reports.length === 1 ? '' : 's'}. Printed on ${e(info.printedAt)} by ${e(info.printedBy)}.</p>
${table(
  'Password changes done this term',
  ['Account', 'Changed on', 'By', 'Why', 'Holders told'],
  pack.rotationsDone.map((r) => [
    r.label,
    ukDateTime(r.confirmedAt).slice(0, 10),
    r.confirmedBy,
    r.reason,
    r.told.join('; ') || 'Not recorded',
  ]),
  'No password changes were confirmed this term.',
)}
${table(
  'Password changes overdue',
  ['Account', 'Due by', 'Why'],
  pack.rotationsOverdue.map((r) => [r.label, r.dueBy ? ukDate(r.dueBy) : 'Now', r.reason]),
  'No password changes are overdue.',
)}
${table(
  'Holder changes',
  ['Account', 'Person', 'Change', 'On'],
  pack.holderChanges.map((h) => [h.label, h.person, h.change, ukDate(h.on)]),
  'No holders were added or removed this term.',
)}
${table(
  'Handovers',
  ['What', 'On'],
  pack.handovers.map((h) => [h.summary, ukDate(h.on)]),
  'No handovers this term.',
)}
${table(
  'Open issues',
  ['Account', 'Received', 'Original comment', 'Reply sent', 'Actions'],
  pack.openIssues.map((i) => [i.accountLabel, ukDateTime(i.receivedAt), i.originalComment, ...openIssueCells(i)]),
  'No issues are open.',
)}
${repliesLine(pack)}
${statusTable(pack.status)}
${extraTables(pack.extra, pack.reports).map(packTableHtml).join('\n')}
</section>`;
  const { printed, nothingEntered } = reportsToPrint(pack.reports);
  const leftOut = nothingEntered ? `<p class="meta">${e(nothingEntered)}</p>` : '';
  const reports = printed.map((r) => `<div class="pack-section">${appendixSection(r, info)}</div>`).join('\n');
  return htmlDocument(title, `${cover}\n${leftOut}\n${reports}`);
}

/**
 * An account's Appendix 1 goes in the pack when its term has something in it
 * (figures, issues or comments); the others are named in one sentence, so a
 * school of 25 accounts does not print 20 empty reports for SLT to leaf through.
 */
export function reportsToPrint(reports: readonly ReportData[]): { printed: ReportData[]; nothingEntered: string } {
  const hasContent = (r: ReportData) => r.figures !== null || r.issues.length > 0 || r.comments.trim() !== '';
  const printed = reports.filter(hasContent);
  const empty = reports.filter((r) => !hasContent(r)).map((r) => r.account.label);
  const nothingEntered =
    empty.length === 0
      ? ''
      : `No figures, issues or comments were entered this term for ${empty.join(', ')}, so ${
          empty.length === 1 ? 'its Appendix 1 report is' : 'their Appendix 1 reports are'
        } left out of this pack. Each can be printed from Reports.`;
  return { printed, nothingEntered };
}

/**
 * An open issue's "Reply sent" and "Actions": abuse and press enquiries are
 * not answered, so their reply cell says what was done, and what the policy
 * still asks is listed for SLT to see.
 */
function openIssueCells(i: MeetingPack['openIssues'][number]): [string, string] {
  const cell = replySentCell(i);
  const reply = actedOnKinds.includes(i.kind) || i.replySent ? cell.text : i.overdue ? 'None: overdue' : 'None yet';
  const toDo = i.stillToDo.length ? `Still to do: ${i.stillToDo.join('; ')}.` : '';
  return [reply, [cell.actions, toDo].filter(Boolean).join('. ')];
}

/** SLT sees whether replies met the 24-hour / next-working-day rule (bebington "Monitoring"). */
function repliesLine(pack: MeetingPack): string {
  const summary = replySummary(pack.reports.flatMap((r) => r.issues));
  return summary
    ? `<p class="meta">Replies this term: ${e(summary)} (within 24 hours, or by the next working day at a weekend).</p>`
    : '';
}

/** The register's status column on paper: the same wording and counts as the screens. */
function statusTable(status: MeetingPack['status']): string {
  const open = status.accounts
    .filter((a) => a.kind !== 'closed')
    .sort((a, b) => stateOrder[a.kind] - stateOrder[b.kind] || a.label.localeCompare(b.label));
  return `${table(
    'Account status today',
    ['Account', 'Status', 'What to do'],
    open.map((a) => [a.label, a.wording, whatToDo(a)]),
    'No accounts in use.',
  )}
<p class="meta trailing">${e(countsSentence(status.counts))}</p>`;
}

function whatToDo(state: AccountState): string {
  const found = state.findings.filter((f) => f.severity !== 'setup').map((f) => f.message);
  const steps = state.steps.filter((s) => !s.done).map((s) => s.label);
  if (steps.length > 0) found.push(`Steps left: ${steps.join('; ')}.`);
  return found.join(' ') || 'Nothing';
}
