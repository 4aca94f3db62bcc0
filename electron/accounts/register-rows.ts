import { KeyholderError, type AccountStatus, type Breach } from '../../shared/contract';
import type { PlatformId as Platform } from '../../shared/policy/platforms';
import {
  accountBreaches,
  type ComplianceHolder,
  type ComplianceSettings,
  type RunnerRecord,
} from '../../shared/policy/compliance';
import type { Settings } from '../../shared/policy/settings';
import type { Db } from '../db/open';
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

const runnerSql = `SELECT r.account_id, p.name, p.status, p.policy_acknowledged_on, p.training_completed_on
  FROM account_runners r JOIN people p ON p.id = r.person_id`;
type RunnerCells = [number, string, RunnerRecord['status'], string | null, string | null];

const holderSql = `SELECT h.account_id, p.name, p.status, p.leaving_on, p.policy_acknowledged_on,
    p.training_completed_on, h.override_reason, h.authorised_by IS NOT NULL
  FROM account_holders h JOIN people p ON p.id = h.person_id WHERE h.removed_on IS NULL`;
type HolderCells = [
  number,
  string,
  ComplianceHolder['status'],
  string | null,
  string | null,
  string | null,
  string,
  number,
];

const noRunners: RunnerRecord[] = [];
const noHolders: ComplianceHolder[] = [];

/**
 * The whole register (in the register's order), or one account of it.
 * `rules` may be handed in by a caller that keeps them (the register cache:
 * they change only with what it treats as a change to everything).
 */
export function loadRegister(
  db: Db,
  settings: Settings,
  accountId?: number,
  rules: ComplianceSettings = complianceSettings(db, settings),
): Register {
  const one = accountId !== undefined;
  const rows = (
    one
      ? db.prepare(`${accountSql} WHERE a.id = ?`).raw().all(accountId)
      : db.prepare(`${accountSql} ORDER BY a.platform, a.handle COLLATE NOCASE, a.id`).raw().all()
  ) as AccountCells[];
  if (one && rows.length === 0)
    throw new KeyholderError('NOT_FOUND', 'That account does not exist. It may have been removed; refresh the list.');
  const runners = readRunners(db, accountId);
  const holders = readHolders(db, accountId);
  const accounts: RegisterAccount[] = [];
  const breaches: Breach[] = [];
  for (const row of rows) {
    const id = row[0];
    const leadName = row[13];
    const accountRunners = runners.get(id) ?? noRunners;
    const accountHolders = holders.get(id) ?? noHolders;
    const lead = leadName !== null ? { name: leadName, status: row[14] ?? 'active' } : null;
    const found = accountBreaches(
      {
        id,
        label: row[2],
        status: row[4],
        approvedOn: row[5],
        businessCase: {
          aim: row[9],
          audience: row[10],
          promotion: row[11],
          visibility: row[12],
          runnerCount: accountRunners.length,
        },
        lead,
        holders: accountHolders,
        runners: lead
          ? [{ ...lead, policyAcknowledgedOn: row[15], trainingCompletedOn: row[16] }, ...accountRunners]
          : accountRunners,
        loginEmail: row[6],
        hasPassword: row[17] !== null,
        passwordWeakness: row[7],
        rotationRequired: row[8],
      },
      rules,
    );
    for (const breach of found) breaches.push(breach);
    accounts.push({
      id,
      platform: row[1],
      handle: row[2],
      displayName: row[3],
      status: row[4],
      approvedOn: row[5],
      leadName,
      holderCount: accountHolders.length,
      passwordSetAt: row[17],
      loginEmail: row[6],
      breachCount: found.length,
      launchedOn: row[18],
      sltToldOn: row[19],
      websiteLinkedOn: row[20],
    });
  }
  return { accounts, breaches };
}

/** The people named to run each account, by name (the order their findings are listed in). */
function readRunners(db: Db, accountId?: number): Map<number, RunnerRecord[]> {
  const rows = (
    accountId !== undefined
      ? db.prepare(`${runnerSql} WHERE r.account_id = ? ORDER BY p.name`).raw().all(accountId)
      : db.prepare(`${runnerSql} ORDER BY p.name`).raw().all()
  ) as RunnerCells[];
  const out = new Map<number, RunnerRecord[]>();
  for (const r of rows)
    push(out, r[0], { name: r[1], status: r[2], policyAcknowledgedOn: r[3], trainingCompletedOn: r[4] });
  return out;
}

/** Each account's current holders, in the order they were added. */
function readHolders(db: Db, accountId?: number): Map<number, ComplianceHolder[]> {
  const rows = (
    accountId !== undefined
      ? db.prepare(`${holderSql} AND h.account_id = ? ORDER BY h.id`).raw().all(accountId)
      : db.prepare(`${holderSql} ORDER BY h.id`).raw().all()
  ) as HolderCells[];
  const out = new Map<number, ComplianceHolder[]>();
  for (const h of rows) {
    push(out, h[0], {
      name: h[1],
      status: h[2],
      leavingOn: h[3],
      policyAcknowledgedOn: h[4],
      trainingCompletedOn: h[5],
      overrideReason: h[6],
      authorised: h[7] === 1,
    });
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
