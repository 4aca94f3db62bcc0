import { closeStepIds, closeStepLabels, type Handover, type HandoverItem } from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { requirePerson } from '../people/people';
import { addHolder, markRotationRequired } from '../holders/holders';
import { planHandover } from './plan';
import { checkHandover, filled } from './check';
import { readSettings } from '../settings/settings-store';
import { shortfalls } from '../../shared/policy/handover-rules';
import { londonDateOf, ukDate } from '../../shared/time';
import type { AuditAction } from '../../shared/policy/audit-actions';

export interface ExecuteInput {
  personId: number;
  leavingOn: string;
  leads: ({ accountId: number; action: 'transfer'; newLeadId: number } | { accountId: number; action: 'close' })[];
  acknowledgements: { accountId: number; reason: string }[];
  successorId: number | null;
  replacements?: { accountId: number; personId: number; authorisedById: number | null }[];
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
 * The plan is checked first (checkHandover), so nothing is written for a
 * plan that cannot be applied.
 */
export function executeHandover(db: Db, now: Date, actor: string, input: ExecuteInput): number {
  const plan = planHandover(db, input.personId, input.leavingOn);
  checkHandover(plan, input, readSettings(db).minRunners);
  return db
    .transaction(() => {
      const apply = startHandover(db, now, actor, plan, input);
      recordDeparture(apply);
      for (const account of plan.accounts) applyToAccount(apply, account);
      if (plan.person.isAdministrator) handAdministratorRole(apply);
      apply.audit('handover.executed', null, null, { leavingOn: input.leavingOn, accounts: plan.accounts.length });
      return apply.handoverId;
    })
    .immediate();
}

type Plan = ReturnType<typeof planHandover>;
type PlanAccount = Plan['accounts'][number];

/** What every step of one handover writes with. */
interface Apply {
  db: Db;
  now: Date;
  actor: string;
  plan: Plan;
  input: ExecuteInput;
  handoverId: number;
  minRunners: number;
  /** When the password change is due: the leaving date, or at once for a departure today or earlier. */
  since: string;
  future: boolean;
  item(accountId: number | null, kind: HandoverItem['kind'], summary: string, since: string | null): number;
  audit(action: AuditAction, accountId: number | null, label: string | null, details: Record<string, unknown>): void;
}

function startHandover(db: Db, now: Date, actor: string, plan: Plan, input: ExecuteInput): Apply {
  const person = plan.person;
  const future = input.leavingOn > londonDateOf(now);
  const handoverId = Number(
    db
      .prepare(
        'INSERT INTO handovers (person_id, leaving_on, created_at, created_by, successor_id) VALUES (?, ?, ?, ?, ?)',
      )
      .run(person.id, input.leavingOn, now.toISOString(), actor, person.isAdministrator ? input.successorId : null)
      .lastInsertRowid,
  );
  const insertItem = db.prepare(
    'INSERT INTO handover_items (handover_id, account_id, kind, summary, since) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    db,
    now,
    actor,
    plan,
    input,
    handoverId,
    minRunners: readSettings(db).minRunners,
    future,
    since: future ? `${input.leavingOn}T00:00:00.000Z` : now.toISOString(),
    item: (accountId, kind, summary, since) =>
      Number(insertItem.run(handoverId, accountId, kind, summary, since).lastInsertRowid),
    audit: (action, accountId, label, details) =>
      void appendAudit(db, now, {
        actor,
        action,
        targetType: accountId ? 'account' : 'person',
        targetId: accountId ?? person.id,
        targetLabel: label ?? person.name,
        details: { handoverId, ...details },
      }),
  };
}

/** The person is marked leaving (a future date) or left. */
function recordDeparture(a: Apply): void {
  const { db, plan, input, now } = a;
  if (a.future)
    db.prepare("UPDATE people SET status = 'leaving', leaving_on = ?, updated_at = ? WHERE id = ?").run(
      input.leavingOn,
      now.toISOString(),
      plan.person.id,
    );
  else
    db.prepare("UPDATE people SET status = 'left', leaving_on = ?, left_on = ?, updated_at = ? WHERE id = ?").run(
      input.leavingOn,
      input.leavingOn,
      now.toISOString(),
      plan.person.id,
    );
  a.audit(a.future ? 'person.leaving' : 'person.left', null, null, { leavingOn: input.leavingOn });
}

/** One account: its lead passed on or the account set to close, the leaver's knowledge of the password undone. */
function applyToAccount(a: Apply, account: PlanAccount): void {
  const { db, plan, input } = a;
  const person = plan.person;
  const decision = input.leads.find((d) => d.accountId === account.accountId);
  if (account.leads && decision?.action === 'transfer') {
    const next = requirePerson(db, decision.newLeadId);
    db.prepare('UPDATE accounts SET lead_person_id = ?, updated_at = ? WHERE id = ?').run(
      next.id,
      a.now.toISOString(),
      account.accountId,
    );
    a.item(account.accountId, 'transfer-lead', `Lead passed from ${person.name} to ${next.name}.`, null);
    a.audit('account.lead-transferred', account.accountId, account.label, { from: person.name, to: next.name });
  }
  if (account.leads && decision?.action === 'close') {
    a.item(account.accountId, 'close-account', `To be closed: ${person.name} led it and nobody takes it over.`, null);
    a.audit('account.closing', account.accountId, account.label, { reason: `${person.name} leaving` });
  }
  if (account.holds) removeLeaverAsHolder(a, account);
  if (account.runs)
    db.prepare('DELETE FROM account_runners WHERE account_id = ? AND person_id = ?').run(account.accountId, person.id);
  const replacement = input.replacements?.find((r) => r.accountId === account.accountId);
  if (replacement) takeTheirPlace(a, account, replacement);
  if (account.emailIsTheirs)
    a.item(account.accountId, 'move-email', `The login email is ${person.name}'s own address.`, null);
  // What is still short after any replacement: acknowledged here, and left open until it is put right.
  const left = decision?.action === 'close' ? [] : shortfalls(account, a.minRunners, filled(account, replacement));
  const reason = input.acknowledgements.find((ack) => ack.accountId === account.accountId)?.reason;
  if (reason && left.length > 0) {
    a.item(account.accountId, 'acknowledged', `${left.join(' ')} Acknowledged: ${reason}`, null);
    a.audit('handover.acknowledged', account.accountId, account.label, { blocking: left, reason });
  }
}

/**
 * Someone takes the leaver's place, chosen in the same step: named to run
 * the account and, with an authorisation by the Headteacher or SLT, a named
 * holder (they learn the new password when it is changed).
 */
function takeTheirPlace(
  a: Apply,
  account: PlanAccount,
  replacement: { personId: number; authorisedById: number | null },
): void {
  const { db, plan } = a;
  const next = requirePerson(db, replacement.personId);
  db.prepare('INSERT OR IGNORE INTO account_runners (account_id, person_id) VALUES (?, ?)').run(
    account.accountId,
    next.id,
  );
  const holds = replacement.authorisedById !== null && !account.candidates.find((c) => c.id === next.id)?.holder;
  if (holds)
    addHolder(db, a.now, a.actor, {
      accountId: account.accountId,
      personId: next.id,
      authorisedById: replacement.authorisedById!,
      authorisedOn: londonDateOf(a.now),
      overrideReason: '',
      accessEndsOn: null,
    });
  const authoriser = plan.authorisers.find((p) => p.id === replacement.authorisedById)?.name;
  a.item(
    account.accountId,
    'transfer-lead',
    `${next.name} takes ${plan.person.name}'s place running it${holds ? ` and will know the password (authorised by ${authoriser})` : ''}.`,
    null,
  );
  a.audit('account.updated', account.accountId, account.label, {
    runnerAdded: next.name,
    reason: `in place of ${plan.person.name}`,
  });
}

/** The leaver stops being a named holder, and the password must change by the leaving date. */
function removeLeaverAsHolder(a: Apply, account: PlanAccount): void {
  const { db, plan, input } = a;
  const person = plan.person;
  db.prepare(
    "UPDATE account_holders SET removed_on = ?, removed_reason = 'left the school' WHERE account_id = ? AND person_id = ? AND removed_on IS NULL",
  ).run(input.leavingOn, account.accountId, person.id);
  // A change already required sooner (a security threat) keeps its earlier date.
  const existing = db
    .prepare('SELECT rotation_required_since AS since FROM accounts WHERE id = ?')
    .get(account.accountId) as { since: string | null };
  if (!existing.since || existing.since > a.since) {
    const why = `holder left: ${person.name} (${ukDate(input.leavingOn)})`;
    markRotationRequired(db, a.now, a.actor, account.accountId, account.label, why);
    db.prepare('UPDATE accounts SET rotation_required_since = ? WHERE id = ?').run(a.since, account.accountId);
  }
  // Any change confirmed from now on counts: they are no longer a holder, so they will not be told it.
  a.item(
    account.accountId,
    'remove-holder',
    `${person.name} removed as a holder; the password must change by ${ukDate(input.leavingOn)}.`,
    a.now.toISOString(),
  );
  a.audit('holder.removed', account.accountId, account.label, {
    holder: person.name,
    reason: 'left the school',
    on: input.leavingOn,
  });
}

/** The account administrator's role goes to the successor, or waits for one to be chosen. */
function handAdministratorRole(a: Apply): void {
  const { db, plan, input } = a;
  const person = plan.person;
  const successor = input.successorId ? requirePerson(db, input.successorId) : null;
  const roleItem = a.item(
    null,
    'administrator-role',
    successor
      ? `${person.name} hands the account administrator role to ${successor.name}.`
      : `${person.name} is the account administrator: choose a successor.`,
    null,
  );
  if (!successor) return;
  const roles = [...new Set([...successor.roles, 'administrator'])];
  db.prepare('UPDATE people SET roles = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(roles),
    a.now.toISOString(),
    successor.id,
  );
  db.prepare("INSERT INTO handover_steps (item_id, step, done_on) VALUES (?, 'successor-chosen', ?)").run(
    roleItem,
    londonDateOf(a.now),
  );
  a.audit('person.updated', null, successor.name, {
    roles: { from: successor.roles, to: roles },
    reason: 'successor as account administrator',
  });
}

export { stepLabels, stepsFor };
export type { Handover };
