import { KeyholderError, type HandoverPlan, type PlanAccount } from '../../shared/contract';
import { cannotTakeOver, shortfalls } from '../../shared/policy/handover-rules';
import { ukDate } from '../../shared/time';
import type { Db } from '../db/open';
import { requirePerson } from '../people/people';
import { readSettings } from '../settings/settings-store';
import { currentApps } from '../integrations/integrations';

interface AccountRow {
  id: number;
  handle: string;
  status: string;
  login_email: string;
  lead_person_id: number | null;
  holds: number;
  runs: number;
  holder_count: number;
  runner_count: number;
}

interface StaffRow {
  id: number;
  name: string;
  status: 'active' | 'leaving' | 'left';
  leaving_on: string | null;
  policy_acknowledged_on: string | null;
  training_completed_on: string | null;
  roles: string;
}

/**
 * What a departure means for each account the person leads, holds or runs,
 * or whose login email is theirs: every consequence in words, the breaches
 * it would leave, who can take over and why the others cannot. Nothing is
 * written: the wizard shows this, and `executeHandover` applies the
 * decisions made on it.
 */
export function planHandover(db: Db, personId: number, leavingOn: string): HandoverPlan {
  const person = requirePerson(db, personId);
  if (person.status === 'left')
    throw new KeyholderError('CONFLICT', `${person.name} is already recorded as having left.`);
  const recorded = db.prepare('SELECT id FROM handovers WHERE person_id = ?').get(personId);
  if (person.status === 'leaving' && recorded) {
    throw new KeyholderError('CONFLICT', `A departure is already recorded for ${person.name}. Open it under Handover.`);
  }
  const { minRunners } = readSettings(db);
  const email = person.workEmail.toLowerCase();
  const rows = db
    .prepare(
      `SELECT a.id, a.handle, a.status, a.login_email, a.lead_person_id,
         EXISTS (SELECT 1 FROM account_holders h WHERE h.account_id = a.id AND h.person_id = @p AND h.removed_on IS NULL) AS holds,
         EXISTS (SELECT 1 FROM account_runners r WHERE r.account_id = a.id AND r.person_id = @p) AS runs,
         (SELECT COUNT(*) FROM account_holders h WHERE h.account_id = a.id AND h.removed_on IS NULL) AS holder_count,
         (SELECT COUNT(*) FROM account_runners r WHERE r.account_id = a.id) AS runner_count
       FROM accounts a
       WHERE a.status NOT IN ('closed', 'transferred')
         AND (a.lead_person_id = @p
           OR EXISTS (SELECT 1 FROM account_holders h WHERE h.account_id = a.id AND h.person_id = @p AND h.removed_on IS NULL)
           OR EXISTS (SELECT 1 FROM account_runners r WHERE r.account_id = a.id AND r.person_id = @p)
           OR (@email != '' AND lower(a.login_email) = @email))
       ORDER BY a.handle`,
    )
    .all({ p: personId, email }) as AccountRow[];

  // Eligible to take over: at the school, not leaving, signed the policy, trained (bebington, tpat 8).
  const staff = (db.prepare('SELECT * FROM people WHERE id != ? ORDER BY name').all(personId) as StaffRow[]).map(
    (p) => ({
      ...p,
      why: cannotTakeOver({
        status: p.status,
        leavingOn: p.leaving_on,
        policyAcknowledgedOn: p.policy_acknowledged_on,
        trainingCompletedOn: p.training_completed_on,
      }),
    }),
  );
  const eligible = staff.filter((p) => p.why === null);
  const holdersOf = db.prepare('SELECT person_id FROM account_holders WHERE account_id = ? AND removed_on IS NULL');
  const runnersOf = db.prepare('SELECT person_id FROM account_runners WHERE account_id = ?');
  const ids = (rows: unknown[]) => new Set((rows as { person_id: number }[]).map((r) => r.person_id));

  const accounts: PlanAccount[] = rows.map((row) => {
    const holderIds = ids(holdersOf.all(row.id));
    const runnerIds = ids(runnersOf.all(row.id));
    const candidates = eligible
      .map((p) => ({ id: p.id, name: p.name, holder: holderIds.has(p.id), runner: runnerIds.has(p.id) }))
      .sort((a, b) => Number(b.holder) - Number(a.holder) || a.name.localeCompare(b.name));
    const departing = {
      leads: row.lead_person_id === personId,
      holds: row.holds === 1,
      runs: row.runs === 1,
      emailIsTheirs: email !== '' && row.login_email.toLowerCase() === email,
      holdersAfter: row.holder_count - (row.holds === 1 ? 1 : 0),
      runnersAfter: row.runner_count - (row.runs === 1 ? 1 : 0),
    };
    const blocking = shortfalls(departing, minRunners);
    const apps = departing.leads
      ? currentApps(db, row.id).map(
          (app) => `${app.name} (approved by ${app.approvedBy.name}, ${ukDate(app.approvedOn)})`,
        )
      : [];
    if (departing.leads && candidates.length === 0)
      blocking.push('Nobody eligible (at the school, signed the policy, trained) can take over as lead.');
    return {
      accountId: row.id,
      label: row.handle,
      status: row.status,
      ...departing,
      candidates,
      blocking,
      consequences: [
        ...consequences(person.name, leavingOn, departing, blocking),
        // tpat 6: apps they connected are removed, or approved again by the Headteacher.
        ...(apps.length > 0 ? [`Apps they connected to remove or have approved again: ${apps.join('; ')}.`] : []),
      ],
      connectedApps: apps,
    };
  });
  return {
    person: { id: person.id, name: person.name, isAdministrator: person.roles.includes('administrator') },
    leavingOn,
    accounts,
    successorCandidates: eligible.map(({ id, name }) => ({ id, name })),
    notEligible: staff.flatMap((p) => (p.why === null ? [] : [{ id: p.id, name: p.name, reason: p.why }])),
    authorisers: staff
      .filter(
        (p) => p.status !== 'left' && (JSON.parse(p.roles) as string[]).some((r) => r === 'headteacher' || r === 'slt'),
      )
      .map(({ id, name }) => ({ id, name })),
  };
}

/** Every change the departure makes to one account, in the order the administrator deals with them. */
function consequences(
  name: string,
  leavingOn: string,
  a: { leads: boolean; holds: boolean; runs: boolean; emailIsTheirs: boolean },
  shortfalls: string[],
): string[] {
  return [
    ...(a.leads ? [`It will have no lead once ${name} leaves: choose a new lead or close it.`] : []),
    ...(a.holds ? [`${name} knows the password, so it must be changed by ${ukDate(leavingOn)}.`] : []),
    ...(a.runs ? [`${name} is taken off the people named to run it.`] : []),
    ...shortfalls,
    ...(a.emailIsTheirs ? [`The login email is ${name}'s own address: move it to a generic school mailbox.`] : []),
  ];
}
