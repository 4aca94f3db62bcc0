import { KeyholderError, type Handover, type HandoverItem } from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { readSettings } from '../settings/settings-store';
import { stepLabels, stepsFor } from './handover-service';
import { londonDateOf } from '../../shared/time';

interface HandoverRow {
  id: number;
  person_id: number;
  person_name: string;
  leaving_on: string;
  created_at: string;
  created_by: string;
  successor_id: number | null;
  successor_name: string | null;
}

interface ItemRow {
  id: number;
  account_id: number | null;
  label: string | null;
  kind: HandoverItem['kind'];
  summary: string;
  since: string | null;
}

const handoverSql = `SELECT h.*, p.name AS person_name, s.name AS successor_name
  FROM handovers h JOIN people p ON p.id = h.person_id LEFT JOIN people s ON s.id = h.successor_id`;

/**
 * A handover with every item's progress. It stays open until each required
 * password change is confirmed and each checklist step ticked; it is
 * "scheduled" until the leaving date.
 */
export function getHandover(db: Db, id: number, now: Date): Handover {
  const row = db.prepare(`${handoverSql} WHERE h.id = ?`).get(id) as HandoverRow | undefined;
  if (!row) throw new KeyholderError('NOT_FOUND', 'That handover does not exist. Refresh the page.');
  return toHandover(db, row, now);
}

export function listHandovers(db: Db, now: Date): Handover[] {
  const rows = db.prepare(`${handoverSql} ORDER BY h.leaving_on DESC, h.id DESC`).all() as HandoverRow[];
  return rows.map((row) => toHandover(db, row, now));
}

function toHandover(db: Db, row: HandoverRow, now: Date): Handover {
  const items = (
    db
      .prepare(
        'SELECT i.*, a.handle AS label FROM handover_items i LEFT JOIN accounts a ON a.id = i.account_id WHERE i.handover_id = ? ORDER BY i.id',
      )
      .all(row.id) as ItemRow[]
  ).map((item) => toItem(db, item));
  const remaining = items.filter((i) => !i.done).length;
  const doneAt = lastDone(db, row.id, items);
  // Scheduled until the leaving date even when nothing is left to do: the person is still at the school.
  const state = row.leaving_on > londonDateOf(now) ? 'scheduled' : remaining === 0 ? 'closed' : 'open';
  return {
    id: row.id,
    person: { id: row.person_id, name: row.person_name },
    leavingOn: row.leaving_on,
    state,
    createdAt: row.created_at,
    createdBy: row.created_by,
    closedAt: state === 'closed' ? doneAt : null,
    successor:
      row.successor_id !== null && row.successor_name !== null
        ? { id: row.successor_id, name: row.successor_name }
        : null,
    items,
    remaining,
  };
}

function toItem(db: Db, item: ItemRow): HandoverItem {
  const ticked = new Map(
    (
      db.prepare('SELECT step, done_on FROM handover_steps WHERE item_id = ?').all(item.id) as {
        step: string;
        done_on: string;
      }[]
    ).map((s) => [s.step, s.done_on]),
  );
  const steps = (stepsFor[item.kind] ?? []).map((step) => ({
    step,
    label: stepLabels[step] ?? step,
    doneOn: ticked.get(step) ?? null,
  }));
  let rotation: HandoverItem['rotation'] = null;
  // The password change that counts is one confirmed after the holder was removed.
  if (item.kind === 'remove-holder' && item.account_id !== null && item.since) {
    const confirmed = db
      .prepare(
        "SELECT finished_at, finished_by FROM rotations WHERE account_id = ? AND status = 'confirmed' AND finished_at >= ? ORDER BY finished_at LIMIT 1",
      )
      .get(item.account_id, item.since) as { finished_at: string; finished_by: string } | undefined;
    rotation = confirmed ? { confirmedAt: confirmed.finished_at, confirmedBy: confirmed.finished_by } : null;
  }
  // A closed account's password no longer matters, so its change is not needed.
  const closed =
    item.account_id !== null &&
    (db.prepare('SELECT status FROM accounts WHERE id = ?').get(item.account_id) as { status: string } | undefined)
      ?.status;
  const moot = closed === 'closed' || closed === 'transferred';
  const done =
    item.kind === 'remove-holder'
      ? rotation !== null || moot
      : item.kind === 'acknowledged'
        ? moot || !stillShort(db, item.account_id)
        : steps.every((s) => s.doneOn !== null);
  return {
    id: item.id,
    accountId: item.account_id,
    label: item.label ?? 'Administrator role',
    kind: item.kind,
    summary: item.summary,
    steps,
    rotation,
    done,
  };
}

