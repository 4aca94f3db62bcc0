import type { z } from 'zod';
import { KeyholderError, type Issue, type issueInputSchema } from '../../shared/contract';
import type { AuditAction } from '../../shared/policy/audit-actions';
import { issueActionKeys, issueActionLabels, type IssueActionKey } from '../../shared/policy/issue-rules';
import { ukDate } from '../../shared/time';
import type { Db } from '../db/open';

/**
 * The actions on one entry of the issues log, each a day and who did it
 * (migration 0012): how they are stored, checked and written to the audit
 * trail. The report to SLT names a member of SLT from People; who did each
 * action is typed, as "Recorded by" is, because it may be someone outside
 * the staff directory (a governor, a trip leader).
 */
export type ActionValues = z.output<typeof issueInputSchema>['actions'];

export interface ActionRow {
  acknowledged_on: string | null;
  acknowledged_by: string | null;
  removed_on: string | null;
  removed_by: string | null;
  blocked_on: string | null;
  blocked_by: string | null;
  platform_reported_on: string | null;
  platform_reported_by: string | null;
  audience_told_on: string | null;
  audience_told_by: string | null;
  authority_name: string | null;
  authority_reference: string | null;
  authority_reported_on: string | null;
  authority_reported_by: string | null;
  slt_person_id: number | null;
  slt_name: string | null;
  slt_reported_on: string | null;
  slt_reported_by: string | null;
}

const columns: Record<IssueActionKey, string> = {
  acknowledgedPublicly: 'acknowledged',
  removed: 'removed',
  userBlocked: 'blocked',
  reportedToPlatform: 'platform_reported',
  audienceTold: 'audience_told',
};

/** Every action column, for the INSERT and UPDATE statements. */
export const actionColumnNames = [
  ...issueActionKeys.flatMap((k) => [`${columns[k]}_on`, `${columns[k]}_by`]),
  'authority_name',
  'authority_reference',
  'authority_reported_on',
  'authority_reported_by',
  'slt_person_id',
  'slt_reported_on',
  'slt_reported_by',
];

export function readActions(r: ActionRow): Issue['actions'] {
  const row = r as unknown as Record<string, string | null>;
  const done = (k: IssueActionKey) => {
    const on = row[`${columns[k]}_on`];
    return on ? { on, by: row[`${columns[k]}_by`] ?? '' } : null;
  };
  return {
    acknowledgedPublicly: done('acknowledgedPublicly'),
    removed: done('removed'),
    userBlocked: done('userBlocked'),
    reportedToPlatform: done('reportedToPlatform'),
    audienceTold: done('audienceTold'),
    reportedToAuthority: r.authority_reported_on
      ? {
          on: r.authority_reported_on,
          by: r.authority_reported_by ?? '',
          authority: r.authority_name ?? '',
          reference: r.authority_reference ?? '',
        }
      : null,
    reportedToSlt:
      r.slt_person_id !== null && r.slt_reported_on
        ? {
            personId: r.slt_person_id,
            personName: r.slt_name ?? '',
            on: r.slt_reported_on,
            by: r.slt_reported_by ?? '',
          }
        : null,
  };
}

export function actionColumnValues(a: ActionValues): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  for (const k of issueActionKeys) {
    values[`${columns[k]}_on`] = a[k]?.on ?? null;
    values[`${columns[k]}_by`] = a[k]?.by ?? null;
  }
  return {
    ...values,
    authority_name: a.reportedToAuthority?.authority ?? null,
    authority_reference: a.reportedToAuthority?.reference ?? null,
    authority_reported_on: a.reportedToAuthority?.on ?? null,
    authority_reported_by: a.reportedToAuthority?.by ?? null,
    slt_person_id: a.reportedToSlt?.personId ?? null,
    slt_reported_on: a.reportedToSlt?.on ?? null,
    slt_reported_by: a.reportedToSlt?.by ?? null,
  };
}

const authorityLabel = 'Reported to the police or another authority';
const sltLabel = 'Reported to SLT';

/** Each action's day is on or after the comment arrived and not in the future. */
export function checkActionDates(a: ActionValues, receivedOn: string, today: string): void {
  const dated: [string, { on: string } | null][] = [
    ...issueActionKeys.map((k): [string, { on: string } | null] => [issueActionLabels[k], a[k]]),
    [authorityLabel, a.reportedToAuthority],
    [sltLabel, a.reportedToSlt],
  ];
  for (const [label, action] of dated) {
    if (!action) continue;
    if (action.on > today)
      throw new KeyholderError('INVALID_INPUT', `The day for “${label}” is in the future. Check the date.`);
    if (action.on < receivedOn)
      throw new KeyholderError(
        'INVALID_INPUT',
        `The day for “${label}” is before the comment was received (${ukDate(receivedOn)}). Check the date.`,
      );
  }
}

/** The SLT member must be in the staff directory as SLT or the Headteacher. */
export function checkSlt(db: Db, personId: number): void {
  const person = db.prepare('SELECT name, roles FROM people WHERE id = ?').get(personId) as
    { name: string; roles: string } | undefined;
  if (!person) throw new KeyholderError('NOT_FOUND', 'That member of SLT is not in People. Add them first.');
  const roles = JSON.parse(person.roles) as string[];
  if (!roles.includes('slt') && !roles.includes('headteacher'))
    throw new KeyholderError(
      'POLICY',
      `${person.name} is not recorded as a member of SLT. Choose a member of SLT, or give ${person.name} the SLT role under People.`,
    );
}

const auditNames: Record<IssueActionKey, AuditAction> = {
  acknowledgedPublicly: 'issue.acknowledged',
  removed: 'issue.removed',
  userBlocked: 'issue.user-blocked',
  reportedToPlatform: 'issue.reported-to-platform',
  audienceTold: 'issue.audience-told',
};

export interface ActionAudit {
  action: AuditAction;
  details: Record<string, unknown>;
}

/**
 * One audit entry for each action recorded, changed or taken back by a save,
 * so the trail shows who removed, blocked and reported what, and when. (An
 * entry for an action already in the trail is a correction of it.)
 */
export function actionAudits(before: Issue['actions'] | null, after: Issue['actions'], kind: string): ActionAudit[] {
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  const entries: ActionAudit[] = [];
  const changed = <T>(key: keyof Issue['actions'], action: AuditAction, label: string, details: (a: T) => object) => {
    const was = before?.[key] ?? null;
    const now = after[key] as T | null;
    if (same(was, now)) return;
    if (now) entries.push({ action, details: { ...details(now) } });
    else entries.push({ action: 'issue.action-withdrawn', details: { withdrawn: label } });
  };
  for (const k of issueActionKeys)
    changed<{ on: string; by: string }>(k, auditNames[k], issueActionLabels[k], ({ on, by }) => ({ on, by }));
  changed<NonNullable<Issue['actions']['reportedToAuthority']>>(
    'reportedToAuthority',
    'issue.reported-to-authority',
    authorityLabel,
    (a) => ({ on: a.on, by: a.by, authority: a.authority, reference: a.reference }),
  );
  changed<NonNullable<Issue['actions']['reportedToSlt']>>(
    'reportedToSlt',
    kind === 'press' ? 'issue.referred-to-slt' : 'issue.reported-to-slt',
    sltLabel,
    (a) => ({ on: a.on, by: a.by, memberOfSlt: a.personName, sltPersonId: a.personId }),
  );
  return entries;
}
