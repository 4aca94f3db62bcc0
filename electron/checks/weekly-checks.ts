import type { z } from 'zod';
import { KeyholderError, type checksChannels, type MissedWeekRow, type Week } from '../../shared/contract';
import { missedLastWeek, weekOf, weeksBetween, type WeekTicks } from '../../shared/policy/weekly-checks';
import { addDays, londonDateOf, londonToday, ukDate } from '../../shared/time';
import { requireAccount } from '../accounts/accounts';
import { appendAudit } from '../audit/audit-log';
import type { WriteContext } from '../core/context';
import type { Db } from '../db/open';
import { requirePerson } from '../people/people';
import { readSettings } from '../settings/settings-store';

/**
 * The weekly checks (north-herts 3 and 6.1, sutton-manor): each active
 * account's items for a week, ticked with who did the check and when.
 */
type TickInput = z.output<(typeof checksChannels)['checks.untick']['input']>;

interface TickRow {
  account_id: number;
  week_of: string;
  item: string;
  person_id: number;
  name: string;
  checked_at: string;
}

interface ActiveAccount {
  id: number;
  handle: string;
  platform: Week['accounts'][number]['platform'];
  /** When it was made active. */
  status_changed_on: string | null;
}

const activeAccounts = (db: Db): ActiveAccount[] =>
  db
    .prepare(
      "SELECT id, handle, platform, status_changed_on FROM accounts WHERE status = 'active' ORDER BY platform, handle COLLATE NOCASE, id",
    )
    .all() as ActiveAccount[];

function ticksBetween(db: Db, from: string, to: string): TickRow[] {
  return db
    .prepare(
      `SELECT c.account_id, c.week_of, c.item, p.id AS person_id, p.name, c.checked_at
       FROM weekly_checks c JOIN people p ON p.id = c.checked_by
       WHERE c.week_of BETWEEN ? AND ? ORDER BY c.checked_at, c.id`,
    )
    .all(from, to) as TickRow[];
}

/** Every active account's ticks for the week starting on `week` (a Monday; null for this week). */
export function readWeek(db: Db, now: Date, wanted: string | null): Week {
  const thisWeek = weekOf(londonToday(now));
  const week = wanted ?? thisWeek;
  const ticks = ticksBetween(db, week, week);
  return {
    week,
    thisWeek,
    items: readSettings(db).weeklyCheckItems,
    accounts: activeAccounts(db).map((a) => ({
      accountId: a.id,
      label: a.handle,
      platform: a.platform,
      ticks: ticks
        .filter((t) => t.account_id === a.id)
        .map((t) => ({ item: t.item, checkedBy: { personId: t.person_id, name: t.name }, checkedAt: t.checked_at })),
    })),
  };
}

function checkWeek(call: WriteContext, input: TickInput): void {
  const account = requireAccount(call.db, input.accountId);
  if (account.status !== 'active')
    throw new KeyholderError('POLICY', `${account.handle} is not in use, so it has no weekly checks.`);
  if (input.week > weekOf(londonToday(call.now)))
    throw new KeyholderError('INVALID_INPUT', 'That week has not started yet. Tick a check once it is done.');
}

export function tick(call: WriteContext, input: TickInput & { checkedById: number }): Week {
  checkWeek(call, input);
  const person = requirePerson(call.db, input.checkedById, 'The person who did the check');
  if (person.status === 'left')
    throw new KeyholderError('POLICY', `${person.name} has left the school. Choose who did the check.`);
  call.db.transaction(() => {
    const added = call.db
      .prepare(
        `INSERT INTO weekly_checks (account_id, week_of, item, checked_by, checked_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (account_id, week_of, item) DO NOTHING`,
      )
      .run(input.accountId, input.week, input.item, person.id, call.now.toISOString());
    if (added.changes === 0) return; // Ticked already: the first record stands.
    audit(call, 'check.ticked', input, { checkedBy: person.name });
  })();
  return readWeek(call.db, call.now, input.week);
}

export function untick(call: WriteContext, input: TickInput): Week {
  checkWeek(call, input);
  call.db.transaction(() => {
    const removed = call.db
      .prepare('DELETE FROM weekly_checks WHERE account_id = ? AND week_of = ? AND item = ?')
      .run(input.accountId, input.week, input.item);
    if (removed.changes > 0) audit(call, 'check.unticked', input, {});
  })();
  return readWeek(call.db, call.now, input.week);
}

function audit(call: WriteContext, action: 'check.ticked' | 'check.unticked', input: TickInput, extra: object) {
  const account = requireAccount(call.db, input.accountId);
  appendAudit(call.db, call.now, {
    actor: call.actor,
    action,
    targetType: 'account',
    targetId: account.id,
    targetLabel: account.handle,
    details: { check: input.item, week: ukDate(input.week), ...extra },
  });
}

/**
 * Last week's checks not all done, one entry per account that was in use
 * all that week: a week before Keyholder held the vault, or before the
 * account went live, was never Keyholder's to check.
 */
export function missedChecks(db: Db, now: Date): MissedWeekRow[] {
  const today = londonToday(now);
  const week = addDays(weekOf(today), -7);
  const vault = db.prepare('SELECT created_at FROM vault').get() as { created_at: string } | undefined;
  if (!vault || londonDateOf(vault.created_at) > week) return [];
  const ticks = ticksBetween(db, week, week);
  const live = activeAccounts(db).filter((a) => a.status_changed_on === null || a.status_changed_on <= week);
  const perAccount: WeekTicks[] = live.map((a) => ({
    accountId: a.id,
    label: a.handle,
    ticked: new Set(ticks.filter((t) => t.account_id === a.id).map((t) => t.item)),
  }));
  return missedLastWeek(today, readSettings(db).weeklyCheckItems, perAccount);
}

/** Per active account, the whole weeks from `from` to `to` with every check done. */
export function checksRecord(db: Db, from: string, to: string) {
  const weeks = weeksBetween(from, to);
  const items = readSettings(db).weeklyCheckItems;
  const ticks = weeks.length === 0 ? [] : ticksBetween(db, weeks[0]!, weeks[weeks.length - 1]!);
  const ticked = new Set(ticks.map((t) => `${t.account_id}|${t.week_of}|${t.item}`));
  return activeAccounts(db).map((a) => {
    const done = (week: string) => items.every((item) => ticked.has(`${a.id}|${week}|${item}`));
    return { accountId: a.id, label: a.handle, weeks: weeks.length, complete: weeks.filter(done).length };
  });
}
