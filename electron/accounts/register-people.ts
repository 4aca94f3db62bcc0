import type { ComplianceHolder, RunnerRecord } from '../../shared/policy/compliance';
import type { Db } from '../db/open';
import { pushTo } from '../lib/group-by';

/**
 * Who runs and who holds each account, as the register's checks read them
 * (./register-rows.ts): for the whole register, every person read once and
 * the runners and holders as ids joined here; for one account, joined in SQL.
 * Each person's runner record (and holder record, in the usual case) is made
 * once and shared by every account that names them.
 */

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

export interface Person {
  /** Its place in name order (SQLite's, then id), for listing runners as the one-account query does. */
  rank: number;
  cells: PersonCells;
  /** Its runner record, made once and shared by every account it runs. */
  runner: RunnerRecord | null;
  /** Its holder record when authorised with no override (almost every holder), shared likewise. */
  holder: ComplianceHolder | null;
}

export function readPeople(db: Db): Map<number, Person> {
  const rows = db.prepare(peopleSql).raw().all() as PersonCells[];
  const out = new Map<number, Person>();
  rows.forEach((cells, rank) => out.set(cells[0], { rank, cells, runner: null, holder: null }));
  return out;
}

/** The people named to run each account, by name (the order their findings are listed in). */
export function readRunners(
  db: Db,
  people: Map<number, Person> | null,
  accountId?: number,
): Map<number, RunnerRecord[]> {
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
export function readHolders(
  db: Db,
  people: Map<number, Person> | null,
  accountId?: number,
): Map<number, ComplianceHolder[]> {
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
