import { platformLabels, type PlatformId } from '../../shared/policy/platforms';
import {
  KeyholderError,
  personInputSchema,
  type Person,
  type PersonDetail,
  type PersonInput,
  type PersonRole,
} from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';

export interface PersonRow {
  id: number;
  name: string;
  job_title: string;
  work_email: string;
  roles: string;
  status: Person['status'];
  leaving_on: string | null;
  left_on: string | null;
  policy_acknowledged_on: string | null;
  training_completed_on: string | null;
  import_check: string;
  created_at: string;
  updated_at: string;
}

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    jobTitle: row.job_title,
    workEmail: row.work_email,
    roles: JSON.parse(row.roles) as PersonRole[],
    status: row.status,
    leavingOn: row.leaving_on,
    leftOn: row.left_on,
    policyAcknowledgedOn: row.policy_acknowledged_on,
    trainingCompletedOn: row.training_completed_on,
    importCheck: row.import_check,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getPersonRow(db: Db, id: number): PersonRow | undefined {
  return db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
}

export function requirePerson(db: Db, id: number, what = 'That person'): Person {
  const row = getPersonRow(db, id);
  if (!row)
    throw new KeyholderError('NOT_FOUND', `${what} is not in the staff directory. Add them under People first.`);
  return toPerson(row);
}

/** Headteacher or SLT, still at the school: who may approve accounts and authorise holders. */
export function requireApprover(db: Db, id: number, action: string): Person {
  const person = requirePerson(db, id, 'The person authorising');
  if (!person.roles.includes('headteacher') && !person.roles.includes('slt')) {
    throw new KeyholderError(
      'POLICY',
      `${person.name} is not the Headteacher or on the SLT, so cannot ${action}. Choose the Headteacher or an SLT member.`,
    );
  }
  if (person.status === 'left')
    throw new KeyholderError('POLICY', `${person.name} has left the school, so cannot ${action}.`);
  return person;
}

export function listPeople(db: Db): Person[] {
  return (db.prepare('SELECT * FROM people ORDER BY name COLLATE NOCASE').all() as PersonRow[]).map(toPerson);
}

export function getPersonDetail(db: Db, id: number): PersonDetail {
  const person = requirePerson(db, id);
  // The platform by its name ("Facebook"), never its code.
  type Linked = { accountId: number; handle: string; platform: PlatformId };
  const named = <T extends Linked>(rows: T[]) =>
    rows.map((row) => ({ ...row, label: `${row.handle} on ${platformLabels[row.platform]}` }));
  const leads = named(
    db
      .prepare(
        'SELECT a.id AS accountId, a.handle, a.platform FROM accounts a WHERE a.lead_person_id = ? ORDER BY a.handle',
      )
      .all(id) as Linked[],
  ).map(({ accountId, label }) => ({ accountId, label }));
  const holds = named(
    db
      .prepare(
        `SELECT a.id AS accountId, a.handle, a.platform, h.added_on AS since FROM account_holders h JOIN accounts a ON a.id = h.account_id
         WHERE h.person_id = ? AND h.removed_on IS NULL ORDER BY a.handle`,
      )
      .all(id) as (Linked & { since: string })[],
  ).map(({ accountId, label, since }) => ({ accountId, label, since }));
  const runs = named(
    db
      .prepare(
        'SELECT a.id AS accountId, a.handle, a.platform FROM account_runners r JOIN accounts a ON a.id = r.account_id WHERE r.person_id = ? ORDER BY a.handle',
      )
      .all(id) as Linked[],
  ).map(({ accountId, label }) => ({ accountId, label }));
  return { ...person, leads, holds, runs };
}

function columns(input: ReturnType<typeof personInputSchema.parse>) {
  return {
    name: input.name,
    job_title: input.jobTitle,
    work_email: input.workEmail.toLowerCase(),
    roles: JSON.stringify([...new Set(input.roles)]),
    status: input.status,
    leaving_on: input.status === 'active' ? null : input.leavingOn,
    left_on: input.status === 'left' ? input.leftOn : null,
    policy_acknowledged_on: input.policyAcknowledgedOn,
    training_completed_on: input.trainingCompletedOn,
  };
}

export function createPerson(db: Db, now: Date, actor: string, raw: PersonInput): Person {
  const values = columns(personInputSchema.parse(raw));
  const at = now.toISOString();
  return db
    .transaction(() => {
      const result = db
        .prepare(
          `INSERT INTO people (name, job_title, work_email, roles, status, leaving_on, left_on, policy_acknowledged_on, training_completed_on, created_at, updated_at)
         VALUES (@name, @job_title, @work_email, @roles, @status, @leaving_on, @left_on, @policy_acknowledged_on, @training_completed_on, @at, @at)`,
        )
        .run({ ...values, at });
      const id = Number(result.lastInsertRowid);
      appendAudit(db, now, {
        actor,
        action: 'person.added',
        targetType: 'person',
        targetId: id,
        targetLabel: values.name,
        details: { roles: JSON.parse(values.roles) as unknown },
      });
      return requirePerson(db, id);
    })
    .immediate();
}

export function updatePerson(db: Db, now: Date, actor: string, id: number, raw: PersonInput): Person {
  const values = columns(personInputSchema.parse(raw));
  return db
    .transaction(() => {
      const before = requirePerson(db, id);
      db.prepare(
        `UPDATE people SET name = @name, job_title = @job_title, work_email = @work_email, roles = @roles, status = @status,
         leaving_on = @leaving_on, left_on = @left_on, policy_acknowledged_on = @policy_acknowledged_on,
         training_completed_on = @training_completed_on, import_check = '', updated_at = @at WHERE id = @id`,
      ).run({ ...values, at: now.toISOString(), id });
      const after = requirePerson(db, id);
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of [
        'name',
        'jobTitle',
        'workEmail',
        'roles',
        'status',
        'leavingOn',
        'leftOn',
        'policyAcknowledgedOn',
        'trainingCompletedOn',
        'importCheck',
      ] as const) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
          changed[key] = { from: before[key], to: after[key] };
      }
      if (Object.keys(changed).length > 0) {
        appendAudit(db, now, {
          actor,
          action: 'person.updated',
          targetType: 'person',
          targetId: id,
          targetLabel: after.name,
          details: changed,
        });
      }
      return after;
    })
    .immediate();
}
