import type { AccountStatus } from '../contract/accounts';
import type { Breach, BreachCode } from '../contract/compliance';
import { isPersonalEmail } from './personal-email';
import { approversPhrase, type ApprovalRule } from './approval-rules';

/**
 * The register's rules (DOMAIN.md rules 1-3, 5 and 6) as one pure function
 * over plain data, so the main process, the renderer and the benchmark all
 * compute the same list.
 */
export interface ComplianceHolder {
  name: string;
  status: 'active' | 'leaving' | 'left';
  leavingOn: string | null;
  policyAcknowledgedOn: string | null;
  trainingCompletedOn: string | null;
  overrideReason: string;
  /** False for a holder an import brought in, until their authorisation is recorded. */
  authorised: boolean;
}

export interface RunnerRecord {
  name: string;
  status: 'active' | 'leaving' | 'left';
  policyAcknowledgedOn: string | null;
  trainingCompletedOn: string | null;
}

export interface ComplianceAccount {
  id: number;
  label: string;
  status: AccountStatus;
  approvedOn: string | null;
  businessCase: { aim: string; audience: string; promotion: string; visibility: string; runnerCount: number };
  lead: { name: string; status: 'active' | 'leaving' | 'left' } | null;
  holders: ComplianceHolder[];
  /**
   * The lead and the people named to run it, with their two records
   * (bebington: "anyone running a social media account on behalf of the
   * school has read and understood this policy and received appropriate
   * training ... including volunteers or parents"). Optional for callers
   * that check holders only.
   */
  runners?: RunnerRecord[];
  loginEmail: string;
  hasPassword: boolean;
  /** Why the stored password falls short of the policy (set on import), or ''. */
  passwordWeakness: string;
  rotationRequired: string | null;
}

