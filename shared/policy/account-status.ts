import type {
  AccountState,
  AccountStateKind,
  AccountStatus,
  Breach,
  BreachCode,
  Finding,
  SetupStep,
  StateCounts,
} from '../contract';
import { ukDate, type IsoDate } from '../time';
import { isLive } from './compliance';
import { formatCount } from './counts';
import { launchFindings, launchSteps, type LaunchState } from './launch-checklist';
import type { RotationState } from './rotation-due';

/**
 * One state per account, from one list of findings, so the register, the
 * account page, the Dashboard, Rotations, the person page and the meeting
 * pack all say the same thing. The findings are the compliance rules
 * (./compliance.ts), the password change schedule (./rotation-due.ts) and
 * the setting-up steps (bebington "Process for Creating New Accounts")
 * and the launch checklist (north-herts 5, sutton-manor 6.5).
 *
 * Precedence: closed; then a breach (anything against the policy now, even
 * on an account not live yet: an imported password is in use); then
 * setting up (not live yet, with the steps left); then needs attention
 * (something to do, by its date where it has one); else it meets the policy.
 */
export interface StatusRotation {
  state: RotationState;
  lastRotatedOn: IsoDate | null;
  dueBy: IsoDate | null;
  reason: string;
}

export interface StatusInput {
  account: {
    id: number;
    label: string;
    status: AccountStatus;
    approvedOn: string | null;
    hasLead: boolean;
    hasPassword: boolean;
    /** The launch checklist (./launch-checklist.ts): last setting-up steps, then "needs attention" once live. */
    launch: LaunchState;
  };
  /** The account's compliance breaches and warnings (accountBreaches). */
  breaches: readonly Breach[];
  /** Its password change schedule; null for an account not on it (closed). */
  rotation: StatusRotation | null;
}

/** Before an account is live these are steps to take, not breaches. */
const setupCodes: ReadonlySet<BreachCode> = new Set([
  'business-case-incomplete',
  'not-approved',
  'too-few-holders',
  'password-not-set',
  'no-lead',
]);

const severityRank: Record<Finding['severity'], number> = { breach: 0, attention: 1, setup: 2 };

export const stateWords: Record<AccountStateKind, string> = {
  breach: 'Breach',
  'setting-up': 'Setting up',
  attention: 'Needs attention',
  fine: 'Meets the policy',
  closed: 'Closed',
};

export function accountStatus(input: StatusInput): AccountState {
  const { account } = input;
  if (account.status === 'closed' || account.status === 'transferred') {
    return {
      accountId: account.id,
      label: account.label,
      kind: 'closed',
      wording: account.status === 'closed' ? 'Closed' : 'Transferred',
      dueOn: null,
      findings: [],
      steps: [],
    };
  }
  const live = isLive(account.status) && account.status !== 'approved';
  // Index loops and an insertion in place rather than spreads, iterators and a sort call: this runs for
  // each of 10,000 accounts on a cold start, where their working objects were most of the garbage.
  const findings: Finding[] = [];
  const { breaches } = input;
  for (let i = 0; i < breaches.length; i += 1)
    if (breaches[i]!.code !== 'rotation-required') insertFinding(findings, fromBreach(breaches[i]!, live));
  const rotation = rotationFindings(account, input.rotation);
  for (let i = 0; i < rotation.length; i += 1) insertFinding(findings, rotation[i]!);
  if (live) {
    const launch = launchFindings(account.id, account.launch);
    for (let i = 0; i < launch.length; i += 1) insertFinding(findings, launch[i]!);
  }
  const steps = live ? [] : setupSteps(account, input.breaches);
  // The findings are in order, most severe first: the first decides the state.
  const first = findings[0]?.severity;
  const kind: AccountStateKind =
    first === 'breach' ? 'breach' : !live ? 'setting-up' : first === 'attention' ? 'attention' : 'fine';
  // The earliest date among the findings that decide the state: the first's (undated ones come last).
  const dueOn: IsoDate | null = kind === 'breach' || kind === 'attention' ? findings[0]!.dueOn : null;
  return {
    accountId: account.id,
    label: account.label,
    kind,
    wording: wordingOf(kind, dueOn, steps),
    dueOn,
    findings,
    steps,
  };
}

function wordingOf(kind: AccountStateKind, dueOn: IsoDate | null, steps: SetupStep[]): string {
  if (kind === 'attention' && dueOn) return `Needs attention by ${ukDate(dueOn)}`;
  if (kind === 'setting-up') {
    const left = steps.filter((s) => !s.done).length;
    return `Setting up: ${left} ${left === 1 ? 'step' : 'steps'} left`;
  }
  return stateWords[kind];
}

/** Adds a finding after those that come before it or alike (most severe first, then earliest due): a stable sort. */
function insertFinding(findings: Finding[], finding: Finding): void {
  let at = findings.length;
  findings.push(finding);
  for (; at > 0 && compareFindings(findings[at - 1]!, finding) > 0; at -= 1) findings[at] = findings[at - 1]!;
  findings[at] = finding;
}

function compareFindings(a: Finding, b: Finding): number {
  return severityRank[a.severity] - severityRank[b.severity] || byDue(a.dueOn, b.dueOn);
}

