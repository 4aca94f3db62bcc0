import { KeyholderError, closeStepIds, closeStepLabels, type Handover, type HandoverItem } from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { requirePerson } from '../people/people';
import { markRotationRequired } from '../holders/holders';
import { planHandover } from './plan';
import { londonDateOf } from '../../shared/time';
import type { AuditAction } from '../../shared/policy/audit-actions';

export interface ExecuteInput {
  personId: number;
  leavingOn: string;
  leads: ({ accountId: number; action: 'transfer'; newLeadId: number } | { accountId: number; action: 'close' })[];
  acknowledgements: { accountId: number; reason: string }[];
  successorId: number | null;
}

const stepLabels: Record<string, string> = {
  ...closeStepLabels,
  'email-moved': 'Change the login email to a generic school address',
  'successor-chosen': 'Hand the account administrator role to the successor',
  'backup-made': 'Give the successor an encrypted Keyholder backup (Settings, Backup and restore)',
};
const stepsFor: Partial<Record<HandoverItem['kind'], readonly string[]>> = {
  'close-account': closeStepIds,
  'move-email': ['email-moved'],
  'administrator-role': ['successor-chosen', 'backup-made'],
};

/**
 * Applies a reviewed plan in one transaction: the person marked leaving or
 * left, leads transferred or accounts set to close, holders removed with the
 * password marked to change (due on the leaving date), every step audited.
 */
