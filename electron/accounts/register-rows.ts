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
import { pushTo } from '../lib/group-by';
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

// One account's runners and holders, each joined to its person.
const runnerSql = `SELECT r.account_id, p.name, p.status, p.policy_acknowledged_on, p.training_completed_on
  FROM account_runners r JOIN people p ON p.id = r.person_id WHERE r.account_id = ? ORDER BY p.name, p.id`;
type RunnerCells = [number, string, RunnerRecord['status'], string | null, string | null];

const holderSql = `SELECT h.account_id, p.name, p.status, p.leaving_on, p.policy_acknowledged_on,
    p.training_completed_on, h.override_reason, h.authorised_by IS NOT NULL
  FROM account_holders h JOIN people p ON p.id = h.person_id WHERE h.removed_on IS NULL AND h.account_id = ? ORDER BY h.id`;
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

// The whole register's: every person once, and the runners and holders as ids, joined here. Joining
// 30,000 holders to their people in SQL makes each person's name and dates again for every row, at
// twice the time of reading them once.
const peopleSql = `SELECT id, name, status, leaving_on, policy_acknowledged_on, training_completed_on
  FROM people ORDER BY name, id`;
type PersonCells = [number, string, ComplianceHolder['status'], string | null, string | null, string | null];
const runnerIdsSql = 'SELECT account_id, person_id FROM account_runners';
const holderIdsSql = `SELECT account_id, person_id, override_reason, authorised_by IS NOT NULL
  FROM account_holders WHERE removed_on IS NULL ORDER BY id`;

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
    findings.push(found);
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
  return { accounts, findings };
}

interface Person {
  /** Its place in name order (SQLite's, then id), for listing runners as the one-account query does. */
  rank: number;
  cells: PersonCells;
  /** Its runner record, made once and shared by every account it runs. */
  runner: RunnerRecord | null;
  /** Its holder record when authorised with no override (almost every holder), shared likewise. */
  holder: ComplianceHolder | null;
}

function readPeople(db: Db): Map<number, Person> {
  const rows = db.prepare(peopleSql).raw().all() as PersonCells[];
  const out = new Map<number, Person>();
  rows.forEach((cells, rank) => out.set(cells[0], { rank, cells, runner: null, holder: null }));
  return out;
}

/** The people named to run each account, by name (the order their findings are listed in). */
function readRunners(db: Db, people: Map<number, Person> | null, accountId?: number): Map<number, RunnerRecord[]> {
  const out = new Map<number, RunnerRecord[]>();
  if (!people) {
    for (const r of db.prepare(runnerSql).raw().all(accountId) as RunnerCells[])
      pushTo(out, r[0], { name: r[1], status: r[2], policyAcknowledgedOn: r[3], trainingCompletedOn: r[4] });
    return out;
  }
  const ranked = new Map<number, Person[]>();
  // Index loops and an insertion in place: at 10,000 accounts, iterators and a sort call per account
  // (each allocating its working space) were most of this read's garbage.
  const rows = db.prepare(runnerIdsSql).raw().all() as [number, number][];
  for (let i = 0; i < rows.length; i += 1) {
    const list = ranked.get(rows[i]![0]);
    const person = people.get(rows[i]![1])!;
    if (!list) ranked.set(rows[i]![0], [person]);
    else insertByRank(list, person);
  }
  ranked.forEach((list, account) => out.set(account, list.map(runnerOf)));
  return out;
}

/** Puts a person in its place in a short list already in name order. */
function insertByRank(list: Person[], person: Person): void {
  let at = list.length;
  list.push(person);
  for (; at > 0 && list[at - 1]!.rank > person.rank; at -= 1) list[at] = list[at - 1]!;
  list[at] = person;
}

function runnerOf(person: Person): RunnerRecord {
  const cells = person.cells;
  return (person.runner ??= {
    name: cells[1],
    status: cells[2],
    policyAcknowledgedOn: cells[4],
    trainingCompletedOn: cells[5],
  });
}

/** Each account's current holders, in the order they were added. */
function readHolders(db: Db, people: Map<number, Person> | null, accountId?: number): Map<number, ComplianceHolder[]> {
  const out = new Map<number, ComplianceHolder[]>();
  if (!people) {
    for (const h of db.prepare(holderSql).raw().all(accountId) as HolderCells[])
      pushTo(out, h[0], holderOf([0, h[1], h[2], h[3], h[4], h[5]], h[6], h[7]));
    return out;
  }
  const rows = db.prepare(holderIdsSql).raw().all() as [number, number, string, number][];
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const account = row[0];
    const reason = row[2];
    const authorised = row[3];
    const person = people.get(row[1])!;
    const shared = reason === '' && authorised === 1;
    pushTo(
      out,
      account,
      shared ? (person.holder ??= holderOf(person.cells, '', 1)) : holderOf(person.cells, reason, authorised),
    );
  }
  return out;
}

function holderOf(cells: PersonCells, overrideReason: string, authorised: number): ComplianceHolder {
  return {
    name: cells[1],
    status: cells[2],
    leavingOn: cells[3],
    policyAcknowledgedOn: cells[4],
    trainingCompletedOn: cells[5],
    overrideReason,
    authorised: authorised === 1,
  };
}