/** ISO dates sort as plain strings (localeCompare would ask the collator, at 10,000 accounts a cost). */
function byDue(a: IsoDate | null, b: IsoDate | null): number {
  const x = a ?? '9999-12-31';
  const y = b ?? '9999-12-31';
  return x < y ? -1 : x > y ? 1 : 0;
}

function fromBreach(b: Breach, live: boolean): Finding {
  const severity: Finding['severity'] =
    !live && setupCodes.has(b.code) ? 'setup' : b.severity === 'breach' ? 'breach' : 'attention';
  return { kind: b.code, severity, dueOn: b.dueOn, message: b.message, fix: b.fix };
}

/**
 * The password change schedule as findings. With no password stored there
 * is nothing to change on a schedule (that is its own finding, "No password
 * is stored"), but a change required now still stands: a leaver may know
 * the password the school never wrote down.
 */
export function rotationFindings(account: StatusInput['account'], rotation: StatusRotation | null): Finding[] {
  if (!rotation) return [];
  const fix = { label: 'Change the password', href: `#/accounts/${account.id}` };
  if (rotation.state === 'required')
    return [
      {
        kind: 'rotation-required',
        severity: 'breach',
        dueOn: rotation.dueBy,
        message: `The password must be changed now: ${rotation.reason}.`,
        fix,
      },
    ];
  if (!account.hasPassword || !rotation.dueBy) return [];
  const last = rotation.lastRotatedOn ? `; last changed ${ukDate(rotation.lastRotatedOn)}` : '';
  switch (rotation.state) {
    case 'overdue':
      return [
        {
          kind: 'rotation-overdue',
          severity: 'breach',
          dueOn: rotation.dueBy,
          message: `The password change was due by ${ukDate(rotation.dueBy)}${last}.`,
          fix,
        },
      ];
    case 'due':
    case 'due-soon':
      return [
        {
          kind: rotation.state === 'due' ? 'rotation-due' : 'rotation-due-soon',
          severity: 'attention',
          dueOn: rotation.dueBy,
          message: `The password change is due by ${ukDate(rotation.dueBy)}${last}.`,
          fix,
        },
      ];
    default:
      return [];
  }
}

/** The checklist for a new account, in the order the school does it. */
function setupSteps(account: StatusInput['account'], breaches: readonly Breach[]): SetupStep[] {
  const has = (code: BreachCode) => breaches.some((b) => b.code === code);
  const href = `#/accounts/${account.id}`;
  const step = (id: SetupStep['id'], label: string, done: boolean, fix: string): SetupStep => ({
    id,
    label,
    done,
    fix: { label: fix, href },
  });
  return [
    step('business-case', 'Complete the business case', !has('business-case-incomplete'), 'Edit details'),
    step('approval', "Record the Headteacher's approval", account.approvedOn !== null, 'Record approval'),
    step('lead', 'Choose a lead member of staff', account.hasLead, 'Edit details'),
    step('holders', 'Name the people who know the password', !has('too-few-holders'), 'Add a named holder'),
    step('password', 'Store the password', account.hasPassword, 'Set password'),
    step('live', 'Make the account live', false, 'Change status'),
    ...launchSteps(account.id, account.launch),
  ];
}

/** How many accounts are in each state: every screen's counts come from here. */
export function stateCounts(states: readonly Pick<AccountState, 'kind'>[]): StateCounts {
  const counts: StateCounts = { breach: 0, 'setting-up': 0, attention: 0, fine: 0, closed: 0, total: states.length };
  for (const s of states) counts[s.kind] += 1;
  return counts;
}

/** "3 breaches, 2 need attention, 1 setting up, 19 meet the policy": the counts in one line, closed left out. */
export function countsSentence(counts: StateCounts): string {
  const parts = [
    counts.breach ? `${formatCount(counts.breach)} ${counts.breach === 1 ? 'breach' : 'breaches'}` : '',
    counts.attention ? `${formatCount(counts.attention)} ${counts.attention === 1 ? 'needs' : 'need'} attention` : '',
    counts['setting-up'] ? `${formatCount(counts['setting-up'])} setting up` : '',
    counts.fine ? `${formatCount(counts.fine)} ${counts.fine === 1 ? 'meets' : 'meet'} the policy` : '',
  ].filter(Boolean);
  const open = counts.total - counts.closed;
  const head = `${formatCount(open)} ${open === 1 ? 'account' : 'accounts'} in use`;
  return parts.length ? `${head}: ${parts.join(', ')}.` : `${head}.`;
}

/** The order states are listed in, most urgent first. */
export const stateOrder: Record<AccountStateKind, number> = {
  breach: 0,
  attention: 1,
  'setting-up': 2,
  fine: 3,
  closed: 4,
};

/**
 * Whether a row of the password change schedule asks for a change: a change
 * required now always does; with no password stored yet there is nothing
 * to change on a schedule (storing it is its own step or breach).
 */
export function changeNeeded(row: Pick<StatusRotation, 'state' | 'lastRotatedOn'>): 'now' | 'due' | null {
  if (row.state === 'required') return 'now';
  if (row.lastRotatedOn === null) return null;
  if (row.state === 'overdue') return 'now';
  return row.state === 'due' ? 'due' : null;
}
