import { KeyholderError, type HandoverPlan, type PlanAccount } from '../../shared/contract';
import type { Db } from '../db/open';
import { requirePerson } from '../people/people';
import { readSettings } from '../settings/settings-store';
import { currentApps } from '../integrations/integrations';
import { ukDate } from '../../shared/time';

interface AccountRow {
  id: number;
  handle: string;
  status: string;
  login_email: string;
  lead_person_id: number | null;
  holds: number;
  runs: number;
  holder_count: number;
}

interface Candidate {
  id: number;
  name: string;
  holder: boolean;
}

/**
 * What a departure means for each account the person leads, holds or runs,
 * or whose login email is theirs. Nothing is written: the review screen
 * shows this, and `executeHandover` applies the decisions made on it.
 */
export function planHandover(db: Db, personId: number, leavingOn: string): HandoverPlan {
  const person = requirePerson(db, personId);
  if (person.status === 'left')
    throw new KeyholderError('CONFLICT', `${person.name} is already recorded as having left.`);
  const recorded = db.prepare('SELECT id FROM handovers WHERE person_id = ?').get(personId);
  if (person.status === 'leaving' && recorded) {
    throw new KeyholderError('CONFLICT', `A departure is already recorded for ${person.name}. Open it under Handover.`);
  }
  const settings = readSettings(db);
  const email = person.workEmail.toLowerCase();
  const rows = db
    .prepare(
      `SELECT a.id, a.handle, a.status, a.login_email, a.lead_person_id,
         EXISTS (SELECT 1 FROM account_holders h WHERE h.account_id = a.id AND h.person_id = @p AND h.removed_on IS NULL) AS holds,
         EXISTS (SELECT 1 FROM account_runners r WHERE r.account_id = a.id AND r.person_id = @p) AS runs,
         (SELECT COUNT(*) FROM account_holders h WHERE h.account_id = a.id AND h.removed_on IS NULL) AS holder_count
       FROM accounts a
       WHERE a.status NOT IN ('closed', 'transferred')
         AND (a.lead_person_id = @p
           OR EXISTS (SELECT 1 FROM account_holders h WHERE h.account_id = a.id AND h.person_id = @p AND h.removed_on IS NULL)
           OR EXISTS (SELECT 1 FROM account_runners r WHERE r.account_id = a.id AND r.person_id = @p)
           OR (@email != '' AND lower(a.login_email) = @email))
       ORDER BY a.handle`,
    )
    .all({ p: personId, email }) as AccountRow[];

  // Eligible to lead: at the school, signed the policy, trained (bebington, tpat 8).
  const eligible = db
    .prepare(
      `SELECT id, name FROM people WHERE id != ? AND status = 'active'
         AND policy_acknowledged_on IS NOT NULL AND training_completed_on IS NOT NULL ORDER BY name`,
    )
    .all(personId) as { id: number; name: string }[];
  const holdersOf = db.prepare('SELECT person_id FROM account_holders WHERE account_id = ? AND removed_on IS NULL');

  const accounts: PlanAccount[] = rows.map((row) => {
    const leads = row.lead_person_id === personId;
    const holds = row.holds === 1;
    const holderIds = new Set((holdersOf.all(row.id) as { person_id: number }[]).map((h) => h.person_id));
    const candidates: Candidate[] = eligible
      .map((p) => ({ ...p, holder: holderIds.has(p.id) }))
      .sort((a, b) => Number(b.holder) - Number(a.holder) || a.name.localeCompare(b.name));
    const holdersAfter = row.holder_count - (holds ? 1 : 0);
    const blocking: string[] = [];
    if (holds && holdersAfter < settings.minRunners) {
      blocking.push(
        `Only ${holdersAfter} named ${holdersAfter === 1 ? 'person' : 'people'} will know the password; the policy wants at least ${settings.minRunners}.`,
      );
    }
    if (leads && candidates.length === 0)
      blocking.push('Nobody eligible (at the school, signed the policy, trained) can take over as lead.');
    return {
      accountId: row.id,
      label: row.handle,
      status: row.status,
      leads,
      holds,
      runs: row.runs === 1,
      emailIsTheirs: email !== '' && row.login_email.toLowerCase() === email,
      candidates,
      holdersAfter,
      blocking,
      connectedApps: leads
        ? currentApps(db, row.id).map(
            (app) => `${app.name} (approved by ${app.approvedBy.name}, ${ukDate(app.approvedOn)})`,
          )
        : [],
    };
  });
  return {
    person: { id: person.id, name: person.name, isAdministrator: person.roles.includes('administrator') },
    leavingOn,
    accounts,
    successorCandidates: eligible.map(({ id, name }) => ({ id, name })),
  };
}
