import type { AccountState, Finding } from '../contract';
import { addDays, londonDateOf, ukDate, ukDateOf, type IsoDate } from '../time';
import type { PolicyItem } from './policy-items';

/**
 * The Dashboard as a to-do list: everything that needs the administrator,
 * most urgent first, each with its due date and the screen that fixes it;
 * then what is coming up in the next four weeks. Built from each account's
 * state (./account-status.ts) and the school-wide checks (comments, the
 * termly report, the last backup), so the Dashboard and the register can
 * never disagree.
 */
export const needGroups = [
  /** A security threat or a leaver: someone who should not may know a password. */
  'threat',
  'password-overdue',
  'password-under-way',
  'reply-overdue',
  /** Abuse not yet removed or not reported to SLT (north-herts 6.4). */
  'abuse-unreported',
  /** A press enquiry not yet referred to SLT (bebington). */
  'press-unreferred',
  'handover',
  'breach',
  'report',
  'weekly-check',
  'backup',
  'attention',
  'setting-up',
] as const;
export type NeedGroup = (typeof needGroups)[number];

export interface NeedItem {
  /** Stable and unique: a React key and a test hook. */
  id: string;
  group: NeedGroup;
  /** The finding's kind, for an item about one account's finding. */
  code?: string;
  /** What needs doing, in a sentence, naming the account or person. */
  text: string;
  dueOn: IsoDate | null;
  fix: { label: string; href: string };
}

export interface NeedsYouInput {
  today: IsoDate;
  /** Every account's state; may be left empty when accountItems and liveAccounts are given. */
  accounts: readonly AccountState[];
  /**
   * The accounts' items already built (accountNeedItems, in the main process:
   * compliance.needsYou), used instead of the states' findings, so the
   * renderer never holds every account's state.
   */
  accountItems?: readonly NeedItem[];
  /** Accounts not closed; counted from `accounts` if absent. */
  liveAccounts?: number;
  /** Password changes started and not yet confirmed. */
  pending: readonly { accountId: number; label: string; startedAt: string }[];
  /** Open entries in the issues and actions log. */
  issues: readonly {
    id: number;
    accountLabel: string;
    kind: string;
    receivedAt: string;
    /** Null when no reply is expected (abuse, press, a removed comment): never overdue then. */
    dueAt: string | null;
    overdue: boolean;
    repliedAt: string | null;
    removed: boolean;
    reportedToSlt: boolean;
  }[];
  handovers: readonly { id: number; personName: string; state: string; leavingOn: IsoDate; remaining: number }[];
  /** The current term's report for the termly meeting: null when the calendar is not known. */
  termReport: { label: string; dueOn: IsoDate; saved: boolean } | null;
  backup: { lastBackupAt: string | null; warning: string | null } | null;
  /** From the school's own rules: temporary access ending, the emergency kit (./policy-items.ts). */
  policyItems?: readonly PolicyItem[];
  /** Last week's weekly checks not all done (./weekly-checks.ts); null until read. */
  weeklyChecks?:
    readonly { accountId: number; label: string; week: IsoDate; missing: readonly string[]; dueBy: IsoDate }[] | null;
}

export interface NeedsYou {
  now: NeedItem[];
  comingUp: NeedItem[];
  /** What was checked, in words, for the calm "nothing needs you" answer. */
  checked: string[];
}

/** Coming up: the next four weeks. Anything due within a week is on the list now. */
const horizonDays = 28;
const nowDays = 7;

