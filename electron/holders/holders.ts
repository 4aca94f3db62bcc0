import { KeyholderError, type Holder, type PersonRole } from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { requireApprover, requirePerson } from '../people/people';
import { readSettings } from '../settings/settings-store';
import { mayHold } from '../../shared/policy/approval-rules';
import { accessEndProblem } from '../../shared/policy/temporary-access';
import { requireAccount } from '../accounts/accounts';

interface Row {
  id: number;
  account_id: number;
  person_id: number;
  person_name: string;
  person_status: Holder['person']['status'];
  person_roles: string;
  acknowledged: string | null;
  trained: string | null;
  authorised_by: number | null;
  authoriser_name: string | null;
  authorised_on: string | null;
  added_on: string;
  access_ends_on: string | null;
  override_reason: string;
  removed_on: string | null;
  removed_reason: string | null;
}

/** Current holders first, then past ones, newest first. */
export function listHolders(db: Db, accountId: number): Holder[] {
  requireAccount(db, accountId);
  const rows = db
    .prepare(
      `SELECT h.*, p.name AS person_name, p.status AS person_status, p.roles AS person_roles, p.policy_acknowledged_on AS acknowledged,
              p.training_completed_on AS trained, a.name AS authoriser_name
       FROM account_holders h JOIN people p ON p.id = h.person_id LEFT JOIN people a ON a.id = h.authorised_by
       WHERE h.account_id = ? ORDER BY h.removed_on IS NOT NULL, h.removed_on DESC, h.id`,
    )
    .all(accountId) as Row[];
  const { holdersMustBeSlt } = readSettings(db);
  return rows.map((row) => {
    const warnings: string[] = [];
    if (row.removed_on === null) {
      if (!mayHold(holdersMustBeSlt, JSON.parse(row.person_roles) as PersonRole[]))
        warnings.push(
          `${row.person_name} is not on the SLT, and the school's rule is that only the SLT know the passwords.`,
        );
      if (row.person_status === 'left')
        warnings.push(`${row.person_name} has left the school: remove them and change the password.`);
      if (row.person_status === 'leaving') warnings.push(`${row.person_name} is leaving: plan the handover.`);
      if (!row.acknowledged)
        warnings.push(`${row.person_name} has not signed to say they read the social media policy.`);
      if (!row.trained) warnings.push(`${row.person_name} has no training recorded.`);
      if (row.authorised_by === null)
        warnings.push(
          `Nobody has recorded that the Headteacher or SLT authorised ${row.person_name} to know the password.`,
        );
    }
    return {
      id: row.id,
      accountId: row.account_id,
      person: { id: row.person_id, name: row.person_name, status: row.person_status },
      authorisedBy:
        row.authorised_by !== null && row.authoriser_name !== null
          ? { id: row.authorised_by, name: row.authoriser_name }
          : null,
      authorisedOn: row.authorised_on,
      addedOn: row.added_on,
      accessEndsOn: row.access_ends_on,
      overrideReason: row.override_reason,
      removedOn: row.removed_on,
      removedReason: row.removed_reason,
      warnings,
    };
  });
}

export interface AddHolder {
  accountId: number;
  personId: number;
  authorisedById: number;
  authorisedOn: string;
  overrideReason: string;
  accessEndsOn: string | null;
}

/** Adds a named holder; past the policy's limit only with a written reason. */
export function addHolder(db: Db, now: Date, actor: string, input: AddHolder): Holder[] {
  return db
    .transaction(() => {
      const account = requireAccount(db, input.accountId);
      if (account.status === 'closed' || account.status === 'transferred')
        throw new KeyholderError('POLICY', `${account.handle} is ${account.status}; nobody should hold its password.`);
      const person = requirePerson(db, input.personId);
      if (person.status !== 'active')
        throw new KeyholderError(
          'POLICY',
          `${person.name} is ${person.status === 'left' ? 'no longer at the school' : 'leaving the school'}, so cannot be given the password.`,
        );
      const { maxHolders, holdersMustBeSlt } = readSettings(db);
      if (!mayHold(holdersMustBeSlt, person.roles))
        throw new KeyholderError(
          'POLICY',
          `${person.name} is not on the SLT, and the school's rule is that only the Headteacher and SLT know the account passwords. ${person.name} was not added. Choose an SLT member, or change the rule in Settings.`,
        );
      const authoriser = requireApprover(db, input.authorisedById, 'authorise a holder');
      const current = db
        .prepare('SELECT person_id FROM account_holders WHERE account_id = ? AND removed_on IS NULL')
        .all(input.accountId) as { person_id: number }[];
      if (current.some((h) => h.person_id === person.id))
        throw new KeyholderError('CONFLICT', `${person.name} already knows the password of ${account.handle}.`);
      const over = current.length >= maxHolders;
      if (over && !input.overrideReason) {
        // The policy's own words only fit while the school keeps its limit of three.
        const quote = maxHolders === 3 ? ' ("known to only three people")' : '';
        throw new KeyholderError(
          'POLICY',
          `${account.handle} already has ${current.length} named holders; the policy allows ${maxHolders}${quote}. ${person.name} was not added. To go over the limit, give a written reason.`,
        );
      }
      const today = londonDate(now);
      const endProblem = accessEndProblem(input.accessEndsOn, today);
      if (endProblem) throw new KeyholderError('INVALID_INPUT', endProblem);
      const result = db
        .prepare(
          'INSERT INTO account_holders (account_id, person_id, authorised_by, authorised_on, added_on, override_reason, access_ends_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          input.accountId,
          person.id,
          authoriser.id,
          input.authorisedOn,
          today,
          over ? input.overrideReason : '',
          input.accessEndsOn,
        );
      appendAudit(db, now, {
        actor,
        action: 'holder.added',
        targetType: 'account',
        targetId: input.accountId,
        targetLabel: account.handle,
        details: {
          holder: person.name,
          holderId: Number(result.lastInsertRowid),
          authorisedBy: authoriser.name,
          authorisedOn: input.authorisedOn,
          ...(input.accessEndsOn ? { accessEndsOn: input.accessEndsOn } : {}),
          ...(over ? { overrideReason: input.overrideReason, limit: maxHolders } : {}),
        },
      });
      return listHolders(db, input.accountId);
    })
    .immediate();
}

