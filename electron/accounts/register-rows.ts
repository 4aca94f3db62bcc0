import { KeyholderError, type AccountStatus, type Breach } from '../../shared/contract';
import type { PlatformId as Platform } from '../../shared/policy/platforms';
import {
  accountBreaches,
  type ComplianceAccount,
  type ComplianceHolder,
  type ComplianceSettings,
  type RunnerRecord,
} from '../../shared/policy/compliance';
import type { Settings } from '../../shared/policy/settings';
import type { Db } from '../db/open';
import { readHolders, readPeople, readRunners } from './register-people';
import { complianceSettings } from './register-query';

/**
 * The register as the list, the checks and the one status model need it
 * (issue 17): only the columns they read, as plain arrays, and one
 * fixed-shape literal per account (V8 keeps objects under ~17 properties
 * fast). The account page's whole record is register-query.ts's, read one
 * account at a time; the CSV and printed register read their own full rows.
 */
export interface RegisterAccount {
  id: number;
  platform: Platform;
  handle: string;
  displayName: string;
  status: AccountStatus;
  approvedOn: string | null;
  /** The lead's name, or null when there is no lead. */
  leadName: string | null;
  holderCount: number;
  passwordSetAt: string | null;
  loginEmail: string;
  breachCount: number;
  /** The launch checklist (shared/policy/launch-checklist.ts): first day live, SLT told, website link. */
  launchedOn: string | null;
  sltToldOn: string | null;
  websiteLinkedOn: string | null;
}

export interface Register {
  accounts: RegisterAccount[];
  breaches: Breach[];
}

/** The register as read: each account's findings in a list of its own, in the same order as the accounts. */
export interface RegisterRead {
  accounts: RegisterAccount[];
  findings: Breach[][];
}

// Column order of the raw rows below (one place to read them by).
const accountSql = `
  SELECT a.id, a.platform, a.handle, a.display_name, a.status, a.approved_on, a.login_email, a.password_weakness,
    a.rotation_required_reason, a.bc_aim, a.bc_audience, a.bc_promotion, a.bc_visibility,
    lp.name, lp.status, lp.policy_acknowledged_on, lp.training_completed_on, s.set_at,
    a.launched_on, a.slt_told_on, a.website_linked_on
  FROM accounts a
  LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password'
  LEFT JOIN people lp ON lp.id = a.lead_person_id`;
type AccountCells = [
  number,
  Platform,
  string,
  string,
  AccountStatus,
  string | null,
  string,
  string,
  string | null,
  string,
  string,
  string,
  string,
  string | null,
  RunnerRecord['status'] | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

const noRunners: RunnerRecord[] = [];
const noHolders: ComplianceHolder[] = [];

/** The whole register (in the register's order), or one account of it, with its findings in one list. */
export function loadRegister(db: Db, settings: Settings, accountId?: number): Register {
  const { accounts, findings } = readRegister(db, settings, accountId);
  const breaches: Breach[] = [];
  for (let i = 0; i < findings.length; i += 1)
    for (let j = 0; j < findings[i]!.length; j += 1) breaches.push(findings[i]![j]!);
  return { accounts, breaches };
}

/**
 * The register as the cache keeps it: each account's findings apart, not
 * gathered into one list to be sorted out by account again. `rules` may be
 * handed in by a caller that keeps them (the register cache: they change
 * only with what it treats as a change to everything).
 */
export function readRegister(
  db: Db,
  settings: Settings,
  accountId?: number,
  rules: ComplianceSettings = complianceSettings(db, settings),
): RegisterRead {
  const one = accountId !== undefined;
  const rows = (
    one
      ? db.prepare(`${accountSql} WHERE a.id = ?`).raw().all(accountId)
      : db.prepare(`${accountSql} ORDER BY a.platform, a.handle COLLATE NOCASE, a.id`).raw().all()
  ) as AccountCells[];
  if (one && rows.length === 0)
    throw new KeyholderError('NOT_FOUND', 'That account does not exist. It may have been removed; refresh the list.');
  const people = one ? null : readPeople(db);
  const runners = readRunners(db, people, accountId);
  const holders = readHolders(db, people, accountId);
  const accounts: RegisterAccount[] = [];
  const findings: Breach[][] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const accountHolders = holders.get(row[0]) ?? noHolders;
    const found = accountBreaches(complianceInput(row, runners.get(row[0]) ?? noRunners, accountHolders), rules);
    findings.push(found);
    accounts.push(registerAccount(row, accountHolders.length, found.length));
  }
  return { accounts, findings };
}

/** What the school's rules read of one account (shared/policy/compliance.ts). */
function complianceInput(row: AccountCells, runners: RunnerRecord[], holders: ComplianceHolder[]): ComplianceAccount {
  const lead = row[13] !== null ? { name: row[13], status: row[14] ?? 'active' } : null;
  return {
    id: row[0],
    label: row[2],
    status: row[4],
    approvedOn: row[5],
    businessCase: {
      aim: row[9],
      audience: row[10],
      promotion: row[11],
      visibility: row[12],
      runnerCount: runners.length,
    },
    lead,
    holders,
    runners: lead
      ? [
          { name: lead.name, status: lead.status, policyAcknowledgedOn: row[15], trainingCompletedOn: row[16] },
          ...runners,
        ]
      : runners,
    loginEmail: row[6],
    hasPassword: row[17] !== null,
    passwordWeakness: row[7],
    rotationRequired: row[8],
  };
}

function registerAccount(row: AccountCells, holderCount: number, breachCount: number): RegisterAccount {
  return {
    id: row[0],
    platform: row[1],
    handle: row[2],
    displayName: row[3],
    status: row[4],
    approvedOn: row[5],
    leadName: row[13],
    holderCount,
    passwordSetAt: row[17],
    loginEmail: row[6],
    breachCount,
    launchedOn: row[18],
    sltToldOn: row[19],
    websiteLinkedOn: row[20],
  };
}
