import type { z } from 'zod';
import type { temporaryHolderSchema } from '../../shared/contract';
import { accessHasEnded } from '../../shared/policy/temporary-access';
import { ukDate } from '../../shared/time';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { londonDate, markRotationRequired } from './holders';

type TemporaryHolder = z.infer<typeof temporaryHolderSchema>;

/** Every current holder whose access has an end date, soonest first (for the Dashboard). */
// Read through its own partial index (migration 0015): the tick runs this every few seconds.
export const temporaryHoldersSql = `SELECT h.id AS holderId, h.account_id AS accountId, a.handle AS accountLabel,
    p.name AS personName, h.access_ends_on AS accessEndsOn
  FROM account_holders h JOIN accounts a ON a.id = h.account_id JOIN people p ON p.id = h.person_id
  WHERE h.removed_on IS NULL AND h.access_ends_on IS NOT NULL
  ORDER BY h.access_ends_on, a.handle COLLATE NOCASE, h.id`;

export function listTemporaryHolders(db: Db): TemporaryHolder[] {
  return db.prepare(temporaryHoldersSql).all() as TemporaryHolder[];
}

/**
 * wentworth: access "for the period of the trip", then the password changes.
 * Removes every holder whose last day has come (by the core's clock, in
 * London), each removal audited, and marks the account's password change
 * "required": they still know it. One transaction for them all. Called by
 * the core when the vault unlocks and on its tick; returns how many ended.
 */
export function endTemporaryAccess(db: Db, now: Date, actor: string): number {
  const today = londonDate(now);
  const endedBy = (h: TemporaryHolder) => accessHasEnded(h.accessEndsOn, today);
  // Read first: the tick runs every few seconds and usually has nothing to do, so no write lock then.
  if (!listTemporaryHolders(db).some(endedBy)) return 0;
  return db
    .transaction(() => {
      const due = listTemporaryHolders(db).filter(endedBy);
      for (const h of due) {
        const reason = `temporary access ended on ${ukDate(h.accessEndsOn)}`;
        db.prepare(
          'UPDATE account_holders SET removed_on = ?, removed_reason = ? WHERE id = ? AND removed_on IS NULL',
        ).run(h.accessEndsOn, reason, h.holderId);
        markRotationRequired(db, now, actor, h.accountId, h.accountLabel, `${h.personName}'s ${reason}`);
        appendAudit(db, now, {
          actor,
          action: 'holder.access-ended',
          targetType: 'account',
          targetId: h.accountId,
          targetLabel: h.accountLabel,
          details: { holder: h.personName, accessEndsOn: h.accessEndsOn },
        });
      }
      return due.length;
    })
    .immediate();
}