/** Records the authorisation of a holder who has none (one brought in by an import). */
export function authoriseHolder(
  db: Db,
  now: Date,
  actor: string,
  input: { holderId: number; authorisedById: number; authorisedOn: string },
): Holder[] {
  return db
    .transaction(() => {
      const row = db
        .prepare(
          'SELECT h.account_id, h.authorised_by, h.removed_on, p.name FROM account_holders h JOIN people p ON p.id = h.person_id WHERE h.id = ?',
        )
        .get(input.holderId) as
        { account_id: number; authorised_by: number | null; removed_on: string | null; name: string } | undefined;
      if (!row) throw new KeyholderError('NOT_FOUND', 'That holder record does not exist. Refresh the page.');
      if (row.removed_on) throw new KeyholderError('CONFLICT', `${row.name} no longer holds this password.`);
      if (row.authorised_by !== null)
        throw new KeyholderError('CONFLICT', `The authorisation for ${row.name} is already recorded.`);
      const account = requireAccount(db, row.account_id);
      const authoriser = requireApprover(db, input.authorisedById, 'authorise a holder');
      db.prepare('UPDATE account_holders SET authorised_by = ?, authorised_on = ? WHERE id = ?').run(
        authoriser.id,
        input.authorisedOn,
        input.holderId,
      );
      appendAudit(db, now, {
        actor,
        action: 'holder.authorised',
        targetType: 'account',
        targetId: account.id,
        targetLabel: account.handle,
        details: { holder: row.name, authorisedBy: authoriser.name, authorisedOn: input.authorisedOn },
      });
      return listHolders(db, account.id);
    })
    .immediate();
}

/** The calendar date in the school's time zone (DOMAIN.md: Europe/London), as yyyy-mm-dd. */
export function londonDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at);
}

/** Removes a holder and marks the account "rotation required": they still know the password. */
export function removeHolder(db: Db, now: Date, actor: string, holderId: number, reason: string, on: string): Holder[] {
  return db
    .transaction(() => {
      const row = db
        .prepare(
          'SELECT h.account_id, h.removed_on, p.name FROM account_holders h JOIN people p ON p.id = h.person_id WHERE h.id = ?',
        )
        .get(holderId) as { account_id: number; removed_on: string | null; name: string } | undefined;
      if (!row) throw new KeyholderError('NOT_FOUND', 'That holder record does not exist. Refresh the page.');
      if (row.removed_on) throw new KeyholderError('CONFLICT', `${row.name} was already removed on ${row.removed_on}.`);
      const account = requireAccount(db, row.account_id);
      db.prepare('UPDATE account_holders SET removed_on = ?, removed_reason = ? WHERE id = ?').run(
        on,
        reason,
        holderId,
      );
      const rotation = `${row.name} no longer holds the password (${reason})`;
      markRotationRequired(db, now, actor, account.id, account.handle, rotation);
      appendAudit(db, now, {
        actor,
        action: 'holder.removed',
        targetType: 'account',
        targetId: account.id,
        targetLabel: account.handle,
        details: { holder: row.name, reason, on },
      });
      return listHolders(db, account.id);
    })
    .immediate();
}

/** The rotation feature acts on this; until then it shows as a breach. Call inside a transaction. */
export function markRotationRequired(
  db: Db,
  now: Date,
  actor: string,
  accountId: number,
  label: string,
  reason: string,
): void {
  db.prepare(
    'UPDATE accounts SET rotation_required_reason = ?, rotation_required_since = ?, updated_at = ? WHERE id = ?',
  ).run(reason, now.toISOString(), now.toISOString(), accountId);
  appendAudit(db, now, {
    actor,
    action: 'rotation.required',
    targetType: 'account',
    targetId: accountId,
    targetLabel: label,
    details: { reason },
  });
}