export function needsYou(input: NeedsYouInput): NeedsYou {
  const items: NeedItem[] = [
    ...(input.accountItems ?? accountNeedItems(input.accounts, input.today)),
    ...input.pending.map((p): NeedItem => ({
      id: `under-way-${p.accountId}`,
      group: 'password-under-way',
      text: `${p.label}: finish the password change started on ${ukDateOf(p.startedAt)}.`,
      dueOn: londonDateOf(p.startedAt),
      fix: { label: 'Finish the change', href: `#/accounts/${p.accountId}` },
    })),
    ...issueItems(input.issues),
    ...input.handovers.flatMap((h) => handoverItems(h, input.today)),
    ...reportItems(input.termReport),
    ...backupItems(input.backup, input.today),
    ...(input.policyItems ?? []).map((p, index): NeedItem => ({
      id: `${p.kind}-${index}`,
      group: p.kind === 'emergency-kit-needed' ? 'backup' : 'attention',
      text: p.message,
      dueOn: p.dueOn,
      fix: {
        label: p.kind === 'emergency-kit-needed' ? 'Print the emergency kit' : 'Open the account',
        href: p.screen,
      },
    })),
    ...(input.weeklyChecks ?? []).map((m): NeedItem => ({
      id: `weekly-check-${m.accountId}-${m.week}`,
      group: 'weekly-check',
      text: `${m.label}: ${m.missing.length === 1 ? 'one weekly check was' : `${m.missing.length} weekly checks were`} not done in the week of ${ukDate(m.week)}.`,
      dueOn: m.dueBy,
      fix: { label: 'Tick the checks done', href: '#/checks' },
    })),
  ];
  const listOf = needListOf(input.today);
  const now = items.filter((i) => listOf(i) === 'now');
  const comingUp = items.filter((i) => listOf(i) === 'coming');
  return { now: now.sort(byPriority), comingUp: comingUp.sort(byDate), checked: checkedLines(input) };
}

/**
 * Which of the two lists an item is on for `today`: now, coming up (the
 * next four weeks), or neither (further ahead). One rule, used by needsYou
 * and by the main process when it folds the accounts' lines
 * (./needs-you-fold.ts).
 */
export function needListOf(today: IsoDate): (item: NeedItem) => 'now' | 'coming' | null {
  const soon = addDays(today, nowDays);
  const horizon = addDays(today, horizonDays);
  return (item) => {
    const later = item.dueOn !== null && item.dueOn > soon && (item.group === 'attention' || item.group === 'report');
    if (!later && !comingOnly(item)) return 'now';
    return item.dueOn !== null && item.dueOn <= horizon ? 'coming' : null;
  };
}

/** Scheduled departures and password changes due soon are always "coming up", never "now". */
const comingOnly = (item: NeedItem) => item.id.startsWith('due-soon-') || item.id.startsWith('leaving-');

function byPriority(a: NeedItem, b: NeedItem): number {
  return needGroups.indexOf(a.group) - needGroups.indexOf(b.group) || byDate(a, b);
}

/** localeCompare's order from one collator made once (localeCompare finds one on every call, for thousands of lines). */
const textOrder = new Intl.Collator();

/** Earliest first (ISO dates sort as plain text), then by text: the order within a kind on both lists. */
export function byDate(a: NeedItem, b: NeedItem): number {
  const x = a.dueOn ?? '9999-12-31';
  const y = b.dueOn ?? '9999-12-31';
  return x < y ? -1 : x > y ? 1 : textOrder.compare(a.text, b.text);
}

function groupOf(f: Finding): NeedGroup {
  if (f.kind === 'rotation-required' || f.kind === 'holder-left') return 'threat';
  if (f.kind === 'rotation-overdue') return 'password-overdue';
  return f.severity === 'breach' ? 'breach' : 'attention';
}

/** Every account's items, in the register's order: what compliance.needsYou sends the Dashboard. */
export function accountNeedItems(accounts: readonly AccountState[], today: IsoDate): NeedItem[] {
  return accounts.flatMap((a) => accountItems(a, today));
}

function accountItems(a: AccountState, today: IsoDate): NeedItem[] {
  const items = a.findings
    .filter((f) => f.severity !== 'setup')
    .map((f, index): NeedItem => ({
      id: `${f.kind === 'rotation-due-soon' ? 'due-soon' : f.kind}-${a.accountId}-${index}`,
      group: groupOf(f),
      code: f.kind,
      text: `${a.label}: ${f.message}`,
      dueOn: f.dueOn,
      fix: f.fix,
    }));
  const next = a.steps.find((s) => !s.done);
  if (a.kind === 'setting-up' && next)
    items.push({
      id: `setting-up-${a.accountId}`,
      group: 'setting-up',
      text: `${a.label} is not live yet. Next step: ${lowerFirst(next.label)}.`,
      dueOn: null,
      fix: next.fix,
    });
  // A rotation "required" on a leaving date still ahead is not a threat yet.
  return items.filter((i) => i.group !== 'threat' || i.dueOn === null || i.dueOn <= today);
}

