import { KeyholderError, type Account, type Person } from '../../shared/contract';
import { approvalProblem, approverProblem } from '../../shared/policy/approval-rules';
import { appendAudit } from '../audit/audit-log';
import type { WriteContext as Actor } from '../core/context';
import type { Db } from '../db/open';
import { requirePerson } from '../people/people';
import { readSettings } from '../settings/settings-store';
import { getAccount, requireAccount } from './accounts';

/**
 * The school's approval of a new account, or its refusal, by the school's
 * own rule (shared/policy/approval-rules.ts, a setting).
 */
/** The person giving or refusing the school's approval, checked against its rule (a setting). */
export function requireSchoolApprover(db: Db, personId: number, action: string): Person {
  const person = requirePerson(db, personId, 'The person approving');
  const problem = approverProblem(readSettings(db).approvalRule, person);
  if (problem) throw new KeyholderError('POLICY', problem);
  if (person.status === 'left')
    throw new KeyholderError('POLICY', `${person.name} has left the school, so cannot ${action}.`);
  return person;
}

/**
 * The school's approval (bebington; tpat 5): who and when, checked against
 * the school's rule; under "the Headteacher and a governor" (wentworth) both
 * are recorded. Moves a proposed account to approved.
 */
export function approveAccount(
  { db, now, actor }: Actor,
  input: { id: number; approvedById: number; governorId: number | null; approvedOn: string },
): Account {
  const { id, approvedOn } = input;
  return db
    .transaction(() => {
      const account = requireAccount(db, id);
      if (account.status === 'closed' || account.status === 'transferred')
        throw new KeyholderError('POLICY', `${account.handle} is ${account.status}; it cannot be approved.`);
      const approver = requireSchoolApprover(db, input.approvedById, 'approve an account');
      const { approvalRule } = readSettings(db);
      const governor =
        approvalRule === 'headteacher-and-governor' && input.governorId !== null
          ? requirePerson(db, input.governorId, 'The governor')
          : null;
      const problem = approvalProblem(approvalRule, approver, governor);
      if (problem) throw new KeyholderError('POLICY', problem);
      if (governor?.status === 'left')
        throw new KeyholderError(
          'POLICY',
          `${governor.name} is no longer a governor here, so cannot approve an account.`,
        );
      const nextStatus = account.status === 'proposed' ? 'approved' : account.status;
      db.prepare(
        'UPDATE accounts SET approved_by = ?, governor_approved_by = ?, approved_on = ?, status = ?, status_changed_on = CASE WHEN status != ? THEN ? ELSE status_changed_on END, updated_at = ? WHERE id = ?',
      ).run(approver.id, governor?.id ?? null, approvedOn, nextStatus, nextStatus, approvedOn, now.toISOString(), id);
      appendAudit(db, now, {
        actor,
        action: 'account.approved',
        targetType: 'account',
        targetId: id,
        targetLabel: account.handle,
        details: { approvedBy: approver.name, ...(governor ? { governor: governor.name } : {}), approvedOn },
      });
      return getAccount(db, id);
    })
    .immediate();
}

/**
 * bebington: an application is "approved or rejected". Only a proposed
 * account can be rejected, by whoever may approve it; it is closed, and who,
 * when and why stay on the account.
 */
export function rejectAccount(
  { db, now, actor }: Actor,
  input: { id: number; rejectedById: number; rejectedOn: string; reason: string },
): Account {
  return db
    .transaction(() => {
      const account = requireAccount(db, input.id);
      if (account.status !== 'proposed')
        throw new KeyholderError(
          'POLICY',
          `${account.handle} is ${account.status}, not an application waiting for approval, so it cannot be rejected. To stop using it, change its status to closed.`,
        );
      const person = requireSchoolApprover(db, input.rejectedById, 'reject an application');
      db.prepare(
        "UPDATE accounts SET status = 'closed', status_changed_on = ?, rejected_by = ?, rejected_on = ?, rejected_reason = ?, updated_at = ? WHERE id = ?",
      ).run(input.rejectedOn, person.id, input.rejectedOn, input.reason, now.toISOString(), input.id);
      appendAudit(db, now, {
        actor,
        action: 'account.rejected',
        targetType: 'account',
        targetId: input.id,
        targetLabel: account.handle,
        details: { rejectedBy: person.name, rejectedOn: input.rejectedOn, reason: input.reason },
      });
      return getAccount(db, input.id);
    })
    .immediate();
}