export function executeHandover(db: Db, now: Date, actor: string, input: ExecuteInput): number {
  const plan = planHandover(db, input.personId, input.leavingOn);
  const person = plan.person;
  const decisions = new Map(input.leads.map((d) => [d.accountId, d]));
  const acks = new Map(input.acknowledgements.map((a) => [a.accountId, a.reason]));
  for (const account of plan.accounts) {
    const decision = decisions.get(account.accountId);
    if (account.leads && !decision)
      throw new KeyholderError('INVALID_INPUT', `Choose a new lead for ${account.label}, or choose to close it.`);
    if (decision?.action === 'transfer' && !account.candidates.some((c) => c.id === decision.newLeadId)) {
      throw new KeyholderError(
        'POLICY',
        `The new lead for ${account.label} must be at the school, have signed the policy and be trained.`,
      );
    }
    if (account.blocking.length > 0 && decision?.action !== 'close' && !acks.get(account.accountId)) {
      throw new KeyholderError(
        'POLICY',
        `${account.label}: ${account.blocking.join(' ')} Resolve it or give a reason to go ahead.`,
      );
    }
  }
  if (input.successorId !== null && !plan.successorCandidates.some((c) => c.id === input.successorId)) {
    throw new KeyholderError(
      'POLICY',
      'The new account administrator must be someone else at the school who has signed the policy and is trained.',
    );
  }
  const today = londonDateOf(now);
  const future = input.leavingOn > today;
  // Due on the leaving date: today or earlier means at once.
  const since = future ? `${input.leavingOn}T00:00:00.000Z` : now.toISOString();
  return db
    .transaction(() => {
      const handoverId = Number(
        db
          .prepare(
            'INSERT INTO handovers (person_id, leaving_on, created_at, created_by, successor_id) VALUES (?, ?, ?, ?, ?)',
          )
          .run(person.id, input.leavingOn, now.toISOString(), actor, person.isAdministrator ? input.successorId : null)
          .lastInsertRowid,
      );
      const item = db.prepare(
        'INSERT INTO handover_items (handover_id, account_id, kind, summary, since) VALUES (?, ?, ?, ?, ?)',
      );
      const audit = (
        action: AuditAction,
        accountId: number | null,
        label: string | null,
        details: Record<string, unknown>,
      ) =>
        appendAudit(db, now, {
          actor,
          action,
          targetType: accountId ? 'account' : 'person',
          targetId: accountId ?? person.id,
          targetLabel: label ?? person.name,
          details: { handoverId, ...details },
        });

      if (future)
        db.prepare("UPDATE people SET status = 'leaving', leaving_on = ?, updated_at = ? WHERE id = ?").run(
          input.leavingOn,
          now.toISOString(),
          person.id,
        );
      else
        db.prepare("UPDATE people SET status = 'left', leaving_on = ?, left_on = ?, updated_at = ? WHERE id = ?").run(
          input.leavingOn,
          input.leavingOn,
          now.toISOString(),
          person.id,
        );
      audit(future ? 'person.leaving' : 'person.left', null, null, { leavingOn: input.leavingOn });

      for (const account of plan.accounts) {
        const decision = decisions.get(account.accountId);
        if (account.leads && decision?.action === 'transfer') {
          const next = requirePerson(db, decision.newLeadId);
          db.prepare('UPDATE accounts SET lead_person_id = ?, updated_at = ? WHERE id = ?').run(
            next.id,
            now.toISOString(),
            account.accountId,
          );
          item.run(
            handoverId,
            account.accountId,
            'transfer-lead',
            `Lead passed from ${person.name} to ${next.name}.`,
            null,
          );
          audit('account.lead-transferred', account.accountId, account.label, { from: person.name, to: next.name });
        }
        if (account.leads && decision?.action === 'close') {
          item.run(
            handoverId,
            account.accountId,
            'close-account',
            `To be closed: ${person.name} led it and nobody takes it over.`,
            null,
          );
          audit('account.closing', account.accountId, account.label, { reason: `${person.name} leaving` });
        }
        if (account.holds) {
          db.prepare(
            "UPDATE account_holders SET removed_on = ?, removed_reason = 'left the school' WHERE account_id = ? AND person_id = ? AND removed_on IS NULL",
          ).run(input.leavingOn, account.accountId, person.id);
          // A change already required sooner (a security threat) keeps its earlier date.
          const existing = db
            .prepare('SELECT rotation_required_since AS since FROM accounts WHERE id = ?')
            .get(account.accountId) as { since: string | null };
          if (!existing.since || existing.since > since) {
            markRotationRequired(
              db,
              now,
              actor,
              account.accountId,
              account.label,
              `holder left: ${person.name} (${formatUk(input.leavingOn)})`,
            );
            db.prepare('UPDATE accounts SET rotation_required_since = ? WHERE id = ?').run(since, account.accountId);
          }
          // Any change confirmed from now on counts: they are no longer a holder, so they will not be told it.
          item.run(
            handoverId,
            account.accountId,
            'remove-holder',
            `${person.name} removed as a holder; the password must change by ${formatUk(input.leavingOn)}.`,
            now.toISOString(),
          );
          audit('holder.removed', account.accountId, account.label, {
            holder: person.name,
            reason: 'left the school',
            on: input.leavingOn,
          });
        }
        if (account.runs)
          db.prepare('DELETE FROM account_runners WHERE account_id = ? AND person_id = ?').run(
            account.accountId,
            person.id,
          );
        if (account.emailIsTheirs)
          item.run(
            handoverId,
            account.accountId,
            'move-email',
            `The login email is ${person.name}'s own address.`,
            null,
          );
        const reason = acks.get(account.accountId);
        if (reason && account.blocking.length > 0) {
          item.run(
            handoverId,
            account.accountId,
            'acknowledged',
            `${account.blocking.join(' ')} Acknowledged: ${reason}`,
            null,
          );
          audit('handover.acknowledged', account.accountId, account.label, { blocking: account.blocking, reason });
        }
      }
      if (person.isAdministrator) {
        const successor = input.successorId ? requirePerson(db, input.successorId) : null;
        const roleItem = Number(
          item.run(
            handoverId,
            null,
            'administrator-role',
            successor
              ? `${person.name} hands the account administrator role to ${successor.name}.`
              : `${person.name} is the account administrator: choose a successor.`,
            null,
          ).lastInsertRowid,
        );
        if (successor) {
          const roles = [...new Set([...successor.roles, 'administrator'])];
          db.prepare('UPDATE people SET roles = ?, updated_at = ? WHERE id = ?').run(
            JSON.stringify(roles),
            now.toISOString(),
            successor.id,
          );
          db.prepare("INSERT INTO handover_steps (item_id, step, done_on) VALUES (?, 'successor-chosen', ?)").run(
            roleItem,
            today,
          );
          audit('person.updated', null, successor.name, {
            roles: { from: successor.roles, to: roles },
            reason: 'successor as account administrator',
          });
        }
      }
      audit('handover.executed', null, null, { leavingOn: input.leavingOn, accounts: plan.accounts.length });
      return handoverId;
    })
    .immediate();
}

export function formatUk(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export { stepLabels, stepsFor };
export type { Handover };