/**
 * An acknowledged gap (too few know the password or run the account) stays
 * to do until it is put right: going ahead was a choice, not a fix.
 */
function stillShort(db: Db, accountId: number | null): boolean {
  if (accountId === null) return false;
  const { minRunners } = readSettings(db);
  const counts = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM account_holders WHERE account_id = @a AND removed_on IS NULL) AS holders,
              (SELECT COUNT(*) FROM account_runners WHERE account_id = @a) AS runners`,
    )
    .get({ a: accountId }) as { holders: number; runners: number };
  return counts.holders < minRunners || counts.runners < minRunners;
}

function lastDone(db: Db, handoverId: number, items: HandoverItem[]): string | null {
  const stepped = db
    .prepare(
      'SELECT MAX(s.done_on) AS d FROM handover_steps s JOIN handover_items i ON i.id = s.item_id WHERE i.handover_id = ?',
    )
    .get(handoverId) as { d: string | null };
  const rotated = items.map((i) => i.rotation?.confirmedAt ?? null).filter((d): d is string => d !== null);
  const all = [...rotated, ...(stepped.d ? [`${stepped.d}T00:00:00.000Z`] : [])].sort();
  return all.at(-1) ?? null;
}

/** Ticks or unticks a checklist step; the last closing step closes the account. */
export function tickStep(db: Db, now: Date, actor: string, itemId: number, step: string, done: boolean): number {
  const item = db
    .prepare(
      'SELECT i.*, a.handle AS label, a.status AS account_status FROM handover_items i LEFT JOIN accounts a ON a.id = i.account_id WHERE i.id = ?',
    )
    .get(itemId) as (ItemRow & { handover_id: number; account_status: string | null }) | undefined;
  if (!item) throw new KeyholderError('NOT_FOUND', 'That handover step does not exist. Refresh the page.');
  if (!(stepsFor[item.kind] ?? []).includes(step))
    throw new KeyholderError('INVALID_INPUT', 'That step does not belong to this item.');
  const today = londonDateOf(now);
  db.transaction(() => {
    if (done)
      db.prepare('INSERT INTO handover_steps (item_id, step, done_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
        itemId,
        step,
        today,
      );
    else db.prepare('DELETE FROM handover_steps WHERE item_id = ? AND step = ?').run(itemId, step);
    appendAudit(db, now, {
      actor,
      action: done ? 'handover.step-done' : 'handover.step-undone',
      targetType: item.account_id ? 'account' : null,
      targetId: item.account_id,
      targetLabel: item.label,
      details: { handoverId: item.handover_id, step: stepLabels[step] ?? step },
    });
    if (item.kind === 'close-account' && item.account_id !== null && item.account_status !== 'closed') {
      const ticked = (
        db.prepare('SELECT COUNT(*) AS n FROM handover_steps WHERE item_id = ?').get(itemId) as { n: number }
      ).n;
      if (ticked === (stepsFor['close-account'] ?? []).length) {
        db.prepare("UPDATE accounts SET status = 'closed', status_changed_on = ?, updated_at = ? WHERE id = ?").run(
          today,
          now.toISOString(),
          item.account_id,
        );
        appendAudit(db, now, {
          actor,
          action: 'account.status-changed',
          targetType: 'account',
          targetId: item.account_id,
          targetLabel: item.label,
          details: { to: 'closed', on: today, reason: 'handover' },
        });
      }
    }
  }).immediate();
  return item.handover_id;
}

/** People whose leaving date has passed become "left" (checked daily). */
export function applyDepartures(db: Db, now: Date, actor: string): number {
  const today = londonDateOf(now);
  const due = db
    .prepare(
      "SELECT id, name, leaving_on FROM people WHERE status = 'leaving' AND leaving_on IS NOT NULL AND leaving_on <= ?",
    )
    .all(today) as { id: number; name: string; leaving_on: string }[];
  if (due.length === 0) return 0;
  db.transaction(() => {
    for (const p of due) {
      db.prepare("UPDATE people SET status = 'left', left_on = leaving_on, updated_at = ? WHERE id = ?").run(
        now.toISOString(),
        p.id,
      );
      appendAudit(db, now, {
        actor,
        action: 'person.left',
        targetType: 'person',
        targetId: p.id,
        targetLabel: p.name,
        details: { leftOn: p.leaving_on },
      });
    }
  }).immediate();
  return due.length;
}
