import type { accountInputSchema, SecretField } from '../../shared/contract';
import { appendAudit, type AuditInput } from '../audit/audit-log';
import type { Db } from '../db/open';
import { createAccount, requireAccount } from '../accounts/accounts';
import { markRotationRequired } from '../holders/holders';
import { addHistory, storeSecret, type VaultKey } from '../secrets/secret-rows';
import { londonDateOf } from '../../shared/time';

/** A holder to record: a person in People, or one this import adds (by name). */
export interface ReadyHolder {
  personId: number | null;
  newName: string | null;
  /** nameKey() of the name: one new person per key, however many rows name them. */
  key: string;
  /** Set on holders past the school's limit when the administrator gave a reason. */
  overrideReason: string;
}

/** One checked row (or password-manager entry), ready to write. */
export interface ReadyRow {
  rowNumber: number;
  account: ReturnType<typeof accountInputSchema.parse>;
  password: string | null;
  recoveryCodes: string | null;
  /** TOTP seeds, custom fields and notes from a password manager: encrypted. */
  twoFactorNotes: string | null;
  /** yyyy-mm-dd, or a full timestamp, when the password was last changed. */
  passwordChangedOn: string | null;
  /** Why the password falls short of the policy, or '': recorded so the Dashboard shows it. */
  passwordWeakness: string;
  /** Previous passwords, oldest first, with when each stopped being used. */
  history: { password: string; retiredAt: string }[];
  holders: ReadyHolder[];
  approval: { personId: number; on: string } | null;
  /** An account already in the register whose password this row replaces (nothing else of it changes). */
  updateAccountId: number | null;
}

/** Who is writing, when, and with which key: read once, before the transaction. */
export interface CommitContext {
  db: Db;
  now: Date;
  key: Buffer;
  vaultId: string;
  actor: string;
}

export interface CommitCounts {
  created: number;
  updated: number;
  passwordsStored: number;
  /** How many rows had their `otherSecret` stored. */
  otherSecretsStored: number;
  peopleCreated: number;
  holdersRecorded: number;
  approvalsRecorded: number;
}

export interface CommitPlan {
  /** The reason recorded on each secret of a row, naming where it came from. */
  reason: (row: ReadyRow) => string;
  /** Recorded on every imported password: it was kept unencrypted before, so it must be changed. */
  rotationReason: string;
  /** A second secret for the row (recovery codes), stored after the password, or null. */
  otherSecret: (row: ReadyRow) => { field: SecretField; value: string } | null;
  /** Set on each person this import adds: their details are a name only, to be checked. */
  importCheck: string;
  /** The audit entry that closes the import, written last in the same transaction. */
  completed: (counts: CommitCounts) => AuditInput;
}

const when = (date: string | null, now: Date) =>
  date ? (date.length === 10 ? `${date}T00:00:00.000Z` : new Date(date).toISOString()) : now.toISOString();

/**
 * Writes already validated rows into the register: the people they name,
 * each account, its password (marked "rotation required") and other secrets,
 * its history, holders and approval, every secret encrypted and every change
 * audited. One transaction: all of it, or (on any failure) none of it. The
 * spreadsheet import and the password-manager migration share it.
 */
export function commitRows(ctx: CommitContext, rows: ReadyRow[], plan: CommitPlan): CommitCounts {
  const counts: CommitCounts = {
    created: 0,
    updated: 0,
    passwordsStored: 0,
    otherSecretsStored: 0,
    peopleCreated: 0,
    holdersRecorded: 0,
    approvalsRecorded: 0,
  };
  ctx.db
    .transaction(() => {
      const newPeople = createPeople(ctx, rows, plan.importCheck);
      counts.peopleCreated = newPeople.size;
      for (const row of rows) {
        if (row.updateAccountId !== null) updatePassword(ctx, row, plan, counts);
        else createRow(ctx, row, plan, counts, newPeople);
      }
      appendAudit(ctx.db, ctx.now, plan.completed(counts));
    })
    .immediate();
  return counts;
}

