import type { RotationRow } from '../../shared/contract';
import { computeDue, stateRank, type RotationPolicy } from '../../shared/policy/rotation-due';
import type { Settings } from '../../shared/policy/settings';
import type { Db } from '../db/open';
import { readTerms } from '../calendar/calendar';
import { londonDateOf } from '../../shared/time';

interface Row {
  id: number;
  handle: string;
  platform: RotationRow['platform'];
  status: string;
  created_at: string;
  rotation_policy: RotationPolicy['kind'];
  rotation_days: number | null;
  rotation_required_reason: string | null;
  rotation_required_since: string | null;
  password_set_at: string | null;
  pending_id: number | null;
  pending_started_at: string | null;
}

export function policyOf(kind: RotationPolicy['kind'], days: number | null): RotationPolicy {
  return kind === 'days' ? { kind, days: days ?? 90 } : { kind };
}

/**
 * Every live account's rotation state (or one account's; none if it is
 * closed or transferred), most urgent first, read afresh. The last rotation
 * is when the current password was set (a confirmed rotation or a direct
 * change), taken as a date in Europe/London. The cached list for the whole
 * register: rotation-cache.ts.
 */
export function readRotations(db: Db, settings: Settings, now: Date, accountId?: number): RotationRow[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.handle, a.platform, a.status, a.created_at, a.rotation_policy, a.rotation_days,
              a.rotation_required_reason, a.rotation_required_since, s.set_at AS password_set_at,
              r.id AS pending_id, r.started_at AS pending_started_at
       FROM accounts a
       LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password'
       LEFT JOIN rotations r ON r.account_id = a.id AND r.status = 'pending'
       WHERE a.status NOT IN ('closed', 'transferred') ${accountId ? 'AND a.id = @id' : ''}`,
    )
    .all(accountId ? { id: accountId } : {}) as Row[];
  const terms = readTerms(db);
  const today = londonDateOf(now);
  const result = rows.map((row): RotationRow => {
    const policy = policyOf(row.rotation_policy, row.rotation_days);
    const lastRotatedOn = row.password_set_at ? londonDateOf(row.password_set_at) : null;
    const due = computeDue({
      policy,
      lastRotatedOn,
      createdOn: londonDateOf(row.created_at),
      required:
        row.rotation_required_reason && row.rotation_required_since
          ? { reason: row.rotation_required_reason, since: londonDateOf(row.rotation_required_since) }
          : null,
      today,
      terms,
      graceDays: settings.rotationGraceDays,
      dueSoonDays: settings.rotationDueSoonDays,
    });
    return {
      accountId: row.id,
      label: row.handle,
      platform: row.platform,
      accountStatus: row.status,
      policy,
      lastRotatedOn,
      dueFrom: due.dueFrom,
      dueBy: due.dueBy,
      state: due.state,
      reason: due.reason,
      pending:
        row.pending_id && row.pending_started_at
          ? { rotationId: row.pending_id, startedAt: row.pending_started_at }
          : null,
    };
  });
  return result.sort(byUrgency);
}

/** localeCompare's own order, from one collator made once: localeCompare looks one up on every call. */
const handles = new Intl.Collator();

/** Most urgent first, then earliest due, then by handle (and id, as one handle may be on two platforms). */
export function byUrgency(a: RotationRow, b: RotationRow): number {
  return (
    stateRank[a.state] - stateRank[b.state] ||
    // ISO dates sort as plain strings.
    compareText(a.dueBy ?? '9999', b.dueBy ?? '9999') ||
    handles.compare(a.label, b.label) ||
    a.accountId - b.accountId
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
