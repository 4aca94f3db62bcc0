import type { AccountStatus } from '../contract/accounts';
import type { Breach, BreachCode } from '../contract/compliance';

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
}

export interface ComplianceAccount {
  id: number;
  label: string;
  status: AccountStatus;
  approvedOn: string | null;
  businessCase: { aim: string; audience: string; promotion: string; visibility: string; runnerCount: number };
  lead: { name: string; status: 'active' | 'leaving' | 'left' } | null;
  holders: ComplianceHolder[];
  loginEmail: string;
  hasPassword: boolean;
  rotationRequired: string | null;
}

export interface ComplianceSettings {
  maxHolders: number;
  minRunners: number;
  schoolEmailDomain: string;
  genericMailboxNames: string[];
}

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

/** A login address that is a person's rather than a generic school mailbox (rule 6). */
export function isPersonalEmail(
  email: string,
  settings: Pick<ComplianceSettings, 'schoolEmailDomain' | 'genericMailboxNames'>,
): boolean {
  if (!email) return false;
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  const school = settings.schoolEmailDomain.toLowerCase();
  if (school && domain !== school && !domain.endsWith(`.${school}`)) return true;
  return !settings.genericMailboxNames.includes(local);
}

export function accountBreaches(account: ComplianceAccount, settings: ComplianceSettings): Breach[] {
  const out: Breach[] = [];
  const base = `#/accounts/${account.id}`;
  const add = (code: BreachCode, severity: Breach['severity'], message: string, label: string, href = base) =>
    out.push({ accountId: account.id, accountLabel: account.label, code, severity, message, fix: { label, href } });

  if (account.status === 'closed' || account.status === 'transferred') return out;
  const gaps = businessCaseGaps(account.businessCase, settings.minRunners);
  if (gaps.length > 0) {
    add(
      'business-case-incomplete',
      isLive(account.status) ? 'breach' : 'warning',
      `The business case does not say ${gaps.join(', ')}.`,
      'Complete the business case',
    );
  }
  if (!isLive(account.status)) return out;

  if (account.status === 'active' && !account.approvedOn) {
    add(
      'active-not-approved',
      'breach',
      'The account is active but the Headteacher or SLT has not approved it.',
      'Record the approval',
    );
  }
  const current = account.holders;
  if (current.length < settings.minRunners) {
    add(
      'too-few-holders',
      'breach',
      `Only ${current.length} named ${current.length === 1 ? 'person knows' : 'people know'} the password; at least ${settings.minRunners} should.`,
      'Add a named holder',
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
  if (!account.lead) add('no-lead', 'breach', 'No lead member of staff runs this account.', 'Choose a lead');
  else if (account.lead.status === 'left')
    add('lead-not-eligible', 'breach', `The lead, ${account.lead.name}, has left the school.`, 'Choose a new lead');
  for (const holder of current) {
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
  if (isPersonalEmail(account.loginEmail, settings)) {
    add(
      'personal-login-email',
      'breach',
      `The login email ${account.loginEmail} looks like a person's address, not a generic school one.`,
      'Change it to a school mailbox',
    );
  }
  if (!account.hasPassword)
    add('password-not-set', 'breach', 'No password is stored for this account.', 'Store the password');
  if (account.rotationRequired)
    add(
      'rotation-required',
      'breach',
      `The password must be changed: ${account.rotationRequired}.`,
      'Change the password',
    );
  return out;
}

function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