export interface ComplianceSettings {
  maxHolders: number;
  minRunners: number;
  /** The school's domain: the setting, or inferred from the register (shared/policy/personal-email.ts). */
  schoolEmailDomain: string;
  genericMailboxNames: string[];
  /** Staff work addresses, lower case: a login email that is one of them is a person's. */
  staffEmails?: ReadonlySet<string>;
  /** Who approves new accounts (a school rule); named in the approval findings. Default the Headteacher. */
  approvalRule?: ApprovalRule;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Accounts the school still runs; closed and transferred ones are out of scope. */
export function isLive(status: AccountStatus): boolean {
  return status === 'approved' || status === 'active' || status === 'suspended';
}

export function businessCaseGaps(bc: ComplianceAccount['businessCase'], minRunners: number): string[] {
  const gaps: string[] = [];
  if (!bc.aim) gaps.push('the aim');
  if (!bc.audience) gaps.push('the intended audience');
  if (!bc.promotion) gaps.push('how it will be promoted');
  if (!bc.visibility) gaps.push('whether it is open or private');
  if (bc.runnerCount < minRunners) gaps.push(`at least ${minRunners} named people to run it`);
  return gaps;
}

type Add = (
  code: BreachCode,
  severity: Breach['severity'],
  message: string,
  label: string,
  dueOn?: string | null,
) => void;

/**
 * The password and the login email, whatever the account's status: an
 * imported account arrives "proposed" but its password is in use and was
 * kept in a shared spreadsheet.
 */
function secretBreaches(account: ComplianceAccount, settings: ComplianceSettings, add: Add): void {
  if (
    isPersonalEmail(account.loginEmail, {
      schoolDomain: settings.schoolEmailDomain,
      genericMailboxNames: settings.genericMailboxNames,
      staffEmails: settings.staffEmails,
    })
  ) {
    add(
      'personal-login-email',
      'breach',
      `The login email ${account.loginEmail} looks like a person's address, not a generic school one.`,
      'Change it to a school mailbox',
    );
  }
  if (!account.hasPassword)
    add('password-not-set', 'breach', 'No password is stored for this account.', 'Store the password');
  else if (account.passwordWeakness)
    add(
      'weak-password',
      'breach',
      `The password does not meet the school's policy: ${account.passwordWeakness}`,
      'Change the password',
    );
  if (account.rotationRequired)
    add(
      'rotation-required',
      'breach',
      `The password must be changed: ${account.rotationRequired}.`,
      'Change the password',
    );
}

function holderBreaches(account: ComplianceAccount, settings: ComplianceSettings, add: Add): void {
  const current = account.holders;
  if (current.length < settings.minRunners) {
    add(
      'too-few-holders',
      isLive(account.status) ? 'breach' : 'warning',
      `Only ${current.length} named ${current.length === 1 ? 'person knows' : 'people know'} the password; at least ${settings.minRunners} should.`,
      current.length === 0 ? 'Record who knows the password' : 'Add a named holder',
    );
  }
  if (current.length > settings.maxHolders) {
    const overridden = current.slice(settings.maxHolders).every((h) => h.overrideReason !== '');
    add(
      'too-many-holders',
      overridden ? 'warning' : 'breach',
      `${current.length} people know the password; the policy allows ${settings.maxHolders}.`,
      'Remove a holder',
    );
  }
}

function eachHolderBreaches(account: ComplianceAccount, add: Add): void {
  for (let i = 0; i < account.holders.length; i += 1) {
    const holder = account.holders[i]!;
    if (holder.status === 'left')
      add(
        'holder-left',
        'breach',
        `${holder.name} has left but still knows the password.`,
        'Remove them and change the password',
      );
    else if (holder.status === 'leaving')
      add(
        'holder-leaving',
        'warning',
        `${holder.name} is leaving${holder.leavingOn ? ` on ${ukDate(holder.leavingOn)}` : ''}.`,
        'Plan the handover',
        holder.leavingOn,
      );
    if (!holder.authorised)
      add(
        'holder-not-authorised',
        'breach',
        `No authorisation by the Headteacher or SLT is recorded for ${holder.name} to know the password.`,
        'Record the authorisation',
      );
    if (!holder.policyAcknowledgedOn)
      add(
        'holder-not-acknowledged',
        'warning',
        `${holder.name} has not signed to say they read the policy.`,
        'Record their acknowledgement',
      );
    if (!holder.trainingCompletedOn)
      add('holder-not-trained', 'warning', `${holder.name} has no training recorded.`, 'Record their training');
  }
}

/** The lead and runners who are not holders (a holder's records are checked as a holder), once each. */
function runnerRecordBreaches(account: ComplianceAccount, add: Add): void {
  const runners = account.runners ?? [];
  // Scans rather than sets: an account has a handful of each, and this runs for 10,000 accounts on a cold read.
  for (let i = 0; i < runners.length; i += 1) {
    const person = runners[i]!;
    if (person.status === 'left' || isNamedIn(account.holders, person.name) || listedBefore(runners, i)) continue;
    if (!person.policyAcknowledgedOn)
      add(
        'runner-not-acknowledged',
        'warning',
        `${person.name} runs this account but has not signed to say they read the policy.`,
        'Record their acknowledgement',
      );
    if (!person.trainingCompletedOn)
      add(
        'runner-not-trained',
        'warning',
        `${person.name} runs this account but has no training recorded.`,
        'Record their training',
      );
  }
}

function isNamedIn(people: readonly { name: string }[], name: string): boolean {
  for (const person of people) if (person.name === name) return true;
  return false;
}

/** Whether the runner at `at` was checked already under the same name (one who has left is not checked). */
function listedBefore(runners: readonly RunnerRecord[], at: number): boolean {
  const name = runners[at]!.name;
  for (let i = 0; i < at; i += 1) if (runners[i]!.status !== 'left' && runners[i]!.name === name) return true;
  return false;
}

export function accountBreaches(account: ComplianceAccount, settings: ComplianceSettings): Breach[] {
  const out: Breach[] = [];
  const href = `#/accounts/${account.id}`;
  const add: Add = (code, severity, message, label, dueOn = null) =>
    out.push({
      accountId: account.id,
      accountLabel: account.label,
      code,
      severity,
      message,
      fix: { label, href },
      dueOn,
    });

  if (account.status === 'closed' || account.status === 'transferred') return out;
  const live = isLive(account.status);
  const gaps = businessCaseGaps(account.businessCase, settings.minRunners);
  if (gaps.length > 0) {
    add(
      'business-case-incomplete',
      live ? 'breach' : 'warning',
      `The business case does not say ${gaps.join(', ')}.`,
      'Complete the business case',
    );
  }
  if (!account.approvedOn) {
    const approvers = approversPhrase[settings.approvalRule ?? 'headteacher'];
    if (account.status === 'active')
      add(
        'active-not-approved',
        'breach',
        `The account is active but ${approvers.who} ${approvers.has} not approved it.`,
        'Record the approval',
      );
    else if (account.status === 'proposed')
      add(
        'not-approved',
        'warning',
        `${capitalise(approvers.who)} ${approvers.has} not approved this account yet.`,
        'Record the approval',
      );
  }
  holderBreaches(account, settings, add);
  if (live && !account.lead) add('no-lead', 'breach', 'No lead member of staff runs this account.', 'Choose a lead');
  else if (live && account.lead?.status === 'left')
    add('lead-not-eligible', 'breach', `The lead, ${account.lead.name}, has left the school.`, 'Choose a new lead');
  eachHolderBreaches(account, add);
  runnerRecordBreaches(account, add);
  secretBreaches(account, settings, add);
  return out;
}

function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