function issueItems(issues: NeedsYouInput['issues']): NeedItem[] {
  const href = '#/reports/issues';
  return issues.flatMap((i): NeedItem[] => {
    const out: NeedItem[] = [];
    if (i.overdue && i.dueAt !== null)
      out.push({
        id: `reply-${i.id}`,
        group: 'reply-overdue',
        text: `${i.accountLabel}: a reply to the comment received on ${ukDateOf(i.receivedAt)} was due by ${ukDateOf(i.dueAt)}.`,
        dueOn: londonDateOf(i.dueAt),
        fix: { label: 'Record the reply', href },
      });
    const received = ukDateOf(i.receivedAt);
    // One item per entry, naming what is missing; the fix opens the entry itself.
    const open = { label: 'Record what was done', href: `${href}/${i.id}` };
    if (i.kind === 'abuse' && (!i.removed || !i.reportedToSlt))
      out.push({
        id: `abuse-${i.id}`,
        group: 'abuse-unreported',
        text: `${i.accountLabel}: the offensive comment received on ${received} has not been ${abuseMissing(i)}.`,
        dueOn: londonDateOf(i.receivedAt),
        fix: open,
      });
    if (i.kind === 'press' && !i.reportedToSlt)
      out.push({
        id: `press-${i.id}`,
        group: 'press-unreferred',
        text: `${i.accountLabel}: the press enquiry received on ${received} has not been referred to a member of SLT.`,
        dueOn: londonDateOf(i.receivedAt),
        fix: { label: 'Record who you referred it to', href: `${href}/${i.id}` },
      });
    return out;
  });
}

function abuseMissing(i: { removed: boolean; reportedToSlt: boolean }): string {
  if (!i.removed && !i.reportedToSlt) return 'removed or reported to a member of SLT';
  return i.removed ? 'reported to a member of SLT' : 'removed';
}

function handoverItems(h: NeedsYouInput['handovers'][number], today: IsoDate): NeedItem[] {
  if (h.state === 'closed') return [];
  const href = `#/handover/${h.id}`;
  if (h.state === 'scheduled' || h.leavingOn > today)
    return [
      {
        id: `leaving-${h.id}`,
        group: 'handover',
        text: `${h.personName} leaves on ${ukDate(h.leavingOn)}: ${h.remaining} handover ${h.remaining === 1 ? 'item' : 'items'} planned.`,
        dueOn: h.leavingOn,
        fix: { label: 'Open the handover', href },
      },
    ];
  if (h.remaining === 0) return [];
  return [
    {
      id: `handover-${h.id}`,
      group: 'handover',
      text: `${h.personName} left on ${ukDate(h.leavingOn)}: ${h.remaining} handover ${h.remaining === 1 ? 'item is' : 'items are'} still to do.`,
      dueOn: h.leavingOn,
      fix: { label: 'Finish the handover', href },
    },
  ];
}

function reportItems(report: NeedsYouInput['termReport']): NeedItem[] {
  if (!report || report.saved) return [];
  return [
    {
      id: 'term-report',
      group: 'report',
      text: `The termly meeting pack for ${report.label} is due before the termly meeting, by ${ukDate(report.dueOn)}.`,
      dueOn: report.dueOn,
      fix: { label: 'Make the meeting pack', href: '#/reports' },
    },
  ];
}

function backupItems(backup: NeedsYouInput['backup'], today: IsoDate): NeedItem[] {
  if (!backup?.warning) return [];
  return [
    {
      id: 'backup',
      group: 'backup',
      text: backup.warning,
      dueOn: today,
      fix: { label: 'Back up now', href: '#/settings/backup' },
    },
  ];
}

function checkedLines(input: NeedsYouInput): string[] {
  const live = input.liveAccounts ?? input.accounts.filter((a) => a.kind !== 'closed').length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `${plural(live, 'account', 'accounts')} against the school policy`,
    `Password changes for ${plural(live, 'account', 'accounts')}: none overdue`,
    `${plural(input.issues.length, 'open comment', 'open comments')} in the issues log: no reply overdue`,
  ];
  if (input.termReport)
    lines.push(
      input.termReport.saved
        ? `The meeting pack for ${input.termReport.label} is saved`
        : `The meeting pack for ${input.termReport.label} is due by ${ukDate(input.termReport.dueOn)}`,
    );
  if (input.weeklyChecks) lines.push(`Last week's weekly checks: all done`);
  if (input.backup)
    lines.push(input.backup.lastBackupAt ? `Last backup ${ukDateOf(input.backup.lastBackupAt)}` : 'No backup yet');
  return lines;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
