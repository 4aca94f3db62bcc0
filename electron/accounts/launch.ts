import { KeyholderError, type Account } from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { WriteContext } from '../core/context';
import { requirePerson } from '../people/people';
import { getAccount, requireAccount, type AccountBasics } from './accounts';

/**
 * The launch checklist's two steps (DOMAIN.md rule 16), each recorded with
 * its date and who recorded it, in one transaction with its audit entry.
 * Recording a step again corrects it (a wrong person or date).
 */

function openAccount(call: WriteContext, id: number): AccountBasics {
  const account = requireAccount(call.db, id);
  if (account.status === 'closed' || account.status === 'transferred')
    throw new KeyholderError(
      'POLICY',
      `${account.handle} is ${account.status}; its launch checklist is finished with.`,
    );
  return account;
}

/** north-herts 5: the URL and identity notified to "the appropriate member of the SLT". */
export function recordSltTold(call: WriteContext, input: { id: number; toPersonId: number; on: string }): Account {
  const { db, now, actor } = call;
  return db
    .transaction(() => {
      const account = openAccount(call, input.id);
      const person = requirePerson(db, input.toPersonId, 'The person told');
      if (!person.roles.includes('headteacher') && !person.roles.includes('slt'))
        throw new KeyholderError(
          'POLICY',
          `${person.name} is not the Headteacher or on the SLT. Choose a member of SLT, or give them the SLT role under People.`,
        );
      if (person.status === 'left')
        throw new KeyholderError('POLICY', `${person.name} has left the school. Choose a member of SLT still here.`);
      db.prepare(
        'UPDATE accounts SET slt_told_on = ?, slt_told_person_id = ?, slt_told_recorded_by = ?, updated_at = ? WHERE id = ?',
      ).run(input.on, person.id, actor, now.toISOString(), account.id);
      appendAudit(db, now, {
        actor,
        action: 'account.slt-told',
        targetType: 'account',
        targetId: account.id,
        targetLabel: account.handle,
        details: { told: person.name, on: input.on, address: account.profile_url },
      });
      return getAccount(db, account.id);
    })
    .immediate();
}

/** sutton-manor 6.5: the account "explicitly referred to" on the school website. */
export function recordWebsiteLink(call: WriteContext, input: { id: number; on: string; pageUrl: string }): Account {
  const { db, now, actor } = call;
  return db
    .transaction(() => {
      const account = openAccount(call, input.id);
      db.prepare(
        'UPDATE accounts SET website_linked_on = ?, website_page_url = ?, website_linked_recorded_by = ?, updated_at = ? WHERE id = ?',
      ).run(input.on, input.pageUrl, actor, now.toISOString(), account.id);
      appendAudit(db, now, {
        actor,
        action: 'account.website-linked',
        targetType: 'account',
        targetId: account.id,
        targetLabel: account.handle,
        details: { on: input.on, ...(input.pageUrl ? { page: input.pageUrl } : {}) },
      });
      return getAccount(db, account.id);
    })
    .immediate();
}
