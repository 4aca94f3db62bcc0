import type { RotationRow } from '../../shared/contract';
import { computeDue, stateRank, type RotationPolicy } from '../../shared/policy/rotation-due';
import type { Settings } from '../../shared/policy/settings';
import type { Db } from '../db/open';
import { readTerms } from '../calendar/calendar';
import { londonDateOf } from '../../shared/time';

// Column order of the raw rows below.
const rotationSql = `SELECT a.id, a.handle, a.platform, a.status, a.created_at, a.rotation_policy, a.rotation_days,
    a.rotation_required_reason, a.rotation_required_since, s.set_at, r.id, r.started_at
  FROM accounts a
  LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password'
  LEFT JOIN rotations r ON r.account_id = a.id AND r.status = 'pending'
  WHERE a.status NOT IN ('closed', 'transferred')`;
type Cells = [
  number,
  string,
  RotationRow['platform'],
  RotationRow['accountStatus'],
  string,
  RotationPolicy['kind'],
  number | null,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
];

/** The three policies without a number are the same for every account: one frozen object each, not one per row. */
const fixedPolicies = {
  termly: Object.freeze({ kind: 'termly' }),
  'half-termly': Object.freeze({ kind: 'half-termly' }),
  manual: Object.freeze({ kind: 'manual' }),
} as const;

export function policyOf(kind: RotationPolicy['kind'], days: number | null): RotationPolicy {
  return kind === 'days' ? { kind, days: days ?? 90 } : fixedPolicies[kind];
}

/**
 * Every live account's rotation state (or one account's; none if it is
 * closed or transferred), most urgent first, read afresh. The last rotation
 * is when the current password was set (a confirmed rotation or a direct
 * change), taken as a date in Europe/London. The cached list for the whole
 * register: rotation-cache.ts.
 */
export function readRotations(db: Db, settings: Settings, now: Date, accountId?: number): RotationRow[] {
  const statement = db.prepare(accountId ? `${rotationSql} AND a.id = ?` : rotationSql).raw();
  const rows = (accountId ? statement.all(accountId) : statement.all()) as Cells[];
  const terms = readTerms(db);
  const today = londonDateOf(now);
  const result = new Array<RotationRow>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const policy = policyOf(row[5], row[6]);
    const lastRotatedOn = row[9] ? londonDateOf(row[9]) : null;
    const due = computeDue({
      policy,
      lastRotatedOn,
      createdOn: londonDateOf(row[4]),
      required: row[7] && row[8] ? { reason: row[7], since: londonDateOf(row[8]) } : null,
      today,
      terms,
      graceDays: settings.rotationGraceDays,
      dueSoonDays: settings.rotationDueSoonDays,
    });
    result[i] = {
      accountId: row[0],
      label: row[1],
      platform: row[2],
      accountStatus: row[3],
      policy,
      lastRotatedOn,
      dueFrom: due.dueFrom,
      dueBy: due.dueBy,
      state: due.state,
      reason: due.reason,
      pending: row[10] && row[11] ? { rotationId: row[10], startedAt: row[11] } : null,
    };
  }
  return sortByUrgency(result);
}

/**
 * Handles in the register's own order (SQLite's NOCASE: A-Z folded, then
 * code units), so the schedule and the register list accounts alike, and
 * the fold is worked out once per row rather than once per comparison.
 */
export function nocase(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text;
}

/** What byUrgency orders by, worked out once per row: the state's rank, the due date, the folded handle, the id. */
interface UrgencyKey {
  rank: number;
  due: string;
  label: string;
  id: number;
}

function urgencyKey(row: RotationRow): UrgencyKey {
  // ISO dates sort as plain strings; no date sorts last.
  return { rank: stateRank[row.state], due: row.dueBy ?? '9999', label: nocase(row.label), id: row.accountId };
}

function compareKeys(a: UrgencyKey, b: UrgencyKey): number {
  return a.rank - b.rank || compareText(a.due, b.due) || compareText(a.label, b.label) || a.id - b.id;
}

/** Most urgent first, then earliest due, then by handle (and id, as one handle may be on two platforms). */
export function byUrgency(a: RotationRow, b: RotationRow): number {
  return compareKeys(urgencyKey(a), urgencyKey(b));
}

/** byUrgency's order for a whole list, each row's key worked out once (10,000 rows: some 130,000 comparisons). */
function sortByUrgency(rows: RotationRow[]): RotationRow[] {
  const keys = rows.map(urgencyKey);
  const order = rows.map((_, i) => i);
  order.sort((i, j) => compareKeys(keys[i]!, keys[j]!));
  return order.map((i) => rows[i]!);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