function createPeople(ctx: CommitContext, rows: ReadyRow[], importCheck: string): Map<string, number> {
  const made = new Map<string, number>();
  const at = ctx.now.toISOString();
  for (const holder of rows.flatMap((row) => row.holders)) {
    if (holder.personId !== null || holder.newName === null || made.has(holder.key)) continue;
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO people (name, roles, status, import_check, created_at, updated_at) VALUES (?, '["staff"]', 'active', ?, ?, ?)`,
        )
        .run(holder.newName, importCheck, at, at).lastInsertRowid,
    );
    appendAudit(ctx.db, ctx.now, {
      actor: ctx.actor,
      action: 'person.added',
      targetType: 'person',
      targetId: id,
      targetLabel: holder.newName,
      details: { roles: ['staff'], source: 'imported', check: importCheck },
    });
    made.set(holder.key, id);
  }
  return made;
}

function storePassword(ctx: CommitContext, row: ReadyRow, plan: CommitPlan, accountId: number, label: string) {
  const vault: VaultKey = { key: ctx.key, vaultId: ctx.vaultId };
  const meta = {
    actor: ctx.actor,
    now: ctx.now.toISOString(),
    setAt: when(row.passwordChangedOn, ctx.now),
    reason: plan.reason(row),
    source: 'imported',
  };
  storeSecret(ctx.db, vault, accountId, label, 'password', row.password!, meta);
  if (row.passwordWeakness)
    ctx.db.prepare('UPDATE accounts SET password_weakness = ? WHERE id = ?').run(row.passwordWeakness, accountId);
  markRotationRequired(ctx.db, ctx.now, ctx.actor, accountId, label, plan.rotationReason);
}

function updatePassword(ctx: CommitContext, row: ReadyRow, plan: CommitPlan, counts: CommitCounts): void {
  const account = requireAccount(ctx.db, row.updateAccountId!);
  storePassword(ctx, row, plan, account.id, account.handle);
  counts.updated += 1;
  counts.passwordsStored += 1;
}

function createRow(
  ctx: CommitContext,
  row: ReadyRow,
  plan: CommitPlan,
  counts: CommitCounts,
  newPeople: Map<string, number>,
): void {
  const { db, now, actor } = ctx;
  const vault: VaultKey = { key: ctx.key, vaultId: ctx.vaultId };
  const account = createAccount({ db, now, actor }, row.account);
  counts.created += 1;
  const reason = plan.reason(row);
  // Oldest first, so the newest previous password has the highest history id.
  row.history.forEach((old, i) => {
    const setAt = i === 0 ? old.retiredAt : row.history[i - 1]!.retiredAt;
    addHistory(db, vault, account.id, {
      password: old.password,
      setAt,
      setBy: actor,
      reason: `${reason} (password history)`,
      retiredAt: old.retiredAt,
      retiredBy: actor,
      retiredReason: 'Replaced before the import (from the password history)',
    });
  });
  if (row.password !== null) {
    storePassword(ctx, row, plan, account.id, account.handle);
    counts.passwordsStored += 1;
  }
  const others = [
    plan.otherSecret(row),
    row.twoFactorNotes ? { field: 'twoFactorNotes' as const, value: row.twoFactorNotes } : null,
  ];
  for (const other of others) {
    if (other === null) continue;
    storeSecret(db, vault, account.id, account.handle, other.field, other.value, {
      actor,
      now: now.toISOString(),
      reason,
      source: 'imported',
    });
    counts.otherSecretsStored += 1;
  }
  recordHolders(ctx, account.id, account.handle, row, newPeople, counts);
  if (row.approval) recordApproval(ctx, account.id, account.handle, row.approval, counts);
}

function recordHolders(
  ctx: CommitContext,
  accountId: number,
  label: string,
  row: ReadyRow,
  newPeople: Map<string, number>,
  counts: CommitCounts,
): void {
  const today = londonDateOf(ctx.now);
  for (const holder of row.holders) {
    const personId = holder.personId ?? newPeople.get(holder.key)!;
    const name = (ctx.db.prepare('SELECT name FROM people WHERE id = ?').get(personId) as { name: string }).name;
    const result = ctx.db
      .prepare('INSERT INTO account_holders (account_id, person_id, added_on, override_reason) VALUES (?, ?, ?, ?)')
      .run(accountId, personId, today, holder.overrideReason);
    appendAudit(ctx.db, ctx.now, {
      actor: ctx.actor,
      action: 'holder.added',
      targetType: 'account',
      targetId: accountId,
      targetLabel: label,
      details: {
        holder: name,
        holderId: Number(result.lastInsertRowid),
        source: 'imported',
        authorisedBy: null,
        ...(holder.overrideReason ? { overrideReason: holder.overrideReason } : {}),
      },
    });
    counts.holdersRecorded += 1;
  }
}

function recordApproval(
  ctx: CommitContext,
  accountId: number,
  label: string,
  approval: { personId: number; on: string },
  counts: CommitCounts,
): void {
  const name = (ctx.db.prepare('SELECT name FROM people WHERE id = ?').get(approval.personId) as { name: string }).name;
  ctx.db
    .prepare(
      "UPDATE accounts SET approved_by = ?, approved_on = ?, status = 'approved', status_changed_on = ?, updated_at = ? WHERE id = ? AND status = 'proposed'",
    )
    .run(approval.personId, approval.on, approval.on, ctx.now.toISOString(), accountId);
  appendAudit(ctx.db, ctx.now, {
    actor: ctx.actor,
    action: 'account.approved',
    targetType: 'account',
    targetId: accountId,
    targetLabel: label,
    details: { approvedBy: name, approvedOn: approval.on, source: 'imported' },
  });
  counts.approvalsRecorded += 1;
}
